{#- One row per cohort month (first paid month) and ICP segment (metrics.md, Onboarding
    [1287, 1937]): accounts; time to first value = median days from the first paid day to
    the first core-feature event; 30-day activation = share of the cohort using a core
    feature within 30 days of the first paid day; completion = share that reached every
    milestone of seeds/onboarding_milestones.csv. `is_activation_window_complete` is false
    while 30 days have not passed for the whole cohort. -#}
with

milestones as (
    select * from {{ ref('int_account_onboarding_milestones') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

per_account as (
    select
        milestones.account_id,
        milestones.cohort_month,
        coalesce(accounts.icp_segment, 'unclassified') as icp_segment,
        max(case when milestones.milestone = 'first_core_feature' then milestones.days_from_first_paid end)
            as days_to_first_value,
        min(case when milestones.reached_on is null then 0 else 1 end) as has_all_milestones
    from milestones
    left join accounts
        on milestones.account_id = accounts.account_id
    group by milestones.account_id, milestones.cohort_month, coalesce(accounts.icp_segment, 'unclassified')
),

final as (
    select
        cohort_month,
        icp_segment,
        count(*) as accounts,
        sum(case when days_to_first_value <= 30 then 1 else 0 end) as activated_30d_accounts,
        cast(1.0 * sum(case when days_to_first_value <= 30 then 1 else 0 end) / count(*) as {{ type_rate() }})
            as activation_rate_30d,
        {{ gtm_median('days_to_first_value') }} as median_days_to_first_value,
        sum(has_all_milestones) as completed_accounts,
        cast(1.0 * sum(has_all_milestones) / count(*) as {{ type_rate() }}) as completion_rate,
        cast({{ dbt.dateadd('day', 30, dbt.dateadd('month', 1, 'cohort_month')) }} as date)
        <= {{ revenue_as_of_date() }} as is_activation_window_complete
    from per_account
    group by cohort_month, icp_segment
)

select * from final
