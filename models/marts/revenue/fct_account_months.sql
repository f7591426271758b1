{#- One row per account and month, from the account's first paid month (first month with
    MRR > 0) to the last complete month, zeros after churn. An account billed in several
    currencies in one month has mrr = the sum of each currency converted at its own
    month-end rate, currency = 'MULTI' and mrr_local / fx_rate null (per-currency detail:
    int_account_currency_months). A month with no MRR keeps the last billed currency. -#}
with

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

first_paid as (
    select * from {{ ref('int_account_first_paid_months') }}
),

account_totals as (
    select * from {{ ref('int_account_mrr_months') }}
),

account_spine as (
    select
        first_paid.account_id,
        first_paid.first_paid_month,
        months.month
    from first_paid
    inner join months
        on months.month >= first_paid.first_paid_month
),

spined as (
    select
        account_spine.account_id,
        account_spine.month,
        account_spine.first_paid_month,
        coalesce(account_totals.mrr, 0) as mrr,
        case
            when account_totals.billed_currencies > 1 then 'MULTI'
            when account_totals.billed_currencies = 1 then account_totals.billed_currency
        end as billed_currency,
        coalesce(account_totals.billed_currencies, 0) as billed_currencies
    from account_spine
    left join account_totals
        on account_spine.account_id = account_totals.account_id
        and account_spine.month = account_totals.month
),

with_last_billed as (
    select
        *,
        max(case when billed_currency is not null then month end) over (
            partition by account_id
            order by month
            rows between unbounded preceding and current row
        ) as last_billed_month
    from spined
),

with_currency as (
    select
        with_last_billed.*,
        last_billed.billed_currency as currency
    from with_last_billed
    left join spined as last_billed
        on with_last_billed.account_id = last_billed.account_id
        and with_last_billed.last_billed_month = last_billed.month
),

final as (
    select
        with_currency.account_id,
        with_currency.month,
        with_currency.mrr,
        currency_months.mrr_local,
        with_currency.currency,
        currency_months.fx_rate,
        with_currency.mrr > 0 as is_active,
        12 * with_currency.mrr as arr,
        with_currency.billed_currencies > 1 as is_multi_currency,
        with_currency.first_paid_month,
        {{ dbt.datediff(
            'with_currency.first_paid_month', 'with_currency.month', 'month'
        ) }} as months_since_first_paid
    from with_currency
    left join currency_months
        on with_currency.account_id = currency_months.account_id
        and with_currency.currency = currency_months.currency
        and with_currency.month = currency_months.month
)

select * from final
