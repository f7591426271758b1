{{
    config(
        materialized=incremental_materialization(),
        incremental_strategy='append',
        pre_hook="{{ lead_scores_forget_changed() }}",
        post_hook="{{ lead_scores_remember_inputs() }}"
    )
}}
{#- Kept incrementally (macros/gtm/lead_score_inputs.sql): a nightly scores the new days of
    every lead and rescores, whole, only the leads whose scored behaviours changed; the
    pre-hook has removed those leads' rows and the days after the as-of day. -#}
with

behaviours as (
    -- the behaviours of leads that are not deleted
    {{ lead_score_inputs() }}
),

day_offsets as (
    {{ dbt.generate_series(5000) }}
),

lead_ranges as (
    -- a lead is scored every day from the day its first behaviour counts to as_of_date
    select
        lead_id,
        min(counts_from_date) as first_scored_date
    from behaviours
    group by lead_id
),

{%- if is_incremental() %}

changed_leads as (
    {{ lead_scores_changed_leads() }}
),

scored_through as (
    -- the last day every lead kept was scored to
    select max(score_date) as score_date from {{ this }}
),
{%- endif %}

days_to_score as (
    -- from the day the lead's first behaviour counts; on a nightly, a lead whose behaviours
    -- did not change from the day after the last scored day
    select
        lead_ranges.lead_id,
        {%- if is_incremental() %}
        case
            when changed_leads.lead_id is null and scored_through.score_date is not null
                then greatest(
                    lead_ranges.first_scored_date,
                    cast({{ dbt.dateadd('day', 1, 'scored_through.score_date') }} as date)
                )
            else lead_ranges.first_scored_date
        end as first_new_date
        {%- else %}
        lead_ranges.first_scored_date as first_new_date
        {%- endif %}
    from lead_ranges
    {%- if is_incremental() %}
    cross join scored_through
    left join changed_leads
        on lead_ranges.lead_id = changed_leads.lead_id
    {%- endif %}
),

lead_days as (
    select
        days_to_score.lead_id,
        cast({{ dbt.dateadd(
            'day', 'day_offsets.generated_number - 1', 'days_to_score.first_new_date'
        ) }} as date) as score_date
    from days_to_score
    cross join day_offsets
    where {{ dbt.dateadd(
        'day', 'day_offsets.generated_number - 1', 'days_to_score.first_new_date'
    ) }} <= {{ revenue_as_of_date() }}
),

scored as (
    select
        lead_days.lead_id,
        lead_days.score_date,
        count(behaviours.lead_behaviour_id) as behaviours_to_date,
        coalesce(sum(behaviours.points), 0) as undecayed_points,
        coalesce(
            sum({{ lead_score_decay(
                'behaviours.points', dbt.datediff('behaviours.occurred_date', 'lead_days.score_date', 'day')
            ) }}),
            0
        ) as lead_score
    from lead_days
    left join behaviours
        on lead_days.lead_id = behaviours.lead_id
        and behaviours.counts_from_date <= lead_days.score_date
    group by lead_days.lead_id, lead_days.score_date
),

final as (
    select
        {{ dbt.concat(["lead_id", "'|'", "cast(score_date as " ~ dbt.type_string() ~ ")"]) }} as lead_score_id,
        lead_id,
        score_date,
        lead_score,
        undecayed_points,
        behaviours_to_date
    from scored
)

select * from final
