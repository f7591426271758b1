{#- One row per account: every live CRM account, plus every billing account - unmapped
    Stripe customers (stripe:<customer id>, is_unmapped), accounts deleted in CRM that were
    billed (kept so revenue matches billing, is_deleted_in_crm) and CRM ids billing refers
    to that the CRM does not have (is_in_crm false). Deleted CRM accounts never billed are
    gone. ultimate_parent_account_id walks ParentId to the top (at most 10 levels). -#}
with recursive

crm_accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
),

billing_accounts as (
    select * from {{ ref('int_revenue_accounts') }}
),

first_paid as (
    select * from {{ ref('int_account_first_paid_months') }}
),

icp_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

crm_attributes as (
    -- sources.md, Deletes: a deleted CRM account stays only when it was billed
    select
        crm_accounts.account_id,
        crm_accounts.account_name,
        crm_accounts.parent_account_id,
        crm_accounts.industry,
        crm_accounts.country,
        crm_accounts.number_of_employees,
        crm_accounts.owner_id,
        crm_accounts.budget_owner,
        crm_accounts.decision_structure,
        crm_accounts.has_security_review,
        crm_accounts.created_at,
        crm_accounts.is_deleted as is_deleted_in_crm
    from crm_accounts
    left join billing_accounts
        on crm_accounts.account_id = billing_accounts.account_id
    where not crm_accounts.is_deleted
        or billing_accounts.account_id is not null
),

all_accounts as (
    select
        coalesce(crm_attributes.account_id, billing_accounts.account_id) as account_id,
        coalesce(crm_attributes.account_name, billing_accounts.stripe_customer_name) as account_name,
        crm_attributes.parent_account_id,
        crm_attributes.industry,
        crm_attributes.country,
        crm_attributes.number_of_employees,
        crm_attributes.owner_id,
        crm_attributes.budget_owner,
        crm_attributes.decision_structure,
        crm_attributes.has_security_review,
        crm_attributes.created_at,
        coalesce(billing_accounts.is_unmapped, false) as is_unmapped,
        crm_attributes.account_id is not null as is_in_crm,
        coalesce(crm_attributes.is_deleted_in_crm, false) as is_deleted_in_crm,
        billing_accounts.account_id is not null as is_billed,
        coalesce(billing_accounts.stripe_customers, 0) as stripe_customers,
        coalesce(billing_accounts.contracts, 0) as contracts
    from crm_attributes
    full outer join billing_accounts
        on crm_attributes.account_id = billing_accounts.account_id
),

hierarchy as (
    select
        account_id,
        account_id as ancestor_id,
        parent_account_id as next_parent_id,
        0 as depth
    from all_accounts
    union all
    select
        hierarchy.account_id,
        parents.account_id as ancestor_id,
        parents.parent_account_id as next_parent_id,
        hierarchy.depth + 1 as depth
    from hierarchy
    inner join all_accounts as parents
        on hierarchy.next_parent_id = parents.account_id
    where hierarchy.depth < 10
),

ultimate_parents as (
    select
        account_id,
        ancestor_id as ultimate_parent_account_id,
        depth as hierarchy_depth
    from (
        select
            *,
            row_number() over (partition by account_id order by depth desc) as depth_rank
        from hierarchy
    ) as ranked
    where depth_rank = 1
),

final as (
    select
        all_accounts.account_id,
        all_accounts.account_name,
        all_accounts.parent_account_id,
        ultimate_parents.ultimate_parent_account_id,
        ultimate_parents.hierarchy_depth,
        all_accounts.industry,
        all_accounts.country,
        all_accounts.number_of_employees,
        all_accounts.owner_id,
        all_accounts.budget_owner,
        all_accounts.decision_structure,
        all_accounts.has_security_review,
        all_accounts.created_at,
        all_accounts.is_unmapped,
        all_accounts.is_in_crm,
        all_accounts.is_deleted_in_crm,
        all_accounts.is_billed,
        all_accounts.stripe_customers,
        all_accounts.contracts,
        first_paid.first_paid_month,
        icp_segments.icp_segment
    from all_accounts
    left join ultimate_parents
        on all_accounts.account_id = ultimate_parents.account_id
    left join first_paid
        on all_accounts.account_id = first_paid.account_id
    left join icp_segments
        on all_accounts.account_id = icp_segments.account_id
)

select * from final
