{#- One row per account and day d a ticket burst fired (metrics.md, ticket_burst): at least
    var cs_ticket_burst_tickets (5) tickets created (reporting-timezone days) within
    var cs_ticket_burst_days (7) consecutive days d-6..d, on the first such d, and again
    only after a day on which the condition did not hold. Between two days with tickets
    the 7-day count only falls, so the condition first holds on a day with tickets and
    "the day before did not hold" is the count over d-7..d-1. Open while the condition
    still holds on as_of and this is the account's latest burst. -#}
{%- set span = var('cs_ticket_burst_days') %}
{%- set limit = var('cs_ticket_burst_tickets') %}
with

tickets as (
    select * from {{ ref('int_zendesk_tickets_solved') }}
    where created_date <= {{ revenue_as_of_date() }}
),

daily as (
    select
        account_id,
        created_date,
        {{ day_number('created_date') }} as day_number,
        count(*) as tickets
    from tickets
    group by account_id, created_date
),

windowed as (
    select
        account_id,
        created_date,
        sum(tickets) over (
            partition by account_id order by day_number
            range between {{ span - 1 }} preceding and current row
        ) as tickets_in_window,
        coalesce(sum(tickets) over (
            partition by account_id order by day_number
            range between {{ span }} preceding and 1 preceding
        ), 0) as tickets_in_window_day_before
    from daily
),

fired as (
    select
        account_id,
        created_date as fired_on,
        tickets_in_window,
        row_number() over (partition by account_id order by created_date desc) as recency_rank
    from windowed
    where
        tickets_in_window >= {{ limit }}
        and tickets_in_window_day_before < {{ limit }}
),

as_of_window as (
    select
        account_id,
        count(*) as tickets_in_window
    from tickets
    where created_date > cast({{ dbt.dateadd('day', -span, revenue_as_of_date()) }} as date)
    group by account_id
),

final as (
    select
        fired.account_id,
        'ticket_burst' as alert_type,
        fired.fired_on,
        fired.recency_rank = 1 and coalesce(as_of_window.tickets_in_window, 0) >= {{ limit }} as is_open,
        cast(fired.fired_on as {{ dbt.type_string() }}) as source_id,
        cast(fired.tickets_in_window as {{ type_rate() }}) as observed_value,
        cast({{ limit }} as {{ type_rate() }}) as limit_value
    from fired
    left join as_of_window
        on fired.account_id = as_of_window.account_id
)

select * from final
