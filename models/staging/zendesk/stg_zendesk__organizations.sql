with

source as (
    select * from {{ source('zendesk', 'organizations') }}
),

latest as (
    {{ newest_version('source', 'id', 'updated_at') }}
),

renamed as (
    select
        id as organization_id,
        name as organization_name,
        nullif(trim(external_id), '') as account_id,
        updated_at
    from latest
),

final as (
    select * from renamed
)

select * from final
