-- The playbook's input, from our staged data (see README): one period per recurring line
-- or contract, dates in the reporting timezone, monthly amount in the line's currency.
create schema if not exists playbook;

create or replace table main.int_revenue_months_for_bench as
select * from intermediate.int_revenue_months;

create or replace table playbook.subscription_periods as
select
    lines.invoice_line_id as subscription_id,
    lines.account_id as customer_id,
    lines.currency,
    cast(timezone('Asia/Seoul', timezone('UTC', lines.period_start_at)) as date) as start_date,
    cast(timezone('Asia/Seoul', timezone('UTC', lines.period_end_at)) as date) as end_date,
    lines.monthly_amount
from intermediate.int_stripe_invoice_lines_enriched as lines
where lines.is_recurring
union all
select
    contracts.contract_id as subscription_id,
    contracts.crm_account_id as customer_id,
    contracts.currency,
    contracts.start_date,
    cast(coalesce(least(contracts.terminated_date, contracts.end_date + 1), contracts.end_date + 1) as date) as end_date,
    contracts.total_contract_value / datediff('month', contracts.start_date, contracts.end_date + 1) as monthly_amount
from staging.stg_contracts__contracts as contracts;
