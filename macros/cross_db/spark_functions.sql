{#- Spark variants of dispatched helpers defined elsewhere (dbt's cross-database macros and
    the project's own), kept in one file so the Spark port is visible in one place. -#}

{#- dbt-spark's split_part splits on a regular expression and returns null past the last
    part; Spark 3.3+ has split_part with DuckDB's semantics (literal delimiter, '' past the
    end, negative parts from the end). -#}
{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{#- The median: DuckDB's median() interpolates between the two middle values; Spark's
    percentile(x, 0.5) does the same (exact, not percentile_approx). -#}
{% macro spark__gtm_median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}

{#- The quotient macros of macros/utils/type_money.sql. DuckDB divides DECIMAL by DECIMAL as
    DOUBLE and casts the quotient back; Spark would keep DECIMAL and, for a decimal(38, 12)
    over a decimal(38, 6), cut the scale to 6 digits (0.796748 for 0.796747967480) before
    the cast. Dividing as DOUBLE (divide()) gives DuckDB's quotient, rounded once by the
    cast. -#}
{% macro spark__local_amount_quotient(numerator, denominator) -%}
    cast({{ divide(numerator, denominator) }} as {{ type_rate() }})
{%- endmacro %}

{% macro spark__money_quotient(numerator, denominator) -%}
    cast({{ divide(numerator, denominator) }} as {{ type_money() }})
{%- endmacro %}

{% macro spark__rate_quotient(numerator, denominator) -%}
    cast({{ divide(numerator, denominator) }} as {{ type_rate() }})
{%- endmacro %}

{#- dbt-spark's listagg ignores the order by (collect_list, in whatever order the rows
    arrive): Spark 4's listagg ... within group (order by ...) keeps DuckDB's order. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        array_join(slice(collect_list({{ measure }}), 1, {{ limit_num }}), {{ delimiter_text }})
    {%- else -%}
        listagg({{ measure }}, {{ delimiter_text }})
        {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
    {%- endif -%}
{%- endmacro %}
