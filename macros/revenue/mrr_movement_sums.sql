{#- The MRR bridge's movement columns from fct_mrr_movements rows: amounts by movement type
    (contraction and churn as positive amounts, the sign rule of metrics.md) and the number of
    accounts behind each movement. The one home of that sum for every bridge (the company's
    and each segment's): use inside a select grouped by month (and the segment). -#}
{% macro mrr_movement_amounts() -%}
    {#- (movement type, bridge column, sign): the bridge shows losses as positive amounts -#}
    {{ return([
        ('new', 'new_mrr', 1),
        ('expansion', 'expansion_mrr', 1),
        ('reactivation', 'reactivation_mrr', 1),
        ('contraction', 'contraction_mrr', -1),
        ('churn', 'churned_mrr', -1),
        ('fx_adjustment', 'fx_adjustment_mrr', 1)
    ]) }}
{%- endmacro %}

{% macro mrr_movement_sums(movement_type='movement_type', mrr_change='mrr_change') -%}
    {%- set amounts = mrr_movement_amounts() -%}
    {%- set counts = [
        ('new', 'new_customers'),
        ('churn', 'churned_customers'),
        ('reactivation', 'reactivated_customers'),
        ('expansion', 'expansion_customers'),
        ('contraction', 'contraction_customers')
    ] -%}
    {%- for type, column, sign in amounts %}
    sum(case when {{ movement_type }} = '{{ type }}' then {{ sign }} * {{ mrr_change }} else 0 end) as {{ column }},
    {%- endfor %}
    {%- for type, column in counts %}
    cast(sum(case when {{ movement_type }} = '{{ type }}' then 1 else 0 end) as {{ dbt.type_bigint() }}) as {{ column }}
    {%- if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}

{#- The bridge's movement amounts read from a movement_sums relation, 0 for a month without
    that movement. -#}
{% macro mrr_movement_amounts_or_zero(relation) -%}
    {%- for type, column, sign in mrr_movement_amounts() %}
    coalesce({{ relation }}.{{ column }}, 0) as {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
