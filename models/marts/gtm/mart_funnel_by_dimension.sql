{%- set dimensions = {
    'channel': 'channel',
    'industry': 'industry',
    'owner': 'coalesce(owner_name, owner_id)',
    'icp_segment': 'icp_segment'
} -%}

with

leads as (
    select * from {{ ref('fct_leads') }}
),

{% for dimension, column in dimensions.items() %}
by_{{ dimension }} as (
    select
        cohort_month,
        '{{ dimension }}' as dimension,
        coalesce(cast({{ column }} as {{ dbt.type_string() }}), 'unknown') as dimension_value,
        {{ funnel_stage_counts() }}
    from leads
    group by 1, 2, 3
),

{% endfor %}
unioned as (
    {% for dimension in dimensions %}
    select * from by_{{ dimension }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (
    select
        cohort_month,
        dimension,
        dimension_value,
        leads,
        mqls,
        sqls,
        opportunities,
        won,
        {{ funnel_conversion_rates() }}
    from unioned
)

select * from final
