with

subscriptions as (
    select * from {{ source('stripe', 'subscriptions') }}
    where {{ is_as_of('created') }}
),

latest as (
    {{ newest_version('subscriptions', 'id') }}
),

final as (
    select
        id as subscription_id,
        customer as customer_id,
        status,
        upper(currency) as currency,
        created as created_at,
        start_date as started_at,
        trial_start as trial_start_at,
        trial_end as trial_end_at,
        cancel_at,
        coalesce(cancel_at_period_end, false) as is_cancel_at_period_end,
        canceled_at,
        ended_at,
        _file,
        _line,
        _loaded_at
    from latest
)

select * from final
