{#- Lead score rule (metrics.md, Funnel): a behaviour's points are halved every
    half_life_days of age. Age is whole days; the halving is a step (30 days old = half,
    59 days old = still half, 60 days old = a quarter), read literally from "halved every
    30 days of age". -#}
{% macro lead_score_decay(points, age_days, half_life_days=var('lead_score_half_life_days')) -%}
    ({{ points }}) * power(0.5, floor(({{ age_days }}) / ({{ half_life_days }})))
{%- endmacro %}
