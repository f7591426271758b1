{#- One row per account, currency and month from the pair's first converted month to the
    last complete month (zeros when nothing is in force), with the prior month's local MRR
    and both months' rates. This is where FX is separated from real movement:
    prior_mrr = prior local x prior rate (beginning), prior_mrr_at_current_rate = prior
    local x current rate (constant-currency base), fx_adjustment = their difference. -#}
with

account_currency_months as (
    select * from {{ ref('int_account_currency_months') }}
    where has_fx_rate
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

pairs as (
    select
        account_id,
        currency,
        min(month) as first_month
    from account_currency_months
    group by account_id, currency
),

pair_months as (
    select
        pairs.account_id,
        pairs.currency,
        months.month,
        months.month_end_date
    from pairs
    inner join months
        on months.month >= pairs.first_month
),

valued as (
    select
        pair_months.account_id,
        pair_months.currency,
        pair_months.month,
        coalesce(account_currency_months.mrr_local, 0) as mrr_local,
        fx_rates.fx_rate
    from pair_months
    left join account_currency_months
        on pair_months.account_id = account_currency_months.account_id
        and pair_months.currency = account_currency_months.currency
        and pair_months.month = account_currency_months.month
    left join fx_rates
        on pair_months.currency = fx_rates.currency
        and {{ fx_rate_on('fx_rates', 'pair_months.month_end_date') }}
),

with_prior as (
    select
        *,
        coalesce(lag(mrr_local) over (partition by account_id, currency order by month), 0) as prior_mrr_local,
        lag(fx_rate) over (partition by account_id, currency order by month) as prior_fx_rate
    from valued
),

final as (
    select
        account_id,
        currency,
        month,
        mrr_local,
        fx_rate,
        {{ convert_money('mrr_local', 'fx_rate') }} as mrr,
        prior_mrr_local,
        prior_fx_rate,
        {{ convert_money('prior_mrr_local', 'coalesce(prior_fx_rate, 0)') }} as prior_mrr,
        {{ convert_money('prior_mrr_local', 'fx_rate') }} as prior_mrr_at_current_rate,
        {{ fx_adjustment('prior_mrr_local', 'fx_rate', 'prior_fx_rate') }} as fx_adjustment
    from with_prior
)

select * from final
