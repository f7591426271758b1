{#- The raw Segment events stg_segment__events reads: up to the as-of day; on an
    incremental run only what is new. Returned as text for the model to inline wherever it
    reads them: a CTE read twice is materialised whole by DuckDB, wide rows and all (a
    third of the model's time at 10 M events). -#}
{% macro segment_events_in_scope() -%}
    select * from {{ source('segment', 'events') }}
    where
        {{ is_as_of('timestamp') }}
    {%- if is_incremental() %}
        {%- set newest_load = incremental_high_water('loaded_at') %}
        -- only what is new: the loads after the newest one kept (a late file is a new load)
        and _loaded_at > {{ newest_load }}
    union all
    -- and, from older loads, events dated after an earlier as-of day (newer than any event
    -- kept), which count once as-of reaches them. Two scans, each against a constant, skip
    -- the row groups of older loads and days unread (one scan with `or` read them all)
    select * from {{ source('segment', 'events') }}
    where
        {{ is_as_of('timestamp') }}
        and _loaded_at <= {{ newest_load }}
        and timestamp > {{ incremental_high_water('event_at') }}
    {%- endif %}
{%- endmacro %}
