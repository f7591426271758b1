{{ config(materialized='view') }}
{#- One row per product event (metrics.md, Activity): a Segment track with userId and
    context.groupId (= CRM Account Id), once per messageId (staging dedupes retries), with
    its reporting-timezone day and month and whether it uses a core feature. A view over
    the incremental int_cs_product_event_days: the feature seed is joined at read time, so
    a change to seeds/segment_features.csv applies to every event at once. The models read
    the incremental rollups (int_cs_usage_*) instead, so a nightly does not read every
    event; this view is the definition people query. -#}
with

events as (
    select * from {{ ref('int_cs_product_event_days') }}
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
        events.event_date,
        events.event_month,
        features.feature,
        coalesce(features.is_core, false) as is_core_feature
    from events
    left join features
        on events.event_name = features.event_name
)

select * from final
