{#- Fails on every row where the expression is false or null (a null result is a failure:
    a check that cannot be evaluated has not passed). Same contract as dbt_utils'. -#}
{% test expression_is_true(model, expression, where_clause=none) %}
select *
from {{ model }}
where
    {% if where_clause %}({{ where_clause }}) and {% endif -%}
    coalesce(not ({{ expression }}), true)
{% endtest %}
