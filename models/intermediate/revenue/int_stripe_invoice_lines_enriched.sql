{#- One row per invoice line (invoice id, line id; newest invoice version), with what MRR
    needs: the account it bills (unmapped customers -> stripe:<customer id>), invoice
    status, subscription end, the price's interval, and the line's net amount normalised to
    a month. The interval comes from stg_stripe__prices by price id, else from the price or
    plan embedded in a legacy line. This model is rebuilt every run (not incremental), so a
    price that lands after its invoice is picked up by the next build, however late. -#}
with

invoice_lines as (
    select * from {{ ref('stg_stripe__invoice_lines') }}
),

invoices as (
    select * from {{ ref('stg_stripe__invoices') }}
    -- as of: an invoice created after the as-of day does not count yet
    where {{ is_as_of('created_at') }}
),

subscriptions as (
    select * from {{ ref('stg_stripe__subscriptions') }}
),

customers as (
    select * from {{ ref('stg_stripe__customers') }}
),

prices as (
    select * from {{ ref('stg_stripe__prices') }}
),

joined as (
    select
        invoice_lines.invoice_line_id,
        invoice_lines.invoice_id,
        invoices.status as invoice_status,
        invoices.customer_id,
        customers.crm_account_id,
        invoice_lines.subscription_id,
        invoice_lines.subscription_item_id,
        invoice_lines.price_id,
        invoice_lines.line_type,
        invoice_lines.is_proration,
        case when prices.price_id is not null then prices.usage_type
            else coalesce(invoice_lines.embedded_usage_type, 'licensed')
        end as usage_type,
        case when prices.price_id is not null then prices.billing_interval
            else invoice_lines.embedded_interval
        end as billing_interval,
        case when prices.price_id is not null then prices.interval_count
            else coalesce(invoice_lines.embedded_interval_count, 1)
        end as interval_count,
        invoice_lines.period_start_at,
        invoice_lines.period_end_at,
        subscriptions.ended_at as subscription_ended_at,
        invoice_lines.currency,
        invoice_lines.amount,
        invoice_lines.discount_amount,
        invoice_lines.inclusive_tax_amount,
        invoice_lines.net_amount
    from invoice_lines
    inner join invoices
        on invoice_lines.invoice_id = invoices.invoice_id
    left join subscriptions
        on invoice_lines.subscription_id = subscriptions.subscription_id
    left join customers
        on invoices.customer_id = customers.customer_id
    left join prices
        on invoice_lines.price_id = prices.price_id
),

final as (
    select
        invoice_line_id,
        invoice_id,
        invoice_status,
        customer_id,
        {{ stripe_account_id('crm_account_id', 'customer_id') }} as account_id,
        crm_account_id is null as is_unmapped,
        subscription_id,
        subscription_item_id,
        price_id,
        line_type,
        is_proration,
        usage_type,
        billing_interval,
        interval_count,
        period_start_at,
        period_end_at,
        subscription_ended_at,
        currency,
        amount,
        discount_amount,
        inclusive_tax_amount,
        net_amount,
        {{ normalize_to_monthly('net_amount', 'billing_interval', 'interval_count') }} as monthly_amount,
        {{ is_recurring_invoice_line('line_type', 'is_proration', 'invoice_status', 'usage_type') }} as is_recurring,
        {{ is_usage_invoice_line('line_type', 'is_proration', 'invoice_status', 'usage_type') }} as is_usage
    from joined
)

select * from final
