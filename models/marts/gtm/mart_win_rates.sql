with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
    where is_closed
),

counted as (
    select
        close_month,
        coalesce(type, 'unknown') as type,
        count(*) as closed_opportunities,
        sum(case when is_won then 1 else 0 end) as won_opportunities,
        sum(amount) as closed_amount,
        sum(case when is_won then amount else 0 end) as won_amount,
        {{ gtm_median('sales_cycle_days') }} as median_sales_cycle_days
    from opportunities
    group by 1, 2
),

final as (
    select
        close_month,
        type,
        closed_opportunities,
        won_opportunities,
        {{ win_rate('won_opportunities', 'closed_opportunities') }} as win_rate,
        closed_amount,
        won_amount,
        {{ win_rate('won_amount', 'closed_amount') }} as win_rate_amount,
        median_sales_cycle_days
    from counted
)

select * from final
