{#- One row per NPS answer of an account scoring 0..var cs_detractor_max_score (6), fired on
    the reporting-timezone day it was submitted (metrics.md, detractor). Open while the
    answer is still the account's latest answer submitted by as_of. -#}
with

responses as (
    select * from {{ ref('int_nps_responses_attributed') }}
    where
        account_id is not null
        and submitted_date <= {{ revenue_as_of_date() }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by account_id order by submitted_at desc, response_id desc
        ) as recency_rank
    from responses
),

final as (
    select
        account_id,
        'detractor' as alert_type,
        submitted_date as fired_on,
        recency_rank = 1 as is_open,
        response_id as source_id,
        cast(score as {{ type_rate() }}) as observed_value,
        cast({{ var('cs_detractor_max_score') }} as {{ type_rate() }}) as limit_value
    from ranked
    where score <= {{ var('cs_detractor_max_score') }}
)

select * from final
