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
    {% if is_incremental() %}
    -- re-read the last incremental_lookback_days of loads so late files still land; the
    -- merge on message_id makes the overlap harmless
    where _loaded_at >= (
            select {{ dbt.dateadd('day', '-1 * ' ~ var('incremental_lookback_days'), 'max(loaded_at)') }}
            from {{ this }}
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

renamed as (
    select
        messageid as message_id,
        type as message_type,
        timestamp as event_at,
        nullif(userid, '') as user_id,
        nullif(anonymousid, '') as anonymous_id,
        nullif(event, '') as event_name,
        nullif(name, '') as page_name,
        nullif(properties_path, '') as page_path,
        properties_percent_read as percent_read,
        nullif(lower(trim(traits_email)), '') as email,
        nullif(context_groupid, '') as account_id,
        properties,
        traits,
        _file as source_file,
        _loaded_at as loaded_at
    from deduplicated
    where copy_rank = 1
),

final as (
    select * from renamed
)

select * from final
