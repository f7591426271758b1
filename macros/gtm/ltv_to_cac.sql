{#- LTV / CAC. -#}
{% macro ltv_to_cac(ltv, cac) -%}
    {{ rate_quotient(ltv, cac) }}
{%- endmacro %}
