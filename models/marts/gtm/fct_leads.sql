with

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
),

users as (
    select * from {{ ref('stg_salesforce__users') }}
),

lead_channels as (
    select * from {{ ref('int_lead_channels') }}
),

lead_mqls as (
    select * from {{ ref('int_lead_mqls') }}
),

lead_sla as (
    select * from {{ ref('int_lead_sla') }}
),

lead_segments as (
    select * from {{ ref('int_lead_icp_segments') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_enriched') }}
),

joined as (
    select
        leads.lead_id,
        {{ hash_email('leads.email') }} as email_hash,
        leads.company_name,
        leads.industry,
        leads.number_of_employees,
        leads.lead_status,
        leads.owner_id,
        users.user_name as owner_name,
        leads.created_at,
        cast({{ dbt.date_trunc('month', to_reporting_timestamp('leads.created_at')) }} as date) as cohort_month,
        lead_channels.channel,
        lead_channels.campaign_id,
        leads.lead_source,
        lead_segments.icp_segment,
        lead_segments.is_icp_fit,
        lead_mqls.mql_at,
        lead_mqls.mql_rule,
        leads.sql_date as sql_date_marked,
        {{ is_sales_qualified(
            'lead_mqls.mql_at', 'leads.sql_date', 'leads.has_champ_challenges',
            'leads.has_champ_authority', 'leads.has_champ_prioritization'
        ) }} as is_sql,
        {{ sql_rule_violation(
            'lead_mqls.mql_at', 'leads.sql_date', 'leads.has_champ_challenges',
            'leads.has_champ_authority', 'leads.has_champ_prioritization'
        ) }} as sql_rule_violation,
        lead_sla.first_touch_at,
        lead_sla.second_touch_at,
        lead_sla.third_touch_at,
        lead_sla.sla_met,
        lead_sla.sla_failed_step,
        leads.is_converted,
        leads.converted_account_id,
        opportunities.opportunity_id as converted_opportunity_id,
        opportunities.is_won as is_opportunity_won
    from leads
    left join users
        on leads.owner_id = users.user_id
    left join lead_channels
        on leads.lead_id = lead_channels.lead_id
    left join lead_mqls
        on leads.lead_id = lead_mqls.lead_id
    left join lead_sla
        on leads.lead_id = lead_sla.lead_id
    left join lead_segments
        on leads.lead_id = lead_segments.lead_id
    left join opportunities
        on leads.converted_opportunity_id = opportunities.opportunity_id
),

final as (
    select
        lead_id,
        email_hash,
        company_name,
        industry,
        number_of_employees,
        lead_status,
        owner_id,
        owner_name,
        created_at,
        cohort_month,
        channel,
        campaign_id,
        lead_source,
        icp_segment,
        is_icp_fit,
        mql_at is not null as is_mql,
        mql_at,
        mql_rule,
        sql_date_marked,
        is_sql,
        case when is_sql then sql_date_marked end as sql_at,
        sql_rule_violation,
        first_touch_at,
        second_touch_at,
        third_touch_at,
        sla_met,
        sla_failed_step,
        is_converted,
        converted_account_id,
        converted_opportunity_id,
        converted_opportunity_id is not null as has_opportunity,
        coalesce(is_opportunity_won, false) as is_won
    from joined
)

select * from final
