with

opportunities as (
    select * from {{ ref('int_opportunities_enriched') }}
),

account_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

stage_history as (
    select * from {{ ref('int_opportunity_stage_history') }}
),

history_summary as (
    select
        opportunity_id,
        count(*) as stage_changes,
        max(case when is_regression then 1 else 0 end) = 1 as has_stage_regression,
        min(case when pipeline_step in ('proposal', 'contract') then entered_at end) as proposal_at
    from stage_history
    group by opportunity_id
),

final as (
    select
        opportunities.opportunity_id,
        opportunities.account_id,
        opportunities.opportunity_name,
        opportunities.opportunity_type as type,
        opportunities.stage_name as stage,
        opportunities.stage_order,
        opportunities.forecast_category,
        opportunities.pipeline_step,
        opportunities.is_known_stage,
        opportunities.amount,
        opportunities.amount_local,
        opportunities.currency,
        opportunities.fx_rate,
        opportunities.created_at,
        opportunities.created_date,
        opportunities.close_date,
        cast({{ dbt.date_trunc('month', 'opportunities.close_date') }} as date) as close_month,
        opportunities.is_closed,
        opportunities.is_won,
        opportunities.sales_cycle_days,
        opportunities.loss_reason,
        opportunities.owner_id,
        opportunities.owner_name,
        opportunities.lead_id,
        opportunities.lead_source,
        opportunities.campaign_id,
        opportunities.channel,
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment,
        coalesce(history_summary.stage_changes, 0) as stage_changes,
        coalesce(history_summary.has_stage_regression, false) as has_stage_regression,
        history_summary.proposal_at
    from opportunities
    left join account_segments
        on opportunities.account_id = account_segments.account_id
    left join history_summary
        on opportunities.opportunity_id = history_summary.opportunity_id
)

select * from final
