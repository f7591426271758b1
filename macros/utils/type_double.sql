{#- An 8-byte float for money and rates. dbt.type_float() is a 4-byte REAL on DuckDB
    (7 significant digits: wrong in the won column of a ₩ billion MRR), and the bare word
    `double` is not a Postgres type, hence one portable name. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
