{#- NPS (metrics.md) = 100 x (promoters - detractors) / responses; null without responses. -#}
{% macro nps_score(promoters, detractors, responses) -%}
    case
        when {{ responses }} > 0
            then cast(
                100.0 * ({{ promoters }} - {{ detractors }}) / {{ responses }} as {{ type_rate() }}
            )
    end
{%- endmacro %}
