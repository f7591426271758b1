with

stage_history as (
    select * from {{ ref('int_opportunity_stage_history') }}
),

opportunity_stages as (
    select * from {{ ref('opportunity_stages') }}
),

reached as (
    -- an opportunity reaches a stage once however often it comes back to it
    select
        opportunity_id,
        stage_name,
        min(entered_at) as first_entered_at,
        sum(days_in_stage) as days_in_stage,
        max(case when exited_at is null then 1 else 0 end) = 1 as is_still_in_stage,
        max(case when next_stage_name = 'Closed Lost' then 1 else 0 end) = 1 as was_lost_from_stage,
        max(case when is_regression then 1 else 0 end) = 1 as was_regressed_into
    from stage_history
    group by opportunity_id, stage_name
),

furthest_progress as (
    -- the highest open or won stage an opportunity ever reached
    select
        stage_history.opportunity_id,
        max(stage_history.stage_order) as furthest_stage_order
    from stage_history
    where stage_history.pipeline_step <> 'lost'
    group by stage_history.opportunity_id
),

per_stage as (
    select
        reached.stage_name,
        opportunity_stages.stage_order,
        count(*) as opportunities_reached,
        sum(
            case
                when furthest_progress.furthest_stage_order > opportunity_stages.stage_order then 1
                else 0
            end
        ) as opportunities_advanced,
        sum(case when reached.was_lost_from_stage then 1 else 0 end) as opportunities_lost_from_stage,
        sum(case when reached.was_regressed_into then 1 else 0 end) as opportunities_regressed_into,
        {{ gtm_median(
            'case when not reached.is_still_in_stage then reached.days_in_stage end'
        ) }} as median_days_in_stage
    from reached
    left join opportunity_stages
        on reached.stage_name = opportunity_stages.stage_name
    left join furthest_progress
        on reached.opportunity_id = furthest_progress.opportunity_id
    group by reached.stage_name, opportunity_stages.stage_order
),

final as (
    select
        per_stage.stage_name,
        per_stage.stage_order,
        opportunity_stages.forecast_category,
        opportunity_stages.stage_name is not null as is_known_stage,
        per_stage.opportunities_reached,
        per_stage.opportunities_advanced,
        per_stage.opportunities_lost_from_stage,
        per_stage.opportunities_regressed_into,
        case
            when coalesce(opportunity_stages.is_closed, false) then null
            else {{ rate_quotient('per_stage.opportunities_advanced', 'per_stage.opportunities_reached') }}
        end as conversion_to_next_stage,
        per_stage.median_days_in_stage
    from per_stage
    left join opportunity_stages
        on per_stage.stage_name = opportunity_stages.stage_name
)

select * from final
