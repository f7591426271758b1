{#- Win rate (metrics.md, Funnel) = won ÷ closed opportunities; pass counts or amounts.
    Null when nothing closed. -#}
{% macro win_rate(won, closed) -%}
    {{ rate_quotient(won, closed) }}
{%- endmacro %}
