{#- Gross margin % = (revenue − cost to serve) ÷ revenue, revenue = Σ ending MRR. -#}
{% macro gross_margin_pct(revenue, cost_to_serve) -%}
    cast(({{ revenue }}) - ({{ cost_to_serve }}) as {{ type_double() }}) / nullif({{ revenue }}, 0)
{%- endmacro %}
