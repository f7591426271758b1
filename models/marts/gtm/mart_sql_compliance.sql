with

leads as (
    select * from {{ ref('fct_leads') }}
    where sql_date_marked is not null
),

per_owner as (
    select
        coalesce(owner_id, 'unassigned') as owner_id,
        max(owner_name) as owner_name,
        count(*) as leads_marked_sql,
        sum(case when is_sql then 1 else 0 end) as valid_sqls,
        sum(case when not is_sql then 1 else 0 end) as invalid_sqls,
        sum(case when sql_rule_violation = 'not_an_mql' then 1 else 0 end) as invalid_not_an_mql,
        sum(case when sql_rule_violation = 'mql_after_sql_date' then 1 else 0 end) as invalid_mql_after_sql_date,
        sum(case when sql_rule_violation like 'champ_%' then 1 else 0 end) as invalid_champ_missing
    from leads
    group by 1
),

final as (
    select
        owner_id,
        owner_name,
        leads_marked_sql,
        valid_sqls,
        invalid_sqls,
        {{ rate_quotient('invalid_sqls', 'leads_marked_sql') }} as invalid_sql_rate,
        invalid_not_an_mql,
        invalid_mql_after_sql_date,
        invalid_champ_missing
    from per_owner
)

select * from final
