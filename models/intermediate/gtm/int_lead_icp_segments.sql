with

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
),

account_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

icp_rules as (
    select * from {{ ref('icp_rules') }}
),

lead_matches as (
    -- a lead has no buying structure of its own: only rules on industry and size can
    -- match it until it converts to an account
    select
        leads.lead_id,
        icp_rules.icp_segment,
        icp_rules.is_icp_fit,
        row_number() over (
            partition by leads.lead_id
            order by icp_rules.rule_priority, icp_rules.icp_segment
        ) as match_rank
    from leads
    inner join icp_rules
        on {{ icp_rule_matches(
            'icp_rules',
            'cast(null as ' ~ dbt.type_string() ~ ')',
            'cast(null as ' ~ dbt.type_string() ~ ')',
            'cast(null as ' ~ dbt.type_boolean() ~ ')',
            'leads.industry',
            'leads.number_of_employees'
        ) }}
),

final as (
    select
        leads.lead_id,
        coalesce(account_segments.icp_segment, lead_matches.icp_segment, 'unclassified') as icp_segment,
        coalesce(account_segments.is_icp_fit, lead_matches.is_icp_fit, false) as is_icp_fit,
        case
            when account_segments.account_id is not null then 'account'
            else 'lead'
        end as icp_segment_source
    from leads
    left join account_segments
        on leads.converted_account_id = account_segments.account_id
    left join lead_matches
        on leads.lead_id = lead_matches.lead_id
        and lead_matches.match_rank = 1
)

select * from final
