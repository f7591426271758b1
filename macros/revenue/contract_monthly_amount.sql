{#- metrics.md, Revenue (contracts): total_contract_value / term months. end_date is
    inclusive and the term a whole number of months, so the term is the months between
    start_date and the day after end_date. -#}
{% macro contract_term_months(start_date, end_date) -%}
    {{ dbt.datediff(start_date, dbt.dateadd('day', 1, end_date), 'month') }}
{%- endmacro %}

{% macro contract_monthly_amount(total_contract_value, start_date, end_date) -%}
    {{ local_amount_quotient(total_contract_value, contract_term_months(start_date, end_date)) }}
{%- endmacro %}

{#- A contract is in force in month M when M's last day lies in [start_date, end_date] and
    before terminated_date. -#}
{% macro contract_in_force(month_end_date, start_date, end_date, terminated_date) -%}
    ({{ month_end_date }} >= {{ start_date }}
        and {{ month_end_date }} <= {{ end_date }}
        and ({{ terminated_date }} is null or {{ month_end_date }} < {{ terminated_date }}))
{%- endmacro %}
