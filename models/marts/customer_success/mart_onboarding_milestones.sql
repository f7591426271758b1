{#- One row per cohort month (first paid month) and onboarding milestone: accounts of the
    cohort, those that reached it, reach_rate = reached / accounts, and the median days from
    the first paid day to reaching it. -#}
with

milestones as (
    select * from {{ ref('int_account_onboarding_milestones') }}
),

final as (
    select
        cohort_month,
        milestone,
        milestone_order,
        count(*) as accounts,
        sum(case when reached_on is not null then 1 else 0 end) as reached_accounts,
        cast(1.0 * sum(case when reached_on is not null then 1 else 0 end) / count(*) as {{ type_rate() }})
            as reach_rate,
        {{ gtm_median('days_from_first_paid') }} as median_days_to_reach
    from milestones
    group by cohort_month, milestone, milestone_order
)

select * from final
