with

icp_rules as (
    select * from {{ ref('icp_rules') }}
),

account_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

leads as (
    select * from {{ ref('fct_leads') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

mrr_movements as (
    select * from {{ ref('fct_mrr_movements') }}
),

costs as (
    select * from {{ ref('int_gtm_costs_monthly') }}
    where cost_type = 'acquisition'
),

trailing_12m as (
    select * from {{ ref('int_account_trailing_12m') }}
),

health as (
    select * from {{ ref('int_account_health_months') }}
),

reference_customers as (
    select * from {{ ref('int_icp_reference_customers') }}
),

segments as (
    select
        icp_segment,
        max(case when is_icp_fit then 1 else 0 end) = 1 as is_icp_fit
    from icp_rules
    group by icp_segment
    union
    select
        'unclassified' as icp_segment,
        false as is_icp_fit
),

latest_month as (
    select max(month) as month from account_months
),

segment_months as (
    select
        account_months.*,
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment
    from account_months
    left join account_segments
        on account_months.account_id = account_segments.account_id
),

account_counts as (
    select
        icp_segment,
        count(*) as accounts
    from account_segments
    group by icp_segment
),

lead_counts as (
    select
        icp_segment,
        count(*) as leads
    from leads
    group by icp_segment
),

deal_stats as (
    select
        icp_segment,
        cast(sum(case when is_closed then 1 else 0 end) as {{ dbt.type_bigint() }}) as closed_opportunities,
        cast(sum(case when is_won then 1 else 0 end) as {{ dbt.type_bigint() }}) as won_opportunities,
        sum(case when is_closed then amount else 0 end) as closed_amount,
        sum(case when is_won then amount else 0 end) as won_amount,
        sum(
            case when is_closed and coalesce(type, 'New Business') = 'New Business' then 1 else 0 end
        ) as closed_new_business,
        {{ gtm_median('sales_cycle_days') }} as median_sales_cycle_days
    from opportunities
    group by icp_segment
),

new_customer_counts as (
    select
        segment_months.icp_segment,
        count(distinct mrr_movements.account_id) as new_customers
    from mrr_movements
    inner join segment_months
        on mrr_movements.account_id = segment_months.account_id
        and mrr_movements.month = segment_months.month
    where mrr_movements.movement_type = 'new'
    group by segment_months.icp_segment
),

acquisition_total as (
    -- acquisition cost up to the last complete month, allocated to segments by their
    -- share of closed new-business deals (sales effort); spend is not tagged by segment
    select sum(costs.amount) as acquisition_cost
    from costs
    cross join latest_month
    where costs.month <= latest_month.month
),

effort_total as (
    select sum(closed_new_business) as closed_new_business from deal_stats
),

nrr as (
    -- trailing 12-month NRR of the latest month, from the account values that
    -- mart_retention_trailing_12m sums
    select
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment,
        count(*) as nrr_base_accounts,
        {{ rate_quotient('sum(trailing_12m.current_mrr)', 'sum(trailing_12m.base_mrr)') }} as nrr_12m
    from trailing_12m
    inner join latest_month
        on trailing_12m.month = latest_month.month
    left join account_segments
        on trailing_12m.account_id = account_segments.account_id
    group by coalesce(account_segments.icp_segment, 'unclassified')
),

account_month_flags as (
    select
        icp_segment,
        account_id,
        month,
        lag(mrr) over (partition by account_id order by month) as previous_mrr
    from segment_months
),

logo_churn as (
    -- churned accounts ÷ accounts paying at the start of the month, over the 12 months to M
    select
        account_month_flags.icp_segment,
        cast(
            sum(case when account_month_flags.previous_mrr > 0 then 1 else 0 end) as {{ dbt.type_bigint() }}
        ) as beginning_accounts,
        cast(
            sum(case when churns.account_id is not null then 1 else 0 end) as {{ dbt.type_bigint() }}
        ) as churned_accounts
    from account_month_flags
    cross join latest_month
    left join mrr_movements as churns
        on account_month_flags.account_id = churns.account_id
        and account_month_flags.month = churns.month
        and churns.movement_type = 'churn'
    where account_month_flags.month > {{ dbt.dateadd('month', -12, 'latest_month.month') }}
        and account_month_flags.month <= latest_month.month
    group by account_month_flags.icp_segment
),

segment_health as (
    -- health of the segment's paying accounts in the last complete month
    select
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment,
        count(health.health_score) as health_scored_accounts,
        {{ rate_quotient('sum(health.health_score)', 'count(health.health_score)') }} as average_health_score,
        {{ rate_quotient(
            "sum(case when health.health_color = 'green' then 1 else 0 end)", 'count(health.health_score)'
        ) }} as green_health_share
    from health
    inner join latest_month
        on health.month = latest_month.month
    left join account_segments
        on health.account_id = account_segments.account_id
    group by coalesce(account_segments.icp_segment, 'unclassified')
),

reference_counts as (
    select
        icp_segment,
        count(*) as reference_customers
    from reference_customers
    group by icp_segment
),

joined as (
    select
        segments.icp_segment,
        segments.is_icp_fit,
        coalesce(account_counts.accounts, 0) as accounts,
        coalesce(lead_counts.leads, 0) as leads,
        coalesce(deal_stats.closed_opportunities, 0) as closed_opportunities,
        coalesce(deal_stats.won_opportunities, 0) as won_opportunities,
        {{ win_rate('deal_stats.won_opportunities', 'deal_stats.closed_opportunities') }} as win_rate,
        {{ win_rate('deal_stats.won_amount', 'deal_stats.closed_amount') }} as win_rate_amount,
        deal_stats.median_sales_cycle_days,
        coalesce(new_customer_counts.new_customers, 0) as new_customers,
        {{ money_quotient(
            'acquisition_total.acquisition_cost * coalesce(deal_stats.closed_new_business, 0)',
            'effort_total.closed_new_business'
        ) }} as allocated_acquisition_cost,
        nrr.nrr_base_accounts,
        nrr.nrr_12m,
        coalesce(logo_churn.beginning_accounts, 0) as logo_churn_base_account_months,
        coalesce(logo_churn.churned_accounts, 0) as churned_accounts,
        {{ rate_quotient('logo_churn.churned_accounts', 'logo_churn.beginning_accounts') }} as logo_churn_rate,
        coalesce(segment_health.health_scored_accounts, 0) as health_scored_accounts,
        segment_health.average_health_score,
        segment_health.green_health_share,
        coalesce(reference_counts.reference_customers, 0) as reference_customers
    from segments
    cross join acquisition_total
    cross join effort_total
    left join account_counts
        on segments.icp_segment = account_counts.icp_segment
    left join lead_counts
        on segments.icp_segment = lead_counts.icp_segment
    left join deal_stats
        on segments.icp_segment = deal_stats.icp_segment
    left join new_customer_counts
        on segments.icp_segment = new_customer_counts.icp_segment
    left join nrr
        on segments.icp_segment = nrr.icp_segment
    left join logo_churn
        on segments.icp_segment = logo_churn.icp_segment
    left join segment_health
        on segments.icp_segment = segment_health.icp_segment
    left join reference_counts
        on segments.icp_segment = reference_counts.icp_segment
),

final as (
    select
        icp_segment,
        is_icp_fit,
        accounts,
        leads,
        closed_opportunities,
        won_opportunities,
        win_rate,
        win_rate_amount,
        median_sales_cycle_days,
        new_customers,
        allocated_acquisition_cost,
        {{ cac('allocated_acquisition_cost', 'new_customers') }} as cac,
        nrr_base_accounts,
        nrr_12m,
        logo_churn_base_account_months,
        churned_accounts,
        logo_churn_rate,
        health_scored_accounts,
        average_health_score,
        green_health_share,
        reference_customers,
        reference_customers >= 3 as has_enough_references
    from joined
)

select * from final
