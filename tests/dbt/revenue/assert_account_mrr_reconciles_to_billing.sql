-- Nothing is lost between staging and the marts: per month and currency, recurring revenue
-- recomputed straight from the staged Stripe lines and contracts (no account mapping, no
-- intermediate models) equals the MRR the marts hold plus what is parked for a missing FX
-- rate; and per month, the marts' total MRR equals that billing converted at month-end rates.
with

invoice_lines as (
    select * from {{ ref('stg_stripe__invoice_lines') }}
),

invoices as (
    select * from {{ ref('stg_stripe__invoices') }}
),

prices as (
    select * from {{ ref('stg_stripe__prices') }}
),

subscriptions as (
    select * from {{ ref('stg_stripe__subscriptions') }}
),

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates_month_end') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

missing_fx as (
    select * from {{ ref('int_revenue_missing_fx_rates') }}
),

stripe_in_force as (
    select
        months.month,
        invoice_lines.currency,
        coalesce(
            invoice_lines.subscription_item_id,
            {{ dbt.concat(['invoice_lines.invoice_id', "':'", 'invoice_lines.invoice_line_id']) }}
        ) as item_key,
        invoice_lines.period_start_at,
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        {{ normalize_to_monthly(
            'invoice_lines.net_amount',
            'case when prices.price_id is not null then prices.billing_interval else invoice_lines.embedded_interval end',
            'case when prices.price_id is not null then prices.interval_count else invoice_lines.embedded_interval_count end'
        ) }} as mrr_local
    from invoice_lines
    inner join invoices
        on invoice_lines.invoice_id = invoices.invoice_id
    left join prices
        on invoice_lines.price_id = prices.price_id
    left join subscriptions
        on invoice_lines.subscription_id = subscriptions.subscription_id
    inner join months
        on invoice_lines.period_start_at < months.month_end_at
        and invoice_lines.period_end_at >= months.month_end_at
    where {{ is_recurring_invoice_line(
            'invoice_lines.line_type', 'invoice_lines.is_proration', 'invoices.status',
            'case when prices.price_id is not null then prices.usage_type else invoice_lines.embedded_usage_type end'
        ) }}
        and (subscriptions.ended_at is null or subscriptions.ended_at >= months.month_end_at)
),

stripe_billing as (
    select
        month,
        currency,
        mrr_local
    from (
        select
            *,
            row_number() over (
                partition by item_key, month
                order by period_start_at desc, invoice_id desc, invoice_line_id desc
            ) as item_rank
        from stripe_in_force
    ) as ranked
    where item_rank = 1
),

contract_billing as (
    select
        months.month,
        contracts.currency,
        {{ contract_monthly_amount('contracts.total_contract_value', 'contracts.start_date', 'contracts.end_date') }} as mrr_local
    from contracts
    inner join months
        on {{ contract_in_force('months.month_end_date', 'contracts.start_date', 'contracts.end_date', 'contracts.terminated_date') }}
),

billing as (
    select month, currency, sum(mrr_local) as billing_local
    from (
        select * from stripe_billing
        union all
        select * from contract_billing
    ) as unioned
    group by month, currency
),

mart_local as (
    select
        account_months.month,
        account_months.currency,
        account_months.mrr_local
    from account_months
    where account_months.currency <> 'MULTI'
    union all
    select
        currency_months.month,
        currency_months.currency,
        currency_months.mrr_local
    from currency_months
    inner join account_months
        on currency_months.account_id = account_months.account_id
        and currency_months.month = account_months.month
    where account_months.currency = 'MULTI'
    union all
    select month, currency, mrr_local
    from missing_fx
),

marts as (
    select month, currency, sum(mrr_local) as mart_local
    from mart_local
    group by month, currency
),

by_currency as (
    select
        coalesce(billing.month, marts.month) as month,
        coalesce(billing.currency, marts.currency) as currency,
        coalesce(billing.billing_local, 0) as expected,
        coalesce(marts.mart_local, 0) as actual
    from billing
    full outer join marts
        on billing.month = marts.month
        and billing.currency = marts.currency
),

billing_converted as (
    select
        billing.month,
        sum(billing.billing_local * fx_rates.fx_rate) as expected
    from billing
    inner join fx_rates
        on billing.month = fx_rates.month
        and billing.currency = fx_rates.currency
    group by billing.month
),

mart_totals as (
    select month, sum(mrr) as actual
    from account_months
    group by month
),

by_month as (
    select
        coalesce(billing_converted.month, mart_totals.month) as month,
        '(reporting currency)' as currency,
        coalesce(billing_converted.expected, 0) as expected,
        coalesce(mart_totals.actual, 0) as actual
    from billing_converted
    full outer join mart_totals
        on billing_converted.month = mart_totals.month
)

select *
from (
    select * from by_currency
    union all
    select * from by_month
) as checks
where abs(expected - actual) > 0.01
