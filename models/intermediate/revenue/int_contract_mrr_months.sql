{#- One row per sales-led contract per month it is in force: the month's last day lies in
    [start_date, end_date] and before terminated_date. MRR = total_contract_value / term
    months (macros/revenue/contract_monthly_amount). -#}
with

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

final as (
    select
        contracts.contract_id,
        months.month,
        contracts.crm_account_id as account_id,
        contracts.currency,
        {{ contract_monthly_amount(
            'contracts.total_contract_value', 'contracts.start_date', 'contracts.end_date'
        ) }} as mrr_local
    from contracts
    inner join months
        on {{ contract_in_force(
            'months.month_end_date', 'contracts.start_date', 'contracts.end_date', 'contracts.terminated_date'
        ) }}
)

select * from final
