{#- The raw tables on Spark. Ingestion validates and quarantines the landing in DuckDB
    exactly as for the DuckDB target, then writes each raw table as Parquet to
    `<SPARK_RAW_DIR>/<identifier>` (default: raw/ under SPARK_WAREHOUSE_DIR). This hook
    (on-run-start) points one external table per dbt source at its folder, so the models'
    `source()` calls resolve to the same tables on both engines. DuckDB reads the raw
    schema it ingested into: nothing to do there. An empty hook runs no statement. -#}
{% macro register_raw_sources() -%}
    {{ return(adapter.dispatch('register_raw_sources', 'revenue_warehouse')()) }}
{%- endmacro %}

{% macro default__register_raw_sources() -%}
{%- endmacro %}

{% macro spark__register_raw_sources() -%}
    {%- if execute -%}
        {%- set raw_dir = env_var(
            'SPARK_RAW_DIR',
            env_var('SPARK_WAREHOUSE_DIR', 'data/spark-warehouse') ~ '/raw'
        ) -%}
        {%- set schemas = [] -%}
        {%- for source in graph.sources.values() -%}
            {%- if source.schema not in schemas -%}
                {%- do schemas.append(source.schema) -%}
                {%- do run_query('create database if not exists ' ~ source.schema) -%}
            {%- endif -%}
            {%- set relation = source.schema ~ '.' ~ source.identifier -%}
            {%- do run_query('drop table if exists ' ~ relation) -%}
            {%- do run_query(
                'create table ' ~ relation ~ ' using parquet location '
                ~ "'" ~ raw_dir ~ '/' ~ source.identifier ~ "'"
            ) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
