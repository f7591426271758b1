with

source as (
    select * from {{ source('salesforce', 'contact') }}
    where {{ is_as_of('createddate') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by id
            order by systemmodstamp desc, _file desc, _line desc
        ) as version_rank
    from source
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
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
