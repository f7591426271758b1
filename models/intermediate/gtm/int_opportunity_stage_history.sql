with

history as (
    select * from {{ ref('stg_salesforce__opportunity_history') }}
    where not is_deleted
),

opportunities as (
    select * from {{ ref('stg_salesforce__opportunities') }}
    where not is_deleted
),

opportunity_stages as (
    select * from {{ ref('opportunity_stages') }}
),

live_history as (
    -- history of a deleted opportunity disappears with it
    select history.*
    from history
    inner join opportunities
        on history.opportunity_id = opportunities.opportunity_id
),

sequenced as (
    select
        *,
        lag(stage_name) over (
            partition by opportunity_id
            order by changed_at, opportunity_history_id
        ) as previous_row_stage_name
    from live_history
),

stage_entries as (
    -- rows that only change amount or close date do not start a new stay in a stage
    select *
    from sequenced
    where previous_row_stage_name is null
        or stage_name <> previous_row_stage_name
),

stays as (
    select
        stage_entries.opportunity_history_id,
        stage_entries.opportunity_id,
        stage_entries.stage_name,
        opportunity_stages.stage_order,
        opportunity_stages.pipeline_step,
        opportunity_stages.stage_name is not null as is_known_stage,
        stage_entries.changed_at as entered_at,
        lead(stage_entries.changed_at) over (
            partition by stage_entries.opportunity_id
            order by stage_entries.changed_at, stage_entries.opportunity_history_id
        ) as exited_at,
        lead(stage_entries.stage_name) over (
            partition by stage_entries.opportunity_id
            order by stage_entries.changed_at, stage_entries.opportunity_history_id
        ) as next_stage_name,
        lag(opportunity_stages.stage_order) over (
            partition by stage_entries.opportunity_id
            order by stage_entries.changed_at, stage_entries.opportunity_history_id
        ) as previous_stage_order,
        row_number() over (
            partition by stage_entries.opportunity_id
            order by stage_entries.changed_at, stage_entries.opportunity_history_id
        ) as stay_number
    from stage_entries
    left join opportunity_stages
        on stage_entries.stage_name = opportunity_stages.stage_name
),

final as (
    select
        opportunity_history_id as stage_stay_id,
        opportunity_id,
        stay_number,
        stage_name,
        stage_order,
        pipeline_step,
        is_known_stage,
        entered_at,
        exited_at,
        next_stage_name,
        coalesce(stage_order < previous_stage_order, false) as is_regression,
        {{ dbt.datediff(
            'entered_at', 'exited_at', 'second'
        ) }} / 86400.0 as days_in_stage
    from stays
)

select * from final
