{#- metrics.md, Movements. prior_mrr is the prior month's MRR valued at the current month's
    rates, so FX never shows up as expansion or contraction. Amounts are exact money, so
    they compare as they are. Null = no movement. -#}
{% macro classify_mrr_movement(prior_mrr, current_mrr, has_paid_before) -%}
    case
        when {{ prior_mrr }} <= 0 and {{ current_mrr }} > 0 and not {{ has_paid_before }}
            then 'new'
        when {{ prior_mrr }} <= 0 and {{ current_mrr }} > 0
            then 'reactivation'
        when {{ prior_mrr }} > 0 and {{ current_mrr }} <= 0
            then 'churn'
        when {{ current_mrr }} > {{ prior_mrr }}
            then 'expansion'
        when {{ current_mrr }} < {{ prior_mrr }}
            then 'contraction'
    end
{%- endmacro %}
