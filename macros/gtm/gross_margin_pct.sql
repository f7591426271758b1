{#- Gross margin % = (revenue − cost to serve) ÷ revenue, revenue = Σ ending MRR. -#}
{% macro gross_margin_pct(revenue, cost_to_serve) -%}
    cast(({{ revenue }}) - ({{ cost_to_serve }}) as {{ dbt.type_float() }}) / nullif({{ revenue }}, 0)
{%- endmacro %}
