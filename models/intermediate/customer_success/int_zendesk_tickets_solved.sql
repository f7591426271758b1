{#- One row per Zendesk ticket of a known account: its created day in the reporting
    timezone, its current priority and status, and solved_at = updated_at of its first
    version with status solved or closed (metrics.md, urgent_ticket_open). -#}
with

versions as (
    select * from {{ ref('int_zendesk_ticket_versions') }}
    where account_id is not null
),

ranked as (
    select
        *,
        row_number() over (partition by ticket_id order by valid_from desc) as recency_rank
    from versions
),

solved as (
    select
        ticket_id,
        min(valid_from) as solved_at
    from versions
    where is_solved
    group by ticket_id
),

final as (
    select
        ranked.ticket_id,
        ranked.account_id,
        ranked.organization_id,
        ranked.created_at,
        {{ reporting_date('ranked.created_at') }} as created_date,
        {{ reporting_month('ranked.created_at') }} as created_month,
        ranked.priority,
        ranked.priority in ('urgent', 'high') as is_urgent_or_high,
        ranked.ticket_status as current_status,
        ranked.satisfaction_score as current_satisfaction_score,
        solved.solved_at,
        {{ reporting_date('solved.solved_at') }} as solved_date
    from ranked
    left join solved
        on ranked.ticket_id = solved.ticket_id
    where ranked.recency_rank = 1
)

select * from final
