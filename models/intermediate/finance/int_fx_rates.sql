{#- One row per currency and rate: the period [valid_from, valid_to) in which it is the latest
    rate on or before a date (sources.md, Finance), valid_to null for the rate still in force.
    The reporting currency is 1 at every date. A currency with no rate on or before a date
    has no row covering it: what needs it is listed, never converted. The one FX model:
    revenue, costs, spend and opportunities join it with fx_rate_on(). -#}
with

fx_rates as (
    select * from {{ ref('stg_finance__fx_rates') }}
    where currency <> '{{ var("reporting_currency") }}'
),

periods as (
    select
        currency,
        rate as fx_rate,
        rate_date as valid_from,
        lead(rate_date) over (partition by currency order by rate_date) as valid_to
    from fx_rates
),

reporting_currency as (
    select
        '{{ var("reporting_currency") }}' as currency,
        cast(1 as {{ type_rate() }}) as fx_rate,
        cast('1900-01-01' as date) as valid_from,
        cast(null as date) as valid_to
),

final as (
    select * from periods
    union all
    select * from reporting_currency
)

select * from final
