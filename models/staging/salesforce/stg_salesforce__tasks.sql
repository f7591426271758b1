with

source as (
    select * from {{ source('salesforce', 'task') }}
    where {{ is_as_of('createddate') }}
),

latest as (
    {{ newest_version('source', 'id') }}
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
    from latest
),

final as (
    select * from renamed
)

select * from final
