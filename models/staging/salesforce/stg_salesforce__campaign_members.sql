with

source as (
    select * from {{ source('salesforce', 'campaign_member') }}
    where {{ is_as_of('createddate') }}
),

latest as (
    {{ newest_version('source', 'id') }}
),

renamed as (
    select
        id as campaign_member_id,
        campaignid as campaign_id,
        leadid as lead_id,
        contactid as contact_id,
        status as member_status,
        coalesce(hasresponded, false) as has_responded,
        createddate as created_at
    from latest
),

final as (
    select * from renamed
)

select * from final
