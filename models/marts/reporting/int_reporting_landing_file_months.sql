{#- One row per landing file and month of revenue history whose KPIs the file's records
    can move: the newest version of a record comes from that file and the record is in
    force at the end of the month or of the month before (which gives the month's
    beginning MRR and movements). Invoice lines by billing period, prices through the
    lines that bill them, subscriptions by ended_at, contracts by term, FX rates by date. -#}
{%- set tz = var('reporting_timezone') -%}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

invoice_lines as (
    select * from {{ ref('stg_stripe__invoice_lines') }}
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

windows as (
    -- from the end of the month before (exclusive boundary instant) to the month's end
    select
        month,
        previous_month,
        month_end_date,
        month_end_at,
        {{ month_end_instant('previous_month') }} as previous_month_end_at
    from months
),

line_months as (
    select
        invoice_lines._file as path,
        windows.month
    from invoice_lines
    inner join windows
        on invoice_lines.period_start_at < windows.month_end_at
        and invoice_lines.period_end_at >= windows.previous_month_end_at
),

price_months as (
    select
        prices._file as path,
        windows.month
    from prices
    inner join invoice_lines
        on prices.price_id = invoice_lines.price_id
    inner join windows
        on invoice_lines.period_start_at < windows.month_end_at
        and invoice_lines.period_end_at >= windows.previous_month_end_at
),

subscription_months as (
    select
        subscriptions._file as path,
        windows.month
    from subscriptions
    inner join windows
        on subscriptions.ended_at < windows.month_end_at
        and subscriptions.ended_at >= windows.previous_month_end_at
),

contract_months as (
    select
        contracts._file as path,
        windows.month
    from contracts
    inner join windows
        on contracts.start_date <= windows.month_end_date
        and contracts.end_date >= windows.previous_month
),

fx_rate_months as (
    select
        fx_rates._file as path,
        windows.month
    from fx_rates
    inner join windows
        on fx_rates.rate_date <= windows.month_end_date
        and fx_rates.rate_date >= windows.previous_month
),

unioned as (
    select
        path,
        month
    from line_months
    union all
    select
        path,
        month
    from price_months
    union all
    select
        path,
        month
    from subscription_months
    union all
    select
        path,
        month
    from contract_months
    union all
    select
        path,
        month
    from fx_rate_months
),

final as (
    select distinct
        path,
        month
    from unioned
    where path is not null
)

select * from final
