-- One row per month from the first period start to the last complete month.
create or replace table playbook.util_months as
select cast(range as date) as date_month
from range(
    (select date_trunc('month', min(start_date)) from playbook.subscription_periods),
    (select max(month) + interval 1 month from main.int_revenue_months_for_bench),
    interval 1 month
);
