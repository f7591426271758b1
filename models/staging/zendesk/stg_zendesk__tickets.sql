with

source as (
    select * from {{ source('zendesk', 'tickets') }}
    where {{ is_as_of('created_at') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by id
            order by updated_at desc, _file desc, _line desc
        ) as version_rank
    from source
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
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
