{#- Gross margin % = (revenue − cost to serve) ÷ revenue, revenue = Σ ending MRR. -#}
{% macro gross_margin_pct(revenue, cost_to_serve) -%}
    {{ rate_quotient('(' ~ revenue ~ ') - (' ~ cost_to_serve ~ ')', revenue) }}
{%- endmacro %}
