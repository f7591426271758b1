{#- One row per billed account with its first paid day (reporting timezone): the earliest
    start of a recurring Stripe line with a positive amount, or of a sales-led contract. -#}
with

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
    where is_recurring and net_amount > 0
),

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
    where crm_account_id is not null
),

starts as (
    select
        account_id,
        {{ reporting_date('period_start_at') }} as start_date
    from invoice_lines
    union all
    select
        crm_account_id as account_id,
        start_date
    from contracts
),

final as (
    select
        account_id,
        min(start_date) as first_paid_date,
        cast({{ dbt.date_trunc('month', 'min(start_date)') }} as date) as cohort_month
    from starts
    group by account_id
)

select * from final
