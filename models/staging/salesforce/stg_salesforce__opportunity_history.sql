with

source as (
    select * from {{ source('salesforce', 'opportunity_history') }}
    where {{ is_as_of('createddate') }}
),

latest as (
    {{ newest_version('source', 'id') }}
),

renamed as (
    select
        id as opportunity_history_id,
        opportunityid as opportunity_id,
        stagename as stage_name,
        cast(amount as {{ type_money() }}) as amount_local,
        closedate as close_date,
        createddate as changed_at,
        coalesce(isdeleted, false) as is_deleted
    from latest
),

final as (
    select * from renamed
)

select * from final
