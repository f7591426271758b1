{#- One row per billing account: every account a Stripe invoice or a contract bills
    (unmapped Stripe customers as stripe:<customer id>), whether or not it ever had MRR. -#}
with

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
),

customers as (
    select * from {{ ref('stg_stripe__customers') }}
),

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
),

stripe_accounts as (
    select
        invoice_lines.account_id,
        bool_and(invoice_lines.is_unmapped) as is_unmapped,
        min(customers.customer_name) as stripe_customer_name,
        count(distinct invoice_lines.customer_id) as stripe_customers
    from invoice_lines
    left join customers
        on invoice_lines.customer_id = customers.customer_id
    group by invoice_lines.account_id
),

contract_accounts as (
    select
        crm_account_id as account_id,
        count(*) as contracts
    from contracts
    group by crm_account_id
),

final as (
    select
        coalesce(stripe_accounts.account_id, contract_accounts.account_id) as account_id,
        coalesce(stripe_accounts.is_unmapped, false) as is_unmapped,
        stripe_accounts.stripe_customer_name,
        coalesce(stripe_accounts.stripe_customers, 0) as stripe_customers,
        coalesce(contract_accounts.contracts, 0) as contracts
    from stripe_accounts
    full outer join contract_accounts
        on stripe_accounts.account_id = contract_accounts.account_id
)

select * from final
