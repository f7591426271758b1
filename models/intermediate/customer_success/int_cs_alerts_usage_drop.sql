{#- One row per account and complete month whose active users fell to at most
    var cs_usage_drop_ratio (0.75) x the mean of the three months before, that mean being
    above 0 (metrics.md, usage_drop). Fires on the month's last day; open while the month
    is the latest complete one. -#}
with

usage_months as (
    select * from {{ ref('int_cs_account_usage_months') }}
),

dropped as (
    select
        account_id,
        month,
        active_users,
        prior_3m_mean_active_users
    from usage_months
    where
        prior_3m_active_users > 0
        -- active <= ratio x (sum of the 3 months / 3), kept exact in integers and decimals
        and 3 * active_users <= {{ var('cs_usage_drop_ratio') }} * prior_3m_active_users
),

final as (
    select
        account_id,
        'usage_drop' as alert_type,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month')) }} as date) as fired_on,
        month = {{ revenue_last_complete_month() }} as is_open,
        cast(month as {{ dbt.type_string() }}) as source_id,
        cast(active_users as {{ type_rate() }}) as observed_value,
        prior_3m_mean_active_users as limit_value
    from dropped
)

select * from final
