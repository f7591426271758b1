{#- metrics.md, Revenue (Stripe): a line counts towards MRR when it bills a subscription item,
    is not a proration, sits on a paid / open / uncollectible invoice and is not metered
    (metered lines are usage revenue). The month-end instant and subscription end are
    checked per month (period_contains_month_end). -#}
{% macro is_recurring_invoice_line(line_type, is_proration, invoice_status, usage_type) -%}
    ({{ line_type }} = 'subscription'
        and not coalesce({{ is_proration }}, false)
        and {{ invoice_status }} in ('paid', 'open', 'uncollectible')
        and coalesce({{ usage_type }}, 'licensed') <> 'metered')
{%- endmacro %}

{% macro is_usage_invoice_line(line_type, is_proration, invoice_status, usage_type) -%}
    ({{ line_type }} = 'subscription'
        and not coalesce({{ is_proration }}, false)
        and {{ invoice_status }} in ('paid', 'open', 'uncollectible')
        and {{ usage_type }} = 'metered')
{%- endmacro %}
