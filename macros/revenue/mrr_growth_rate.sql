{#- Month-over-month MRR growth = (ending MRR − beginning MRR) ÷ beginning MRR, where
    beginning MRR is the prior month's ending MRR (so FX moves count as growth, as reported).
    Null when the month began at 0. -#}
{% macro mrr_growth_rate(ending_mrr, beginning_mrr) -%}
    {{ rate_quotient(ending_mrr ~ ' - ' ~ beginning_mrr, beginning_mrr) }}
{%- endmacro %}
