{#- One row per reference customer (metrics.md, Reference customers per segment): green
    health and paying in the last complete month, at least six months with MRR > 0, latest
    NPS answer a promoter. The one home of that rule:
    mart_icp_reference_customers lists them, mart_icp_segments counts them per segment. -#}
with

account_months as (
    select * from {{ ref('fct_account_months') }}
),

account_segments as (
    select * from {{ ref('int_account_icp_segments') }}
),

first_paid_months as (
    select * from {{ ref('int_account_first_paid_months') }}
),

accounts as (
    -- staging keeps Salesforce deletes flagged; a deleted account is never a reference
    select * from {{ ref('stg_salesforce__accounts') }}
    where not is_deleted
),

health as (
    select * from {{ ref('int_account_health_months') }}
),

nps_responses as (
    select * from {{ ref('stg_nps__responses') }}
    where account_id is not null
),

latest_month as (
    select max(month) as month from account_months
),

paying as (
    select
        account_months.account_id,
        sum(case when account_months.mrr > 0 then 1 else 0 end) as paying_months,
        max(
            case when account_months.month = latest_month.month and account_months.mrr > 0 then 1 else 0 end
        ) = 1 as is_paying_now,
        max(case when account_months.month = latest_month.month then account_months.mrr end) as mrr,
        max(latest_month.month) as latest_month
    from account_months
    cross join latest_month
    group by account_months.account_id
),

latest_answers as (
    -- the account's latest answer decides: a promoter who later turned detractor is not a reference
    select
        account_id,
        score,
        submitted_at,
        {{ classify_nps_response('score') }} as nps_category,
        row_number() over (
            partition by account_id
            order by submitted_at desc, response_id desc
        ) as answer_rank
    from nps_responses
),

candidates as (
    select
        paying.account_id,
        accounts.account_name,
        coalesce(account_segments.icp_segment, 'unclassified') as icp_segment,
        first_paid_months.first_paid_month,
        paying.paying_months,
        paying.mrr,
        health.health_score,
        health.health_color,
        latest_answers.score as latest_nps_score,
        latest_answers.submitted_at as latest_nps_submitted_at,
        latest_answers.nps_category
    from paying
    inner join latest_answers
        on paying.account_id = latest_answers.account_id
        and latest_answers.answer_rank = 1
    inner join first_paid_months
        on paying.account_id = first_paid_months.account_id
    inner join health
        on paying.account_id = health.account_id
        and paying.latest_month = health.month
    left join accounts
        on paying.account_id = accounts.account_id
    left join account_segments
        on paying.account_id = account_segments.account_id
    where paying.is_paying_now
        and paying.paying_months >= 6
        and latest_answers.nps_category = 'promoter'
        and health.health_color = 'green'
),

final as (
    select * from candidates
)

select * from final
