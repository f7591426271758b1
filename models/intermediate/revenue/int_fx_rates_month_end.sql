{#- The month-end rate of each currency (sources.md, Finance): the latest rate dated on or
    before the month's last day. The reporting currency is 1 every month. A currency with
    no rate yet has no row: the revenue that needs it is listed, never converted. -#}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('stg_finance__fx_rates') }}
    where currency <> '{{ var("reporting_currency") }}'
),

candidates as (
    select
        months.month,
        fx_rates.currency,
        fx_rates.rate,
        fx_rates.rate_date,
        row_number() over (
            partition by months.month, fx_rates.currency
            order by fx_rates.rate_date desc
        ) as recency_rank
    from months
    inner join fx_rates
        on fx_rates.rate_date <= months.month_end_date
),

latest as (
    select
        month,
        currency,
        rate as fx_rate,
        rate_date
    from candidates
    where recency_rank = 1
),

reporting_currency as (
    select
        month,
        '{{ var("reporting_currency") }}' as currency,
        cast(1 as {{ type_double() }}) as fx_rate,
        month_end_date as rate_date
    from months
),

final as (
    select * from latest
    union all
    select * from reporting_currency
)

select * from final
