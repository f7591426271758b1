with

behaviours as (
    select * from {{ ref('int_lead_behaviours') }}
),

rule_behaviours as (
    select * from {{ ref('mql_rules') }}
),

rule_sizes as (
    select
        mql_rule,
        min(rule_priority) as rule_priority,
        count(*) as behaviours_required
    from rule_behaviours
    group by mql_rule
),

candidate_windows as (
    -- every behaviour of a rule can be the last one of a window that ends at it
    select distinct
        behaviours.lead_id,
        rule_behaviours.mql_rule,
        rule_behaviours.window_days,
        behaviours.occurred_at as window_end_at
    from behaviours
    inner join rule_behaviours
        on behaviours.behaviour = rule_behaviours.behaviour
),

behaviour_counts as (
    select
        candidate_windows.lead_id,
        candidate_windows.mql_rule,
        candidate_windows.window_end_at,
        rule_behaviours.behaviour,
        rule_behaviours.min_count,
        count(*) as occurrences,
        max(behaviours.counts_from_at) as counts_from_at
    from candidate_windows
    inner join rule_behaviours
        on candidate_windows.mql_rule = rule_behaviours.mql_rule
    inner join behaviours
        on candidate_windows.lead_id = behaviours.lead_id
        and rule_behaviours.behaviour = behaviours.behaviour
        and behaviours.occurred_at <= candidate_windows.window_end_at
        and behaviours.occurred_at >= {{ mql_window_start(
            'candidate_windows.window_end_at', 'candidate_windows.window_days'
        ) }}
    group by
        candidate_windows.lead_id,
        candidate_windows.mql_rule,
        candidate_windows.window_end_at,
        rule_behaviours.behaviour,
        rule_behaviours.min_count
),

windows_met as (
    -- a window meets its rule when every behaviour of the rule reached its count; the rule
    -- is met when the last of them counts (after the identify for earlier anonymous events)
    select
        lead_id,
        mql_rule,
        window_end_at,
        count(*) as behaviours_met,
        max(counts_from_at) as met_at
    from behaviour_counts
    where occurrences >= min_count
    group by lead_id, mql_rule, window_end_at
),

complete_windows as (
    select
        windows_met.lead_id,
        windows_met.mql_rule,
        windows_met.window_end_at,
        windows_met.met_at,
        rule_sizes.rule_priority
    from windows_met
    inner join rule_sizes
        on windows_met.mql_rule = rule_sizes.mql_rule
    where windows_met.behaviours_met = rule_sizes.behaviours_required
),

ranked as (
    select
        *,
        row_number() over (
            partition by lead_id
            order by met_at, rule_priority, window_end_at
        ) as mql_rank
    from complete_windows
),

final as (
    select
        lead_id,
        met_at as mql_at,
        mql_rule,
        window_end_at as last_behaviour_at
    from ranked
    where mql_rank = 1
)

select * from final
