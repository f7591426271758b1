{#- How the incremental staging models materialise. DuckDB: `incremental` with the
    model's own strategy (delete+insert by key, merge by key). Spark keeps tables as
    Parquet, where dbt-spark offers neither strategy (merge needs Delta, Iceberg or Hudi)
    and insert_overwrite would need whole partitions: there the model is rebuilt as a
    table, which gives the same rows (an incremental run equals a full refresh). -#}
{% macro incremental_materialization() -%}
    {{ return(adapter.dispatch('incremental_materialization', 'revenue_warehouse')()) }}
{%- endmacro %}

{% macro default__incremental_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}

{% macro spark__incremental_materialization() -%}
    {{ return('table') }}
{%- endmacro %}
