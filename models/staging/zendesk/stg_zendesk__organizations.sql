with

source as (
    select * from {{ source('zendesk', 'organizations') }}
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
        id as organization_id,
        name as organization_name,
        nullif(trim(external_id), '') as account_id,
        updated_at
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
