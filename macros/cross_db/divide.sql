{#- A quotient of two amounts (a rate, a ratio, an average), the same on every engine.
    DuckDB divides DECIMAL by DECIMAL as DOUBLE; Spark keeps DECIMAL and, for two
    decimal(38, 6) operands, cuts the scale to 6 digits (0.333333): a rate cast to
    type_rate() afterwards would then differ from DuckDB's from the 7th decimal. Both
    engines divide as DOUBLE here; cast the result with type_money()/type_rate().
    A zero denominator gives null on both. -#}
{% macro divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('divide', 'revenue_warehouse')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__divide(numerator, denominator) -%}
    cast({{ numerator }} as double precision) / nullif(cast({{ denominator }} as double precision), 0)
{%- endmacro %}

{% macro duckdb__divide(numerator, denominator) -%}
    cast({{ numerator }} as double) / nullif(cast({{ denominator }} as double), 0)
{%- endmacro %}

{% macro spark__divide(numerator, denominator) -%}
    cast({{ numerator }} as double) / nullif(cast({{ denominator }} as double), 0)
{%- endmacro %}
