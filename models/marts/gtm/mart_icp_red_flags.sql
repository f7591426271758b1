with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
    where is_closed and not is_won
),

churn_reasons as (
    select * from {{ ref('int_account_churn_reasons') }}
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

churns as (
    select
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment,
        'churn' as reason_type,
        coalesce(churn_reasons.loss_reason, 'unspecified') as reason
    from churn_reasons
    left join account_segments
        on churn_reasons.account_id = account_segments.account_id
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
