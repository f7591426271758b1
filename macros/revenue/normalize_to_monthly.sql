{#- metrics.md, Revenue: a recurring amount billed every `interval_count` `interval`s, as a
    monthly amount. month / count; year / (12 * count); week * 52 / 12 / count;
    day * 365 / 12 / count. An unknown interval gives null (never guessed). The monthly
    amount keeps 12 places: conversion rounds it (macros/utils/type_money.sql). -#}
{% macro normalize_to_monthly(amount, interval, interval_count) -%}
    case {{ interval }}
        when 'month' then {{ local_amount_quotient(amount, 'coalesce(' ~ interval_count ~ ', 1)') }}
        when 'year' then {{ local_amount_quotient(amount, '12 * coalesce(' ~ interval_count ~ ', 1)') }}
        when 'week' then {{ local_amount_quotient(amount ~ ' * 52', '12 * coalesce(' ~ interval_count ~ ', 1)') }}
        when 'day' then {{ local_amount_quotient(amount ~ ' * 365', '12 * coalesce(' ~ interval_count ~ ', 1)') }}
    end
{%- endmacro %}
