{#- One row per billed account and onboarding milestone (seeds/onboarding_milestones.csv):
    the day it was first reached (null = not yet) and days from the first paid day (0 when
    reached during a trial, before paying). event = first product event of that name;
    core_feature = first core-feature event; active_users = the day the threshold-th
    distinct user had their first product event. -#}
with

first_paid as (
    select * from {{ ref('int_cs_account_first_paid_days') }}
),

event_name_months as (
    -- a row whose first day is after the as-of day has no day before it: min() stays exact
    select * from {{ ref('int_cs_usage_event_months') }}
    where first_event_date <= {{ revenue_as_of_date() }}
),

user_months as (
    select * from {{ ref('int_cs_usage_user_months') }}
    where first_event_date <= {{ revenue_as_of_date() }}
),

features as (
    select * from {{ ref('segment_features') }}
),

milestones as (
    select * from {{ ref('onboarding_milestones') }}
),

milestone_names as (
    select
        milestone,
        min(milestone_order) as milestone_order
    from milestones
    group by milestone
),

event_firsts as (
    select
        event_name_months.account_id,
        milestones.milestone,
        min(event_name_months.first_event_date) as reached_on
    from event_name_months
    inner join milestones
        on
        milestones.rule = 'event'
        and event_name_months.event_name = milestones.event_name
    group by event_name_months.account_id, milestones.milestone
),

core_firsts as (
    select
        event_name_months.account_id,
        milestones.milestone,
        min(event_name_months.first_event_date) as reached_on
    from event_name_months
    inner join features
        on event_name_months.event_name = features.event_name
    inner join milestones
        on milestones.rule = 'core_feature'
    where features.is_core
    group by event_name_months.account_id, milestones.milestone
),

user_firsts as (
    select
        account_id,
        user_id,
        min(first_event_date) as first_event_date
    from user_months
    group by account_id, user_id
),

user_ranks as (
    select
        account_id,
        first_event_date,
        row_number() over (partition by account_id order by first_event_date, user_id) as user_number
    from user_firsts
),

user_count_firsts as (
    select
        user_ranks.account_id,
        milestones.milestone,
        min(user_ranks.first_event_date) as reached_on
    from user_ranks
    inner join milestones
        on
        milestones.rule = 'active_users'
        and user_ranks.user_number = milestones.threshold
    group by user_ranks.account_id, milestones.milestone
),

reached as (
    select * from event_firsts
    union all
    select * from core_firsts
    union all
    select * from user_count_firsts
),

final as (
    select
        first_paid.account_id,
        first_paid.cohort_month,
        first_paid.first_paid_date,
        milestone_names.milestone,
        milestone_names.milestone_order,
        min(reached.reached_on) as reached_on,
        case
            when min(reached.reached_on) is not null
                then greatest(0, {{ days_between('first_paid.first_paid_date', 'min(reached.reached_on)') }})
        end as days_from_first_paid
    from first_paid
    cross join milestone_names
    left join reached
        on
        first_paid.account_id = reached.account_id
        and milestone_names.milestone = reached.milestone
    group by
        first_paid.account_id,
        first_paid.cohort_month,
        first_paid.first_paid_date,
        milestone_names.milestone,
        milestone_names.milestone_order
)

select * from final
