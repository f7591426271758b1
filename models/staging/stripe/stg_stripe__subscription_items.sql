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

latest as (
    {{ newest_version('of_latest_subscription', 'id') }}
),

final as (
    select
        id as subscription_item_id,
        subscription_id,
        price_id,
        quantity,
        _file,
        _loaded_at
    from latest
)

select * from final
