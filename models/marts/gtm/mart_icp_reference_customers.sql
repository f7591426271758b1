with

reference_customers as (
    select * from {{ ref('int_icp_reference_customers') }}
),

final as (
    select
        account_id,
        account_name,
        icp_segment,
        first_paid_month,
        paying_months,
        mrr,
        health_score,
        health_color,
        latest_nps_score,
        latest_nps_submitted_at,
        nps_category
    from reference_customers
)

select * from final
