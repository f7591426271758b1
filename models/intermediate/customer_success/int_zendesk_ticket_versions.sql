{#- One row per version of a Zendesk ticket, valid from its updated_at until the next
    version's updated_at (valid_to null = still current), with the ticket's account.

    Why valid-from/valid-to models and not dbt snapshots: the landing already keeps every
    version a Zendesk export returned, each stamped with its own updated_at, and files are
    never rewritten. Deriving the validity ranges from those versions rebuilds the same
    history from the files on every run, on any machine, and places a version at the time
    it happened. A snapshot would stamp what the warehouse happened to see at each run
    (load time, not event time), could not be rebuilt from a fresh clone, and would put a
    late file's versions in the wrong month. A past month therefore reads the version valid
    at its end, and a file that lands later (with later updated_at) never changes it. -#}
with

tickets as (
    select * from {{ source('zendesk', 'tickets') }}
),

organizations as (
    select * from {{ ref('stg_zendesk__organizations') }}
),

deduplicated as (
    -- the same version re-exported in several files counts once (the later file wins)
    select
        *,
        row_number() over (
            partition by id, updated_at
            order by _file desc, _line desc
        ) as copy_rank
    from tickets
),

versions as (
    select
        id as ticket_id,
        organization_id,
        status as ticket_status,
        priority,
        created_at,
        updated_at as valid_from,
        lead(updated_at) over (partition by id order by updated_at) as valid_to,
        satisfaction_rating_score as satisfaction_score
    from deduplicated
    where copy_rank = 1
),

final as (
    select
        versions.ticket_id,
        organizations.account_id,
        versions.organization_id,
        versions.ticket_status,
        versions.priority,
        versions.created_at,
        versions.valid_from,
        versions.valid_to,
        versions.satisfaction_score,
        versions.ticket_status in ('solved', 'closed') as is_solved
    from versions
    left join organizations
        on versions.organization_id = organizations.organization_id
)

select * from final
