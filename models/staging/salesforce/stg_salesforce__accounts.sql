{#- One row per CRM account, its newest version. Like every Salesforce staging model it keeps
    deleted rows with is_deleted (IsDeleted of the newest version): readers filter them out
    (sources.md, Deletes), except dim_accounts, which keeps deleted accounts that were billed
    (is_deleted_in_crm) so revenue matches billing. -#}
with

accounts as (
    select * from {{ source('salesforce', 'account') }}
    where {{ is_as_of('createddate') }}
),

latest as (
    {{ newest_version('accounts', 'id', 'systemmodstamp') }}
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
        coalesce(isdeleted, false) as is_deleted,
        _file,
        _loaded_at
    from latest
)

select * from final
