{#- One row per month of the MRR bridge. Constant-currency base = beginning_mrr +
    fx_adjustment_mrr (beginning MRR valued at this month's rates); movements are valued
    the same way, so FX moves neither ratio. Ratios are null when the base is 0. -#}
with

bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

based as (
    select
        *,
        {{ constant_currency_base('beginning_mrr', 'fx_adjustment_mrr') }} as base_mrr
    from bridge
),

final as (
    select
        month,
        beginning_mrr,
        fx_adjustment_mrr,
        base_mrr,
        expansion_mrr,
        contraction_mrr,
        churned_mrr,
        beginning_customers,
        churned_customers,
        {{ gross_revenue_retention('base_mrr', 'contraction_mrr', 'churned_mrr') }} as grr,
        {{ net_revenue_retention('base_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr') }} as nrr,
        {{ rate_quotient('churned_customers', 'beginning_customers') }} as logo_churn_rate,
        {{ revenue_churn_rate('churned_mrr + contraction_mrr', 'base_mrr') }} as revenue_churn_rate
    from based
)

select * from final
