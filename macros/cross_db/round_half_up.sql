{#- Round half away from zero at `places` decimals, the same on every engine. On a DOUBLE
    the engines disagree: DuckDB rounds the binary value (0.285 -> 0.28), Spark the
    shortest decimal that prints it (0.285 -> 0.29). Rounding the value as DECIMAL
    (12 places, more than any amount or rate carries) gives one answer on both; a DECIMAL
    argument rounds exactly as before. One form serves both engines: no override needed. -#}
{% macro round_half_up(expression, places) -%}
    {{ return(adapter.dispatch('round_half_up', 'revenue_warehouse')(expression, places)) }}
{%- endmacro %}

{% macro default__round_half_up(expression, places) -%}
    round(cast({{ expression }} as decimal(38, 12)), {{ places }})
{%- endmacro %}
