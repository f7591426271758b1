{#- One row per account and month from the account's first month with a product event or
    MRR to the last complete month: active users (distinct userIds with a product event in
    the month), active days, core features used, and the active users of the three months
    before (months without events count 0). Events of month M are only events in M, so a
    later file never changes an earlier month. -#}
with

account_days as (
    select * from {{ ref('int_cs_usage_account_days') }}
),

user_months as (
    select * from {{ ref('int_cs_usage_user_months') }}
),

event_name_months as (
    select * from {{ ref('int_cs_usage_event_months') }}
),

features as (
    select * from {{ ref('segment_features') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

active_users as (
    select
        account_id,
        event_month,
        count(*) as active_users
    from user_months
    group by account_id, event_month
),

active_days as (
    select
        account_id,
        event_month,
        count(*) as active_days
    from account_days
    group by account_id, event_month
),

feature_use as (
    select
        event_name_months.account_id,
        event_name_months.event_month,
        cast(sum(event_name_months.product_events) as {{ dbt.type_bigint() }}) as product_events,
        count(distinct case when features.is_core then features.feature end) as core_features_used,
        cast(
            sum(case when features.is_core then event_name_months.product_events else 0 end)
            as {{ dbt.type_bigint() }}
        ) as core_feature_events
    from event_name_months
    left join features
        on event_name_months.event_name = features.event_name
    group by event_name_months.account_id, event_name_months.event_month
),

event_months as (
    select
        feature_use.account_id,
        feature_use.event_month as month,
        active_users.active_users,
        feature_use.product_events,
        active_days.active_days,
        feature_use.core_features_used,
        feature_use.core_feature_events
    from feature_use
    inner join active_users
        on
        feature_use.account_id = active_users.account_id
        and feature_use.event_month = active_users.event_month
    inner join active_days
        on
        feature_use.account_id = active_days.account_id
        and feature_use.event_month = active_days.event_month
),

account_first_months as (
    select
        account_id,
        min(month) as first_month
    from (
        select
            account_id,
            month
        from event_months
        union all
        select
            account_id,
            month
        from account_months
        where is_active
    ) as activity
    group by account_id
),

spine as (
    select
        account_first_months.account_id,
        months.month,
        months.month_end_at
    from account_first_months
    inner join months
        on account_first_months.first_month <= months.month
),

filled as (
    select
        spine.account_id,
        spine.month,
        spine.month_end_at,
        coalesce(event_months.active_users, 0) as active_users,
        coalesce(event_months.product_events, 0) as product_events,
        coalesce(event_months.active_days, 0) as active_days,
        coalesce(event_months.core_features_used, 0) as core_features_used,
        coalesce(event_months.core_feature_events, 0) as core_feature_events
    from spine
    left join event_months
        on
        spine.account_id = event_months.account_id
        and spine.month = event_months.month
),

with_prior as (
    select
        *,
        coalesce(lag(active_users, 1) over (partition by account_id order by month), 0)
        + coalesce(lag(active_users, 2) over (partition by account_id order by month), 0)
        + coalesce(lag(active_users, 3) over (partition by account_id order by month), 0)
            as prior_3m_active_users
    from filled
),

final as (
    select
        account_id,
        month,
        month_end_at,
        active_users,
        product_events,
        active_days,
        core_features_used,
        core_feature_events,
        prior_3m_active_users,
        cast({{ divide('prior_3m_active_users', '3') }} as {{ type_rate() }}) as prior_3m_mean_active_users
    from with_prior
)

select * from final
