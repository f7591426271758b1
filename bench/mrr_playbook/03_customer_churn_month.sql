-- The month after each customer's last active month, with MRR 0.
create or replace table playbook.customer_churn_month as
select
    cast(date_month + interval 1 month as date) as date_month,
    customer_id,
    cast(0 as double) as mrr,
    false as is_active,
    first_active_month,
    last_active_month,
    false as is_first_month,
    false as is_last_month
from playbook.customer_revenue_by_month
where is_last_month;
