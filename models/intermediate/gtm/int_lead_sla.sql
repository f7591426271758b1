with

mqls as (
    select * from {{ ref('int_lead_mqls') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
),

tasks as (
    select * from {{ ref('stg_salesforce__tasks') }}
    where not is_deleted
        and task_type in ('Call', 'Email')
),

sla_steps as (
    select * from {{ ref('sla_steps') }}
),

mql_leads as (
    select
        mqls.lead_id,
        mqls.mql_at,
        leads.converted_contact_id
    from mqls
    inner join leads
        on mqls.lead_id = leads.lead_id
),

touches as (
    -- touches on the MQL: calls and emails on the lead (or the contact it became) from
    -- mql_at on
    select
        mql_leads.lead_id,
        tasks.task_id,
        tasks.created_at as touched_at,
        row_number() over (
            partition by mql_leads.lead_id
            order by tasks.created_at, tasks.task_id
        ) as touch_number
    from mql_leads
    inner join tasks
        on (
            tasks.who_id = mql_leads.lead_id
            or tasks.who_id = mql_leads.converted_contact_id
        )
        and tasks.created_at >= mql_leads.mql_at
),

step_checks as (
    select
        mql_leads.lead_id,
        sla_steps.sla_step,
        touch.touched_at,
        case
            when sla_steps.anchor = 'mql' then mql_leads.mql_at
            when sla_steps.anchor = 'previous_touch' then previous_touch.touched_at
        end as anchor_at,
        sla_steps.max_hours
    from mql_leads
    cross join sla_steps
    left join touches as touch
        on mql_leads.lead_id = touch.lead_id
        and touch.touch_number = sla_steps.touch_number
    left join touches as previous_touch
        on mql_leads.lead_id = previous_touch.lead_id
        and previous_touch.touch_number = sla_steps.touch_number - 1
),

step_results as (
    select
        lead_id,
        sla_step,
        {{ sla_step_is_met('touched_at', 'anchor_at', 'max_hours') }} as is_step_met
    from step_checks
),

summarised as (
    select
        lead_id,
        min(case when is_step_met then 1 else 0 end) = 1 as sla_met,
        min(case when not is_step_met then sla_step end) as sla_failed_step
    from step_results
    group by lead_id
),

touch_times as (
    select
        lead_id,
        min(case when touch_number = 1 then touched_at end) as first_touch_at,
        min(case when touch_number = 2 then touched_at end) as second_touch_at,
        min(case when touch_number = 3 then touched_at end) as third_touch_at,
        count(*) as touches
    from touches
    group by lead_id
),

final as (
    select
        mql_leads.lead_id,
        mql_leads.mql_at,
        touch_times.first_touch_at,
        touch_times.second_touch_at,
        touch_times.third_touch_at,
        coalesce(touch_times.touches, 0) as touches,
        summarised.sla_met,
        summarised.sla_failed_step
    from mql_leads
    inner join summarised
        on mql_leads.lead_id = summarised.lead_id
    left join touch_times
        on mql_leads.lead_id = touch_times.lead_id
)

select * from final
