{#- One row per account, month and currency of metered (usage) revenue: lines of metered
    prices on paid / open / uncollectible invoices, in the month (reporting timezone) their
    billing period ends. Usage revenue is reported apart and is never MRR. -#}
with

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
    where is_usage
),

dated as (
    select
        account_id,
        cast({{ dbt.date_trunc(
            'month', dbt.dateadd('second', -1, utc_to_local('period_end_at', var('reporting_timezone')))
        ) }} as date) as month,
        currency,
        net_amount
    from invoice_lines
),

final as (
    select
        account_id,
        month,
        currency,
        sum(net_amount) as usage_revenue_local
    from dated
    group by account_id, month, currency
)

select * from final
