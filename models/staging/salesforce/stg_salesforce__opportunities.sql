{#- Type maps through seeds/opportunity_types.csv (Salesforce's standard picklist included);
    a Type missing from the seed is kept as 'other' (a warn test lists it), never dropped.
    An empty CurrencyIsoCode (single-currency orgs) is the org currency, var reporting_currency. -#}
with

source as (
    select * from {{ source('salesforce', 'opportunity') }}
    where {{ is_as_of('createddate') }}
),

opportunity_types as (
    select * from {{ ref('opportunity_types') }}
),

latest as (
    {{ newest_version('source', 'id', 'systemmodstamp') }}
),

renamed as (
    select
        id as opportunity_id,
        accountid as account_id,
        name as opportunity_name,
        nullif(trim(type), '') as source_type,
        stagename as stage_name,
        cast(amount as {{ type_money() }}) as amount_local,
        coalesce(
            upper(nullif(trim(currencyisocode), '')), '{{ var("reporting_currency") }}'
        ) as currency,
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

typed as (
    select
        renamed.*,
        case
            when renamed.source_type is null then null
            else coalesce(opportunity_types.opportunity_type, 'other')
        end as opportunity_type
    from renamed
    left join opportunity_types
        on renamed.source_type = opportunity_types.type
),

final as (
    select
        opportunity_id,
        account_id,
        opportunity_name,
        opportunity_type,
        source_type,
        stage_name,
        amount_local,
        currency,
        close_date,
        is_closed,
        is_won,
        lead_source,
        campaign_id,
        owner_id,
        loss_reason,
        created_at,
        updated_at,
        is_deleted
    from typed
)

select * from final
