{#- One row per month × segment dimension (industry, country, icp_segment) × value: the
    MRR bridge, customers and monthly NRR / GRR of the accounts with that value, so the
    boards filter a segment by picking rows instead of re-deriving a metric. Each account
    has one value per dimension ('unknown' when empty), so for every month and dimension
    the values add up to mart_mrr_bridge. Same definitions as mart_mrr_bridge and
    mart_retention_monthly (base = beginning + fx_adjustment). -#}
with

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

movements as (
    select * from {{ ref('fct_mrr_movements') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

paying_accounts as (
    select distinct account_months.account_id
    from account_months
),

account_dimensions as (
    {{ account_segment_dimensions('paying_accounts', 'accounts') }}
),

segments as (
    select distinct
        dimension,
        dimension_value
    from account_dimensions
),

spine as (
    select
        bridge.month,
        cast({{ dbt.dateadd('month', -1, 'bridge.month') }} as date) as previous_month,
        segments.dimension,
        segments.dimension_value
    from bridge
    cross join segments
),

month_totals as (
    select
        account_months.month,
        account_dimensions.dimension,
        account_dimensions.dimension_value,
        sum(account_months.mrr) as mrr,
        cast(sum(case when account_months.is_active then 1 else 0 end) as {{ dbt.type_bigint() }}) as customers
    from account_months
    inner join account_dimensions
        on account_months.account_id = account_dimensions.account_id
    group by account_months.month, account_dimensions.dimension, account_dimensions.dimension_value
),

movement_totals as (
    select
        movements.month,
        account_dimensions.dimension,
        account_dimensions.dimension_value,
        {{ mrr_movement_sums('movements.movement_type', 'movements.mrr_change') }}
    from movements
    inner join account_dimensions
        on movements.account_id = account_dimensions.account_id
    group by movements.month, account_dimensions.dimension, account_dimensions.dimension_value
),

segment_bridge as (
    select
        spine.month,
        spine.dimension,
        spine.dimension_value,
        coalesce(beginning.mrr, 0) as beginning_mrr,
        {{ mrr_movement_amounts_or_zero('movement_totals') }},
        coalesce(ending.mrr, 0) as ending_mrr,
        coalesce(beginning.customers, 0) as beginning_customers,
        coalesce(movement_totals.churned_customers, 0) as churned_customers,
        coalesce(ending.customers, 0) as ending_customers
    from spine
    left join month_totals as beginning
        on spine.previous_month = beginning.month
        and spine.dimension = beginning.dimension
        and spine.dimension_value = beginning.dimension_value
    left join month_totals as ending
        on spine.month = ending.month
        and spine.dimension = ending.dimension
        and spine.dimension_value = ending.dimension_value
    left join movement_totals
        on spine.month = movement_totals.month
        and spine.dimension = movement_totals.dimension
        and spine.dimension_value = movement_totals.dimension_value
),

based as (
    select
        *,
        {{ constant_currency_base('beginning_mrr', 'fx_adjustment_mrr') }} as base_mrr
    from segment_bridge
),

final as (
    select
        month,
        dimension,
        dimension_value,
        beginning_mrr,
        new_mrr,
        expansion_mrr,
        reactivation_mrr,
        contraction_mrr,
        churned_mrr,
        fx_adjustment_mrr,
        ending_mrr,
        beginning_customers,
        churned_customers,
        ending_customers,
        {{ gross_revenue_retention('base_mrr', 'contraction_mrr', 'churned_mrr') }} as grr,
        {{ net_revenue_retention('base_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr') }} as nrr
    from based
    where beginning_mrr <> 0 or ending_mrr <> 0 or new_mrr <> 0 or churned_mrr <> 0
)

select * from final
