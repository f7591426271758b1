{#- as_of_date var, else the DBT_AS_OF_DATE environment variable (what orchestration sets),
    else today in the reporting timezone. The last complete month is the month before the
    one holding as_of_date (metrics.md, Public marts).
    The environment variable is read only when dbt executes, never while it parses: the
    parsed project then does not depend on the day, so a nightly build reuses the saved
    parse (partial parsing) instead of parsing every file again, which a changed --vars
    forces. Unit tests set the var (`overrides: vars: {as_of_date: ...}`), which wins. -#}
{% macro revenue_as_of_date() -%}
    {%- set as_of = var('as_of_date', none) -%}
    {%- if as_of is none or as_of | string | lower in ('', 'none', 'null') -%}
        {%- set as_of = env_var('DBT_AS_OF_DATE', '') if execute else '' -%}
    {%- endif -%}
    {%- if as_of | string | lower in ('', 'none', 'null') -%}
        {{ current_date_in_timezone(var('reporting_timezone')) }}
    {%- else -%}
        cast('{{ as_of }}' as date)
    {%- endif -%}
{%- endmacro %}


{% macro revenue_last_complete_month() -%}
    cast({{ dbt.dateadd('month', -1, dbt.date_trunc('month', revenue_as_of_date())) }} as date)
{%- endmacro %}
