{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='delete+insert',
        unique_key='invoice_id'
    )
}}
{#- One shape for the current (parent.*, pricing.*) and legacy (type, proration, embedded
    price or plan) invoice line. A line is identified by its invoice and its id (legacy line
    ids repeat across invoices). Lines come from the newest version of their invoice.
    Incremental like stg_stripe__invoices: invoices touched by recent loads are rebuilt
    whole (delete+insert on invoice_id, the first part of the line key), so a line dropped
    from a newer invoice version disappears. Prices are joined downstream, in
    int_stripe_invoice_lines_enriched (a table rebuilt every run), so a price landing after
    its invoice, however late, is used on the next build. -#}
with

invoice_lines as (
    select * from {{ source('stripe', 'invoice_lines') }}
    {% if is_incremental() %}
    where invoice_id in ({{ stripe_invoices_in_lookback() }})
    {% endif %}
),

invoices as (
    select * from {{ ref('stg_stripe__invoices') }}
),

currencies as (
    select * from {{ ref('currencies') }}
),

of_latest_invoice as (
    select
        invoice_lines.*,
        invoices.currency as invoice_currency,
        invoices.subscription_id as invoice_subscription_id,
        invoices._loaded_at as invoice_loaded_at
    from invoice_lines
    inner join invoices
        on invoice_lines.invoice_id = invoices.invoice_id
        and invoice_lines._file = invoices._file
),

latest as (
    -- Line ids repeated across invoices before API 2019-12-03: a line is (invoice, id).
    {{ newest_version('of_latest_invoice', 'invoice_id, id') }}
),

normalised as (
    select
        id as invoice_line_id,
        invoice_id,
        case
            when parent_type = 'subscription_item_details' or type = 'subscription'
                then 'subscription'
            when parent_type = 'invoice_item_details' or type = 'invoiceitem'
                then 'invoice_item'
        end as line_type,
        coalesce(
            parent_subscription_item_details_subscription,
            subscription,
            case when parent_type = 'subscription_item_details' or type = 'subscription'
                    then invoice_subscription_id
            end
        ) as subscription_id,
        coalesce(parent_subscription_item_details_subscription_item, subscription_item)
            as subscription_item_id,
        coalesce(pricing_price_details_price, price_id, plan_id) as price_id,
        coalesce(parent_subscription_item_details_proration, proration, false) as is_proration,
        period_start as period_start_at,
        period_end as period_end_at,
        upper(coalesce(currency, invoice_currency)) as currency,
        amount as amount_minor,
        coalesce(discount_amounts_total, 0) as discount_amount_minor,
        -- both shapes describe the same tax where an extract carries both arrays
        greatest(
            coalesce(inclusive_taxes_total, 0), coalesce(inclusive_tax_amounts_total, 0)
        ) as inclusive_tax_minor,
        quantity,
        coalesce(price_recurring_interval, plan_interval) as embedded_interval,
        coalesce(price_recurring_interval_count, plan_interval_count) as embedded_interval_count,
        coalesce(price_recurring_usage_type, plan_usage_type) as embedded_usage_type,
        _file,
        invoice_loaded_at as _loaded_at
    from latest
),

final as (
    select
        normalised.invoice_line_id,
        normalised.invoice_id,
        normalised.line_type,
        normalised.subscription_id,
        normalised.subscription_item_id,
        normalised.price_id,
        normalised.is_proration,
        normalised.period_start_at,
        normalised.period_end_at,
        normalised.currency,
        {{ to_major_units('normalised.amount_minor', 'currencies.decimal_places') }} as amount,
        {{ to_major_units('normalised.discount_amount_minor', 'currencies.decimal_places') }} as discount_amount,
        {{ to_major_units('normalised.inclusive_tax_minor', 'currencies.decimal_places') }} as inclusive_tax_amount,
        {{ to_major_units(
            'normalised.amount_minor - normalised.discount_amount_minor - normalised.inclusive_tax_minor',
            'currencies.decimal_places'
        ) }} as net_amount,
        normalised.quantity,
        normalised.embedded_interval,
        normalised.embedded_interval_count,
        normalised.embedded_usage_type,
        normalised._file,
        normalised._loaded_at
    from normalised
    left join currencies
        on normalised.currency = currencies.currency
)

select * from final
