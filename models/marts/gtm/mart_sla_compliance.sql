with

leads as (
    select * from {{ ref('fct_leads') }}
    where is_mql
),

weekly as (
    select
        cast({{ dbt.date_trunc('week', to_reporting_timestamp('mql_at')) }} as date) as mql_week,
        coalesce(owner_id, 'unassigned') as owner_id,
        max(owner_name) as owner_name,
        count(*) as mqls,
        sum(case when sla_met then 1 else 0 end) as mqls_sla_met,
        sum(case when sla_failed_step = 1 then 1 else 0 end) as failed_at_step_1,
        sum(case when sla_failed_step = 2 then 1 else 0 end) as failed_at_step_2,
        sum(case when sla_failed_step = 3 then 1 else 0 end) as failed_at_step_3,
        {{ gtm_median(
            dbt.datediff('mql_at', 'first_touch_at', 'second') ~ ' / 3600.0'
        ) }} as median_hours_to_first_touch
    from leads
    group by 1, 2
),

final as (
    select
        mql_week,
        owner_id,
        owner_name,
        mqls,
        mqls_sla_met,
        {{ rate_quotient('mqls_sla_met', 'mqls') }} as sla_compliance_rate,
        failed_at_step_1,
        failed_at_step_2,
        failed_at_step_3,
        median_hours_to_first_touch
    from weekly
)

select * from final
