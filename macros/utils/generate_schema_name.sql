{#- Custom schemas are used as named (staging, intermediate, seeds) and the public marts
    land in the target schema, so readers query `mart_mrr_bridge`, not `main_marts.mart_...`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none or custom_schema_name == 'main' -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
