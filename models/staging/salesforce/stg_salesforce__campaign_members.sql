with

source as (
    select * from {{ source('salesforce', 'campaign_member') }}
    where {{ is_as_of('createddate') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by id
            order by _file desc, _line desc
        ) as version_rank
    from source
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
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
