with

anonymous_ids as (
    select * from {{ ref('int_anonymous_ids_identified') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
        and email is not null
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
    where not is_deleted
        and email is not null
),

lead_matches as (
    select
        anonymous_ids.anonymous_id,
        anonymous_ids.email,
        anonymous_ids.identified_at,
        'lead' as person_type,
        leads.lead_id as person_id,
        leads.lead_id,
        cast(null as {{ dbt.type_string() }}) as contact_id,
        leads.converted_account_id as account_id
    from anonymous_ids
    inner join leads
        on anonymous_ids.email = leads.email
),

contact_matches as (
    select
        anonymous_ids.anonymous_id,
        anonymous_ids.email,
        anonymous_ids.identified_at,
        'contact' as person_type,
        contacts.contact_id as person_id,
        cast(null as {{ dbt.type_string() }}) as lead_id,
        contacts.contact_id,
        contacts.account_id
    from anonymous_ids
    inner join contacts
        on anonymous_ids.email = contacts.email
),

unioned as (
    select * from lead_matches
    union all
    select * from contact_matches
),

final as (
    select * from unioned
)

select * from final
