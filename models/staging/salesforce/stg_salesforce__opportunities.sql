with

source as (
    select * from {{ source('salesforce', 'opportunity') }}
),

latest as (
    {{ newest_version('source', 'id', 'systemmodstamp') }}
),

renamed as (
    select
        id as opportunity_id,
        accountid as account_id,
        name as opportunity_name,
        type as opportunity_type,
        stagename as stage_name,
        cast(amount as {{ type_money() }}) as amount_local,
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
    from latest
),

final as (
    select * from renamed
)

select * from final
