{#- fct_lead_scores is kept incrementally. A lead's score on a day depends only on the
    behaviours that count for it (their points, occurred and counts-from days), on the lead
    not being deleted and on the half-life: those rows are its inputs. A nightly scores the
    new days of every lead and rescores, whole, only the leads whose inputs differ from the
    ones the last build scored (a behaviour added, removed or moved, the lead deleted or
    restored, another half-life). What the last build scored is kept beside the model's
    inputs, in `fct_lead_scores__inputs` (written by the model's post-hook). -#}

{#- The rows a lead's score depends on: its behaviours, while the lead is not deleted. -#}
{% macro lead_score_inputs() -%}
    select
        behaviours.lead_behaviour_id,
        behaviours.lead_id,
        behaviours.points,
        behaviours.occurred_date,
        behaviours.counts_from_date,
        {{ var('lead_score_half_life_days') }} as half_life_days
    from {{ ref('int_lead_behaviours') }} as behaviours
    inner join {{ ref('stg_salesforce__leads') }} as leads
        on behaviours.lead_id = leads.lead_id
    where not leads.is_deleted
{%- endmacro %}


{% macro lead_score_inputs_relation() -%}
    {%- set behaviours = ref('int_lead_behaviours') -%}
    {{ return(api.Relation.create(
        database=behaviours.database, schema=behaviours.schema, identifier='fct_lead_scores__inputs'
    )) }}
{%- endmacro %}


{#- The leads to rescore whole: an input row the last build did not score or scored
    differently, on either side. Every lead when there is no record of the last build. -#}
{% macro lead_scores_changed_leads() -%}
    {%- set scored_before = lead_score_inputs_relation() -%}
    {%- if execute and load_relation(scored_before) is not none %}
    select distinct coalesce(now_scored.lead_id, scored_before.lead_id) as lead_id
    from ({{ lead_score_inputs() }}) as now_scored
    full outer join {{ scored_before }} as scored_before
        on
        now_scored.lead_behaviour_id = scored_before.lead_behaviour_id
        and now_scored.lead_id = scored_before.lead_id
        and now_scored.points = scored_before.points
        and now_scored.occurred_date = scored_before.occurred_date
        and now_scored.counts_from_date = scored_before.counts_from_date
        and now_scored.half_life_days = scored_before.half_life_days
    where now_scored.lead_behaviour_id is null or scored_before.lead_behaviour_id is null
    {%- else %}
    select lead_id from ({{ lead_score_inputs() }}) as now_scored
    union
    select lead_id from {{ this }}
    {%- endif %}
{%- endmacro %}


{#- pre-hook: the rows a nightly replaces go first: every day of a lead to rescore, and the
    days after the as-of day (a build for an earlier day). -#}
{% macro lead_scores_forget_changed() -%}
    {%- if is_incremental() %}
    delete from {{ this }}
    where
        score_date > {{ revenue_as_of_date() }}
        or lead_id in ({{ lead_scores_changed_leads() }})
    {%- endif %}
{%- endmacro %}


{#- post-hook: what this build scored, for the next one to compare with. Not where the
    model is rebuilt whole every time (Spark keeps it as a table). -#}
{% macro lead_scores_remember_inputs() -%}
    {%- if incremental_materialization() == 'incremental' %}
    create or replace table {{ lead_score_inputs_relation() }} as
    {{ lead_score_inputs() }}
    {%- endif %}
{%- endmacro %}
