with

source as (
    select * from {{ source('finance', 'costs') }}
    where {{ is_as_of_date('month') }}
),

keyed as (
    select
        *,
        upper(currency) as currency_code
    from source
),

latest_file as (
    -- a re-extract replaces a month's cost line: the later file holding the key wins
    {{ newest_version('keyed', 'month, category, currency_code', whole_file=true) }}
),

aggregated as (
    select
        month,
        category,
        currency_code as currency,
        sum(cast(amount as {{ type_money() }})) as amount_local
    from latest_file
    group by month, category, currency_code
),

final as (
    select
        {{ dbt.concat(["cast(month as " ~ dbt.type_string() ~ ")", "'|'", "category", "'|'", "currency"]) }} as cost_id,
        month,
        category,
        currency,
        amount_local
    from aggregated
)

select * from final
