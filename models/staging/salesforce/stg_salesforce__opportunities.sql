with

source as (
    select * from {{ source('salesforce', 'opportunity') }}
    where {{ is_as_of('createddate') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by id
            order by systemmodstamp desc, _file desc, _line desc
        ) as version_rank
    from source
),

renamed as (
    select
        id as opportunity_id,
        accountid as account_id,
        name as opportunity_name,
        type as opportunity_type,
        stagename as stage_name,
        amount as amount_local,
        upper(currencyisocode) as currency,
        closedate as close_date,
        coalesce(isclosed, false) as is_closed,
        coalesce(iswon, false) as is_won,
        leadsource as lead_source,
        campaignid as campaign_id,
        ownerid as owner_id,
        nullif(trim(loss_reason__c), '') as loss_reason,
        createddate as created_at,
        systemmodstamp as updated_at,
        coalesce(isdeleted, false) as is_deleted
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
