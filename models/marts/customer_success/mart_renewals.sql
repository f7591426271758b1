{#- One row per contract or annual subscription term whose renewal falls in the next 120
    days after as_of (metrics.md, Renewals): renewal_date after as_of, days_to_renewal =
    renewal_date - as_of, window = the smallest of 30 / 60 / 90 / 120 days that holds it
    (later terms are left out); arr_due converted at the latest rate on or before as_of;
    terminated, cancelled and set-to-cancel terms are left out; a subscription shows only
    its latest billed annual term. health_color is the account's colour in the latest
    complete month. The 90-day window is the rescue window [1055, 2207]. -#}
{%- set windows = var('cs_renewal_windows') %}
with

terms as (
    select * from {{ ref('int_cs_renewal_terms') }}
),

fx_rates as (
    select * from {{ ref('stg_finance__fx_rates') }}
    where rate_date <= {{ revenue_as_of_date() }}
),

health as (
    select * from {{ ref('int_account_health_months') }}
    where month = {{ revenue_last_complete_month() }}
),

as_of as (
    select {{ revenue_as_of_date() }} as as_of_date
),

latest_terms as (
    select
        *,
        row_number() over (
            partition by source, source_id order by renewal_date desc
        ) as term_rank
    from terms
),

upcoming as (
    select
        latest_terms.*,
        {{ days_between('as_of.as_of_date', 'latest_terms.renewal_date') }} as days_to_renewal
    from latest_terms
    cross join as_of
    where
        latest_terms.term_rank = 1
        and not latest_terms.is_cancelled
        and latest_terms.renewal_date > as_of.as_of_date
        and latest_terms.renewal_date <= cast({{ dbt.dateadd('day', windows | max, 'as_of.as_of_date') }} as date)
),

latest_rates as (
    select
        currency,
        rate,
        row_number() over (partition by currency order by rate_date desc) as recency_rank
    from fx_rates
),

final as (
    select
        upcoming.account_id,
        upcoming.source,
        upcoming.source_id,
        upcoming.term_start_date,
        upcoming.renewal_date,
        upcoming.days_to_renewal,
        case
            {%- for w in windows | sort %}
            when upcoming.days_to_renewal <= {{ w }} then {{ w }}
            {%- endfor %}
        end as {{ adapter.quote('window') }},
        cast(
            upcoming.arr_due_local
            * case
                when upcoming.currency = '{{ var("reporting_currency") }}' then 1
                else latest_rates.rate
            end
            as {{ type_money() }}
        ) as arr_due,
        upcoming.arr_due_local,
        upcoming.currency,
        health.health_color,
        health.health_score,
        upcoming.is_first_renewal
    from upcoming
    left join latest_rates
        on
        upcoming.currency = latest_rates.currency
        and latest_rates.recency_rank = 1
    left join health
        on upcoming.account_id = health.account_id
)

select * from final
