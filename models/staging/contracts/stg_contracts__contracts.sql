with

contracts as (
    select * from {{ source('contracts', 'contracts') }}
    where {{ is_as_of('updated_at') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by contract_id
            order by updated_at desc, _file desc, _line desc
        ) as version_rank
    from contracts
),

latest as (
    select * from ranked
    where version_rank = 1
),

final as (
    select
        contract_id,
        nullif(trim(crm_account_id), '') as crm_account_id,
        nullif(trim(opportunity_id), '') as opportunity_id,
        start_date,
        end_date,
        upper(currency) as currency,
        total_contract_value,
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
