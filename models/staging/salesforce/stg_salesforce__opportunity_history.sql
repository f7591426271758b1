with

source as (
    select * from {{ source('salesforce', 'opportunity_history') }}
    where {{ is_as_of('createddate') }}
),

ranked as (
    -- no version field: the later file (then line) holds the newest copy of a row
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
        id as opportunity_history_id,
        opportunityid as opportunity_id,
        stagename as stage_name,
        amount as amount_local,
        closedate as close_date,
        createddate as changed_at,
        coalesce(isdeleted, false) as is_deleted
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
