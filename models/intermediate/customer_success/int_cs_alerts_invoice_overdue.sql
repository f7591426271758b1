{#- One row per Stripe invoice not paid var cs_invoice_overdue_days (30) days after its due
    day (metrics.md, invoice_overdue): due day = due_date, else created, in the reporting
    timezone; fires on due day + 31 unless status_transitions.paid_at falls on an earlier
    day. Void and draft invoices never fire; a paid invoice without paid_at is taken as paid
    when created (int_cs_invoice_dues). Open while the invoice is still unpaid as of. -#}
{%- set days = var('cs_invoice_overdue_days') %}
with

invoice_dues as (
    select * from {{ ref('int_cs_invoice_dues') }}
),

dated as (
    select
        invoice_id,
        account_id,
        due_date,
        {{ reporting_date('paid_at') }} as paid_date
    from invoice_dues
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
