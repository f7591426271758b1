with

events as (
    select * from {{ ref('stg_segment__events') }}
    where message_type = 'identify'
        and anonymous_id is not null
        and email is not null
),

ranked as (
    -- an anonymousId belongs to the first email it was identified with
    select
        anonymous_id,
        email,
        event_at as identified_at,
        message_id,
        row_number() over (
            partition by anonymous_id
            order by event_at, message_id
        ) as identify_rank
    from events
),

final as (
    select
        anonymous_id,
        email,
        identified_at,
        message_id as identify_message_id
    from ranked
    where identify_rank = 1
)

select * from final
