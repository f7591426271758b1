{#- One row per month, dimension (icp_segment / touch_tier) and value (metrics.md, NPS by
    segment and touch tier): responses, promoters, passives, detractors and nps = 100 x
    (promoters - detractors) / responses. The touch tier is the account's tier by its ARR
    in the response's month (tech_touch without ARR); responses no account claims count
    under 'unknown'. -#}
with

responses as (
    select * from {{ ref('int_nps_responses_attributed') }}
    where submitted_month <= {{ revenue_last_complete_month() }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

touch_tiers as (
    select * from {{ ref('int_account_touch_tiers') }}
),

classified as (
    select
        responses.response_id,
        responses.submitted_month as month,
        responses.nps_class,
        case
            when responses.account_id is null then 'unknown'
            else coalesce(accounts.icp_segment, 'unclassified')
        end as icp_segment,
        case
            when responses.account_id is null then 'unknown'
            else coalesce(touch_tiers.touch_tier, 'tech_touch')
        end as touch_tier
    from responses
    left join accounts
        on responses.account_id = accounts.account_id
    left join touch_tiers
        on
        responses.account_id = touch_tiers.account_id
        and responses.submitted_month = touch_tiers.month
),

long as (
    select
        month,
        'icp_segment' as dimension,
        icp_segment as dimension_value,
        nps_class
    from classified
    union all
    select
        month,
        'touch_tier' as dimension,
        touch_tier as dimension_value,
        nps_class
    from classified
),

counted as (
    select
        month,
        dimension,
        dimension_value,
        count(*) as responses,
        sum(case when nps_class = 'promoter' then 1 else 0 end) as promoters,
        sum(case when nps_class = 'passive' then 1 else 0 end) as passives,
        sum(case when nps_class = 'detractor' then 1 else 0 end) as detractors
    from long
    group by month, dimension, dimension_value
),

final as (
    select
        month,
        dimension,
        dimension_value,
        responses,
        promoters,
        passives,
        detractors,
        {{ nps_score('promoters', 'detractors', 'responses') }} as nps
    from counted
)

select * from final
