-- One row per customer and month between its first and last month (the playbook's spine),
-- MRR of the periods whose [start_date, end_date) holds the month's first day, converted at
-- the month-end rate; first / last active month flags.
create or replace table playbook.customer_revenue_by_month as
with

customers as (
    select
        customer_id,
        date_trunc('month', min(start_date)) as date_month_start,
        date_trunc('month', max(end_date)) as date_month_end
    from playbook.subscription_periods
    group by customer_id
),

customer_months as (
    select customers.customer_id, months.date_month
    from customers
    inner join playbook.util_months as months
        on months.date_month >= customers.date_month_start
        and months.date_month < customers.date_month_end
),

joined as (
    select
        customer_months.date_month,
        customer_months.customer_id,
        coalesce(sum(periods.monthly_amount * fx.fx_rate), 0) as mrr
    from customer_months
    left join playbook.subscription_periods as periods
        on customer_months.customer_id = periods.customer_id
        and customer_months.date_month >= periods.start_date
        and customer_months.date_month < periods.end_date
    left join intermediate.int_fx_rates_month_end as fx
        on fx.month = customer_months.date_month
        and fx.currency = periods.currency
    group by customer_months.date_month, customer_months.customer_id
),

flagged as (
    select
        date_month,
        customer_id,
        mrr,
        mrr > 0 as is_active,
        min(case when mrr > 0 then date_month end) over (partition by customer_id) as first_active_month,
        max(case when mrr > 0 then date_month end) over (partition by customer_id) as last_active_month
    from joined
)

select
    *,
    first_active_month = date_month as is_first_month,
    last_active_month = date_month as is_last_month
from flagged;
