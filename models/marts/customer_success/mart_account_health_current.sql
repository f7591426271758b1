{#- One row per account paying in the latest complete month: its health then, the
    component that drags it down most (lowest component score, first in the book's order on
    ties), its ARR, open alerts as of and the next renewal date. The boards read this. -#}
{%- set components = ['adoption', 'engagement', 'support', 'survey', 'billing', 'growth'] %}
with

health as (
    select * from {{ ref('int_account_health_months') }}
    where month = {{ revenue_last_complete_month() }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
    where month = {{ revenue_last_complete_month() }}
),

alerts as (
    select * from {{ ref('mart_account_alerts') }}
    where is_open
),

renewals as (
    select * from {{ ref('mart_renewals') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

component_rows as (
    {%- for component in components %}
    select
        account_id,
        '{{ component }}' as component,
        {{ loop.index }} as component_order,
        {{ component }}_score as component_score
    from health
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

weakest as (
    select
        account_id,
        component,
        component_score,
        row_number() over (
            partition by account_id order by component_score, component_order
        ) as weakness_rank
    from component_rows
    where component_score is not null
),

open_alerts as (
    select
        account_id,
        count(*) as open_alerts,
        max(age_days) as oldest_open_alert_days
    from alerts
    group by account_id
),

next_renewals as (
    select
        account_id,
        min(renewal_date) as next_renewal_date,
        sum(arr_due) as arr_due_120d
    from renewals
    group by account_id
),

final as (
    select
        health.account_id,
        accounts.account_name,
        health.month,
        health.health_score,
        health.health_color,
        {%- for component in components %}
        health.{{ component }}_score,
        {%- endfor %}
        health.missing_components,
        weakest.component as weakest_component,
        weakest.component_score as weakest_component_score,
        account_months.arr,
        coalesce(open_alerts.open_alerts, 0) as open_alerts,
        open_alerts.oldest_open_alert_days,
        next_renewals.next_renewal_date,
        next_renewals.arr_due_120d
    from health
    left join accounts
        on health.account_id = accounts.account_id
    left join account_months
        on health.account_id = account_months.account_id
    left join weakest
        on
        health.account_id = weakest.account_id
        and weakest.weakness_rank = 1
    left join open_alerts
        on health.account_id = open_alerts.account_id
    left join next_renewals
        on health.account_id = next_renewals.account_id
)

select * from final
