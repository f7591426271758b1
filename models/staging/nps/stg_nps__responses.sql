with

source as (
    select * from {{ source('nps', 'responses') }}
    where {{ is_as_of('submitted_at') }}
),

latest as (
    {{ newest_version('source', 'response_id') }}
),

renamed as (
    select
        response_id,
        submitted_at,
        nullif(lower(trim(email)), '') as email,
        nullif(trim(crm_account_id), '') as account_id,
        score,
        comment
    from latest
),

final as (
    select * from renamed
)

select * from final
