{#- SaaS quick ratio = (new + expansion + reactivation MRR) ÷ (churned + contraction MRR):
    MRR gained per unit of MRR lost. Null when nothing was lost (not infinite, not 0).
    Divided as DOUBLE on every engine (divide()). -#}
{% macro quick_ratio(new_mrr, expansion_mrr, reactivation_mrr, churned_mrr, contraction_mrr) -%}
    cast(
        {{ divide(
            '(' ~ new_mrr ~ ' + ' ~ expansion_mrr ~ ' + ' ~ reactivation_mrr ~ ')',
            '(' ~ churned_mrr ~ ' + ' ~ contraction_mrr ~ ')'
        ) }}
        as {{ type_rate() }}
    )
{%- endmacro %}
