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

as_of as (
    select {{ revenue_as_of_date() }} as as_of_date
),

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
        unioned.account_id || '|' || unioned.alert_type || '|' || cast(unioned.fired_on as {{ dbt.type_string() }})
        || '|' || coalesce(unioned.source_id, '') as alert_id,
        unioned.account_id,
        unioned.alert_type,
        unioned.fired_on,
        unioned.is_open,
        {{ days_between('unioned.fired_on', 'as_of.as_of_date') }} as age_days,
        unioned.source_id,
        unioned.observed_value,
        unioned.limit_value
    from unioned
    cross join as_of
    where unioned.account_id is not null
)

select * from final
