{#- "As of" for every source (metrics.md: as of is the `as_of_date` var): a record dated
    after the as-of day does not count. Timestamps are naive UTC; the as-of day ends at
    midnight in the reporting timezone. A record without a date is kept (the contract
    quarantines those that need one). -#}

{#- The first instant after the as-of day, as a naive UTC timestamp. -#}
{% macro as_of_cutoff_at() -%}
    {{ local_to_utc(
        "cast(" ~ dbt.dateadd('day', 1, revenue_as_of_date()) ~ " as timestamp)",
        var('reporting_timezone')
    ) }}
{%- endmacro %}


{#- True for a UTC timestamp on or before the as-of day. -#}
{% macro is_as_of(timestamp_expression) -%}
    ({{ timestamp_expression }} is null or {{ timestamp_expression }} < {{ as_of_cutoff_at() }})
{%- endmacro %}


{#- True for a calendar date (or a month's first day) on or before the as-of date. -#}
{% macro is_as_of_date(date_expression) -%}
    ({{ date_expression }} is null or {{ date_expression }} <= {{ revenue_as_of_date() }})
{%- endmacro %}
