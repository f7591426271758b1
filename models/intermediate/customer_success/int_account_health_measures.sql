{#- One row per account, month and health measure for accounts with MRR > 0 in the month
    (metrics.md, Health score), with the measure's value at the month-end instant; a null
    value means no data (the measure is left out and the weights renormalise):
    - adoption: license_utilisation = active users / seats; core_features_used; active_days
      (no data only while no product event has landed at all);
    - engagement: active_user_trend = active users / mean active users of the 3 months
      before (no data when that mean is 0);
    - support (accounts with a Zendesk organization): tickets_per_10_seats = tickets created
      x 10 / seats; urgent_high_share = urgent or high / tickets created (no data without
      tickets); bad_rating_share = bad / (good + bad) ratings valid at month end on tickets
      of the month and the two before (no data without ratings);
    - survey: latest_nps_score = the account's latest NPS answer submitted before month end;
    - billing (accounts with a Stripe invoice by month end): open_past_due_invoices and
      max_days_overdue at month end;
    - growth: mrr_growth_12m = MRR now / MRR 12 months before (local currency when both
      months bill one currency, else reporting currency; no data without MRR 12 months ago). -#}
with

account_months as (
    select * from {{ ref('fct_account_months') }}
),

usage_months as (
    select * from {{ ref('int_cs_account_usage_months') }}
),

seat_months as (
    select * from {{ ref('int_cs_account_seat_months') }}
),

support_months as (
    select * from {{ ref('int_cs_account_support_months') }}
),

billing_months as (
    select * from {{ ref('int_cs_account_billing_months') }}
),

nps_responses as (
    select * from {{ ref('int_nps_responses_attributed') }}
    where account_id is not null
),

account_days as (
    select * from {{ ref('int_cs_usage_account_days') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

usage_source as (
    select min(event_month) as first_event_month from account_days
),

paying as (
    select
        account_months.account_id,
        account_months.month,
        months.month_end_at,
        account_months.mrr,
        account_months.mrr_local,
        account_months.currency
    from account_months
    inner join months
        on account_months.month = months.month
    where account_months.is_active
),

year_ago as (
    select
        paying.account_id,
        paying.month,
        case
            when year_ago_month.mrr is null or year_ago_month.mrr <= 0 then null
            when
                paying.currency = year_ago_month.currency
                and paying.currency <> 'MULTI'
                and year_ago_month.mrr_local > 0
                then cast(paying.mrr_local / year_ago_month.mrr_local as {{ type_rate() }})
            else cast(paying.mrr / year_ago_month.mrr as {{ type_rate() }})
        end as mrr_growth_12m
    from paying
    left join account_months as year_ago_month
        on
        paying.account_id = year_ago_month.account_id
        and year_ago_month.month = cast({{ dbt.dateadd('month', -12, 'paying.month') }} as date)
),

latest_nps as (
    select
        paying.account_id,
        paying.month,
        nps_responses.score,
        row_number() over (
            partition by paying.account_id, paying.month
            order by nps_responses.submitted_at desc, nps_responses.response_id desc
        ) as recency_rank
    from paying
    inner join nps_responses
        on
        paying.account_id = nps_responses.account_id
        and nps_responses.submitted_at < paying.month_end_at
),

wide as (
    select
        paying.account_id,
        paying.month,
        case
            when usage_source.first_event_month <= paying.month and seat_months.seats > 0
                then cast(
                        1.0 * coalesce(usage_months.active_users, 0) / seat_months.seats as {{ type_rate() }}
                    )
        end as license_utilisation,
        case
            when usage_source.first_event_month <= paying.month
                then cast(coalesce(usage_months.core_features_used, 0) as {{ type_rate() }})
        end as core_features_used,
        case
            when usage_source.first_event_month <= paying.month
                then cast(coalesce(usage_months.active_days, 0) as {{ type_rate() }})
        end as active_days,
        case
            when usage_months.prior_3m_active_users > 0
                then cast(
                        3.0 * usage_months.active_users / usage_months.prior_3m_active_users as {{ type_rate() }}
                    )
        end as active_user_trend,
        case
            when seat_months.seats > 0
                then cast(10.0 * support_months.tickets_created / seat_months.seats as {{ type_rate() }})
        end as tickets_per_10_seats,
        case
            when support_months.tickets_created > 0
                then cast(
                        1.0 * support_months.urgent_high_tickets_created / support_months.tickets_created
                        as {{ type_rate() }}
                    )
        end as urgent_high_share,
        case
            when support_months.good_ratings_3m + support_months.bad_ratings_3m > 0
                then cast(
                        1.0 * support_months.bad_ratings_3m
                        / (support_months.good_ratings_3m + support_months.bad_ratings_3m) as {{ type_rate() }}
                    )
        end as bad_rating_share,
        cast(latest_nps.score as {{ type_rate() }}) as latest_nps_score,
        cast(billing_months.open_past_due_invoices as {{ type_rate() }}) as open_past_due_invoices,
        cast(billing_months.max_days_overdue as {{ type_rate() }}) as max_days_overdue,
        year_ago.mrr_growth_12m
    from paying
    cross join usage_source
    left join usage_months
        on
        paying.account_id = usage_months.account_id
        and paying.month = usage_months.month
    left join seat_months
        on
        paying.account_id = seat_months.account_id
        and paying.month = seat_months.month
    left join support_months
        on
        paying.account_id = support_months.account_id
        and paying.month = support_months.month
    left join billing_months
        on
        paying.account_id = billing_months.account_id
        and paying.month = billing_months.month
    left join latest_nps
        on
        paying.account_id = latest_nps.account_id
        and paying.month = latest_nps.month
        and latest_nps.recency_rank = 1
    left join year_ago
        on
        paying.account_id = year_ago.account_id
        and paying.month = year_ago.month
),

{%- set measures = [
    'license_utilisation', 'core_features_used', 'active_days', 'active_user_trend',
    'tickets_per_10_seats', 'urgent_high_share', 'bad_rating_share', 'latest_nps_score',
    'open_past_due_invoices', 'max_days_overdue', 'mrr_growth_12m'
] %}

final as (
    {%- for measure in measures %}
    select
        account_id,
        month,
        '{{ measure }}' as measure,
        {{ measure }} as measure_value
    from wide
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from final
