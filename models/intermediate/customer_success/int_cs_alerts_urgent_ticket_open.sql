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

with_fire_day as (
    select
        *,
        cast({{ dbt.dateadd('day', days + 1, 'created_date') }} as date) as fire_date
    from tickets
),

final as (
    select
        account_id,
        'urgent_ticket_open' as alert_type,
        fire_date as fired_on,
        solved_date is null or solved_date > {{ revenue_as_of_date() }} as is_open,
        cast(ticket_id as {{ dbt.type_string() }}) as source_id,
        cast({{ dbt.datediff('created_date', revenue_as_of_date(), 'day') }} as {{ type_rate() }}) as observed_value,
        cast({{ days }} as {{ type_rate() }}) as limit_value
    from with_fire_day
    where
        fire_date <= {{ revenue_as_of_date() }}
        and (solved_date is null or solved_date >= fire_date)
)

select * from final
