{#- One row per account and month it has a currency pair in force (int_account_currency_month_changes):
    MRR = the sum of its currencies, each converted at the month-end rate, and the currencies
    billed that month. The one home of an account's monthly MRR total. -#}
with

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

final as (
    select
        account_id,
        month,
        sum(mrr) as mrr,
        count(case when mrr_local <> 0 then currency end) as billed_currencies,
        max(case when mrr_local <> 0 then currency end) as billed_currency
    from currency_months
    group by account_id, month
)

select * from final
