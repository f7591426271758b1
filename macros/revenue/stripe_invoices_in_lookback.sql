{#- Ids of the Stripe invoices that received a version within `incremental_lookback_days`
    of the last load into {{ this }}. The two incremental invoice staging models rebuild
    exactly these invoices, so an invoice and its lines always come from the same version. -#}
{% macro stripe_invoices_in_lookback() -%}
    {%- set lookback_start = dbt.dateadd(
        'day',
        -1 * var('incremental_lookback_days'),
        "coalesce(max(_loaded_at), cast('1900-01-01' as timestamp))"
    ) -%}
    select loaded_invoices.id
    from {{ source('stripe', 'invoices') }} as loaded_invoices
    where loaded_invoices._loaded_at > (select {{ lookback_start }} from {{ this }})
{%- endmacro %}
