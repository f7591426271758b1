with

source as (
    select * from {{ source('salesforce', 'campaign') }}
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
        id as campaign_id,
        name as campaign_name,
        type as campaign_type,
        nullif(trim(channel__c), '') as channel,
        startdate as start_date,
        enddate as end_date
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
