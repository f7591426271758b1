{{ config(severity='warn') }}
-- Leads a rep marked SQL (SQL_Date__c) that break the SQL rule (metrics.md, Funnel): not an
-- MQL on or before that date, or CHAMP challenges/authority/prioritization missing. Listed
-- with the owner so the rep can be coached; mart_sql_compliance counts them per rep.
select
    lead_id,
    owner_id,
    owner_name,
    sql_date_marked,
    mql_at,
    sql_rule_violation
from {{ ref('fct_leads') }}
where sql_rule_violation is not null
