{#- One row per month M that has a month M-12 in the spine and account with MRR > 0 in M-12
    (the trailing-12-month base, metrics.md Retention). Both months valued at M's rates:
    base_mrr = the account's M-12 local MRR of each currency x that currency's rate in M;
    current_mrr = its MRR in M (every currency, 0 after churn). The one home of these
    account values: mart_retention_trailing_12m and mart_icp_segments sum them. -#}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

account_months as (
    select * from {{ ref('int_account_mrr_months') }}
),

report_months as (
    select
        months.month,
        base.month as base_month
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
    where account_months.mrr > 0
),

base_valued as (
    select
        base_accounts.month,
        base_accounts.base_month,
        base_accounts.account_id,
        sum({{ convert_money('base_currency.mrr_local', 'current_currency.fx_rate') }}) as base_mrr
    from base_accounts
    inner join currency_months as base_currency
        on base_accounts.account_id = base_currency.account_id
        and base_accounts.base_month = base_currency.month
    inner join currency_months as current_currency
        on base_currency.account_id = current_currency.account_id
        and base_currency.currency = current_currency.currency
        and base_accounts.month = current_currency.month
    group by base_accounts.month, base_accounts.base_month, base_accounts.account_id
),

final as (
    select
        base_valued.month,
        base_valued.base_month,
        base_valued.account_id,
        base_valued.base_mrr,
        coalesce(account_months.mrr, 0) as current_mrr
    from base_valued
    left join account_months
        on base_valued.account_id = account_months.account_id
        and base_valued.month = account_months.month
)

select * from final
