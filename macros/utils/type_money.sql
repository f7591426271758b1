{#- Exact money and rates (metrics.md: money is DECIMAL, never floating point).
    Money: 38 digits, 6 after the point, so a month's normalisation (÷ 12, × 52 / 12)
    and one FX conversion keep the won exact before the single rounding at display.
    Rates (FX, fractions like NRR): 38 digits, 12 after the point.
    DuckDB turns decimal ÷ decimal into a double: divide, then cast back with these. -#}
{% macro type_money() -%}
    {{ return(adapter.dispatch('type_money')()) }}
{%- endmacro %}

{% macro default__type_money() -%}
    decimal(38, 6)
{%- endmacro %}

{% macro type_rate() -%}
    {{ return(adapter.dispatch('type_rate')()) }}
{%- endmacro %}

{% macro default__type_rate() -%}
    decimal(38, 12)
{%- endmacro %}
