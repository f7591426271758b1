{#- sources.md, Segment: a group call ties its userId to the top-level groupId (the CRM
    Account Id). One row per user: the group of the user's latest group call. -#}
with

group_calls as (
    select * from {{ ref('stg_segment__events') }}
    where message_type = 'group'
        and user_id is not null
        and group_id is not null
),

ranked as (
    select
        user_id,
        group_id,
        event_at,
        message_id,
        row_number() over (
            partition by user_id
            order by event_at desc, message_id desc
        ) as group_rank
    from group_calls
),

final as (
    select
        user_id,
        group_id as account_id,
        event_at as grouped_at,
        message_id as group_message_id
    from ranked
    where group_rank = 1
)

select * from final
