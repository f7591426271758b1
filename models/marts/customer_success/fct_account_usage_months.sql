{#- One row per account and month (from its first month with a product event or MRR to the
    last complete month): active users, seats at month end, seat utilisation = active users
    / seats, active days and core features used. -#}
with

usage_months as (
    select * from {{ ref('int_cs_account_usage_months') }}
),

seat_months as (
    select * from {{ ref('int_cs_account_seat_months') }}
),

final as (
    select
        usage_months.account_id,
        usage_months.month,
        usage_months.active_users,
        seat_months.seats,
        case
            when seat_months.seats > 0
                then cast(1.0 * usage_months.active_users / seat_months.seats as {{ type_rate() }})
        end as seat_utilisation,
        usage_months.active_days,
        usage_months.core_features_used,
        usage_months.product_events
    from usage_months
    left join seat_months
        on
        usage_months.account_id = seat_months.account_id
        and usage_months.month = seat_months.month
)

select * from final
