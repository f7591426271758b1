{#- SLA rule (metrics.md, Funnel): a step holds when its touch exists and happened no later
    than the anchor plus max_hours; exactly at the limit still holds. -#}
{% macro sla_step_is_met(touch_at, anchor_at, max_hours) -%}
    coalesce({{ touch_at }} <= {{ sla_deadline(anchor_at, max_hours) }}, false)
{%- endmacro %}
