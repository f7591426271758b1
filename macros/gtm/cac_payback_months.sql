{#- CAC payback (months) = CAC ÷ monthly margin of a new customer, where the monthly margin
    = (new MRR ÷ new customers) × gross margin %. CAC 1,200,000 at 200,000 a month = 6. -#}
{% macro cac_payback_months(cac, new_mrr, new_customers, gross_margin_pct) -%}
    {{ rate_quotient(cac, '(' ~ money_quotient(new_mrr, new_customers) ~ ') * (' ~ gross_margin_pct ~ ')') }}
{%- endmacro %}
