{#- One row per month and KPI whose current value differs from the value first reported
    for it (the earliest reported_at in mart_reported_kpis): difference = current_value −
    reported_value. A value that appeared or vanished (null on one side) is a restatement
    too, with a null difference. landing_files lists the files loaded after that first
    report whose records move the month (int_reporting_landing_file_months). -#}
with

reported_kpis as (
    select * from {{ ref('mart_reported_kpis') }}
),

kpi_values as (
    select * from {{ ref('int_reporting_kpi_values') }}
),

reported_files as (
    select * from {{ ref('mart_reported_landing_files') }}
),

file_months as (
    select * from {{ ref('int_reporting_landing_file_months') }}
),

first_reports as (
    select
        month,
        metric,
        min(reported_at) as reported_at
    from reported_kpis
    group by month, metric
),

first_values as (
    select
        reported_kpis.month,
        reported_kpis.metric,
        reported_kpis.value as reported_value,
        reported_kpis.reported_at
    from reported_kpis
    inner join first_reports
        on reported_kpis.month = first_reports.month
        and reported_kpis.metric = first_reports.metric
        and reported_kpis.reported_at = first_reports.reported_at
),

compared as (
    select
        first_values.month,
        first_values.metric,
        kpi_values.value_kind,
        first_values.reported_value,
        kpi_values.value as current_value,
        first_values.reported_at
    from first_values
    inner join kpi_values
        on first_values.month = kpi_values.month
        and first_values.metric = kpi_values.metric
    where
        first_values.reported_value <> kpi_values.value
        or (first_values.reported_value is null and kpi_values.value is not null)
        or (first_values.reported_value is not null and kpi_values.value is null)
),

late_files as (
    -- files touching the month that the first report did not include
    select distinct
        compared.month,
        compared.metric,
        file_months.path
    from compared
    inner join file_months
        on compared.month = file_months.month
    left join reported_files
        on file_months.path = reported_files.path
    where
        reported_files.path is null
        or reported_files.first_reported_at > compared.reported_at
),

file_lists as (
    select
        month,
        metric,
        count(*) as landing_file_count,
        {{ dbt.listagg('path', "', '", 'order by path') }} as landing_files
    from late_files
    group by month, metric
),

final as (
    select
        compared.month,
        compared.metric,
        compared.value_kind,
        compared.reported_value,
        compared.current_value,
        -- operands at 37 digits: Spark gives decimal(38, 12) - decimal(38, 12) 39 digits
        -- and drops the 12th decimal; the difference is exact on both engines this way
        cast(
            cast(compared.current_value as decimal(37, 12))
            - cast(compared.reported_value as decimal(37, 12))
            as {{ type_rate() }}
        ) as difference,
        compared.reported_at,
        coalesce(file_lists.landing_file_count, 0) as landing_file_count,
        file_lists.landing_files
    from compared
    left join file_lists
        on compared.month = file_lists.month
        and compared.metric = file_lists.metric
)

select * from final
