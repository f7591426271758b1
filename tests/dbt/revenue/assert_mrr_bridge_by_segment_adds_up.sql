{#- Every account in exactly one value of each dimension: for each month and dimension,
    the segments' ending MRR, churned MRR and ending customers add up to mart_mrr_bridge
    (to the unit), and each segment row's bridge identity holds. -#}
with

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

by_segment as (
    select * from {{ ref('mart_mrr_bridge_by_segment') }}
),

dimension_totals as (
    select
        month,
        dimension,
        sum(ending_mrr) as ending_mrr,
        sum(churned_mrr) as churned_mrr,
        sum(ending_customers) as ending_customers
    from by_segment
    group by month, dimension
),

dimensions as (
    select distinct dimension
    from by_segment
),

totals_off as (
    select
        bridge.month,
        dimensions.dimension,
        'total' as problem
    from bridge
    cross join dimensions
    left join dimension_totals
        on bridge.month = dimension_totals.month
        and dimensions.dimension = dimension_totals.dimension
    where abs(bridge.ending_mrr - coalesce(dimension_totals.ending_mrr, 0)) >= 0.01
        or abs(bridge.churned_mrr - coalesce(dimension_totals.churned_mrr, 0)) >= 0.01
        or bridge.ending_customers <> coalesce(dimension_totals.ending_customers, 0)
),

identity_off as (
    select
        month,
        dimension,
        'identity' as problem
    from by_segment
    where abs(
        beginning_mrr + new_mrr + expansion_mrr + reactivation_mrr
        - contraction_mrr - churned_mrr + fx_adjustment_mrr - ending_mrr
    ) >= 0.01
),

final as (
    select * from totals_off
    union all
    select * from identity_off
)

select * from final
