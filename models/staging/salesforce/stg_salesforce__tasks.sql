with

source as (
    select * from {{ source('salesforce', 'task') }}
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
        id as task_id,
        whoid as who_id,
        whatid as what_id,
        accountid as account_id,
        ownerid as owner_id,
        type as task_type,
        subject,
        createddate as created_at,
        coalesce(isdeleted, false) as is_deleted
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
