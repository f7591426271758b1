{#- One row per account that ever had MRR > 0: its first paid month (metrics.md, Cohorts: the
    first month with MRR > 0, all currencies converted at that month's rates). The one home
    of that rule: fct_account_months spans from it, dim_accounts shows it. -#}
with

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

account_totals as (
    select
        account_id,
        month,
        sum(mrr) as mrr
    from currency_months
    group by account_id, month
),

final as (
    select
        account_id,
        min(month) as first_paid_month
    from account_totals
    where mrr > 0
    group by account_id
)

select * from final
