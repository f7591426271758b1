{#- Unit economics (metrics.md). One macro per formula so each rule has one home; every
    argument is already summed over the trailing window W = M-2..M by the caller. -#}

{#- CAC (fully loaded) = acquisition cost ÷ new customers; null without new customers. -#}
{% macro cac(acquisition_cost, new_customers) -%}
    {{ money_quotient(acquisition_cost, new_customers) }}
{%- endmacro %}
