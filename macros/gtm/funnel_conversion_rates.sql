{#- Stage-to-stage conversion (metrics.md, Conversion): each stage ÷ the one before, and
    lead → won overall; null when the earlier stage is empty. Reads the columns of
    funnel_stage_counts(). -#}
{% macro funnel_conversion_rates() -%}
    {{ rate_quotient('mqls', 'leads') }} as lead_to_mql_rate,
    {{ rate_quotient('sqls', 'mqls') }} as mql_to_sql_rate,
    {{ rate_quotient('opportunities', 'sqls') }} as sql_to_opportunity_rate,
    {{ rate_quotient('won', 'opportunities') }} as opportunity_to_won_rate,
    {{ rate_quotient('won', 'leads') }} as lead_to_won_rate
{%- endmacro %}
