{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='append'
    )
}}
{#- One row per product event (a Segment track with userId and context.groupId, once per
    messageId) with its reporting-timezone day and month: the event-sized part of
    int_cs_product_events, kept incrementally so a nightly converts only the new events.
    An incremental run reads only the staging rows that are new (as stg_segment__events
    picks them): loaded after the newest load kept, or dated after the newest event kept
    (events an earlier as-of day left out), and appends them: such a row cannot be kept
    already (it would have raised the high-water mark it passes). A change of
    reporting_timezone needs a --full-refresh. -#}
with

events as (
    select
        *,
        {{ reporting_date('event_at') }} as event_date
    from {{ ref('stg_segment__events') }}
    where
        message_type = 'track'
        and user_id is not null
        and account_id is not null
    {% if is_incremental() %}
        and (
            loaded_at > {{ incremental_high_water('loaded_at') }}
            or event_at > {{ incremental_high_water('event_at') }}
        )
    {% endif %}
),

final as (
    select
        message_id,
        account_id,
        user_id,
        event_name,
        event_at,
        event_date,
        -- the month of the day already converted: a time-zone conversion an event, not two
        cast({{ dbt.date_trunc('month', 'event_date') }} as date) as event_month,
        loaded_at
    from events
)

select * from final
