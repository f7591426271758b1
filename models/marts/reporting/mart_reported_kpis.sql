{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false
    )
}}
{#- One row per month, KPI and report: what the build of as-of date reported_at said.
    Append-only: a build whose as-of date is already recorded adds nothing, so a value
    once reported is never overwritten (and survives --full-refresh). -#}
with

kpi_values as (
    select * from {{ ref('int_reporting_kpi_values') }}
),

{% if is_incremental() %}
already_reported as (
    select distinct reported_at from {{ this }}
),
{% endif %}

this_report as (
    select
        month,
        metric,
        value,
        cast({{ revenue_as_of_date() }} as date) as reported_at,
        {{ reporting_run_started_at() }} as recorded_at
    from kpi_values
),

new_rows as (
    select this_report.*
    from this_report
    {% if is_incremental() %}
    left join already_reported
        on this_report.reported_at = already_reported.reported_at
    where already_reported.reported_at is null
    {% endif %}
),

final as (
    select
        month,
        metric,
        value,
        reported_at,
        recorded_at
    from new_rows
)

select * from final
