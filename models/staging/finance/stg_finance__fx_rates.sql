with

fx_rates as (
    select * from {{ source('finance', 'fx_rates') }}
    where {{ is_as_of_date('date') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by date, upper(currency)
            order by _file desc, _line desc
        ) as version_rank
    from fx_rates
),

final as (
    select
        date as rate_date,
        upper(currency) as currency,
        rate,
        _file,
        _loaded_at
    from ranked
    where version_rank = 1
)

select * from final
