{#- Sales cycle (metrics.md, Funnel) = days from the opportunity's CreatedDate (its date in
    the reporting timezone) to CloseDate, for won deals only. A bigint on every engine
    (Spark's datediff returns an int, DuckDB's a bigint). -#}
{% macro sales_cycle_days(created_at, close_date, is_won) -%}
    case when {{ is_won }} then cast({{ dbt.datediff('cast(' ~ to_reporting_timestamp(created_at) ~ ' as date)', close_date, 'day') }} as {{ dbt.type_bigint() }}) end
{%- endmacro %}
