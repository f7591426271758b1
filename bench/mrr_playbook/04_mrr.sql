-- Prior month's MRR and the playbook's change category
-- (new / churn / reactivation / upgrade / downgrade).
create or replace table playbook.mrr as
with

unioned as (
    select * from playbook.customer_revenue_by_month
    union all
    select * from playbook.customer_churn_month
),

with_changes as (
    select
        *,
        coalesce(lag(is_active) over (partition by customer_id order by date_month), false) as previous_month_is_active,
        coalesce(lag(mrr) over (partition by customer_id order by date_month), 0) as previous_month_mrr
    from unioned
)

select
    *,
    mrr - previous_month_mrr as mrr_change,
    case
        when is_first_month then 'new'
        when not is_active and previous_month_is_active then 'churn'
        when is_active and not previous_month_is_active then 'reactivation'
        when mrr - previous_month_mrr > 0 then 'upgrade'
        when mrr - previous_month_mrr < 0 then 'downgrade'
    end as change_category
from with_changes;
