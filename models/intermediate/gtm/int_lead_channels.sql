with

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
),

campaign_members as (
    select * from {{ ref('stg_salesforce__campaign_members') }}
    where lead_id is not null
),

campaigns as (
    select * from {{ ref('stg_salesforce__campaigns') }}
),

first_campaigns as (
    -- the campaign a lead came through is its first membership
    select
        campaign_members.lead_id,
        campaign_members.campaign_id,
        campaigns.channel as campaign_channel,
        row_number() over (
            partition by campaign_members.lead_id
            order by campaign_members.created_at, campaign_members.campaign_member_id
        ) as membership_rank
    from campaign_members
    inner join campaigns
        on campaign_members.campaign_id = campaigns.campaign_id
),

final as (
    select
        leads.lead_id,
        first_campaigns.campaign_id,
        first_campaigns.campaign_channel,
        leads.lead_source,
        coalesce(first_campaigns.campaign_channel, leads.lead_source, 'unknown') as channel
    from leads
    left join first_campaigns
        on leads.lead_id = first_campaigns.lead_id
        and first_campaigns.membership_rank = 1
)

select * from final
