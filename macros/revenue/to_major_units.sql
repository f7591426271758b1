{#- Stripe amounts are in the currency's minor unit. seeds/currencies.csv holds the decimal
    places (0 for Stripe's zero-decimal list such as KRW and JPY, 3 for BHD/JOD/KWD/OMR/TND);
    a currency missing from the seed has 2. Exact: minor units × 10^-places, no division. -#}
{% macro to_major_units(amount, decimal_places) -%}
    cast(
        cast({{ amount }} as {{ type_money() }})
        * cast(power(10, -1 * coalesce({{ decimal_places }}, 2)) as {{ type_money() }})
        as {{ type_money() }}
    )
{%- endmacro %}
