{#- Win rate (metrics.md, Funnel) = won ÷ closed opportunities; pass counts or amounts.
    Null when nothing closed. -#}
{% macro win_rate(won, closed) -%}
    cast({{ won }} as {{ dbt.type_float() }}) / nullif({{ closed }}, 0)
{%- endmacro %}
