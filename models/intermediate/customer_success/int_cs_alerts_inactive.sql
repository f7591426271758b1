{#- One row per gap of var cs_inactive_days (60) days without a product event of a paying
    account (MRR > 0 in its latest complete month; metrics.md, inactive): fires on the day
    after the 60 quiet days, last event day + 61 (first paid day + 61 when the account never
    had an event), when no event fell on the days in between. Open while no event followed. -#}
{%- set days = var('cs_inactive_days') %}
with

account_months as (
    select * from {{ ref('fct_account_months') }}
),

account_days as (
    select * from {{ ref('int_cs_usage_account_days') }}
    where event_date <= {{ revenue_as_of_date() }}
),

first_paid_days as (
    select * from {{ ref('int_cs_account_first_paid_days') }}
),

paying_accounts as (
    select account_id
    from account_months
    where
        month = {{ revenue_last_complete_month() }}
        and is_active
),

event_days as (
    select
        account_id,
        event_date as anchor_date
    from account_days
),

anchors as (
    select
        paying_accounts.account_id,
        coalesce(event_days.anchor_date, first_paid_days.first_paid_date) as anchor_date
    from paying_accounts
    left join event_days
        on paying_accounts.account_id = event_days.account_id
    left join first_paid_days
        on paying_accounts.account_id = first_paid_days.account_id
),

gaps as (
    select
        account_id,
        anchor_date,
        lead(anchor_date) over (partition by account_id order by anchor_date) as next_event_date,
        cast({{ dbt.dateadd('day', days + 1, 'anchor_date') }} as date) as fire_date
    from anchors
    where anchor_date is not null
),

final as (
    select
        account_id,
        'inactive' as alert_type,
        fire_date as fired_on,
        next_event_date is null as is_open,
        cast(anchor_date as {{ dbt.type_string() }}) as source_id,
        cast(
            {{ days_between('anchor_date', 'coalesce(next_event_date, ' ~ revenue_as_of_date() ~ ')') }}
            as {{ type_rate() }}
        ) as observed_value,
        cast({{ days }} as {{ type_rate() }}) as limit_value
    from gaps
    where
        fire_date <= {{ revenue_as_of_date() }}
        and (next_event_date is null or next_event_date >= fire_date)
)

select * from final
