{#- One row per month of submitted_at (reporting timezone) from the first month with an
    answer to the last complete month (metrics.md, NPS): responses, promoters (9-10),
    passives (7-8), detractors (0-6) and nps = 100 x (promoters - detractors) / responses
    (null in a month without responses). Every response counts, matched to an account or not. -#}
with

responses as (
    select * from {{ ref('int_nps_responses_attributed') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

counted as (
    select
        submitted_month as month,
        count(*) as responses,
        cast(sum(case when nps_class = 'promoter' then 1 else 0 end) as {{ dbt.type_bigint() }}) as promoters,
        cast(sum(case when nps_class = 'passive' then 1 else 0 end) as {{ dbt.type_bigint() }}) as passives,
        cast(sum(case when nps_class = 'detractor' then 1 else 0 end) as {{ dbt.type_bigint() }}) as detractors
    from responses
    where submitted_month <= {{ revenue_last_complete_month() }}
    group by submitted_month
),

spine as (
    select months.month
    from months
    where months.month >= (select min(counted.month) from counted)
),

final as (
    select
        spine.month,
        coalesce(counted.responses, 0) as responses,
        coalesce(counted.promoters, 0) as promoters,
        coalesce(counted.passives, 0) as passives,
        coalesce(counted.detractors, 0) as detractors,
        {{ nps_score('counted.promoters', 'counted.detractors', 'counted.responses') }} as nps
    from spine
    left join counted
        on spine.month = counted.month
)

select * from final
