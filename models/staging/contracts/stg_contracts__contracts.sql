with

contracts as (
    select * from {{ source('contracts', 'contracts') }}
    where {{ is_as_of('updated_at') }}
),

latest as (
    {{ newest_version('contracts', 'contract_id', 'updated_at') }}
),

final as (
    select
        contract_id,
        nullif(trim(crm_account_id), '') as crm_account_id,
        nullif(trim(opportunity_id), '') as opportunity_id,
        start_date,
        end_date,
        upper(currency) as currency,
        cast(total_contract_value as {{ type_money() }}) as total_contract_value,
        billing_frequency,
        seats,
        status,
        terminated_date,
        updated_at,
        _file,
        _loaded_at
    from latest
)

select * from final
