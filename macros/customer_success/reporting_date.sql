{#- Calendar date in the reporting timezone (var reporting_timezone) of a naive UTC
    timestamp: customer-success days are Asia/Seoul days by default (metrics.md). -#}
{% macro reporting_date(utc_timestamp) -%}
    cast({{ to_reporting_timestamp(utc_timestamp) }} as date)
{%- endmacro %}


{#- First day of the reporting-timezone month of a naive UTC timestamp. -#}
{% macro reporting_month(utc_timestamp) -%}
    cast({{ dbt.date_trunc('month', reporting_date(utc_timestamp)) }} as date)
{%- endmacro %}


{#- Whole days since 1970-01-01, for day-range windows that run on every engine. -#}
{% macro day_number(date_expression) -%}
    {{ dbt.datediff("cast('1970-01-01' as date)", date_expression, 'day') }}
{%- endmacro %}


{#- The first instant (naive UTC) of a reporting-timezone calendar date. -#}
{% macro reporting_day_start(date_expression) -%}
    {{ local_to_utc("cast(" ~ date_expression ~ " as timestamp)", var('reporting_timezone')) }}
{%- endmacro %}


{#- Whole calendar days from start_date to end_date, a BIGINT on every engine (Spark's
    datediff returns an int, DuckDB's a bigint: the enforced contracts need one type). -#}
{% macro days_between(start_date, end_date) -%}
    cast({{ dbt.datediff(start_date, end_date, 'day') | trim }} as {{ dbt.type_bigint() }})
{%- endmacro %}
