-- At most one of new / reactivation / expansion / contraction / churn per account-month
-- (fx_adjustment may sit beside it).
select
    account_id,
    month,
    count(*) as movements
from {{ ref('fct_mrr_movements') }}
where movement_type <> 'fx_adjustment'
group by account_id, month
having count(*) > 1
