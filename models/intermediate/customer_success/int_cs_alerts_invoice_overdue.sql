{#- One row per Stripe invoice not paid var cs_invoice_overdue_days (30) days after its due
    day (metrics.md, invoice_overdue): due day = due_date, else created, in the reporting
    timezone; fires on due day + 31 unless status_transitions.paid_at falls on an earlier
    day. Void and draft invoices never fire; a paid invoice without paid_at is taken as paid
    when created. Open while the invoice is still unpaid as of. -#}
{%- set days = var('cs_invoice_overdue_days') %}
with

invoices as (
    select * from {{ ref('stg_stripe__invoices') }}
    where status in ('open', 'paid', 'uncollectible')
        and {{ is_as_of('created_at') }}
),

customers as (
    select * from {{ ref('stg_stripe__customers') }}
),

dated as (
    select
        invoices.invoice_id,
        {{ stripe_account_id('customers.crm_account_id', 'invoices.customer_id') }} as account_id,
        {{ reporting_date('coalesce(invoices.due_at, invoices.created_at)') }} as due_date,
        case
            when invoices.status = 'paid'
                then {{ reporting_date('coalesce(invoices.paid_at, invoices.created_at)') }}
            else {{ reporting_date('invoices.paid_at') }}
        end as paid_date
    from invoices
    left join customers
        on invoices.customer_id = customers.customer_id
),

as_of as (
    select {{ revenue_as_of_date() }} as as_of_date
),

with_fire_day as (
    select
        *,
        cast({{ dbt.dateadd('day', days + 1, 'due_date') }} as date) as fire_date
    from dated
),

final as (
    select
        with_fire_day.account_id,
        'invoice_overdue' as alert_type,
        with_fire_day.fire_date as fired_on,
        with_fire_day.paid_date is null or with_fire_day.paid_date > as_of.as_of_date as is_open,
        with_fire_day.invoice_id as source_id,
        cast({{ days_between('with_fire_day.due_date', 'as_of.as_of_date') }} as {{ type_rate() }}) as observed_value,
        cast({{ days }} as {{ type_rate() }}) as limit_value
    from with_fire_day
    cross join as_of
    where
        with_fire_day.fire_date <= as_of.as_of_date
        and (with_fire_day.paid_date is null or with_fire_day.paid_date >= with_fire_day.fire_date)
)

select * from final
