{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'event_month']
    )
}}
{#- One row per account and reporting-timezone day with a product event: the days an
    account was active (active days per month, the inactive alert's quiet gaps). Kept
    incrementally: a nightly rebuilds only the account-months that received events. -#}
with

events as (
    {{ product_events_in_changed_months() }}
),

final as (
    select
        account_id,
        event_month,
        event_date,
        count(*) as product_events,
        max(loaded_at) as last_loaded_at,
        max(event_at) as last_event_at
    from events
    group by account_id, event_month, event_date
)

select * from final
