{#- One row per account and month with seats at the month-end instant (metrics.md,
    Activity): the quantity of the licensed subscription lines in force then (the lines
    that carry MRR, so seats follow the same month-end rule and never change afterwards)
    plus `seats` of the contracts in force then. -#}
with

line_months as (
    select * from {{ ref('int_stripe_mrr_line_months') }}
),

invoice_lines as (
    select * from {{ ref('stg_stripe__invoice_lines') }}
),

contract_months as (
    select * from {{ ref('int_contract_mrr_months') }}
),

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
),

stripe_seats as (
    select
        line_months.account_id,
        line_months.month,
        sum(coalesce(invoice_lines.quantity, 0)) as seats
    from line_months
    inner join invoice_lines
        on
        line_months.invoice_id = invoice_lines.invoice_id
        and line_months.invoice_line_id = invoice_lines.invoice_line_id
    group by line_months.account_id, line_months.month
),

contract_seats as (
    select
        contract_months.account_id,
        contract_months.month,
        sum(coalesce(contracts.seats, 0)) as seats
    from contract_months
    inner join contracts
        on contract_months.contract_id = contracts.contract_id
    group by contract_months.account_id, contract_months.month
),

unioned as (
    select * from stripe_seats
    union all
    select * from contract_seats
),

final as (
    select
        account_id,
        month,
        sum(seats) as seats
    from unioned
    group by account_id, month
)

select * from final
