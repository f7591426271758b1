{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='append',
        on_schema_change='append_new_columns'
    )
}}

with

source as (
    select * from {{ source('segment', 'events') }}
    where
        {{ is_as_of('timestamp') }}
    {% if is_incremental() %}
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
    {% endif %}
),

repeated_messages as (
    -- retries repeat a messageId (never null: the landing quarantines a missing one)
    select messageid
    from source
    group by messageid
    having count(*) > 1
),

deduplicated as (
    -- the first copy loaded counts once. Only the repeated ids are ranked: a window over
    -- every event sorted all of them, wide rows and all (half the model's time at 10 M)
    select
        source.*,
        1 as copy_rank
    from source
    where
        not exists (
            select 1 from repeated_messages
            where repeated_messages.messageid = source.messageid
        )
    union all
    select
        source.*,
        row_number() over (
            partition by source.messageid
            order by source._loaded_at, source._file, source._line
        ) as copy_rank
    from source
    inner join repeated_messages
        on source.messageid = repeated_messages.messageid
),

{% if is_incremental() %}
kept as (
    -- the new messages kept already: looked up by the new ids (a hash table of one
    -- night's ids, not of every kept one). Appending is then enough: a new row's id is
    -- never in the table
    select message_id from {{ this }}
    where message_id in (select messageid from source)
),

{% endif %}
renamed as (
    select
        messageid as message_id,
        type as message_type,
        timestamp as event_at,
        nullif(userid, '') as user_id,
        nullif(anonymousid, '') as anonymous_id,
        nullif(event, '') as event_name,
        nullif(name, '') as page_name,
        -- properties.path, else the path of properties.url, else of context.page.url
        coalesce(
            nullif(properties_path, ''),
            {{ url_path('properties_url') }},
            {{ url_path('context_page_url') }}
        ) as page_path,
        properties_percent_read as percent_read,
        nullif(lower(trim(traits_email)), '') as email,
        nullif(context_groupid, '') as account_id,
        -- a group call's top-level groupId: the CRM Account its userId belongs to
        nullif(groupid, '') as group_id,
        properties,
        traits,
        _file as source_file,
        _loaded_at as loaded_at
    from deduplicated
    where
        copy_rank = 1
    {% if is_incremental() %}
        -- a retry loaded after its first copy was kept: the kept copy stays
        and not exists (
            select 1 from kept
            where kept.message_id = deduplicated.messageid
        )
    {% endif %}
),

final as (
    select * from renamed
)

select * from final
