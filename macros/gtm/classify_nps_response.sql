{#- NPS answer class (metrics.md, Customer success): 9-10 promoter, 7-8 passive, 0-6 detractor. -#}
{% macro classify_nps_response(score) -%}
    case
        when {{ score }} >= 9 then 'promoter'
        when {{ score }} >= 7 then 'passive'
        when {{ score }} >= 0 then 'detractor'
    end
{%- endmacro %}
