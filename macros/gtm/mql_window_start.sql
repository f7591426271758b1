{#- MQL rule (metrics.md, Funnel): a rule's window ends at the last of its behaviours and
    reaches back window_days; a behaviour at exactly the start still counts (the window
    includes its limit), so callers compare with >=. -#}
{% macro mql_window_start(window_end_at, window_days) -%}
    {{ dbt.dateadd('day', '-1 * (' ~ window_days ~ ')', window_end_at) }}
{%- endmacro %}
