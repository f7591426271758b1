{#- One row per account and month with MRR > 0: health score, colour and the six component
    scores (int_account_health_months), as they stood at that month's end. -#}
with

health as (
    select * from {{ ref('int_account_health_months') }}
),

final as (
    select
        account_id,
        month,
        health_score,
        health_color,
        adoption_score,
        engagement_score,
        support_score,
        survey_score,
        billing_score,
        growth_score,
        missing_components
    from health
)

select * from final
