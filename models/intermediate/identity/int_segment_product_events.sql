{{ config(materialized='view') }}
{#- Product events (track / page / screen calls of a known userId) with the CRM Account they
    belong to: context.groupId when the event names it, else the group of the user's latest
    group call (sources.md, Segment). An event no group can be found for stays, account null.
    A view: a user's latest group call can move all their events to another account, so
    nothing event-sized is stored here (no model reads it; tests and ad-hoc queries do). -#}
with

events as (
    select * from {{ ref('stg_segment__events') }}
    where message_type in ('track', 'page', 'screen')
        and user_id is not null
),

user_groups as (
    select * from {{ ref('int_segment_user_groups') }}
),

final as (
    select
        events.message_id,
        events.message_type,
        events.event_at,
        events.user_id,
        events.event_name,
        events.page_path,
        coalesce(events.account_id, user_groups.account_id) as account_id,
        case
            when events.account_id is not null then 'context.groupId'
            when user_groups.account_id is not null then 'group call'
        end as account_source
    from events
    left join user_groups
        on events.user_id = user_groups.user_id
)

select * from final
