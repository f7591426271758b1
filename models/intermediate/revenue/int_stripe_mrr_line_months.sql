{#- One row per recurring invoice line (invoice id, line id) per month whose month-end instant its billing period
    contains, from a subscription not ended before that instant. Should two lines of the
    same subscription item both hold the instant (a billing-anchor reset), the line of the
    later period counts, so an item is never counted twice. -#}
with

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
    where is_recurring
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

in_force as (
    select
        invoice_lines.invoice_line_id,
        invoice_lines.invoice_id,
        invoice_lines.account_id,
        invoice_lines.customer_id,
        invoice_lines.subscription_id,
        coalesce(
            invoice_lines.subscription_item_id,
            {{ dbt.concat(['invoice_lines.invoice_id', "':'", 'invoice_lines.invoice_line_id']) }}
        ) as item_key,
        invoice_lines.currency,
        invoice_lines.monthly_amount,
        invoice_lines.period_start_at,
        months.month
    from invoice_lines
    inner join months
        on {{ period_contains_month_end(
            'invoice_lines.period_start_at', 'invoice_lines.period_end_at', 'months.month_end_at'
        ) }}
    where
        invoice_lines.subscription_ended_at is null
        or invoice_lines.subscription_ended_at >= months.month_end_at
),

ranked as (
    select
        *,
        row_number() over (
            partition by item_key, month
            order by period_start_at desc, invoice_id desc, invoice_line_id desc
        ) as item_rank
    from in_force
),

final as (
    select
        invoice_line_id,
        month,
        invoice_id,
        account_id,
        customer_id,
        subscription_id,
        currency,
        monthly_amount as mrr_local
    from ranked
    where item_rank = 1
)

select * from final
