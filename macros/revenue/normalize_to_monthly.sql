{#- metrics.md, Revenue: a recurring amount billed every `interval_count` `interval`s, as a
    monthly amount. month / count; year / (12 * count); week * 52 / 12 / count;
    day * 365 / 12 / count. An unknown interval gives null (never guessed). -#}
{% macro normalize_to_monthly(amount, interval, interval_count) -%}
    case {{ interval }}
        when 'month' then cast({{ amount }} as {{ type_double() }}) / coalesce({{ interval_count }}, 1)
        when 'year' then cast({{ amount }} as {{ type_double() }}) / (12.0 * coalesce({{ interval_count }}, 1))
        when 'week' then cast({{ amount }} as {{ type_double() }}) * 52.0 / 12.0 / coalesce({{ interval_count }}, 1)
        when 'day' then cast({{ amount }} as {{ type_double() }}) * 365.0 / 12.0 / coalesce({{ interval_count }}, 1)
    end
{%- endmacro %}
