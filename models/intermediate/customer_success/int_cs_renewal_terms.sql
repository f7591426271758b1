{#- One row per renewable term (metrics.md, Renewals), past and future:
    - a sales-led contract: renewal_date = end_date + 1 day, arr_due = total_contract_value
      / term months x 12; renewed by the contracts of the same account and currency that
      start within var cs_renewal_match_days (30) days of its renewal_date (their ARR);
      first renewal when the account has no earlier contract;
    - a billed annual term of a Stripe subscription (recurring lines with interval year):
      renewal_date = the reporting-timezone day of period.end, arr_due = 12 x the term's
      MRR; renewed by the subscription billing the next term (recurring lines of it whose
      period starts within a day of this period's end: 12 x their MRR); first renewal when
      the subscription has no earlier annual term.
    Local currency; `ended_at_utc` is when the term stopped early (terminated contract,
    ended subscription) and `is_cancelled` whether it is terminated, cancelled or set to
    cancel now. -#}
{%- set match_days = var('cs_renewal_match_days') %}
with

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
    where crm_account_id is not null
),

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
    where is_recurring and subscription_id is not null
),

subscriptions as (
    select * from {{ ref('stg_stripe__subscriptions') }}
),

contract_terms as (
    select
        contract_id,
        crm_account_id as account_id,
        currency,
        start_date,
        end_date,
        cast({{ dbt.dateadd('day', 1, 'end_date') }} as date) as renewal_date,
        cast(
            12.0 * total_contract_value / nullif({{ contract_term_months('start_date', 'end_date') }}, 0)
            as {{ type_money() }}
        ) as arr_due_local,
        status = 'terminated' or terminated_date is not null as is_cancelled,
        case
            when terminated_date is not null
                then {{ reporting_day_start('terminated_date') }}
        end as ended_at_utc
    from contracts
),

contract_renewals as (
    select
        due.contract_id,
        sum(renewing.arr_due_local) as renewed_arr_local
    from contract_terms as due
    inner join contract_terms as renewing
        on
        due.account_id = renewing.account_id
        and due.currency = renewing.currency
        and due.contract_id <> renewing.contract_id
        and renewing.start_date >= cast({{ dbt.dateadd('day', -match_days, 'due.renewal_date') }} as date)
        and renewing.start_date <= cast({{ dbt.dateadd('day', match_days, 'due.renewal_date') }} as date)
    group by due.contract_id
),

first_contracts as (
    select
        account_id,
        min(start_date) as first_start_date
    from contract_terms
    group by account_id
),

contract_rows as (
    select
        contract_terms.account_id,
        'contract' as source,
        contract_terms.contract_id as source_id,
        contract_terms.currency,
        contract_terms.start_date as term_start_date,
        contract_terms.renewal_date,
        contract_terms.arr_due_local,
        coalesce(contract_renewals.renewed_arr_local, 0) as renewed_arr_local,
        contract_terms.start_date = first_contracts.first_start_date as is_first_renewal,
        contract_terms.is_cancelled,
        contract_terms.ended_at_utc
    from contract_terms
    left join contract_renewals
        on contract_terms.contract_id = contract_renewals.contract_id
    left join first_contracts
        on contract_terms.account_id = first_contracts.account_id
),

subscription_periods as (
    select
        subscription_id,
        account_id,
        currency,
        billing_interval,
        period_start_at,
        period_end_at,
        sum(monthly_amount) as mrr_local
    from invoice_lines
    group by subscription_id, account_id, currency, billing_interval, period_start_at, period_end_at
),

annual_terms as (
    select
        *,
        row_number() over (partition by subscription_id order by period_start_at) as term_number
    from subscription_periods
    -- a trial bills 0: it is not a term anyone renews
    where billing_interval = 'year' and mrr_local > 0
),

next_terms as (
    select
        annual_terms.subscription_id,
        annual_terms.period_end_at,
        sum(subscription_periods.mrr_local) as next_mrr_local
    from annual_terms
    inner join subscription_periods
        on
        annual_terms.subscription_id = subscription_periods.subscription_id
        and subscription_periods.period_start_at >= {{ dbt.dateadd('day', -1, 'annual_terms.period_end_at') }}
        and subscription_periods.period_start_at <= {{ dbt.dateadd('day', 1, 'annual_terms.period_end_at') }}
        and subscription_periods.period_start_at > annual_terms.period_start_at
    group by annual_terms.subscription_id, annual_terms.period_end_at
),

subscription_rows as (
    select
        annual_terms.account_id,
        'subscription' as source,
        annual_terms.subscription_id as source_id,
        annual_terms.currency,
        {{ reporting_date('annual_terms.period_start_at') }} as term_start_date,
        {{ reporting_date('annual_terms.period_end_at') }} as renewal_date,
        cast(12 * annual_terms.mrr_local as {{ type_money() }}) as arr_due_local,
        cast(12 * coalesce(next_terms.next_mrr_local, 0) as {{ type_money() }}) as renewed_arr_local,
        annual_terms.term_number = 1 as is_first_renewal,
        coalesce(
            subscriptions.status in ('canceled', 'incomplete_expired')
            or subscriptions.ended_at is not null
            or subscriptions.cancel_at is not null
            or subscriptions.canceled_at is not null
            or subscriptions.is_cancel_at_period_end,
            false
        ) as is_cancelled,
        subscriptions.ended_at as ended_at_utc
    from annual_terms
    left join next_terms
        on
        annual_terms.subscription_id = next_terms.subscription_id
        and annual_terms.period_end_at = next_terms.period_end_at
    left join subscriptions
        on annual_terms.subscription_id = subscriptions.subscription_id
),

final as (
    select * from contract_rows
    union all
    select * from subscription_rows
)

select * from final
