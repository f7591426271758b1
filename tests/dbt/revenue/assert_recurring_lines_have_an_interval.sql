-- metrics.md, Revenue: a recurring line whose interval cannot be found (its price has not
-- landed yet) is never dropped silently. Each such line is listed here with its amount
-- (a warning, stored with --store-failures semantics); it counts towards MRR on the first
-- build after its price lands, since int_stripe_invoice_lines_enriched is rebuilt every run.
{{ config(severity='warn', store_failures=true) }}

with

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
),

final as (
    select
        invoice_id,
        invoice_line_id,
        account_id,
        price_id,
        period_start_at,
        period_end_at,
        currency,
        net_amount
    from invoice_lines
    where is_recurring
        and billing_interval is null
)

select * from final
