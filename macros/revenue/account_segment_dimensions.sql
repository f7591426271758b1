{#- One row per account of `account_ids` (a CTE with account_id) and segment dimension
    (industry, country, icp_segment) with the account's value from `accounts` (dim_accounts),
    'unknown' when empty or when the account is not there, so every account has exactly one
    value per dimension and the values of a dimension add up to the whole. The one home of
    the segment dimensions for the segment bridge and NRR by dimension. -#}
{% macro account_segment_dimensions(account_ids, accounts) -%}
    {%- for dimension in ['industry', 'country', 'icp_segment'] %}
    select
        {{ account_ids }}.account_id,
        '{{ dimension }}' as dimension,
        coalesce(nullif({{ accounts }}.{{ dimension }}, ''), 'unknown') as dimension_value
    from {{ account_ids }}
    left join {{ accounts }}
        on {{ account_ids }}.account_id = {{ accounts }}.account_id
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
