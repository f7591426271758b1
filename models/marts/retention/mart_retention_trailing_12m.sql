{#- One row per month M that has a month M-12 in the bridge. Base = accounts with MRR > 0
    in M-12. Both months valued at M's rates: base_mrr = their M-12 local MRR x M's rates,
    current_mrr = their MRR in M. nrr_12m = current_mrr / base_mrr; grr_12m = sum over the
    base accounts of least(MRR in M, MRR in M-12) / base_mrr. -#}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates_month_end') }}
),

report_months as (
    select
        months.month,
        cast({{ dbt.dateadd('month', -12, 'months.month') }} as date) as base_month
    from months
    inner join months as base
        on base.month = cast({{ dbt.dateadd('month', -12, 'months.month') }} as date)
),

base_accounts as (
    select
        report_months.month,
        report_months.base_month,
        account_months.account_id
    from report_months
    inner join account_months
        on report_months.base_month = account_months.month
    where account_months.is_active
),

base_valued as (
    select
        base_accounts.month,
        base_accounts.account_id,
        sum(currency_months.mrr_local * fx_rates.fx_rate) as base_mrr
    from base_accounts
    inner join currency_months
        on base_accounts.account_id = currency_months.account_id
        and base_accounts.base_month = currency_months.month
    inner join fx_rates
        on currency_months.currency = fx_rates.currency
        and base_accounts.month = fx_rates.month
    group by base_accounts.month, base_accounts.account_id
),

with_current as (
    select
        base_valued.month,
        base_valued.account_id,
        base_valued.base_mrr,
        coalesce(account_months.mrr, 0) as current_mrr
    from base_valued
    left join account_months
        on base_valued.account_id = account_months.account_id
        and base_valued.month = account_months.month
),

totals as (
    select
        month,
        count(*) as base_accounts,
        sum(base_mrr) as base_mrr,
        sum(current_mrr) as current_mrr,
        sum(case when current_mrr < base_mrr then current_mrr else base_mrr end) as retained_mrr,
        sum(case when current_mrr > 0 then 1 else 0 end) as retained_accounts
    from with_current
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
        totals.current_mrr / nullif(totals.base_mrr, 0) as nrr_12m,
        totals.retained_mrr / nullif(totals.base_mrr, 0) as grr_12m
    from report_months
    left join totals
        on report_months.month = totals.month
)

select * from final
