with

fx_rates as (
    select * from {{ source('finance', 'fx_rates') }}
    where {{ is_as_of_date('date') }}
),

latest as (
    {{ newest_version('fx_rates', 'date, upper(currency)') }}
),

final as (
    select
        date as rate_date,
        upper(currency) as currency,
        cast(rate as {{ type_rate() }}) as rate,
        _file,
        _loaded_at
    from latest
)

select * from final
