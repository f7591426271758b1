{#- A customer returned as {"id": ..., "deleted": true} keeps the attributes of its last
    full version (sources.md: flagged deleted, its invoices stay revenue history). -#}
with

customers as (
    select * from {{ source('stripe', 'customers') }}
),

full_versions as (
    select * from customers
    where not coalesce(deleted, false)
),

newest as (
    {{ newest_version('customers', 'id') }}
),

latest_version as (
    select
        id,
        coalesce(deleted, false) as is_deleted,
        _file,
        _loaded_at
    from newest
),

latest_full_version as (
    {{ newest_version('full_versions', 'id') }}
),

final as (
    select
        latest_version.id as customer_id,
        nullif(trim(latest_full_version.metadata_crm_account_id), '') as crm_account_id,
        latest_full_version.name as customer_name,
        lower(trim(latest_full_version.email)) as email,
        upper(latest_full_version.currency) as currency,
        latest_full_version.created as created_at,
        latest_version.is_deleted,
        latest_version._file,
        latest_version._loaded_at
    from latest_version
    left join latest_full_version
        on latest_version.id = latest_full_version.id
)

select * from final
