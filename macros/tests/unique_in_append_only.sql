{#- `unique` for an append-only event table (rows are added, never changed): every key of
    the newest load appears once in the whole table. The rows before it passed the same
    test when they were the newest, in a build that was only published because its tests
    passed; so a nightly looks up the new keys (a hash table of one night's keys, one scan
    of the key column) instead of grouping every key of 100 M events (25 s a table).
    A --full-refresh, or a table of one load, checks every key as `unique` does.
    The newest load is read once when dbt executes: a constant lets the scan skip the
    row groups of older loads. -#}
{% test unique_in_append_only(model, column_name, loaded_at='loaded_at') %}
{%- set newest = none -%}
{%- if execute and not flags.FULL_REFRESH -%}
    {%- set found = run_query(
        "select cast(max(" ~ loaded_at ~ ") as " ~ dbt.type_string() ~ "), "
        ~ "cast(min(" ~ loaded_at ~ ") as " ~ dbt.type_string() ~ ") from " ~ model
    ) -%}
    {%- set newest_value, oldest_value = found.rows[0][0], found.rows[0][1] -%}
    {%- if newest_value is not none and newest_value != oldest_value -%}
        {%- set newest = "cast('" ~ newest_value ~ "' as timestamp)" -%}
    {%- endif -%}
{%- endif %}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
{%- if newest is not none %}
    and {{ column_name }} in (
        select {{ column_name }} from {{ model }}
        where {{ loaded_at }} = {{ newest }}
    )
{%- endif %}
group by {{ column_name }}
having count(*) > 1
{% endtest %}
