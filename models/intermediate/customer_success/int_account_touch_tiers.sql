{#- One row per account and month with MRR > 0: its touch tier, the tier of
    seeds/touch_tiers.csv with the highest min_arr its ARR (reporting currency) reaches
    (metrics.md, Touch tier). -#}
with

account_months as (
    select * from {{ ref('fct_account_months') }}
    where is_active
),

tiers as (
    select * from {{ ref('touch_tiers') }}
),

ranked as (
    select
        account_months.account_id,
        account_months.month,
        account_months.arr,
        tiers.touch_tier,
        tiers.tier_order,
        row_number() over (
            partition by account_months.account_id, account_months.month
            order by tiers.min_arr desc
        ) as tier_rank
    from account_months
    inner join tiers
        on account_months.arr >= tiers.min_arr
),

final as (
    select
        account_id,
        month,
        arr,
        touch_tier,
        tier_order
    from ranked
    where tier_rank = 1
)

select * from final
