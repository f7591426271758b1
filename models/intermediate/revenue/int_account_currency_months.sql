{#- One row per account, month and currency with recurring revenue in force at month end
    (Stripe lines + contracts), in local currency and converted at the month-end rate.
    has_fx_rate false = no rate on or before month end: such rows stay out of MRR and are
    listed by int_revenue_missing_fx_rates (never guessed). -#}
with

stripe_months as (
    select * from {{ ref('int_stripe_mrr_line_months') }}
),

contract_months as (
    select * from {{ ref('int_contract_mrr_months') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

unioned as (
    select
        account_id,
        month,
        currency,
        mrr_local,
        'stripe' as revenue_source
    from stripe_months
    union all
    select
        account_id,
        month,
        currency,
        mrr_local,
        'contract' as revenue_source
    from contract_months
),

summed as (
    select
        account_id,
        month,
        currency,
        sum(mrr_local) as mrr_local,
        sum(case when revenue_source = 'stripe' then mrr_local else 0 end) as stripe_mrr_local,
        sum(case when revenue_source = 'contract' then mrr_local else 0 end) as contract_mrr_local
    from unioned
    group by account_id, month, currency
),

final as (
    select
        summed.account_id,
        summed.month,
        summed.currency,
        summed.mrr_local,
        summed.stripe_mrr_local,
        summed.contract_mrr_local,
        fx_rates.fx_rate,
        {{ convert_money('summed.mrr_local', 'fx_rates.fx_rate') }} as mrr,
        fx_rates.fx_rate is not null as has_fx_rate
    from summed
    inner join months
        on summed.month = months.month
    left join fx_rates
        on summed.currency = fx_rates.currency
        and {{ fx_rate_on('fx_rates', 'months.month_end_date') }}
)

select * from final
