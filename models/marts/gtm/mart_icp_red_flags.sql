with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
    where is_closed and not is_won
),

mrr_movements as (
    select * from {{ ref('fct_mrr_movements') }}
    where movement_type = 'churn'
),

account_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

lost_deals as (
    -- loss reasons: new-business and expansion deals lost
    select
        icp_segment,
        'loss' as reason_type,
        coalesce(loss_reason, 'unspecified') as reason
    from opportunities
    where coalesce(type, 'New Business') <> 'Renewal'
),

lost_renewals as (
    select
        account_id,
        close_date,
        loss_reason,
        opportunity_id
    from opportunities
    where type = 'Renewal'
),

churn_reasons as (
    -- a churned account's reason is the loss reason of the renewal it lost within the
    -- 120 days before the end of the churn month
    select
        mrr_movements.account_id,
        mrr_movements.month,
        lost_renewals.loss_reason,
        row_number() over (
            partition by mrr_movements.account_id, mrr_movements.month
            order by lost_renewals.close_date desc, lost_renewals.opportunity_id desc
        ) as renewal_rank
    from mrr_movements
    left join lost_renewals
        on mrr_movements.account_id = lost_renewals.account_id
        and lost_renewals.close_date <= cast({{ dbt.last_day('mrr_movements.month', 'month') }} as date)
        and lost_renewals.close_date > cast({{ dbt.dateadd(
            'day', -120, dbt.last_day('mrr_movements.month', 'month')
        ) }} as date)
),

churns as (
    select
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment,
        'churn' as reason_type,
        coalesce(churn_reasons.loss_reason, 'unspecified') as reason
    from churn_reasons
    left join account_segments
        on churn_reasons.account_id = account_segments.account_id
    where churn_reasons.renewal_rank = 1
),

unioned as (
    select * from lost_deals
    union all
    select * from churns
),

counted as (
    select
        icp_segment,
        reason_type,
        reason,
        count(*) as occurrences
    from unioned
    group by 1, 2, 3
),

final as (
    select
        icp_segment,
        reason_type,
        reason,
        occurrences,
        {{ rate_quotient(
            'occurrences', 'sum(occurrences) over (partition by icp_segment, reason_type)'
        ) }} as share_of_type,
        rank() over (
            partition by icp_segment, reason_type
            order by occurrences desc
        ) as reason_rank
    from counted
)

select * from final
