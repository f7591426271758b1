{#- A Stripe price's billing interval as one label: month, year, week or day as Stripe names
    it, with the count in front when it is not 1 ('3 month', '2 year'); 'unknown' when the
    price has not landed. -#}
{% macro billing_interval_label(interval, interval_count) -%}
    case
        when {{ interval }} is null then 'unknown'
        when coalesce({{ interval_count }}, 1) = 1 then {{ interval }}
        else cast({{ interval_count }} as {{ dbt.type_string() }}) || ' ' || {{ interval }}
    end
{%- endmacro %}

{#- A contract's billing_frequency on the same labels: monthly -> month, quarterly ->
    3 month, annual -> year, upfront -> upfront (the whole term at once). -#}
{% macro contract_billing_interval(billing_frequency) -%}
    case lower({{ billing_frequency }})
        when 'monthly' then 'month'
        when 'quarterly' then '3 month'
        when 'annual' then 'year'
        when 'upfront' then 'upfront'
        else coalesce(lower({{ billing_frequency }}), 'unknown')
    end
{%- endmacro %}
