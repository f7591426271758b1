{#- Median as an aggregate; DuckDB and Spark 3.4+ have median(), Postgres needs the
    ordered-set form. -#}
{% macro gtm_median(expression) -%}
    {{ return(adapter.dispatch('gtm_median', 'revenue_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__gtm_median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{% macro postgres__gtm_median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}
