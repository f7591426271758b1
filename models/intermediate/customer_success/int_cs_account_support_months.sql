{#- One row per account with a Zendesk organization and month (from int_cs_account_usage_months'
    spine): tickets created in the month (reporting timezone), urgent/high tickets among
    them, and the satisfaction ratings valid at the month-end instant (from the ticket
    versions) of tickets created in the month and the two before, plus urgent/high
    tickets still unsolved at month end. Nothing after the month end is read. -#}
with

spine as (
    select * from {{ ref('int_cs_account_usage_months') }}
),

tickets as (
    select * from {{ ref('int_zendesk_tickets_solved') }}
),

versions as (
    select * from {{ ref('int_zendesk_ticket_versions') }}
    where account_id is not null
),

organizations as (
    select * from {{ ref('stg_zendesk__organizations') }}
    where account_id is not null
),

supported_accounts as (
    select distinct account_id from organizations
),

created as (
    select
        account_id,
        created_month as month,
        count(*) as tickets_created,
        sum(case when is_urgent_or_high then 1 else 0 end) as urgent_high_tickets_created
    from tickets
    group by account_id, created_month
),

versions_at_month_end as (
    select
        spine.account_id,
        spine.month,
        versions.ticket_id,
        versions.ticket_status,
        versions.priority,
        versions.satisfaction_score,
        versions.created_at
    from spine
    inner join versions
        on
        spine.account_id = versions.account_id
        and versions.valid_from < spine.month_end_at
        and (versions.valid_to is null or versions.valid_to >= spine.month_end_at)
),

month_end_state as (
    select
        account_id,
        month,
        sum(
            case
                when
                    satisfaction_score = 'good'
                    and {{ reporting_month('created_at') }} >= cast({{ dbt.dateadd('month', -2, 'month') }} as date)
                    then 1
                else 0
            end
        ) as good_ratings_3m,
        sum(
            case
                when
                    satisfaction_score = 'bad'
                    and {{ reporting_month('created_at') }} >= cast({{ dbt.dateadd('month', -2, 'month') }} as date)
                    then 1
                else 0
            end
        ) as bad_ratings_3m,
        sum(
            case
                when priority in ('urgent', 'high') and ticket_status not in ('solved', 'closed') then 1
                else 0
            end
        ) as open_urgent_high_tickets
    from versions_at_month_end
    group by account_id, month
),

final as (
    select
        spine.account_id,
        spine.month,
        coalesce(created.tickets_created, 0) as tickets_created,
        coalesce(created.urgent_high_tickets_created, 0) as urgent_high_tickets_created,
        coalesce(month_end_state.good_ratings_3m, 0) as good_ratings_3m,
        coalesce(month_end_state.bad_ratings_3m, 0) as bad_ratings_3m,
        coalesce(month_end_state.open_urgent_high_tickets, 0) as open_urgent_high_tickets
    from spine
    inner join supported_accounts
        on spine.account_id = supported_accounts.account_id
    left join created
        on
        spine.account_id = created.account_id
        and spine.month = created.month
    left join month_end_state
        on
        spine.account_id = month_end_state.account_id
        and spine.month = month_end_state.month
)

select * from final
