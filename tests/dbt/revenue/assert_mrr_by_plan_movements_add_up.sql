{#- Each plan row's bridge holds: beginning + new + expansion − contraction − churned + fx
    = mrr, to the unit. -#}
with

by_plan as (
    select * from {{ ref('mart_mrr_by_plan') }}
),

final as (
    select *
    from by_plan
    where abs(
        beginning_mrr + new_mrr + expansion_mrr - contraction_mrr - churned_mrr
        + fx_adjustment_mrr - mrr
    ) >= 0.01
)

select * from final
