{#- Month-over-month MRR growth = (ending MRR − beginning MRR) ÷ beginning MRR, where
    beginning MRR is the prior month's ending MRR (so FX moves count as growth, as reported).
    Null when the month began at 0. Divided as DOUBLE on every engine (divide()). -#}
{% macro mrr_growth_rate(ending_mrr, beginning_mrr) -%}
    cast({{ divide('(' ~ ending_mrr ~ ' - ' ~ beginning_mrr ~ ')', beginning_mrr) }} as {{ type_rate() }})
{%- endmacro %}
