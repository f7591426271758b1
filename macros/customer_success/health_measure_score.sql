{#- Score (0 / 50 / 100) of one health measure against its seed thresholds
    (seeds/health_score_components.csv): 100 when the value reaches good_threshold, 50 when
    it reaches fair_threshold, else 0; "reaches" is >= when higher is better, <= otherwise.
    A measure without a value has no score (its component renormalises). -#}
{% macro health_measure_score(value, higher_is_better, good_threshold, fair_threshold) -%}
    case
        when {{ value }} is null then null
        when {{ higher_is_better }} and {{ value }} >= {{ good_threshold }} then 100
        when {{ higher_is_better }} and {{ value }} >= {{ fair_threshold }} then 50
        when {{ higher_is_better }} then 0
        when {{ value }} <= {{ good_threshold }} then 100
        when {{ value }} <= {{ fair_threshold }} then 50
        else 0
    end
{%- endmacro %}
