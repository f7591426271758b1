with

leads as (
    select * from {{ ref('fct_leads') }}
),

counted as (
    select
        cohort_month,
        channel,
        {{ funnel_stage_counts() }}
    from leads
    group by cohort_month, channel
),

final as (
    select
        cohort_month,
        channel,
        leads,
        mqls,
        sqls,
        opportunities,
        won,
        {{ funnel_conversion_rates() }}
    from counted
)

select * from final
