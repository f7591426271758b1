with

leads as (
    select * from {{ ref('fct_leads') }}
),

counted as (
    select
        cohort_month,
        channel,
        count(*) as leads,
        sum(case when is_mql then 1 else 0 end) as mqls,
        sum(case when is_sql then 1 else 0 end) as sqls,
        sum(case when has_opportunity then 1 else 0 end) as opportunities,
        sum(case when is_won then 1 else 0 end) as won
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
        cast(mqls as {{ type_double() }}) / nullif(leads, 0) as lead_to_mql_rate,
        cast(sqls as {{ type_double() }}) / nullif(mqls, 0) as mql_to_sql_rate,
        cast(opportunities as {{ type_double() }}) / nullif(sqls, 0) as sql_to_opportunity_rate,
        cast(won as {{ type_double() }}) / nullif(opportunities, 0) as opportunity_to_won_rate,
        cast(won as {{ type_double() }}) / nullif(leads, 0) as lead_to_won_rate
    from counted
)

select * from final
