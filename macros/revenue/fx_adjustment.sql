{#- metrics.md, Movements: fx_adjustment = prior local MRR * (rate now - rate before). It is
    what turns beginning MRR (prior month, prior rates) into the constant-currency base
    (prior month, current rates). -#}
{% macro fx_adjustment(prior_mrr_local, current_rate, prior_rate) -%}
    {{ convert_money('coalesce(' ~ prior_mrr_local ~ ', 0)', '(coalesce(' ~ current_rate ~ ', 0) - coalesce(' ~ prior_rate ~ ', 0))') }}
{%- endmacro %}
