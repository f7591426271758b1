{#- One row per product event (metrics.md, Activity): a Segment track with userId and
    context.groupId (= CRM Account Id), once per messageId (staging dedupes retries), with
    its reporting-timezone day and month and whether it uses a core feature. -#}
with

events as (
    select * from {{ ref('stg_segment__events') }}
    where
        message_type = 'track'
        and user_id is not null
        and account_id is not null
),

features as (
    select * from {{ ref('segment_features') }}
),

final as (
    select
        events.message_id,
        events.account_id,
        events.user_id,
        events.event_name,
        events.event_at,
        {{ reporting_date('events.event_at') }} as event_date,
        {{ reporting_month('events.event_at') }} as event_month,
        features.feature,
        coalesce(features.is_core, false) as is_core_feature
    from events
    left join features
        on events.event_name = features.event_name
)

select * from final
