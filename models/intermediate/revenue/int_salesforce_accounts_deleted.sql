{#- One row per CRM account whose newest version is IsDeleted. The staging contract drops
    deleted accounts; this is the one place that keeps them, because revenue billed to a
    deleted account still counts, flagged (sources.md, Deletes). Only dim_accounts reads it,
    and only for accounts with billing. -#}
with

accounts as (
    select * from {{ source('salesforce', 'account') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by id
            order by systemmodstamp desc, _file desc, _line desc
        ) as version_rank
    from accounts
),

final as (
    select
        id as account_id,
        name as account_name,
        nullif(trim(parentid), '') as parent_account_id,
        nullif(trim(industry), '') as industry,
        numberofemployees as number_of_employees,
        nullif(trim(billingcountry), '') as country,
        nullif(trim(ownerid), '') as owner_id,
        budget_owner__c as budget_owner,
        decision_structure__c as decision_structure,
        security_review__c as has_security_review,
        createddate as created_at
    from ranked
    where version_rank = 1 and coalesce(isdeleted, false)
)

select * from final
