{#- Every account in exactly one value of each account dimension: for each month and
    dimension (industry, country, icp_segment), the values' 12-month base accounts, base
    MRR and current MRR add up to mart_retention_trailing_12m (to the unit), and their
    monthly constant-currency base to the bridge's beginning + fx_adjustment. -#}
with

trailing_12m as (
    select * from {{ ref('mart_retention_trailing_12m') }}
),

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

by_dimension as (
    select * from {{ ref('mart_nrr_by_dimension') }}
),

dimension_totals as (
    select
        month,
        dimension,
        sum(base_accounts_12m) as base_accounts,
        sum(base_mrr_12m) as base_mrr_12m,
        sum(current_mrr_12m) as current_mrr_12m,
        sum(base_mrr) as base_mrr
    from by_dimension
    where dimension <> 'product'
    group by month, dimension
),

trailing_off as (
    select
        dimension_totals.month,
        dimension_totals.dimension,
        'trailing 12 months' as problem
    from dimension_totals
    left join trailing_12m
        on dimension_totals.month = trailing_12m.month
    where coalesce(trailing_12m.base_accounts, 0) <> dimension_totals.base_accounts
        or abs(coalesce(trailing_12m.base_mrr, 0) - dimension_totals.base_mrr_12m) >= 0.01
        or abs(coalesce(trailing_12m.current_mrr, 0) - dimension_totals.current_mrr_12m) >= 0.01
),

monthly_off as (
    select
        dimension_totals.month,
        dimension_totals.dimension,
        'monthly base' as problem
    from dimension_totals
    inner join bridge
        on dimension_totals.month = bridge.month
    where abs(bridge.beginning_mrr + bridge.fx_adjustment_mrr - dimension_totals.base_mrr) >= 0.01
),

final as (
    select * from trailing_off
    union all
    select * from monthly_off
)

select * from final
