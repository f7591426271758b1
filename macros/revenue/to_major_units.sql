{#- Stripe amounts are in the currency's minor unit. seeds/currencies.csv holds the decimal
    places (0 for Stripe's zero-decimal list such as KRW and JPY, 3 for BHD/JOD/KWD/OMR/TND);
    a currency missing from the seed has 2. -#}
{% macro to_major_units(amount, decimal_places) -%}
    cast({{ amount }} as {{ type_double() }}) / power(10, coalesce({{ decimal_places }}, 2))
{%- endmacro %}
