{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'event_month']
    )
}}
{#- One row per account, month and product event name: how many events and the first day
    of the month it happened (core-feature use and onboarding's event milestones). The
    feature of an event name is joined where it is read, so a change to
    seeds/segment_features.csv applies to every month at once. Kept incrementally: a
    nightly rebuilds only the account-months that received events. -#}
with

events as (
    {{ product_events_in_changed_months() }}
),

final as (
    select
        account_id,
        event_month,
        event_name,
        count(*) as product_events,
        min(event_date) as first_event_date,
        max(loaded_at) as last_loaded_at,
        max(event_at) as last_event_at
    from events
    group by account_id, event_month, event_name
)

select * from final
