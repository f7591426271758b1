{#- One row per account and month with MRR > 0 (metrics.md, Health score): each measure
    scored 0 / 50 / 100 against seeds/health_score_components.csv; a component's score is
    the weight-weighted mean of its measures with data; the health score is the mean of the
    components with data weighted by the sum of each component's measure weights, so a
    component without data is left out and the other weights renormalise
    (`missing_components` names it). Colour from seeds/health_score_colors.csv: the colour
    with the highest min_score the health score reaches. -#}
{%- set components = ['adoption', 'engagement', 'support', 'survey', 'billing', 'growth'] %}
with

measures as (
    select * from {{ ref('int_account_health_measures') }}
),

components_seed as (
    select * from {{ ref('health_score_components') }}
),

colors as (
    select * from {{ ref('health_score_colors') }}
),

component_weights as (
    select
        component,
        sum(weight) as component_weight
    from components_seed
    group by component
),

scored as (
    select
        measures.account_id,
        measures.month,
        components_seed.component,
        measures.measure,
        measures.measure_value,
        components_seed.weight,
        {{ health_measure_score(
            'measures.measure_value', 'components_seed.higher_is_better',
            'components_seed.good_threshold', 'components_seed.fair_threshold'
        ) }} as measure_score
    from measures
    inner join components_seed
        on measures.measure = components_seed.measure
),

component_scores as (
    select
        scored.account_id,
        scored.month,
        scored.component,
        component_weights.component_weight,
        case
            when sum(case when scored.measure_score is not null then scored.weight else 0 end) > 0
                then cast(
                        sum(
                            case
                                when scored.measure_score is not null then scored.weight * scored.measure_score else 0
                            end
                        )
                        / sum(case when scored.measure_score is not null then scored.weight else 0 end)
                        as {{ type_rate() }}
                    )
        end as component_score
    from scored
    inner join component_weights
        on scored.component = component_weights.component
    group by scored.account_id, scored.month, scored.component, component_weights.component_weight
),

account_months as (
    select
        account_id,
        month,
        {%- for component in components %}
        max(case when component = '{{ component }}' then component_score end) as {{ component }}_score,
        {%- endfor %}
        case
            when sum(case when component_score is not null then component_weight else 0 end) > 0
                then cast(
                        sum(case when component_score is not null then component_weight * component_score else 0 end)
                        / sum(case when component_score is not null then component_weight else 0 end)
                        as {{ type_rate() }}
                    )
        end as health_score
    from component_scores
    group by account_id, month
),

with_missing as (
    select
        *,
        -- each missing component adds ', name'; the first two characters are dropped
        substring(
            {%- for component in components %}
            case when {{ component }}_score is null then ', {{ component }}' else '' end
            {%- if not loop.last %} || {% endif %}
            {%- endfor %},
            3
        ) as missing_components
    from account_months
),

colored as (
    select
        with_missing.*,
        colors.health_color,
        row_number() over (
            partition by with_missing.account_id, with_missing.month
            order by colors.min_score desc
        ) as color_rank
    from with_missing
    left join colors
        on with_missing.health_score >= colors.min_score
),

final as (
    select
        account_id,
        month,
        health_score,
        health_color,
        {%- for component in components %}
        {{ component }}_score,
        {%- endfor %}
        missing_components
    from colored
    where color_rank = 1
)

select * from final
