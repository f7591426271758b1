{#- Monthly retention on the constant-currency base (beginning MRR + FX adjustment:
    beginning MRR valued at this month's rates), metrics.md "NRR / GRR":
    GRR = (base − contraction − churned) ÷ base; NRR = (base + expansion − contraction −
    churned) ÷ base. Null when the base is 0. One home for the company's and each segment's. -#}
{% macro gross_revenue_retention(base_mrr, contraction_mrr, churned_mrr) -%}
    {{ rate_quotient(base_mrr ~ ' - ' ~ contraction_mrr ~ ' - ' ~ churned_mrr, base_mrr) }}
{%- endmacro %}

{% macro net_revenue_retention(base_mrr, expansion_mrr, contraction_mrr, churned_mrr) -%}
    {{ rate_quotient(
        base_mrr ~ ' + ' ~ expansion_mrr ~ ' - ' ~ contraction_mrr ~ ' - ' ~ churned_mrr, base_mrr
    ) }}
{%- endmacro %}

{#- The constant-currency base itself. -#}
{% macro constant_currency_base(beginning_mrr, fx_adjustment_mrr) -%}
    {{ beginning_mrr }} + {{ fx_adjustment_mrr }}
{%- endmacro %}
