{#- One row per churn or contraction movement (account × month) with its reason: the
    Loss_Reason__c of the account's latest lost Renewal opportunity closed in the 120 days
    up to the movement month's last day (both ends included, the project's window rule),
    null when there is none. The one home of that rule: mart_churn_analysis and
    mart_icp_red_flags both read it. -#}
with

movements as (
    select * from {{ ref('fct_mrr_movements') }}
    where movement_type in ('churn', 'contraction')
),

lost_renewals as (
    select * from {{ ref('int_opportunities_enriched') }}
    where opportunity_type = 'Renewal'
        and is_closed
        and not is_won
),

month_ends as (
    select
        account_id,
        month,
        movement_type,
        cast({{ dbt.last_day('month', 'month') }} as date) as month_end
    from movements
),

ranked as (
    select
        month_ends.account_id,
        month_ends.month,
        month_ends.movement_type,
        lost_renewals.loss_reason,
        row_number() over (
            partition by month_ends.account_id, month_ends.month
            order by lost_renewals.close_date desc, lost_renewals.opportunity_id desc
        ) as recency_rank
    from month_ends
    left join lost_renewals
        on month_ends.account_id = lost_renewals.account_id
        and lost_renewals.close_date <= month_ends.month_end
        and lost_renewals.close_date >= cast({{ dbt.dateadd('day', -120, 'month_ends.month_end') }} as date)
),

final as (
    select
        account_id,
        month,
        movement_type,
        loss_reason
    from ranked
    where recency_rank = 1
)

select * from final
