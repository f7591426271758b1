{#- One row per NPS response with its account (metrics.md, NPS): crm_account_id, else the
    account of the CRM contact with the response's email (the earliest-created such
    contact), and its class (promoter 9-10, passive 7-8, detractor 0-6) and reporting-
    timezone day and month. Responses no account claims keep a null account_id. -#}
with

responses as (
    select * from {{ ref('stg_nps__responses') }}
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
    where not is_deleted and email is not null and account_id is not null
),

contact_accounts as (
    select
        email,
        account_id,
        row_number() over (partition by email order by created_at, contact_id) as email_rank
    from contacts
),

final as (
    select
        responses.response_id,
        coalesce(responses.account_id, contact_accounts.account_id) as account_id,
        case
            when responses.account_id is not null then 'crm_account_id'
            when contact_accounts.account_id is not null then 'contact_email'
        end as matched_by,
        responses.email,
        responses.submitted_at,
        {{ reporting_date('responses.submitted_at') }} as submitted_date,
        {{ reporting_month('responses.submitted_at') }} as submitted_month,
        responses.score,
        {{ classify_nps_response('responses.score') }} as nps_class,
        responses.comment
    from responses
    left join contact_accounts
        on
        responses.email = contact_accounts.email
        and contact_accounts.email_rank = 1
)

select * from final
