{#- One row per Zendesk ticket of a known account: created day (reporting timezone),
    priority, current status and rating, and solved_at (first solved or closed version). -#}
with

tickets as (
    select * from {{ ref('int_zendesk_tickets_solved') }}
),

final as (
    select
        ticket_id,
        account_id,
        created_at,
        created_date,
        priority,
        is_urgent_or_high,
        current_status as ticket_status,
        current_satisfaction_score as satisfaction_score,
        solved_at,
        solved_date
    from tickets
)

select * from final
