{#- Why a lead a rep marked SQL (SQL_Date__c set) is not an SQL; null when it is one. The
    first broken condition is reported. -#}
{% macro sql_rule_violation(mql_at, sql_date, has_challenges, has_authority, has_prioritization) -%}
    case
        when {{ sql_date }} is null then null
        when {{ mql_at }} is null then 'not_an_mql'
        when cast({{ to_reporting_timestamp(mql_at) }} as date) > {{ sql_date }} then 'mql_after_sql_date'
        when not coalesce({{ has_challenges }}, false) then 'champ_challenges_missing'
        when not coalesce({{ has_authority }}, false) then 'champ_authority_missing'
        when not coalesce({{ has_prioritization }}, false) then 'champ_prioritization_missing'
    end
{%- endmacro %}
