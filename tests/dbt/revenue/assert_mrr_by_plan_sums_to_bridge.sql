{#- Every unit of MRR once: for each month of the bridge, Σ mart_mrr_by_plan.mrr over
    products and billing intervals (contracts included) = ending_mrr, to the unit. -#}
with

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

by_plan as (
    select * from {{ ref('mart_mrr_by_plan') }}
),

plan_totals as (
    select
        month,
        sum(mrr) as mrr
    from by_plan
    group by month
),

final as (
    select
        bridge.month,
        bridge.ending_mrr,
        coalesce(plan_totals.mrr, 0) as plan_mrr
    from bridge
    left join plan_totals
        on bridge.month = plan_totals.month
    where abs(bridge.ending_mrr - coalesce(plan_totals.mrr, 0)) >= 0.01
)

select * from final
