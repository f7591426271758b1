with

opportunities as (
    select * from {{ ref('stg_salesforce__opportunities') }}
    where not is_deleted
),

opportunity_stages as (
    select * from {{ ref('opportunity_stages') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

campaigns as (
    select * from {{ ref('stg_salesforce__campaigns') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
        and converted_opportunity_id is not null
),

lead_channels as (
    select * from {{ ref('int_lead_channels') }}
),

users as (
    select * from {{ ref('stg_salesforce__users') }}
),

converted_leads as (
    -- the lead an opportunity was converted from (the earliest when several were merged)
    select
        leads.converted_opportunity_id as opportunity_id,
        leads.lead_id,
        lead_channels.channel as lead_channel,
        row_number() over (
            partition by leads.converted_opportunity_id
            order by leads.created_at, leads.lead_id
        ) as lead_rank
    from leads
    inner join lead_channels
        on leads.lead_id = lead_channels.lead_id
),

enriched as (
    select
        opportunities.opportunity_id,
        opportunities.account_id,
        opportunities.opportunity_name,
        opportunities.opportunity_type,
        opportunities.stage_name,
        opportunity_stages.stage_order,
        opportunity_stages.forecast_category,
        opportunity_stages.pipeline_step,
        opportunity_stages.stage_name is not null as is_known_stage,
        opportunities.amount_local,
        opportunities.currency,
        fx_rates.fx_rate,
        opportunities.created_at,
        cast({{ to_reporting_timestamp('opportunities.created_at') }} as date) as created_date,
        opportunities.close_date,
        opportunities.is_closed,
        opportunities.is_won,
        opportunities.loss_reason,
        opportunities.owner_id,
        users.user_name as owner_name,
        opportunities.lead_source,
        opportunities.campaign_id,
        converted_leads.lead_id,
        coalesce(campaigns.channel, converted_leads.lead_channel, opportunities.lead_source, 'unknown') as channel
    from opportunities
    left join opportunity_stages
        on opportunities.stage_name = opportunity_stages.stage_name
    left join fx_rates
        -- Amount converts at the latest rate on or before the close date
        on opportunities.currency = fx_rates.currency
        and {{ fx_rate_on('fx_rates', 'coalesce(opportunities.close_date, cast(opportunities.created_at as date))') }}
    left join campaigns
        on opportunities.campaign_id = campaigns.campaign_id
    left join converted_leads
        on opportunities.opportunity_id = converted_leads.opportunity_id
        and converted_leads.lead_rank = 1
    left join users
        on opportunities.owner_id = users.user_id
),

final as (
    select
        *,
        {{ convert_money('amount_local', 'fx_rate') }} as amount,
        {{ sales_cycle_days('created_at', 'close_date', 'is_won') }} as sales_cycle_days
    from enriched
)

select * from final
