{#- One row per account and month from the account's first month with a product event or
    MRR to the last complete month: active users (distinct userIds with a product event in
    the month), active days, core features used, and the active users of the three months
    before (months without events count 0). Events of month M are only events in M, so a
    later file never changes an earlier month. -#}
with

events as (
    select * from {{ ref('int_cs_product_events') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

event_months as (
    select
        account_id,
        event_month as month,
        count(distinct user_id) as active_users,
        count(*) as product_events,
        count(distinct event_date) as active_days,
        count(distinct case when is_core_feature then feature end) as core_features_used,
        sum(case when is_core_feature then 1 else 0 end) as core_feature_events
    from events
    group by account_id, event_month
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
