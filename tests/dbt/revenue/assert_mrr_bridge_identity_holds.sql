-- metrics.md, Bridge identity: beginning + new + expansion + reactivation - contraction
-- - churn + fx_adjustment = ending, every month, to 0.01.
select *
from {{ ref('mart_mrr_bridge') }}
where abs(
    beginning_mrr + new_mrr + expansion_mrr + reactivation_mrr
    - contraction_mrr - churned_mrr + fx_adjustment_mrr - ending_mrr
) > 0.01
