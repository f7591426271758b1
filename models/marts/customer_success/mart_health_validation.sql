{#- One row per month M and health colour, for months whose M+3 is complete: the paying
    accounts of that colour at M and what happened to them by M+3 - churned (MRR 0 in any
    of M+1..M+3), contracted (not churned, MRR at M+3 below M) or expanded (not churned,
    above), MRR compared in the account's own currency when both months bill one currency.
    churn_rate = churned / accounts, the proof that the score predicts: red must churn more
    than green. -#}
with

health as (
    select * from {{ ref('int_account_health_months') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

scored as (
    select
        health.account_id,
        health.month,
        health.health_color,
        now_month.mrr,
        now_month.mrr_local,
        now_month.currency
    from health
    inner join account_months as now_month
        on
        health.account_id = now_month.account_id
        and health.month = now_month.month
    where cast({{ dbt.dateadd('month', 3, 'health.month') }} as date) <= {{ revenue_last_complete_month() }}
),

outcomes as (
    select
        scored.account_id,
        scored.month,
        scored.health_color,
        scored.mrr,
        max(case when not later.is_active then 1 else 0 end) as is_churned,
        max(
            case
                when later.month = cast({{ dbt.dateadd('month', 3, 'scored.month') }} as date)
                    then
                        case
                            when later.currency = scored.currency and scored.currency <> 'MULTI'
                                then later.mrr_local - scored.mrr_local
                            else later.mrr - scored.mrr
                        end
            end
        ) as mrr_change_3m
    from scored
    inner join account_months as later
        on
        scored.account_id = later.account_id
        and later.month > scored.month
        and later.month <= cast({{ dbt.dateadd('month', 3, 'scored.month') }} as date)
    group by scored.account_id, scored.month, scored.health_color, scored.mrr
),

final as (
    select
        month,
        health_color,
        count(*) as accounts,
        sum(is_churned) as churned_accounts,
        sum(case when is_churned = 0 and mrr_change_3m < 0 then 1 else 0 end) as contracted_accounts,
        sum(case when is_churned = 0 and mrr_change_3m > 0 then 1 else 0 end) as expanded_accounts,
        cast(1.0 * sum(is_churned) / count(*) as {{ type_rate() }}) as churn_rate,
        cast(
            1.0 * sum(case when is_churned = 0 and mrr_change_3m < 0 then 1 else 0 end) / count(*)
            as {{ type_rate() }}
        ) as contraction_rate,
        cast(
            1.0 * sum(case when is_churned = 0 and mrr_change_3m > 0 then 1 else 0 end) / count(*)
            as {{ type_rate() }}
        ) as expansion_rate,
        cast(sum(12 * mrr) as {{ type_money() }}) as arr,
        cast(sum(case when is_churned = 1 then 12 * mrr else 0 end) as {{ type_money() }}) as churned_arr
    from outcomes
    group by month, health_color
)

select * from final
