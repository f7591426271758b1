-- Nothing is lost between staging and the marts: per month and currency, recurring revenue
-- recomputed straight from the staged Stripe lines, prices' intervals, contracts and FX
-- rates - written out here, not with the models' macros, ranking or FX model - equals the
-- MRR the marts hold plus what is parked for a missing FX rate; and per month, the marts'
-- total MRR equals that billing converted at the latest rate on or before month end.
with

invoice_lines as (
    select * from {{ ref('stg_stripe__invoice_lines') }}
),

invoices as (
    -- as of means as of: invoices created after the as-of day are not billing yet
    select * from {{ ref('stg_stripe__invoices') }}
    where {{ is_as_of('created_at') }}
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

fx_rates as (
    select * from {{ ref('stg_finance__fx_rates') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
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
    -- metrics.md: subscription lines, not prorations, not metered, on paid / open /
    -- uncollectible invoices, whose [period.start, period.end) holds the month-end instant,
    -- from subscriptions not ended before it
    select
        months.month,
        invoice_lines.currency,
        coalesce(
            invoice_lines.subscription_item_id,
            invoice_lines.invoice_id || ':' || invoice_lines.invoice_line_id
        ) as item_key,
        invoice_lines.period_start_at,
        case coalesce(prices.billing_interval, invoice_lines.embedded_interval)
            when 'month' then invoice_lines.net_amount
                / coalesce(prices.interval_count, invoice_lines.embedded_interval_count)
            when 'year' then invoice_lines.net_amount
                / (12 * coalesce(prices.interval_count, invoice_lines.embedded_interval_count))
            when 'week' then invoice_lines.net_amount * 52
                / (12 * coalesce(prices.interval_count, invoice_lines.embedded_interval_count))
            when 'day' then invoice_lines.net_amount * 365
                / (12 * coalesce(prices.interval_count, invoice_lines.embedded_interval_count))
        end as mrr_local
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
    where invoice_lines.line_type = 'subscription'
        and not invoice_lines.is_proration
        and invoices.status in ('paid', 'open', 'uncollectible')
        and coalesce(prices.usage_type, invoice_lines.embedded_usage_type, 'licensed') <> 'metered'
        and (subscriptions.ended_at is null or subscriptions.ended_at >= months.month_end_at)
),

stripe_billing as (
    -- an item billed twice over the same instant (billing-anchor reset) counts once: the
    -- line of the later period, i.e. the one no other line of the item starts after
    select
        month,
        currency,
        mrr_local
    from stripe_in_force
    where not exists (
        select 1
        from stripe_in_force as later
        where later.item_key = stripe_in_force.item_key
            and later.month = stripe_in_force.month
            and later.period_start_at > stripe_in_force.period_start_at
    )
),

contract_billing as (
    -- total_contract_value / term months, for months whose last day lies in
    -- [start_date, end_date] and before terminated_date
    select
        months.month,
        contracts.currency,
        contracts.total_contract_value
        / ((year(contracts.end_date + 1) - year(contracts.start_date)) * 12
            + month(contracts.end_date + 1) - month(contracts.start_date)) as mrr_local
    from contracts
    inner join months
        on months.month_end_date between contracts.start_date and contracts.end_date
        and (contracts.terminated_date is null or months.month_end_date < contracts.terminated_date)
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

month_end_rate_dates as (
    -- the latest rate on or before month end (a join and max, not a correlated scalar
    -- subquery in a join condition, which Spark rejects)
    select
        months.month,
        fx_rates.currency,
        max(fx_rates.rate_date) as rate_date
    from months
    inner join fx_rates
        on fx_rates.rate_date <= months.month_end_date
    group by months.month, fx_rates.currency
),

month_end_rates as (
    select
        month_end_rate_dates.month,
        fx_rates.currency,
        fx_rates.rate
    from month_end_rate_dates
    inner join fx_rates
        on month_end_rate_dates.currency = fx_rates.currency
        and month_end_rate_dates.rate_date = fx_rates.rate_date
    where fx_rates.currency <> '{{ var("reporting_currency") }}'
    union all
    select
        month,
        '{{ var("reporting_currency") }}' as currency,
        1 as rate
    from months
),

billing_converted as (
    select
        billing.month,
        sum(billing.billing_local * month_end_rates.rate) as expected
    from billing
    inner join month_end_rates
        on billing.month = month_end_rates.month
        and billing.currency = month_end_rates.currency
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
