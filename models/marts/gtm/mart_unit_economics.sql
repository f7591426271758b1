with

mrr_bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

retention as (
    select * from {{ ref('mart_retention_monthly') }}
),

costs as (
    select * from {{ ref('int_gtm_costs_monthly') }}
),

monthly_costs as (
    select
        month,
        sum(case when cost_type = 'acquisition' then amount else 0 end) as acquisition_cost,
        sum(case when cost_source = 'marketing_spend' then amount else 0 end) as marketing_spend,
        sum(case when cost_type = 'cost_to_serve' then amount else 0 end) as cost_to_serve
    from costs
    group by month
),

window_offsets as (
    select 0 as months_back
    union all
    select 1 as months_back
    union all
    select 2 as months_back
),

window_months as (
    -- W = M-2, M-1, M: the one window every sum below runs over
    select
        mrr_bridge.month,
        cast({{ dbt.dateadd('month', '-1 * window_offsets.months_back', 'mrr_bridge.month') }} as date) as window_month
    from mrr_bridge
    cross join window_offsets
),

bridge_window as (
    -- sums over the months of W that the bridge has; the constant-currency base and the
    -- churned + contraction MRR are the retention mart's own
    select
        window_months.month,
        cast(sum(mrr_bridge.new_customers) as {{ dbt.type_bigint() }}) as new_customers,
        sum(mrr_bridge.new_mrr) as new_mrr,
        sum(mrr_bridge.ending_mrr) as window_ending_mrr,
        sum(retention.churned_mrr + retention.contraction_mrr) as churned_and_contraction_mrr,
        sum(retention.base_mrr) as constant_currency_base
    from window_months
    inner join mrr_bridge
        on window_months.window_month = mrr_bridge.month
    left join retention
        on window_months.window_month = retention.month
    group by window_months.month
),

cost_window as (
    select
        window_months.month,
        sum(monthly_costs.acquisition_cost) as acquisition_cost,
        sum(monthly_costs.marketing_spend) as marketing_spend,
        sum(monthly_costs.cost_to_serve) as cost_to_serve
    from window_months
    inner join monthly_costs
        on window_months.window_month = monthly_costs.month
    group by window_months.month
),

combined as (
    select
        mrr_bridge.month,
        cast({{ dbt.dateadd('month', -2, 'mrr_bridge.month') }} as date) as window_start_month,
        coalesce(cost_window.acquisition_cost, 0) as acquisition_cost,
        coalesce(cost_window.marketing_spend, 0) as marketing_spend,
        coalesce(cost_window.cost_to_serve, 0) as cost_to_serve,
        bridge_window.new_customers,
        bridge_window.new_mrr,
        bridge_window.window_ending_mrr,
        bridge_window.churned_and_contraction_mrr,
        bridge_window.constant_currency_base,
        mrr_bridge.ending_mrr,
        mrr_bridge.ending_customers,
        retention.revenue_churn_rate as revenue_churn_rate_month
    from mrr_bridge
    inner join bridge_window
        on mrr_bridge.month = bridge_window.month
    left join cost_window
        on mrr_bridge.month = cost_window.month
    left join retention
        on mrr_bridge.month = retention.month
),

rates as (
    select
        *,
        {{ cac('acquisition_cost', 'new_customers') }} as cac,
        {{ gross_margin_pct('window_ending_mrr', 'cost_to_serve') }} as gross_margin_pct,
        {{ revenue_churn_rate('churned_and_contraction_mrr', 'constant_currency_base') }} as revenue_churn_rate
    from combined
),

payback as (
    select
        *,
        {{ cac_payback_months('cac', 'new_mrr', 'new_customers', 'gross_margin_pct') }} as cac_payback_months,
        {{ customer_lifetime_value('ending_mrr', 'ending_customers', 'gross_margin_pct', 'revenue_churn_rate') }} as ltv
    from rates
),

final as (
    select
        month,
        window_start_month,
        acquisition_cost,
        marketing_spend,
        new_customers,
        new_mrr,
        cac,
        window_ending_mrr,
        cost_to_serve,
        gross_margin_pct,
        cac_payback_months,
        ending_mrr,
        ending_customers,
        churned_and_contraction_mrr,
        constant_currency_base,
        revenue_churn_rate,
        revenue_churn_rate_month,
        ltv,
        {{ ltv_to_cac('ltv', 'cac') }} as ltv_to_cac
    from payback
)

select * from final
