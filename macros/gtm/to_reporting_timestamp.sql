{#- Wall-clock time in the reporting timezone (var reporting_timezone) of a naive UTC
    timestamp, so GTM days, weeks and months follow the company's calendar. Delegates to
    the shared, dispatched utc_to_local (macros/utils/timezone_conversion.sql). -#}
{% macro to_reporting_timestamp(utc_timestamp) -%}
    cast({{ utc_to_local(utc_timestamp, var('reporting_timezone')) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}
