with

accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
    where not is_deleted
),

icp_rules as (
    select * from {{ ref('icp_rules') }}
),

matches as (
    select
        accounts.account_id,
        icp_rules.icp_segment,
        icp_rules.is_icp_fit,
        icp_rules.rule_priority,
        row_number() over (
            partition by accounts.account_id
            order by icp_rules.rule_priority, icp_rules.icp_segment
        ) as match_rank
    from accounts
    inner join icp_rules
        on {{ icp_rule_matches(
            'icp_rules',
            'accounts.budget_owner',
            'accounts.decision_structure',
            'accounts.has_security_review',
            'accounts.industry',
            'accounts.number_of_employees'
        ) }}
),

final as (
    select
        accounts.account_id,
        coalesce(matches.icp_segment, 'unclassified') as icp_segment,
        coalesce(matches.is_icp_fit, false) as is_icp_fit,
        matches.rule_priority as icp_rule_priority
    from accounts
    left join matches
        on accounts.account_id = matches.account_id
        and matches.match_rank = 1
)

select * from final
