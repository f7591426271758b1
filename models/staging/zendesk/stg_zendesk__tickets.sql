with

source as (
    select * from {{ source('zendesk', 'tickets') }}
    where {{ is_as_of('created_at') }}
),

latest as (
    {{ newest_version('source', 'id', 'updated_at') }}
),

renamed as (
    select
        id as ticket_id,
        organization_id,
        status as ticket_status,
        priority,
        type as ticket_type,
        created_at,
        updated_at,
        satisfaction_rating_score as satisfaction_score
    from latest
),

final as (
    select * from renamed
)

select * from final
