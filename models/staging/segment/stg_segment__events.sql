{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='append',
        on_schema_change='append_new_columns'
    )
}}

{%- set events_in_scope = segment_events_in_scope() %}

with

source as (
    {{ events_in_scope }}
),

repeated_messages as (
    -- retries repeat a messageId (never null: the landing quarantines a missing one)
    select messageid
    from ({{ events_in_scope }}) as events
    group by messageid
    having count(*) > 1
),

later_copies as (
    -- the first copy loaded counts once; the later ones are dropped. Only the repeated
    -- ids are ranked, on the columns that rank them: a window over every event sorted
    -- all of them, wide rows and all (half the model's time at 10 M)
    select
        messageid,
        _loaded_at,
        _file,
        _line
    from (
        select
            events.messageid,
            events._loaded_at,
            events._file,
            events._line,
            row_number() over (
                partition by events.messageid
                order by events._loaded_at, events._file, events._line
            ) as copy_rank
        from ({{ events_in_scope }}) as events
        where events.messageid in (select repeated_messages.messageid from repeated_messages)
    ) as ranked
    where copy_rank > 1
),

{% if is_incremental() %}
kept as (
    -- the new messages kept already: looked up by the new ids (a hash table of one
    -- night's ids, not of every kept one). Appending is then enough: a new row's id is
    -- never in the table
    select message_id from {{ this }}
    where message_id in (select messageid from ({{ events_in_scope }}) as events)
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
    from source
    where
        -- a raw row is one line of one loaded file
        not exists (
            select 1 from later_copies
            where
                later_copies.messageid = source.messageid
                and later_copies._loaded_at = source._loaded_at
                and later_copies._file = source._file
                and later_copies._line = source._line
        )
    {% if is_incremental() %}
        -- a retry loaded after its first copy was kept: the kept copy stays
        and not exists (
            select 1 from kept
            where kept.message_id = source.messageid
        )
    {% endif %}
),

final as (
    select * from renamed
)

select * from final
