{#- Timezone conversion behind adapter.dispatch so revenue models stay portable.
    local_to_utc: a naive timestamp read as wall time in `tz` -> the same instant as a naive
    UTC timestamp. utc_to_local: the reverse. current_date_in_timezone: today's calendar
    date in `tz`. DuckDB (icu) and Postgres share the `at time zone` form; Spark has its own. -#}

{% macro local_to_utc(timestamp_expression, tz) -%}
    {{ return(adapter.dispatch('local_to_utc', 'revenue_warehouse')(timestamp_expression, tz)) }}
{%- endmacro %}

{% macro default__local_to_utc(timestamp_expression, tz) -%}
    (({{ timestamp_expression }}) at time zone '{{ tz }}') at time zone 'UTC'
{%- endmacro %}

{% macro duckdb__local_to_utc(timestamp_expression, tz) -%}
    timezone('UTC', timezone('{{ tz }}', cast({{ timestamp_expression }} as timestamp)))
{%- endmacro %}

{% macro spark__local_to_utc(timestamp_expression, tz) -%}
    to_utc_timestamp({{ timestamp_expression }}, '{{ tz }}')
{%- endmacro %}


{% macro utc_to_local(timestamp_expression, tz) -%}
    {{ return(adapter.dispatch('utc_to_local', 'revenue_warehouse')(timestamp_expression, tz)) }}
{%- endmacro %}

{% macro default__utc_to_local(timestamp_expression, tz) -%}
    (({{ timestamp_expression }}) at time zone 'UTC') at time zone '{{ tz }}'
{%- endmacro %}

{% macro duckdb__utc_to_local(timestamp_expression, tz) -%}
    timezone('{{ tz }}', timezone('UTC', cast({{ timestamp_expression }} as timestamp)))
{%- endmacro %}

{% macro spark__utc_to_local(timestamp_expression, tz) -%}
    from_utc_timestamp({{ timestamp_expression }}, '{{ tz }}')
{%- endmacro %}


{% macro current_date_in_timezone(tz) -%}
    {{ return(adapter.dispatch('current_date_in_timezone', 'revenue_warehouse')(tz)) }}
{%- endmacro %}

{% macro default__current_date_in_timezone(tz) -%}
    cast(current_timestamp at time zone '{{ tz }}' as date)
{%- endmacro %}

{% macro duckdb__current_date_in_timezone(tz) -%}
    cast(timezone('{{ tz }}', current_timestamp) as date)
{%- endmacro %}

{% macro spark__current_date_in_timezone(tz) -%}
    to_date(from_utc_timestamp(current_timestamp(), '{{ tz }}'))
{%- endmacro %}
