{#- One row per cohort month and months_since_start k (0 = the cohort month) up to the last
    complete month. A cohort is the accounts whose first month with MRR > 0 is
    cohort_month. logo_retention = active_accounts / cohort_size; revenue_retention =
    mrr / cohort_starting_mrr; each month valued at its own rates, as reported. -#}
with

account_months as (
    select * from {{ ref('fct_account_months') }}
),

cohorts as (
    select
        first_paid_month as cohort_month,
        count(distinct account_id) as cohort_size,
        sum(case when month = first_paid_month then mrr else 0 end) as cohort_starting_mrr
    from account_months
    group by first_paid_month
),

cohort_months as (
    select
        first_paid_month as cohort_month,
        month,
        months_since_first_paid as months_since_start,
        cast(sum(case when is_active then 1 else 0 end) as {{ dbt.type_bigint() }}) as active_accounts,
        sum(mrr) as mrr
    from account_months
    group by first_paid_month, month, months_since_first_paid
),

final as (
    select
        cohort_months.cohort_month,
        cohort_months.months_since_start,
        cohort_months.month,
        cohorts.cohort_size,
        cohorts.cohort_starting_mrr,
        cohort_months.active_accounts,
        cohort_months.mrr,
        {{ rate_quotient('cohort_months.active_accounts', 'cohorts.cohort_size') }} as logo_retention,
        {{ rate_quotient('cohort_months.mrr', 'cohorts.cohort_starting_mrr') }} as revenue_retention
    from cohort_months
    inner join cohorts
        on cohort_months.cohort_month = cohorts.cohort_month
)

select * from final
