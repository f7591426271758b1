{#- Deleted accounts (IsDeleted on the newest version) are removed here; revenue billed to
    them is kept and flagged by the revenue models (dim_accounts.is_deleted_in_crm). -#}
with

accounts as (
    select * from {{ source('salesforce', 'account') }}
    where {{ is_as_of('createddate') }}
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

latest as (
    select * from ranked
    where version_rank = 1 and not coalesce(isdeleted, false)
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
        createddate as created_at,
        systemmodstamp as modified_at,
        _file,
        _loaded_at
    from latest
)

select * from final
