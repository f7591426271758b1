{#- One row per paying account and month with an expansion signal (metrics.md, Expansion
    signals (CSQL) [2962]): active users >= var cs_expansion_seat_share (80 %) of seats, or
    green health with active users up on the month before. is_csql when no Expansion
    opportunity was open at the month's end (created by then, not closed by then). -#}
with

health as (
    select * from {{ ref('int_account_health_months') }}
),

usage_months as (
    select * from {{ ref('int_cs_account_usage_months') }}
),

seat_months as (
    select * from {{ ref('int_cs_account_seat_months') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_enriched') }}
    -- Type is already mapped through seeds/opportunity_types.csv (Upgrade -> Expansion)
    where opportunity_type = 'Expansion'
),

measured as (
    select
        health.account_id,
        health.month,
        health.health_color,
        health.health_score,
        usage_months.active_users,
        lag(usage_months.active_users) over (
            partition by usage_months.account_id order by usage_months.month
        ) as previous_active_users,
        seat_months.seats,
        case
            when seat_months.seats > 0
                then cast(1.0 * usage_months.active_users / seat_months.seats as {{ type_rate() }})
        end as seat_utilisation,
        account_months.arr
    from usage_months
    left join health
        on
        usage_months.account_id = health.account_id
        and usage_months.month = health.month
    left join seat_months
        on
        usage_months.account_id = seat_months.account_id
        and usage_months.month = seat_months.month
    left join account_months
        on
        usage_months.account_id = account_months.account_id
        and usage_months.month = account_months.month
),

signals as (
    select
        *,
        coalesce(seat_utilisation >= {{ var('cs_expansion_seat_share') }}, false) as is_seats_full,
        coalesce(health_color = 'green' and active_users > previous_active_users, false) as is_green_and_growing
    from measured
    where health_score is not null
),

open_expansions as (
    select
        signals.account_id,
        signals.month,
        count(*) as open_expansion_opportunities
    from signals
    inner join opportunities
        on
        signals.account_id = opportunities.account_id
        and cast(opportunities.created_at as date)
        <= cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'signals.month')) }} as date)
        and (
            not opportunities.is_closed
            or opportunities.close_date
            > cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'signals.month')) }} as date)
        )
    group by signals.account_id, signals.month
),

final as (
    select
        signals.account_id,
        signals.month,
        signals.health_color,
        signals.active_users,
        signals.previous_active_users,
        signals.seats,
        signals.seat_utilisation,
        signals.arr,
        signals.is_seats_full,
        signals.is_green_and_growing,
        coalesce(open_expansions.open_expansion_opportunities, 0) > 0 as has_open_expansion_opportunity,
        coalesce(open_expansions.open_expansion_opportunities, 0) = 0 as is_csql
    from signals
    left join open_expansions
        on
        signals.account_id = open_expansions.account_id
        and signals.month = open_expansions.month
    where signals.is_seats_full or signals.is_green_and_growing
)

select * from final
