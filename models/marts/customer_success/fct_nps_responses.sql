{#- One row per NPS response with its account (crm_account_id, else the contact's email),
    class and reporting-timezone day, for Account 360. -#}
with

responses as (
    select * from {{ ref('int_nps_responses_attributed') }}
),

final as (
    select
        response_id,
        account_id,
        matched_by,
        submitted_at,
        submitted_date,
        submitted_month,
        score,
        nps_class,
        comment
    from responses
)

select * from final
