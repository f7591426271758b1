with

mrr_bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

mrr_movements as (
    select * from {{ ref('fct_mrr_movements') }}
    where movement_type = 'new'
),

account_channels as (
    select * from {{ ref('int_account_acquisition_channels') }}
),

costs as (
    select * from {{ ref('int_gtm_costs_monthly') }}
    where cost_source = 'marketing_spend'
),

new_customers_by_channel as (
    select
        mrr_movements.month,
        coalesce(account_channels.channel, 'unknown') as channel,
        count(distinct mrr_movements.account_id) as new_customers
    from mrr_movements
    left join account_channels
        on mrr_movements.account_id = account_channels.account_id
    group by 1, 2
),

spend_by_channel as (
    select
        month,
        cost_item as channel,
        sum(amount) as marketing_spend
    from costs
    group by 1, 2
),

channels as (
    select channel from new_customers_by_channel
    union
    select channel from spend_by_channel
),

month_channels as (
    select
        mrr_bridge.month,
        channels.channel
    from mrr_bridge
    cross join channels
),

windowed as (
    -- W = M-2, M-1, M, as for the company-wide CAC
    select
        month_channels.month,
        month_channels.channel,
        (
            select sum(spend_by_channel.marketing_spend)
            from spend_by_channel
            where spend_by_channel.channel = month_channels.channel
                and spend_by_channel.month <= month_channels.month
                and spend_by_channel.month >= {{ dbt.dateadd('month', -2, 'month_channels.month') }}
        ) as marketing_spend,
        (
            select sum(new_customers_by_channel.new_customers)
            from new_customers_by_channel
            where new_customers_by_channel.channel = month_channels.channel
                and new_customers_by_channel.month <= month_channels.month
                and new_customers_by_channel.month >= {{ dbt.dateadd('month', -2, 'month_channels.month') }}
        ) as new_customers
    from month_channels
),

final as (
    select
        month,
        channel,
        coalesce(marketing_spend, 0) as marketing_spend,
        coalesce(new_customers, 0) as new_customers,
        {{ cac('marketing_spend', 'new_customers') }} as cac
    from windowed
)

select * from final
