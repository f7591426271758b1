{#- One row per month × product × billing interval from fct_account_product_months: MRR,
    paying customers and the movements that connect the prior month to this one. Summed
    over products and intervals, mrr is the bridge's ending_mrr. -#}
with

product_months as (
    select * from {{ ref('fct_account_product_months') }}
),

final as (
    select
        month,
        product_id,
        billing_interval,
        sum(mrr) as mrr,
        count(distinct case when is_active then account_id end) as customers,
        sum(beginning_mrr) as beginning_mrr,
        sum(new_mrr) as new_mrr,
        sum(expansion_mrr) as expansion_mrr,
        sum(contraction_mrr) as contraction_mrr,
        sum(churned_mrr) as churned_mrr,
        sum(fx_adjustment_mrr) as fx_adjustment_mrr
    from product_months
    group by month, product_id, billing_interval
)

select * from final
