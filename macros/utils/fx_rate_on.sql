{#- Join condition of int_fx_rates: the rate in force on a date, i.e. the latest rate dated on
    or before it (sources.md, Finance). A month converts at its last day's rate. -#}
{% macro fx_rate_on(fx_rates, on_date) -%}
    ({{ fx_rates }}.valid_from <= {{ on_date }}
        and ({{ fx_rates }}.valid_to is null or {{ on_date }} < {{ fx_rates }}.valid_to))
{%- endmacro %}
