{#- as_of_date var, or today in the reporting timezone when null. The last complete month is
    the month before the one holding as_of_date (metrics.md, Public marts). -#}
{% macro revenue_as_of_date() -%}
    {%- set as_of = var('as_of_date', none) -%}
    {%- if as_of is none or as_of | string | lower in ('', 'none', 'null') -%}
        {{ current_date_in_timezone(var('reporting_timezone')) }}
    {%- else -%}
        cast('{{ as_of }}' as date)
    {%- endif -%}
{%- endmacro %}


{% macro revenue_last_complete_month() -%}
    cast({{ dbt.dateadd('month', -1, dbt.date_trunc('month', revenue_as_of_date())) }} as date)
{%- endmacro %}
