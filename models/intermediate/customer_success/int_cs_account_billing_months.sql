{#- One row per account and month with a Stripe invoice created by the month-end instant:
    invoices open past due at that instant and the most days overdue (metrics.md, health
    billing component). An invoice is open at month end when it was created before the
    instant and not paid by then (status_transitions.paid_at at or after the instant, or
    never); it is past due when its due day (due_date, else created, in the reporting
    timezone) is before the month's last day + 1, days overdue = last day of the month -
    due day. Draft, void and zero-total invoices never count; an invoice paid without a
    paid_at is taken as paid when created (int_cs_invoice_dues). Later payments never change
    an earlier month. -#}
with

invoice_accounts as (
    select * from {{ ref('int_cs_invoice_dues') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

invoice_months as (
    select
        invoice_accounts.account_id,
        months.month,
        invoice_accounts.invoice_id,
        invoice_accounts.has_amount
        and (invoice_accounts.paid_at is null or invoice_accounts.paid_at >= months.month_end_at)
        and invoice_accounts.due_date < months.month_end_date as is_open_past_due,
        {{ days_between('invoice_accounts.due_date', 'months.month_end_date') }} as days_overdue
    from invoice_accounts
    inner join months
        on invoice_accounts.created_at < months.month_end_at
),

final as (
    select
        account_id,
        month,
        count(*) as invoices_to_date,
        sum(case when is_open_past_due then 1 else 0 end) as open_past_due_invoices,
        coalesce(max(case when is_open_past_due then days_overdue end), 0) as max_days_overdue
    from invoice_months
    group by account_id, month
)

select * from final
