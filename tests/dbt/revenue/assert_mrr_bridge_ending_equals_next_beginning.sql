-- metrics.md, Bridge identity: ending of M = beginning of M+1 (MRR and customers).
with

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

paired as (
    select
        this_month.month,
        this_month.ending_mrr,
        next_month.beginning_mrr as next_beginning_mrr,
        this_month.ending_customers,
        next_month.beginning_customers as next_beginning_customers
    from bridge as this_month
    inner join bridge as next_month
        on next_month.month = cast({{ dbt.dateadd('month', 1, 'this_month.month') }} as date)
)

select *
from paired
where abs(ending_mrr - next_beginning_mrr) > 0.01
    or ending_customers <> next_beginning_customers
