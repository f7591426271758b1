-- W = M-2..M (metrics.md, Unit economics): recomputed here from the bridge and the costs,
-- without the model's window join, every windowed sum of mart_unit_economics must match.
-- A window one month shorter or longer (or shifted) fails on any month with activity in
-- the month that moved in or out.
with

unit_economics as (
    select * from {{ ref('mart_unit_economics') }}
),

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

costs as (
    select * from {{ ref('int_gtm_costs_monthly') }}
),

expected_bridge as (
    select
        unit_economics.month,
        sum(bridge.new_customers) as new_customers,
        sum(bridge.new_mrr) as new_mrr,
        sum(bridge.ending_mrr) as window_ending_mrr
    from unit_economics
    inner join bridge
        on bridge.month between cast({{ dbt.dateadd('month', -2, 'unit_economics.month') }} as date)
        and unit_economics.month
    group by unit_economics.month
),

expected_costs as (
    select
        unit_economics.month,
        sum(case when costs.cost_type = 'acquisition' then costs.amount else 0 end) as acquisition_cost,
        sum(case when costs.cost_type = 'cost_to_serve' then costs.amount else 0 end) as cost_to_serve
    from unit_economics
    inner join costs
        on costs.month between cast({{ dbt.dateadd('month', -2, 'unit_economics.month') }} as date)
        and unit_economics.month
    group by unit_economics.month
),

final as (
    select
        unit_economics.month,
        unit_economics.new_customers,
        expected_bridge.new_customers as expected_new_customers,
        unit_economics.new_mrr,
        expected_bridge.new_mrr as expected_new_mrr,
        unit_economics.window_ending_mrr,
        expected_bridge.window_ending_mrr as expected_window_ending_mrr,
        unit_economics.acquisition_cost,
        expected_costs.acquisition_cost as expected_acquisition_cost,
        unit_economics.cost_to_serve,
        expected_costs.cost_to_serve as expected_cost_to_serve
    from unit_economics
    left join expected_bridge
        on unit_economics.month = expected_bridge.month
    left join expected_costs
        on unit_economics.month = expected_costs.month
)

select *
from final
where coalesce(new_customers, -1) <> coalesce(expected_new_customers, -1)
    or coalesce(new_mrr, -1) <> coalesce(expected_new_mrr, -1)
    or coalesce(window_ending_mrr, -1) <> coalesce(expected_window_ending_mrr, -1)
    or acquisition_cost <> coalesce(expected_acquisition_cost, 0)
    or cost_to_serve <> coalesce(expected_cost_to_serve, 0)
