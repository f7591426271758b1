{#- One row per month M that has a month M-12 in the bridge. Base = accounts with MRR > 0
    in M-12; both months valued at M's rates (account values: int_account_trailing_12m).
    nrr_12m = current_mrr / base_mrr; grr_12m = sum over the base accounts of
    least(MRR in M, MRR in M-12) / base_mrr. -#}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

account_values as (
    select * from {{ ref('int_account_trailing_12m') }}
),

report_months as (
    select
        months.month,
        cast({{ dbt.dateadd('month', -12, 'months.month') }} as date) as base_month
    from months
    inner join months as base
        on base.month = cast({{ dbt.dateadd('month', -12, 'months.month') }} as date)
),

totals as (
    select
        month,
        count(*) as base_accounts,
        sum(base_mrr) as base_mrr,
        sum(current_mrr) as current_mrr,
        sum(case when current_mrr < base_mrr then current_mrr else base_mrr end) as retained_mrr,
        cast(sum(case when current_mrr > 0 then 1 else 0 end) as {{ dbt.type_bigint() }}) as retained_accounts
    from account_values
    group by month
),

final as (
    select
        report_months.month,
        report_months.base_month,
        coalesce(totals.base_accounts, 0) as base_accounts,
        coalesce(totals.retained_accounts, 0) as retained_accounts,
        coalesce(totals.base_mrr, 0) as base_mrr,
        coalesce(totals.current_mrr, 0) as current_mrr,
        coalesce(totals.retained_mrr, 0) as retained_mrr,
        {{ rate_quotient('totals.current_mrr', 'totals.base_mrr') }} as nrr_12m,
        {{ rate_quotient('totals.retained_mrr', 'totals.base_mrr') }} as grr_12m
    from report_months
    left join totals
        on report_months.month = totals.month
)

select * from final
