{#- Funnel stages (metrics.md, Conversion): leads, MQLs, SQLs, opportunities and won deals
    counted over rows of fct_leads. One home for mart_funnel and mart_funnel_by_dimension. -#}
{% macro funnel_stage_counts() -%}
    count(*) as leads,
    cast(sum(case when is_mql then 1 else 0 end) as {{ dbt.type_bigint() }}) as mqls,
    cast(sum(case when is_sql then 1 else 0 end) as {{ dbt.type_bigint() }}) as sqls,
    cast(sum(case when has_opportunity then 1 else 0 end) as {{ dbt.type_bigint() }}) as opportunities,
    cast(sum(case when is_won then 1 else 0 end) as {{ dbt.type_bigint() }}) as won
{%- endmacro %}
