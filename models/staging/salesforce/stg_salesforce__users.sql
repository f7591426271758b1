with

source as (
    select * from {{ source('salesforce', 'user') }}
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
        id as user_id,
        name as user_name,
        department,
        coalesce(isactive, false) as is_active
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
