{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='merge',
        unique_key='message_id',
        on_schema_change='append_new_columns'
    )
}}

with

source as (
    select * from {{ source('segment', 'events') }}
    where
        {{ is_as_of('timestamp') }}
    {% if is_incremental() %}
    -- only what is new: the loads after the newest one kept (a late file is a new load),
    -- and events dated after an earlier as-of day (newer than any event kept), which
    -- count once as-of reaches them. Row groups of older loads are skipped unread.
    and (
        _loaded_at > {{ incremental_high_water('loaded_at') }}
        or timestamp > {{ incremental_high_water('event_at') }}
    )
    {% endif %}
),

deduplicated as (
    -- retries repeat a messageId: the first copy loaded counts once
    select
        *,
        row_number() over (
            partition by messageid
            order by _loaded_at, _file, _line
        ) as copy_rank
    from source
),

{% if is_incremental() %}
kept as (
    select message_id from {{ this }}
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
