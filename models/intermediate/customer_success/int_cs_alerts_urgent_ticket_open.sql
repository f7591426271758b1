{#- One row per urgent or high ticket not solved or closed at the end of its
    var cs_urgent_ticket_open_days (10)th day (metrics.md, urgent_ticket_open): the created
    day is day 0, so it fires on created day + 11 unless its first solved or closed version
    (solved_at) falls on an earlier day. Open while the ticket is still unsolved as of. -#}
{%- set days = var('cs_urgent_ticket_open_days') %}
with

tickets as (
    select * from {{ ref('int_zendesk_tickets_solved') }}
    where is_urgent_or_high
),

as_of as (
    select {{ revenue_as_of_date() }} as as_of_date
),

with_fire_day as (
    select
        *,
        cast({{ dbt.dateadd('day', days + 1, 'created_date') }} as date) as fire_date
    from tickets
),

final as (
    select
        with_fire_day.account_id,
        'urgent_ticket_open' as alert_type,
        with_fire_day.fire_date as fired_on,
        with_fire_day.solved_date is null or with_fire_day.solved_date > as_of.as_of_date as is_open,
        cast(with_fire_day.ticket_id as {{ dbt.type_string() }}) as source_id,
        cast({{ days_between('with_fire_day.created_date', 'as_of.as_of_date') }} as {{ type_rate() }})
            as observed_value,
        cast({{ days }} as {{ type_rate() }}) as limit_value
    from with_fire_day
    cross join as_of
    where
        with_fire_day.fire_date <= as_of.as_of_date
        and (with_fire_day.solved_date is null or with_fire_day.solved_date >= with_fire_day.fire_date)
)

select * from final
