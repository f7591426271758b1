{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'event_month']
    )
}}
{#- One row per account, month and Segment userId with a product event in that month: the
    month's active users and each user's first event day (onboarding's active-user
    milestones). Kept incrementally: a nightly rebuilds only the account-months that
    received events. -#}
with

events as (
    {{ product_events_in_changed_months() }}
),

final as (
    select
        account_id,
        event_month,
        user_id,
        count(*) as product_events,
        min(event_date) as first_event_date,
        max(loaded_at) as last_loaded_at,
        max(event_at) as last_event_at
    from events
    group by account_id, event_month, user_id
)

select * from final
