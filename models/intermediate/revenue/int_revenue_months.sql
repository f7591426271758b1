{#- The month spine of revenue history: from var first_month (or the first month any
    invoice line period or contract starts) to the last complete month before as_of_date.
    Each month carries the instant MRR is measured at (macros/revenue/month_end_instant). -#}
{%- set tz = var('reporting_timezone') -%}
{%- set first_month = var('first_month', none) -%}
{%- set end_month = dbt.date_trunc('month', revenue_as_of_date()) -%}
{%- set fallback_start = dbt.dateadd('month', -1, end_month) -%}
{%- if first_month -%}
{%- set activity_start = "cast('" ~ first_month ~ "' as date)" -%}
{%- else -%}
{%- set activity_start -%}
    (
        select min(activity_month)
        from (
            select cast({{ dbt.date_trunc('month', utc_to_local('period_start_at', tz)) }} as date) as activity_month
            from {{ ref('stg_stripe__invoice_lines') }}
            union all
            select cast({{ dbt.date_trunc('month', 'start_date') }} as date) as activity_month
            from {{ ref('stg_contracts__contracts') }}
        ) as activity
    )
{%- endset -%}
{%- endif -%}
{%- set start_month =
    "cast(least(coalesce(" ~ activity_start ~ ", " ~ fallback_start ~ "), " ~ fallback_start ~ ") as date)"
-%}

with

spine as (
    {{ dbt.date_spine('month', start_month, "cast(" ~ end_month ~ " as date)") }}
),

months as (
    select cast(date_month as date) as month
    from spine
),

final as (
    select
        month,
        cast({{ dbt.dateadd('month', -1, 'month') }} as date) as previous_month,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month')) }} as date) as month_end_date,
        {{ month_end_instant('month') }} as month_end_at
    from months
    where month <= {{ revenue_last_complete_month() }}
)

select * from final
