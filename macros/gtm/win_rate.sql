{#- Win rate (metrics.md, Funnel) = won ÷ closed opportunities; pass counts or amounts.
    Null when nothing closed. -#}
{% macro win_rate(won, closed) -%}
    cast({{ won }} as {{ type_double() }}) / nullif({{ closed }}, 0)
{%- endmacro %}
