{#- LTV / CAC. -#}
{% macro ltv_to_cac(ltv, cac) -%}
    cast({{ ltv }} as {{ dbt.type_float() }}) / nullif({{ cac }}, 0)
{%- endmacro %}
