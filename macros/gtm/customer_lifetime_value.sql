{#- LTV = (ending MRR ÷ ending customers) × gross margin % ÷ revenue churn rate; margin,
    not revenue; null when the churn rate is 0 or unknown. -#}
{% macro customer_lifetime_value(ending_mrr, ending_customers, gross_margin_pct, revenue_churn_rate) -%}
    {{ money_quotient(
        '(' ~ money_quotient(ending_mrr, ending_customers) ~ ') * (' ~ gross_margin_pct ~ ')',
        revenue_churn_rate
    ) }}
{%- endmacro %}
