{{ config(severity='warn') }}
-- Recurring revenue in a currency with no rate on or before month end is excluded from MRR
-- (never guessed). Each row here is revenue the marts do not show until a rate lands.
select * from {{ ref('int_revenue_missing_fx_rates') }}
