{#- Revenue churn rate over W = Σ (churned + contraction MRR) ÷ Σ constant-currency base. -#}
{% macro revenue_churn_rate(churned_and_contraction_mrr, constant_currency_base) -%}
    cast({{ churned_and_contraction_mrr }} as {{ type_double() }}) / nullif({{ constant_currency_base }}, 0)
{%- endmacro %}
