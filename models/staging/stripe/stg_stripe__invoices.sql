{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='delete+insert',
        unique_key='invoice_id'
    )
}}
{#- Invoices grow nightly. An incremental run re-reads every raw version of the invoices
    that received a version in the last `incremental_lookback_days` of loads, so the newest
    version still wins when files arrive late; re-running changes nothing. -#}
with

invoices as (
    select * from {{ source('stripe', 'invoices') }}
    {% if is_incremental() %}
    where id in ({{ stripe_invoices_in_lookback() }})
    {% endif %}
),

currencies as (
    select * from {{ ref('currencies') }}
),

latest as (
    {{ newest_version('invoices', 'id') }}
),

final as (
    select
        latest.id as invoice_id,
        latest.customer as customer_id,
        coalesce(
            latest.parent_subscription_details_subscription,
            latest.subscription
        ) as subscription_id,
        latest.status,
        upper(latest.currency) as currency,
        latest.created as created_at,
        latest.due_date as due_at,
        latest.status_transitions_paid_at as paid_at,
        {{ to_major_units('latest.total', 'currencies.decimal_places') }} as total_amount,
        {{ to_major_units('latest.subtotal', 'currencies.decimal_places') }} as subtotal_amount,
        coalesce(latest.lines_has_more, false) as has_more_lines,
        {{ to_major_units('latest.amount_due', 'currencies.decimal_places') }} as amount_due,
        {{ to_major_units('latest.amount_paid', 'currencies.decimal_places') }} as amount_paid,
        {{ to_major_units('latest.amount_remaining', 'currencies.decimal_places') }} as amount_remaining,
        latest._file,
        latest._line,
        latest._loaded_at
    from latest
    left join currencies
        on upper(latest.currency) = currencies.currency
)

select * from final
