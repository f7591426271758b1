{#- One row per Stripe invoice that asks to be paid (status open, paid or uncollectible;
    created by as of): its account, due day (due_date, else created, in the reporting
    timezone) and when it was paid (status_transitions.paid_at; a paid invoice without
    paid_at is taken as paid when created). The one home of those rules for the health
    score's billing component and the invoice_overdue alert. Draft and void invoices never
    ask to be paid. -#}
with

invoices as (
    select * from {{ ref('stg_stripe__invoices') }}
    where status in ('open', 'paid', 'uncollectible')
        and {{ is_as_of('created_at') }}
),

customers as (
    select * from {{ ref('stg_stripe__customers') }}
),

final as (
    select
        invoices.invoice_id,
        {{ stripe_account_id('customers.crm_account_id', 'invoices.customer_id') }} as account_id,
        invoices.status,
        invoices.created_at,
        case
            when invoices.status = 'paid' then coalesce(invoices.paid_at, invoices.created_at)
            else invoices.paid_at
        end as paid_at,
        {{ reporting_date('coalesce(invoices.due_at, invoices.created_at)') }} as due_date,
        coalesce(invoices.total_amount, invoices.amount_due, 1) <> 0 as has_amount
    from invoices
    left join customers
        on invoices.customer_id = customers.customer_id
)

select * from final
