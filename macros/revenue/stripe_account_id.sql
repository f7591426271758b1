{#- sources.md, Billing: a Stripe customer without metadata.crm_account_id still counts as
    account `stripe:<customer id>` (unmapped), so totals always match billing. -#}
{% macro stripe_account_id(crm_account_id, customer_id) -%}
    coalesce(nullif(trim({{ crm_account_id }}), ''), 'stripe:' || {{ customer_id }})
{%- endmacro %}
