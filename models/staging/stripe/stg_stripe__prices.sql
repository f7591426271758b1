with

prices as (
    select * from {{ source('stripe', 'prices') }}
),

currencies as (
    select * from {{ ref('currencies') }}
),

latest as (
    {{ newest_version('prices', 'id') }}
),

final as (
    select
        latest.id as price_id,
        latest.product as product_id,
        upper(latest.currency) as currency,
        {{ to_major_units('latest.unit_amount', 'currencies.decimal_places') }} as unit_amount,
        latest.recurring_interval as billing_interval,
        coalesce(latest.recurring_interval_count, 1) as interval_count,
        coalesce(latest.recurring_usage_type, 'licensed') as usage_type,
        latest.recurring_interval is not null as is_recurring,
        latest.created as created_at,
        latest._file,
        latest._loaded_at
    from latest
    left join currencies
        on upper(latest.currency) = currencies.currency
)

select * from final
