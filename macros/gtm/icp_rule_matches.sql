{#- ICP rule (metrics.md, GTM strategy): a row of seeds/icp_rules.csv matches when every
    attribute it sets equals the entity's (an empty seed cell means any value); the lowest
    rule_priority that matches names the segment. -#}
{% macro icp_rule_matches(rule, budget_owner, decision_structure, has_security_review, industry, number_of_employees) -%}
    ({{ rule }}.budget_owner is null or {{ rule }}.budget_owner = {{ budget_owner }})
    and ({{ rule }}.decision_structure is null or {{ rule }}.decision_structure = {{ decision_structure }})
    and ({{ rule }}.has_security_review is null or {{ rule }}.has_security_review = {{ has_security_review }})
    and ({{ rule }}.industry is null or {{ rule }}.industry = {{ industry }})
    and ({{ rule }}.min_employees is null or {{ number_of_employees }} >= {{ rule }}.min_employees)
    and ({{ rule }}.max_employees is null or {{ number_of_employees }} <= {{ rule }}.max_employees)
{%- endmacro %}
