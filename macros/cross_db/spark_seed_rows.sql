{#- Seed rows on Spark as literals. dbt-spark binds seed values by formatting them into the
    statement (`'%s'` % value) on the session method: an empty cell becomes the string
    'None' and an apostrophe ends the literal. Here every cell is written as an escaped
    literal, or null, cast to the seed's column type, so a seed loads the same on both
    engines. Overrides dbt-spark's spark__load_csv_rows (root-project macros win). -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set column_types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do column_types.append(
            column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))
        ) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    cast({{ spark_seed_literal(value) }} as {{ column_types[loop.index0] }})
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%})
                {%- if not loop.last %},{% endif %}
            {% endfor -%}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}

{% macro spark_seed_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {{ value }}
    {%- else -%}
        '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}
