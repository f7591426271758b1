with

source as (
    select * from {{ source('salesforce', 'contact') }}
    where {{ is_as_of('createddate') }}
),

latest as (
    {{ newest_version('source', 'id', 'systemmodstamp') }}
),

renamed as (
    select
        id as contact_id,
        accountid as account_id,
        nullif(lower(trim(email)), '') as email,
        title,
        createddate as created_at,
        systemmodstamp as updated_at,
        coalesce(isdeleted, false) as is_deleted
    from latest
),

final as (
    select * from renamed
)

select * from final
