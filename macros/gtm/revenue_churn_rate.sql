{#- Revenue churn rate over W = Σ (churned + contraction MRR) ÷ Σ constant-currency base. -#}
{% macro revenue_churn_rate(churned_and_contraction_mrr, constant_currency_base) -%}
    {{ rate_quotient(churned_and_contraction_mrr, constant_currency_base) }}
{%- endmacro %}
