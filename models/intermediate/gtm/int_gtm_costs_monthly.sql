with

marketing_spend as (
    select * from {{ ref('stg_finance__marketing_spend') }}
),

costs as (
    select * from {{ ref('stg_finance__costs') }}
),

campaigns as (
    select * from {{ ref('stg_salesforce__campaigns') }}
),

cost_categories as (
    select * from {{ ref('cost_categories') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

spend_channel_map as (
    -- finance names channels its own way (naver_search) and the CRM another (naver): a spend
    -- channel whose campaign-tagged rows all point at one Channel__c maps to it
    select
        marketing_spend.channel as spend_channel,
        min(campaigns.channel) as crm_channel
    from marketing_spend
    inner join campaigns
        on marketing_spend.campaign_id = campaigns.campaign_id
    where campaigns.channel is not null
    group by marketing_spend.channel
    having count(distinct campaigns.channel) = 1
),

spend_by_month as (
    -- spend is attributed to the CRM channel (Channel__c) of the campaign it names, else to
    -- the CRM channel its spend channel maps to, else it keeps its own channel
    select
        cast({{ dbt.date_trunc('month', 'marketing_spend.spend_date') }} as date) as month,
        'marketing_spend' as cost_source,
        coalesce(campaigns.channel, spend_channel_map.crm_channel, marketing_spend.channel) as cost_item,
        'acquisition' as cost_type,
        marketing_spend.currency,
        sum(marketing_spend.amount_local) as amount_local
    from marketing_spend
    left join campaigns
        on marketing_spend.campaign_id = campaigns.campaign_id
    left join spend_channel_map
        on marketing_spend.channel = spend_channel_map.spend_channel
    group by 1, 2, 3, 4, 5
),

costs_by_month as (
    select
        costs.month,
        'cost' as cost_source,
        costs.category as cost_item,
        coalesce(cost_categories.cost_type, 'unmapped') as cost_type,
        costs.currency,
        sum(costs.amount_local) as amount_local
    from costs
    left join cost_categories
        on costs.category = cost_categories.category
    group by 1, 2, 3, 4, 5
),

unioned as (
    select * from spend_by_month
    union all
    select * from costs_by_month
),

converted as (
    -- costs convert at the month-end rate of the month they fall in
    select
        unioned.month,
        unioned.cost_source,
        unioned.cost_item,
        unioned.cost_type,
        unioned.currency,
        unioned.amount_local,
        fx_rates.fx_rate
    from unioned
    left join fx_rates
        on unioned.currency = fx_rates.currency
        and {{ fx_rate_on('fx_rates', 'cast(' ~ dbt.last_day('unioned.month', 'month') ~ ' as date)') }}
),

with_amount as (
    select
        *,
        {{ convert_money('amount_local', 'fx_rate') }} as amount
    from converted
),

final as (
    select
        {{ dbt.concat([
            "cast(month as " ~ dbt.type_string() ~ ")", "'|'", "cost_source", "'|'", "cost_item", "'|'", "currency"
        ]) }} as cost_month_id,
        month,
        cost_source,
        cost_item,
        cost_type,
        currency,
        amount_local,
        fx_rate,
        amount
    from with_amount
)

select * from final
