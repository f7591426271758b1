with

leads as (
    select * from {{ ref('fct_leads') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
    where coalesce(type, 'New Business') = 'New Business'
),

tasks as (
    select * from {{ ref('stg_salesforce__tasks') }}
    where not is_deleted
        and task_type = 'Meeting'
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
    where not is_deleted
),

account_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

lead_steps as (
    select
        created_at as step_at,
        icp_segment,
        'lead' as step,
        lead_id as entity_key
    from leads
),

meeting_keys as (
    -- a meeting belongs to the lead it was logged on, else to the account
    select
        tasks.created_at as met_at,
        case
            when leads.lead_id is not null then {{ dbt.concat(["'lead:'", "leads.lead_id"]) }}
            else {{ dbt.concat(["'account:'", "coalesce(tasks.account_id, contacts.account_id)"]) }}
        end as entity_key,
        coalesce(
            leads.icp_segment,
            account_segments.icp_segment,
            'unclassified'
        ) as icp_segment
    from tasks
    left join leads
        on tasks.who_id = leads.lead_id
    left join contacts
        on tasks.who_id = contacts.contact_id
    left join account_segments
        on coalesce(tasks.account_id, contacts.account_id) = account_segments.account_id
    where leads.lead_id is not null
        or coalesce(tasks.account_id, contacts.account_id) is not null
),

first_meetings as (
    select
        met_at as step_at,
        icp_segment,
        'meeting' as step,
        entity_key,
        row_number() over (partition by entity_key order by met_at) as meeting_rank
    from meeting_keys
),

meeting_steps as (
    select
        step_at,
        icp_segment,
        step,
        entity_key
    from first_meetings
    where meeting_rank = 1
),

proposal_steps as (
    select
        coalesce(proposal_at, case when is_won then cast(close_date as {{ dbt.type_timestamp() }}) end) as step_at,
        icp_segment,
        'proposal' as step,
        opportunity_id as entity_key
    from opportunities
    where proposal_at is not null
        or is_won
),

contract_steps as (
    select
        cast(close_date as {{ dbt.type_timestamp() }}) as step_at,
        icp_segment,
        'contract' as step,
        opportunity_id as entity_key
    from opportunities
    where is_won
),

unioned as (
    select * from lead_steps
    union all
    select * from meeting_steps
    union all
    select * from proposal_steps
    union all
    select * from contract_steps
),

weekly as (
    -- CRM timestamps are UTC (shifted to the reporting calendar); close dates are already dates
    select
        cast(
            {{ dbt.date_trunc(
                'week', "case when step in ('contract') then step_at else " ~ to_reporting_timestamp('step_at') ~ " end"
            ) }}
            as date
        ) as week_start,
        icp_segment,
        sum(case when step = 'lead' then 1 else 0 end) as leads,
        sum(case when step = 'meeting' then 1 else 0 end) as meetings,
        sum(case when step = 'proposal' then 1 else 0 end) as proposals,
        sum(case when step = 'contract' then 1 else 0 end) as contracts
    from unioned
    group by 1, 2
),

final as (
    select
        week_start,
        icp_segment,
        leads,
        meetings,
        proposals,
        contracts,
        {{ rate_quotient('meetings', 'leads') }} as lead_to_meeting_rate,
        {{ rate_quotient('proposals', 'meetings') }} as meeting_to_proposal_rate,
        {{ rate_quotient('contracts', 'proposals') }} as proposal_to_contract_rate
    from weekly
)

select * from final
