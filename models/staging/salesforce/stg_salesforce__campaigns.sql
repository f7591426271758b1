with

source as (
    select * from {{ source('salesforce', 'campaign') }}
),

latest as (
    {{ newest_version('source', 'id') }}
),

renamed as (
    select
        id as campaign_id,
        name as campaign_name,
        type as campaign_type,
        nullif(trim(channel__c), '') as channel,
        startdate as start_date,
        enddate as end_date
    from latest
),

final as (
    select * from renamed
)

select * from final
