{#- One row per account that ever had MRR > 0: its first paid month (metrics.md, Cohorts: the
    first month with MRR > 0, all currencies converted at that month's rates). The one home
    of that rule: fct_account_months spans from it, dim_accounts shows it. -#}
with

account_totals as (
    select * from {{ ref('int_account_mrr_months') }}
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
