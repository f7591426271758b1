{#- ARPA (average revenue per account) = ending MRR ÷ ending customers (accounts with
    MRR > 0); null in a month without customers. -#}
{% macro arpa(ending_mrr, ending_customers) -%}
    cast({{ ending_mrr }} / nullif({{ ending_customers }}, 0) as {{ type_money() }})
{%- endmacro %}
