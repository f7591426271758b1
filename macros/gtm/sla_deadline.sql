{#- SLA rule (metrics.md, Funnel): a step's deadline is its anchor (mql_at or the previous
    touch) plus max_hours from seeds/sla_steps.csv; a touch exactly at the deadline meets it. -#}
{% macro sla_deadline(anchor_at, max_hours) -%}
    {{ dbt.dateadd('minute', '60 * (' ~ max_hours ~ ')', anchor_at) }}
{%- endmacro %}
