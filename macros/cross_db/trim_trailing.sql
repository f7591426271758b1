{#- Strip trailing characters. DuckDB's rtrim(string, characters); Spark's two-argument
    rtrim takes (characters, string) and silently returns a wrong value with DuckDB's
    order ("/a/" -> ""), so Spark uses the SQL-standard form. -#}
{% macro trim_trailing(expression, characters) -%}
    {{ return(adapter.dispatch('trim_trailing', 'revenue_warehouse')(expression, characters)) }}
{%- endmacro %}

{% macro default__trim_trailing(expression, characters) -%}
    rtrim({{ expression }}, {{ characters }})
{%- endmacro %}

{% macro spark__trim_trailing(expression, characters) -%}
    trim(trailing {{ characters }} from {{ expression }})
{%- endmacro %}
