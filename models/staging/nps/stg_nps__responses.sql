with

source as (
    select * from {{ source('nps', 'responses') }}
    where {{ is_as_of('submitted_at') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by response_id
            order by _file desc, _line desc
        ) as version_rank
    from source
),

renamed as (
    select
        response_id,
        submitted_at,
        nullif(lower(trim(email)), '') as email,
        nullif(trim(crm_account_id), '') as account_id,
        score,
        comment
    from ranked
    where version_rank = 1
),

final as (
    select * from renamed
)

select * from final
