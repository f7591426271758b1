with

source as (
    select * from {{ source('salesforce', 'lead') }}
    where {{ is_as_of('createddate') }}
),

latest as (
    {{ newest_version('source', 'id', 'systemmodstamp') }}
),

renamed as (
    select
        id as lead_id,
        nullif(lower(trim(email)), '') as email,
        company as company_name,
        industry,
        numberofemployees as number_of_employees,
        leadsource as lead_source,
        status as lead_status,
        ownerid as owner_id,
        createddate as created_at,
        coalesce(isconverted, false) as is_converted,
        converteddate as converted_date,
        convertedaccountid as converted_account_id,
        convertedcontactid as converted_contact_id,
        convertedopportunityid as converted_opportunity_id,
        sql_date__c as sql_date,
        coalesce(champ_challenges__c, false) as has_champ_challenges,
        coalesce(champ_authority__c, false) as has_champ_authority,
        coalesce(champ_money__c, false) as has_champ_money,
        coalesce(champ_prioritization__c, false) as has_champ_prioritization,
        systemmodstamp as updated_at,
        coalesce(isdeleted, false) as is_deleted
    from latest
),

final as (
    select * from renamed
)

select * from final
