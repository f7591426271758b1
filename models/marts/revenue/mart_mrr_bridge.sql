{#- One row per month, from the first month with any MRR to the last complete month:
    beginning (prior month's ending, at prior rates) + new + expansion + reactivation
    - contraction - churned + fx_adjustment = ending. contraction_mrr and churned_mrr are
    positive amounts. Customers are accounts with MRR > 0. The KPIs ARPA, quick ratio and
    MoM growth are read from this row (macros/revenue). -#}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

movements as (
    select * from {{ ref('fct_mrr_movements') }}
),

history_start as (
    select min(first_paid_month) as first_month
    from account_months
),

bridge_months as (
    select months.*
    from months
    inner join history_start
        on months.month >= history_start.first_month
),

month_totals as (
    select
        month,
        sum(mrr) as mrr,
        cast(sum(case when is_active then 1 else 0 end) as {{ dbt.type_bigint() }}) as customers
    from account_months
    group by month
),

movement_totals as (
    select
        month,
        sum(case when movement_type = 'new' then mrr_change else 0 end) as new_mrr,
        sum(case when movement_type = 'expansion' then mrr_change else 0 end) as expansion_mrr,
        sum(case when movement_type = 'reactivation' then mrr_change else 0 end) as reactivation_mrr,
        sum(case when movement_type = 'contraction' then -1 * mrr_change else 0 end) as contraction_mrr,
        sum(case when movement_type = 'churn' then -1 * mrr_change else 0 end) as churned_mrr,
        sum(case when movement_type = 'fx_adjustment' then mrr_change else 0 end) as fx_adjustment_mrr,
        cast(sum(case when movement_type = 'new' then 1 else 0 end) as {{ dbt.type_bigint() }}) as new_customers,
        cast(sum(case when movement_type = 'churn' then 1 else 0 end) as {{ dbt.type_bigint() }}) as churned_customers,
        cast(
            sum(case when movement_type = 'reactivation' then 1 else 0 end) as {{ dbt.type_bigint() }}
        ) as reactivated_customers,
        cast(
            sum(case when movement_type = 'expansion' then 1 else 0 end) as {{ dbt.type_bigint() }}
        ) as expansion_customers,
        cast(
            sum(case when movement_type = 'contraction' then 1 else 0 end) as {{ dbt.type_bigint() }}
        ) as contraction_customers
    from movements
    group by month
),

bridge as (
    select
        bridge_months.month,
        coalesce(beginning.mrr, 0) as beginning_mrr,
        coalesce(movement_totals.new_mrr, 0) as new_mrr,
        coalesce(movement_totals.expansion_mrr, 0) as expansion_mrr,
        coalesce(movement_totals.reactivation_mrr, 0) as reactivation_mrr,
        coalesce(movement_totals.contraction_mrr, 0) as contraction_mrr,
        coalesce(movement_totals.churned_mrr, 0) as churned_mrr,
        coalesce(movement_totals.fx_adjustment_mrr, 0) as fx_adjustment_mrr,
        coalesce(ending.mrr, 0) as ending_mrr,
        12 * coalesce(ending.mrr, 0) as ending_arr,
        coalesce(beginning.customers, 0) as beginning_customers,
        coalesce(movement_totals.new_customers, 0) as new_customers,
        coalesce(movement_totals.churned_customers, 0) as churned_customers,
        coalesce(movement_totals.reactivated_customers, 0) as reactivated_customers,
        coalesce(movement_totals.expansion_customers, 0) as expansion_customers,
        coalesce(movement_totals.contraction_customers, 0) as contraction_customers,
        coalesce(ending.customers, 0) as ending_customers
    from bridge_months
    left join month_totals as beginning
        on bridge_months.previous_month = beginning.month
    left join month_totals as ending
        on bridge_months.month = ending.month
    left join movement_totals
        on bridge_months.month = movement_totals.month
),

final as (
    select
        bridge.*,
        {{ arpa('bridge.ending_mrr', 'bridge.ending_customers') }} as arpa,
        {{ quick_ratio(
            'bridge.new_mrr', 'bridge.expansion_mrr', 'bridge.reactivation_mrr',
            'bridge.churned_mrr', 'bridge.contraction_mrr'
        ) }} as quick_ratio,
        {{ mrr_growth_rate('bridge.ending_mrr', 'bridge.beginning_mrr') }} as mrr_growth_rate
    from bridge
)

select * from final
