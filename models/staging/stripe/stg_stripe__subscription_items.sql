{#- Items belong to the newest version of their subscription: an item dropped from the
    subscription in a later extract is gone. -#}
with

subscription_items as (
    select * from {{ source('stripe', 'subscription_items') }}
),

subscriptions as (
    select * from {{ ref('stg_stripe__subscriptions') }}
),

of_latest_subscription as (
    select subscription_items.*
    from subscription_items
    inner join subscriptions
        on subscription_items.subscription_id = subscriptions.subscription_id
        and subscription_items._file = subscriptions._file
),

ranked as (
    select
        *,
        row_number() over (partition by id order by _line desc) as version_rank
    from of_latest_subscription
),

final as (
    select
        id as subscription_item_id,
        subscription_id,
        price_id,
        quantity,
        _file,
        _loaded_at
    from ranked
    where version_rank = 1
)

select * from final
