{#- Exact money and rates (metrics.md: money is DECIMAL, never floating point).
    Money: 38 digits, 6 after the point; rates (FX, fractions like NRR): 38 digits, 12 after
    the point. Sums of decimals are exact, so a build is reproducible to the last digit.

    Where rounding happens (the only places):
    1. Staging: a landed amount becomes money (exact: no currency has more than 3 minor
       digits) and a landed FX rate becomes a rate (rounded once to 12 places).
    2. A month's normalisation (÷ interval, ÷ 12, × 52 / 12, × 365 / 12, contract value ÷
       term months) keeps the local monthly amount (mrr_local) at 12 places
       (local_amount_quotient), so that
    3. FX conversion (local amount × rate, convert_money) is the one rounding of an MRR
       value: to 6 places of the reporting currency. 1,586 USD a year at 1,365.75 is
       180,506.625000 exactly as 1,586 × 1,365.75 ÷ 12 is. Everything downstream is exact
       sums of converted amounts.
    4. A ratio (NRR, CAC, win rate, ...) is rounded once to 12 places (rate_quotient) or,
       when it is an amount per something (CAC, LTV), to 6 places (money_quotient).
    Money columns are rounded to 2 decimals only for display.
    DuckDB turns decimal ÷ decimal into a double: the quotient macros cast it back. Spark
    keeps DECIMAL and cuts a quotient of two wide decimals to 6 places: there the quotient
    macros divide as DOUBLE too (spark__ variants in macros/cross_db/spark_functions.sql). -#}
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

{#- numerator ÷ denominator kept at 12 places: a local amount on its way to conversion (a
    month's normalisation), so that the conversion is its one rounding. -#}
{% macro local_amount_quotient(numerator, denominator) -%}
    {{ return(adapter.dispatch('local_amount_quotient', 'revenue_warehouse')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__local_amount_quotient(numerator, denominator) -%}
    cast(cast({{ numerator }} as {{ type_rate() }}) / nullif({{ denominator }}, 0) as {{ type_rate() }})
{%- endmacro %}

{#- numerator ÷ denominator as money (6 places); null when the denominator is 0 or null. -#}
{% macro money_quotient(numerator, denominator) -%}
    {{ return(adapter.dispatch('money_quotient', 'revenue_warehouse')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__money_quotient(numerator, denominator) -%}
    cast(cast({{ numerator }} as {{ type_money() }}) / nullif({{ denominator }}, 0) as {{ type_money() }})
{%- endmacro %}

{#- numerator ÷ denominator as a rate (12 places); null when the denominator is 0 or null. -#}
{% macro rate_quotient(numerator, denominator) -%}
    {{ return(adapter.dispatch('rate_quotient', 'revenue_warehouse')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__rate_quotient(numerator, denominator) -%}
    cast(cast({{ numerator }} as {{ type_rate() }}) / nullif({{ denominator }}, 0) as {{ type_rate() }})
{%- endmacro %}

{#- A local amount converted at a rate: the one rounding of a conversion. -#}
{% macro convert_money(amount_local, fx_rate) -%}
    cast({{ amount_local }} * {{ fx_rate }} as {{ type_money() }})
{%- endmacro %}
