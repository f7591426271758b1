with

events as (
    select * from {{ ref('stg_segment__events') }}
    where message_type in ('page', 'track')
        and anonymous_id is not null
),

identities as (
    select * from {{ ref('int_identities_stitched') }}
    where person_type = 'lead'
),

score_points as (
    select * from {{ ref('lead_score_points') }}
),

lead_events as (
    -- the visitor's events before the identify count too, but only from the moment of
    -- the identify (counts_from_at)
    select
        identities.lead_id,
        events.message_id,
        events.message_type,
        events.event_name,
        {{ normalize_page_path('events.page_path') }} as page_path,
        events.percent_read,
        events.event_at as occurred_at,
        case
            when events.event_at >= identities.identified_at then events.event_at
            else identities.identified_at
        end as counts_from_at,
        cast({{ to_reporting_timestamp('events.event_at') }} as date) as occurred_date
    from events
    inner join identities
        on events.anonymous_id = identities.anonymous_id
),

event_behaviours as (
    select
        lead_events.lead_id,
        lead_events.message_id,
        score_points.behaviour,
        score_points.points,
        lead_events.occurred_at,
        lead_events.counts_from_at,
        lead_events.occurred_date
    from lead_events
    inner join score_points
        on score_points.match_type = 'event'
        and lead_events.message_type = score_points.event_type
        and (score_points.event_name is null or lead_events.event_name = score_points.event_name)
        and (score_points.page_path is null or lead_events.page_path = score_points.page_path)
        and (
            score_points.min_percent_read is null
            or lead_events.percent_read >= score_points.min_percent_read
        )
),

page_views as (
    select
        *,
        row_number() over (
            partition by lead_id, occurred_date
            order by occurred_at, message_id
        ) as view_rank_in_day,
        dense_rank() over (
            partition by lead_id
            order by occurred_date
        ) as visit_day_number
    from lead_events
    where message_type = 'page'
),

repeat_visits as (
    -- a visit on a new day: the first page view of each day after the lead's first day
    select
        page_views.lead_id,
        page_views.message_id,
        score_points.behaviour,
        score_points.points,
        page_views.occurred_at,
        page_views.counts_from_at,
        page_views.occurred_date
    from page_views
    inner join score_points
        on score_points.match_type = 'new_day_visit'
    where page_views.view_rank_in_day = 1
        and page_views.visit_day_number > 1
),

unioned as (
    select * from event_behaviours
    union all
    select * from repeat_visits
),

final as (
    select
        {{ dbt.concat(["lead_id", "'|'", "message_id", "'|'", "behaviour"]) }} as lead_behaviour_id,
        lead_id,
        message_id,
        behaviour,
        points,
        occurred_at,
        counts_from_at,
        occurred_date,
        cast({{ to_reporting_timestamp('counts_from_at') }} as date) as counts_from_date
    from unioned
)

select * from final
