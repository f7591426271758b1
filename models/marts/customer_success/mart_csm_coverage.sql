{#- One row per CSM (a CRM user of Department Customer Success owning paying accounts) in
    the latest complete month, plus one row (csm_id null) for paying accounts no CSM owns
    (metrics.md, Touch tier): accounts and ARR per CSM, by touch tier, with red accounts
    and the book's guide of accounts per CSM for the tier mix [1597]. -#}
with

tiers as (
    select * from {{ ref('int_account_touch_tiers') }}
    where month = {{ revenue_last_complete_month() }}
),

health as (
    select * from {{ ref('int_account_health_months') }}
    where month = {{ revenue_last_complete_month() }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

users as (
    select * from {{ ref('stg_salesforce__users') }}
),

owned as (
    select
        tiers.account_id,
        tiers.arr,
        tiers.touch_tier,
        health.health_color,
        case when users.department = 'Customer Success' then users.user_id end as csm_id,
        case when users.department = 'Customer Success' then users.user_name end as csm_name
    from tiers
    left join accounts
        on tiers.account_id = accounts.account_id
    left join users
        on accounts.owner_id = users.user_id
    left join health
        on tiers.account_id = health.account_id
),

final as (
    select
        csm_id,
        coalesce(csm_name, '(unassigned)') as csm_name,
        {{ revenue_last_complete_month() }} as month,
        count(*) as accounts,
        cast(sum(arr) as {{ type_money() }}) as arr,
        sum(case when touch_tier = 'high_touch' then 1 else 0 end) as high_touch_accounts,
        sum(case when touch_tier = 'low_touch' then 1 else 0 end) as low_touch_accounts,
        sum(case when touch_tier = 'tech_touch' then 1 else 0 end) as tech_touch_accounts,
        cast(sum(case when touch_tier = 'high_touch' then arr else 0 end) as {{ type_money() }}) as high_touch_arr,
        sum(case when health_color = 'red' then 1 else 0 end) as red_accounts,
        sum(case when health_color = 'yellow' then 1 else 0 end) as yellow_accounts
    from owned
    group by csm_id, coalesce(csm_name, '(unassigned)')
)

select * from final
