{#- The newest `column` of {{ this }} (an incremental model's high-water mark) as a
    timestamp literal, read once when dbt executes: a filter against a constant lets the
    engine skip whole row groups of an event-sized input, a subquery is compared row by
    row. 1900-01-01 when {{ this }} holds no row. Where {{ this }} is not a table of the
    warehouse (a unit test gives it as rows) the same value comes from a subquery. -#}
{% macro incremental_high_water(column) -%}
    {%- set fallback = "(select coalesce(max(" ~ column ~ "), cast('1900-01-01' as timestamp)) from " ~ this ~ ")" -%}
    {%- if not execute or load_relation(this) is none -%}
        {{ return(fallback) }}
    {%- endif -%}
    {%- set found = run_query("select cast(max(" ~ column ~ ") as " ~ dbt.type_string() ~ ") from " ~ this) -%}
    {%- set value = found.columns[0].values()[0] -%}
    {{ return("cast('" ~ (value if value is not none else '1900-01-01') ~ "' as timestamp)") }}
{%- endmacro %}
