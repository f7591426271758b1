{#- The product events an incremental usage rollup aggregates: every event of each account
    and month that received an event since the rollup's last run (loaded after the newest
    load it has seen, or dated after the newest event it has seen: events an earlier as-of
    day left out). A month is rebuilt whole because distinct users and days do not add up
    across runs; months with no new event are not read again. On a full build (and on
    Spark, where the rollups are tables) every event.
    The earliest changed month is read once when dbt executes and filters as a constant:
    the engine then skips the row groups of older months (joined to the changed months
    alone, DuckDB aggregated every event before the join). -#}
{% macro product_events_in_changed_months() -%}
    {%- set events = ref('int_cs_product_event_days') -%}
    {%- if is_incremental() %}
    {%- set is_new -%}
        loaded_at > {{ incremental_high_water('last_loaded_at') }}
        or event_at > {{ incremental_high_water('last_event_at') }}
    {%- endset %}
    {%- set earliest = "(select min(event_month) from " ~ events ~ " where " ~ is_new ~ ")" -%}
    {%- if execute and load_relation(this) is not none -%}
        {%- set found = run_query("select cast(min(event_month) as " ~ dbt.type_string() ~ ") from " ~ events ~ " where " ~ is_new) -%}
        {%- set value = found.columns[0].values()[0] -%}
        {%- set earliest = "cast('" ~ (value if value is not none else '9999-12-31') ~ "' as date)" -%}
    {%- endif %}
    select events.*
    from {{ events }} as events
    inner join (
        select distinct
            account_id,
            event_month
        from {{ events }}
        where {{ is_new }}
    ) as changed_months
        on
        events.account_id = changed_months.account_id
        and events.event_month = changed_months.event_month
    where events.event_month >= {{ earliest }}
    {%- else %}
    select * from {{ events }}
    {%- endif %}
{%- endmacro %}
