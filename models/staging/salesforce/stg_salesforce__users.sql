with

source as (
    select * from {{ source('salesforce', 'user') }}
),

latest as (
    {{ newest_version('source', 'id') }}
),

renamed as (
    select
        id as user_id,
        name as user_name,
        department,
        coalesce(isactive, false) as is_active
    from latest
),

final as (
    select * from renamed
)

select * from final
