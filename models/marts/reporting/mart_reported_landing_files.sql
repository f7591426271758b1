{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false
    )
}}
{#- One row per loaded landing file that a report included: first_reported_at is the
    as-of date of the first report (mart_reported_kpis) built with the file loaded. A file
    loaded after that report (a late invoice, a rebuild on the same as-of date) stays out
    until the next new report, so "loaded after report R" = not here with a date <= R. -#}
with

manifest as (
    select * from {{ source('landing', 'landing_manifest') }}
    where status = 'loaded'
),

reported_kpis as (
    select * from {{ ref('mart_reported_kpis') }}
),

{% if is_incremental() %}
already_listed as (
    select path from {{ this }}
),
{% endif %}

files as (
    select
        path,
        min(source) as source,
        min(object) as object,
        min(loaded_at) as loaded_at
    from manifest
    group by path
),

new_report as (
    -- the report this build recorded, if any (none when its as-of date was already reported)
    select distinct reported_at
    from reported_kpis
    where recorded_at = {{ reporting_run_started_at() }}
),

new_files as (
    select files.*
    from files
    {% if is_incremental() %}
    left join already_listed
        on files.path = already_listed.path
    where already_listed.path is null
    {% endif %}
),

final as (
    select
        new_files.path,
        new_files.source,
        new_files.object,
        new_files.loaded_at,
        new_report.reported_at as first_reported_at
    from new_files
    cross join new_report
)

select * from final
