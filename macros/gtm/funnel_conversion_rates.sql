{#- Stage-to-stage conversion (metrics.md, Conversion): each stage ÷ the one before, and
    lead → won overall; null when the earlier stage is empty. Reads the columns of
    funnel_stage_counts(). -#}
{% macro funnel_conversion_rates() -%}
    cast(mqls as {{ type_double() }}) / nullif(leads, 0) as lead_to_mql_rate,
    cast(sqls as {{ type_double() }}) / nullif(mqls, 0) as mql_to_sql_rate,
    cast(opportunities as {{ type_double() }}) / nullif(sqls, 0) as sql_to_opportunity_rate,
    cast(won as {{ type_double() }}) / nullif(opportunities, 0) as opportunity_to_won_rate,
    cast(won as {{ type_double() }}) / nullif(leads, 0) as lead_to_won_rate
{%- endmacro %}
