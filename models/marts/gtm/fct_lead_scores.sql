with

behaviours as (
    select * from {{ ref('int_lead_behaviours') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
    where not is_deleted
),

day_offsets as (
    {{ dbt.generate_series(5000) }}
),

lead_ranges as (
    -- a lead is scored every day from the day its first behaviour counts to as_of_date
    select
        behaviours.lead_id,
        min(behaviours.counts_from_date) as first_scored_date
    from behaviours
    inner join leads
        on behaviours.lead_id = leads.lead_id
    group by behaviours.lead_id
),

lead_days as (
    select
        lead_ranges.lead_id,
        cast({{ dbt.dateadd(
            'day', 'day_offsets.generated_number - 1', 'lead_ranges.first_scored_date'
        ) }} as date) as score_date
    from lead_ranges
    cross join day_offsets
    where {{ dbt.dateadd(
        'day', 'day_offsets.generated_number - 1', 'lead_ranges.first_scored_date'
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
