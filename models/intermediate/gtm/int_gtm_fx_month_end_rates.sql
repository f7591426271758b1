with

fx_rates as (
    select * from {{ ref('stg_finance__fx_rates') }}
),

bounds as (
    select
        cast({{ dbt.date_trunc('month', 'min(rate_date)') }} as date) as first_month,
        cast({{ dbt.date_trunc('month', revenue_as_of_date()) }} as date) as last_month
    from fx_rates
),

month_offsets as (
    {{ dbt.generate_series(1200) }}
),

months as (
    select
        cast({{ dbt.dateadd('month', 'month_offsets.generated_number - 1', 'bounds.first_month') }} as date) as month
    from bounds
    cross join month_offsets
    where {{ dbt.dateadd('month', 'month_offsets.generated_number - 1', 'bounds.first_month') }} <= bounds.last_month
),

currencies as (
    select distinct currency from fx_rates
    where currency <> '{{ var("reporting_currency") }}'
),

candidates as (
    -- a month converts at the latest rate on or before its last day
    select
        months.month,
        fx_rates.currency,
        fx_rates.rate,
        fx_rates.rate_date,
        row_number() over (
            partition by months.month, fx_rates.currency
            order by fx_rates.rate_date desc
        ) as rate_rank
    from months
    inner join fx_rates
        on fx_rates.rate_date <= cast({{ dbt.last_day('months.month', 'month') }} as date)
    inner join currencies
        on fx_rates.currency = currencies.currency
),

foreign_rates as (
    select
        month,
        currency,
        rate,
        rate_date
    from candidates
    where rate_rank = 1
),

reporting_rates as (
    select
        month,
        '{{ var("reporting_currency") }}' as currency,
        cast(1 as {{ type_double() }}) as rate,
        cast(null as date) as rate_date
    from months
),

unioned as (
    select * from foreign_rates
    union all
    select * from reporting_rates
),

final as (
    select * from unioned
)

select * from final
