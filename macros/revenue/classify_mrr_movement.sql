{#- metrics.md, Movements. prior_mrr is the prior month's MRR valued at the current month's
    rates, so FX never shows up as expansion or contraction. Amounts compare at 6 decimals
    so float noise in a sum of currencies is not a movement. Null = no movement. -#}
{% macro classify_mrr_movement(prior_mrr, current_mrr, has_paid_before) -%}
    case
        when {{ round_half_up(prior_mrr, 6) }} <= 0 and {{ round_half_up(current_mrr, 6) }} > 0 and not {{ has_paid_before }}
            then 'new'
        when {{ round_half_up(prior_mrr, 6) }} <= 0 and {{ round_half_up(current_mrr, 6) }} > 0
            then 'reactivation'
        when {{ round_half_up(prior_mrr, 6) }} > 0 and {{ round_half_up(current_mrr, 6) }} <= 0
            then 'churn'
        when {{ round_half_up(current_mrr, 6) }} > {{ round_half_up(prior_mrr, 6) }}
            then 'expansion'
        when {{ round_half_up(current_mrr, 6) }} < {{ round_half_up(prior_mrr, 6) }}
            then 'contraction'
    end
{%- endmacro %}
