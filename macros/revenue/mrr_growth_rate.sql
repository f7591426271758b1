{#- Month-over-month MRR growth = (ending MRR − beginning MRR) ÷ beginning MRR, where
    beginning MRR is the prior month's ending MRR (so FX moves count as growth, as reported).
    Null when the month began at 0. -#}
{% macro mrr_growth_rate(ending_mrr, beginning_mrr) -%}
    cast(({{ ending_mrr }} - {{ beginning_mrr }}) / nullif({{ beginning_mrr }}, 0) as {{ type_rate() }})
{%- endmacro %}
