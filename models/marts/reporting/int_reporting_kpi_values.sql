{#- One row per month and KPI of the boards and the deck: the current value of each
    column named in reported_kpi_metrics(), unpivoted with union all (portable SQL). -#}
{%- set metrics = reported_kpi_metrics() -%}
{%- set selects = [] -%}
{%- set seen = [] -%}
{%- for mart, columns in metrics.items() -%}
{%- for column, kind in columns.items() if column not in seen -%}
{%- do seen.append(column) -%}
{%- do selects.append((mart, column, kind)) -%}
{%- endfor -%}
{%- endfor -%}
with

mart_mrr_bridge as (
    select * from {{ ref('mart_mrr_bridge') }}
),

mart_retention_monthly as (
    select * from {{ ref('mart_retention_monthly') }}
),

mart_retention_trailing_12m as (
    select * from {{ ref('mart_retention_trailing_12m') }}
),

unpivoted as (
    {%- for mart, column, kind in selects %}
    select
        month,
        '{{ column }}' as metric,
        '{{ kind }}' as value_kind,
        {{ reported_kpi_value(column, kind) }} as value
    from {{ mart }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select
        cast(month as date) as month,
        metric,
        value_kind,
        value
    from unpivoted
)

select * from final
