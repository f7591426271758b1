{#- One row per account, alert and day it fired (metrics.md, Risk alerts): the six rules
    of int_cs_alerts_*, days up to as_of only, with whether the condition still holds as of
    and the alert's age in days. -#}
{%- set rules = ['usage_drop', 'ticket_burst', 'detractor', 'invoice_overdue', 'urgent_ticket_open', 'inactive'] %}
with

{% for rule in rules -%}
{{ rule }} as (
    select * from {{ ref('int_cs_alerts_' ~ rule) }}
),

{% endfor -%}

unioned as (
    {%- for rule in rules %}
    select
        account_id,
        alert_type,
        fired_on,
        is_open,
        source_id,
        observed_value,
        limit_value
    from {{ rule }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select
        account_id || '|' || alert_type || '|' || cast(fired_on as {{ dbt.type_string() }})
        || '|' || coalesce(source_id, '') as alert_id,
        account_id,
        alert_type,
        fired_on,
        is_open,
        {{ dbt.datediff('fired_on', revenue_as_of_date(), 'day') }} as age_days,
        source_id,
        observed_value,
        limit_value
    from unioned
    where account_id is not null
)

select * from final
