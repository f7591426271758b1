{#- SQL rule (metrics.md, Funnel): a lead with SQL_Date__c is an SQL only when it was an MQL
    on or before that date (the MQL's date in the reporting timezone) and CHAMP challenges,
    authority and prioritization are all true. Money is not required. -#}
{% macro is_sales_qualified(mql_at, sql_date, has_challenges, has_authority, has_prioritization) -%}
    coalesce(
        {{ sql_date }} is not null
        and {{ mql_at }} is not null
        and cast({{ to_reporting_timestamp(mql_at) }} as date) <= {{ sql_date }}
        and {{ has_challenges }}
        and {{ has_authority }}
        and {{ has_prioritization }},
        false
    )
{%- endmacro %}
