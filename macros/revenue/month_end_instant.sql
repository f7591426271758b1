{#- The instant MRR is measured at (metrics.md, Revenue): the last instant of month M in the
    reporting timezone. Returned as the exclusive boundary that follows it, the first instant
    of M+1, as a naive UTC timestamp, because instants are continuous: a period
    [start, end) contains the last instant of M exactly when start < boundary <= end, and a
    subscription is still in force then exactly when ended_at >= boundary. -#}
{% macro month_end_instant(month_expression) -%}
    {{ local_to_utc(
        "cast(" ~ dbt.dateadd('month', 1, month_expression) ~ " as timestamp)",
        var('reporting_timezone')
    ) }}
{%- endmacro %}


{#- True when an invoice line's billing period holds the month-end instant. -#}
{% macro period_contains_month_end(period_start, period_end, month_end_instant_column) -%}
    ({{ period_start }} < {{ month_end_instant_column }} and {{ period_end }} >= {{ month_end_instant_column }})
{%- endmacro %}
