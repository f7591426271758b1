with

opportunities as (
    select * from {{ ref('int_opportunities_enriched') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
        and converted_account_id is not null
),

lead_channels as (
    select * from {{ ref('int_lead_channels') }}
),

first_won_deals as (
    -- an account was acquired through the channel of its first won new-business deal
    select
        account_id,
        channel,
        row_number() over (
            partition by account_id
            order by close_date, created_at, opportunity_id
        ) as deal_rank
    from opportunities
    where is_won
        and account_id is not null
        and coalesce(opportunity_type, 'New Business') = 'New Business'
),

first_converted_leads as (
    -- without a won deal, the first lead converted into the account names the channel
    select
        leads.converted_account_id as account_id,
        lead_channels.channel,
        row_number() over (
            partition by leads.converted_account_id
            order by leads.created_at, leads.lead_id
        ) as lead_rank
    from leads
    inner join lead_channels
        on leads.lead_id = lead_channels.lead_id
),

account_ids as (
    select account_id from first_won_deals
    union
    select account_id from first_converted_leads
),

final as (
    select
        account_ids.account_id,
        coalesce(first_won_deals.channel, first_converted_leads.channel, 'unknown') as channel
    from account_ids
    left join first_won_deals
        on account_ids.account_id = first_won_deals.account_id
        and first_won_deals.deal_rank = 1
    left join first_converted_leads
        on account_ids.account_id = first_converted_leads.account_id
        and first_converted_leads.lead_rank = 1
)

select * from final
