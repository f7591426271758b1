{{ config(severity='warn') }}
{#- Warns, naming each invoice, when an extract holds only part of an invoice's lines:
    Stripe marked them truncated (`lines.has_more`), or the lines' amounts do not add up to
    the invoice subtotal. Its MRR then misses the absent lines: re-extract the invoice with
    all its lines (GET /v1/invoices/<id>/lines). Tolerance: half a minor unit of KRW/USD. -#}
with

invoices as (
    select * from {{ ref('stg_stripe__invoices') }}
),

invoice_lines as (
    select * from {{ ref('stg_stripe__invoice_lines') }}
),

line_totals as (
    select
        invoice_id,
        count(*) as lines_extracted,
        sum(amount) as lines_amount
    from invoice_lines
    group by invoice_id
),

compared as (
    select
        invoices.invoice_id,
        invoices.customer_id,
        invoices.currency,
        invoices.has_more_lines,
        invoices.subtotal_amount,
        coalesce(line_totals.lines_amount, 0) as lines_amount,
        coalesce(line_totals.lines_extracted, 0) as lines_extracted
    from invoices
    left join line_totals
        on invoices.invoice_id = line_totals.invoice_id
),

final as (
    select
        invoice_id,
        customer_id,
        currency,
        has_more_lines,
        subtotal_amount,
        lines_amount,
        lines_extracted,
        case
            when has_more_lines then 'lines.has_more is true: only the first page of lines was extracted'
            else 'the lines add up to ' || cast(lines_amount as {{ dbt.type_string() }})
                || ', not the invoice subtotal ' || cast(subtotal_amount as {{ dbt.type_string() }})
        end as problem
    from compared
    where
        has_more_lines
        or (subtotal_amount is not null and abs(subtotal_amount - lines_amount) > 0.005)
)

select * from final
