-- For every account-month, the movements (fx_adjustment included) add up to MRR(M) - MRR(M-1),
-- and per month they add up to the change in total MRR.
with

account_months as (
    select * from {{ ref('fct_account_months') }}
),

movements as (
    select * from {{ ref('fct_mrr_movements') }}
),

with_prior as (
    select
        account_id,
        month,
        mrr,
        coalesce(lag(mrr) over (partition by account_id order by month), 0) as prior_mrr
    from account_months
),

movement_totals as (
    select
        account_id,
        month,
        sum(mrr_change) as mrr_change
    from movements
    group by account_id, month
),

by_account as (
    select
        with_prior.account_id,
        with_prior.month,
        with_prior.mrr - with_prior.prior_mrr as expected_change,
        coalesce(movement_totals.mrr_change, 0) as movement_change
    from with_prior
    left join movement_totals
        on with_prior.account_id = movement_totals.account_id
        and with_prior.month = movement_totals.month
),

orphan_movements as (
    select
        movement_totals.account_id,
        movement_totals.month,
        0 as expected_change,
        movement_totals.mrr_change as movement_change
    from movement_totals
    left join account_months
        on movement_totals.account_id = account_months.account_id
        and movement_totals.month = account_months.month
    where account_months.account_id is null
),

by_month as (
    select
        cast(null as {{ dbt.type_string() }}) as account_id,
        month,
        sum(expected_change) as expected_change,
        sum(movement_change) as movement_change
    from by_account
    group by month
),

checks as (
    select * from by_account
    union all
    select * from orphan_movements
    union all
    select * from by_month
)

select *
from checks
where abs(expected_change - movement_change) > 0.01
