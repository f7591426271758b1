{#- ARPA (average revenue per account) = ending MRR ÷ ending customers (accounts with
    MRR > 0); null in a month without customers. -#}
{% macro arpa(ending_mrr, ending_customers) -%}
    {{ money_quotient(ending_mrr, ending_customers) }}
{%- endmacro %}
