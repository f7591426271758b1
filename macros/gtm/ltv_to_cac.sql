{#- LTV / CAC. -#}
{% macro ltv_to_cac(ltv, cac) -%}
    cast({{ ltv }} as {{ type_double() }}) / nullif({{ cac }}, 0)
{%- endmacro %}
