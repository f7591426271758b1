{#- One row per account, month, product, billing interval and currency in which that
    product line had MRR in the month or the month before (so a line that stops shows its
    churn). The same Stripe lines and contracts as fct_account_months, split by product:
    summed over products and intervals a month's mrr is the account's mrr, and over
    accounts the bridge's ending_mrr. Movements compare the line with its prior month at
    this month's rate, as fct_mrr_movements does for the account. -#}
with

stripe_line_months as (
    select * from {{ ref('int_stripe_mrr_line_months') }}
),

invoice_lines as (
    select * from {{ ref('int_stripe_invoice_lines_enriched') }}
),

prices as (
    select * from {{ ref('stg_stripe__prices') }}
),

contract_months as (
    select * from {{ ref('int_contract_mrr_months') }}
),

contracts as (
    select * from {{ ref('stg_contracts__contracts') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

stripe_products as (
    select
        stripe_line_months.account_id,
        stripe_line_months.month,
        coalesce(prices.product_id, 'unknown') as product_id,
        {{ billing_interval_label(
            'invoice_lines.billing_interval', 'invoice_lines.interval_count'
        ) }} as billing_interval,
        stripe_line_months.currency,
        stripe_line_months.mrr_local
    from stripe_line_months
    inner join invoice_lines
        on stripe_line_months.invoice_id = invoice_lines.invoice_id
        and stripe_line_months.invoice_line_id = invoice_lines.invoice_line_id
    left join prices
        on invoice_lines.price_id = prices.price_id
),

contract_products as (
    select
        contract_months.account_id,
        contract_months.month,
        'contract' as product_id,
        {{ contract_billing_interval('contracts.billing_frequency') }} as billing_interval,
        contract_months.currency,
        contract_months.mrr_local
    from contract_months
    inner join contracts
        on contract_months.contract_id = contracts.contract_id
),

unioned as (
    select * from stripe_products
    union all
    select * from contract_products
),

line_months as (
    select
        account_id,
        month,
        product_id,
        billing_interval,
        currency,
        sum(mrr_local) as mrr_local
    from unioned
    group by account_id, month, product_id, billing_interval, currency
),

paired as (
    select
        coalesce(current_month.account_id, prior_month.account_id) as account_id,
        coalesce(current_month.month, months.month) as month,
        coalesce(current_month.product_id, prior_month.product_id) as product_id,
        coalesce(current_month.billing_interval, prior_month.billing_interval) as billing_interval,
        coalesce(current_month.currency, prior_month.currency) as currency,
        coalesce(current_month.mrr_local, 0) as mrr_local,
        coalesce(prior_month.mrr_local, 0) as prior_mrr_local
    from line_months as current_month
    full outer join line_months as prior_month
        on current_month.account_id = prior_month.account_id
        and current_month.product_id = prior_month.product_id
        and current_month.billing_interval = prior_month.billing_interval
        and current_month.currency = prior_month.currency
        and prior_month.month = {{ dbt.dateadd('month', -1, 'current_month.month') }}
    left join months
        on current_month.month is null
        and months.previous_month = prior_month.month
    where current_month.month is not null or months.month is not null
),

month_ends as (
    select
        paired.*,
        months.month_end_date,
        cast({{ dbt.dateadd('day', -1, 'paired.month') }} as date) as prior_month_end_date
    from paired
    inner join months as months
        on paired.month = months.month
),

valued as (
    select
        month_ends.*,
        fx_rates.fx_rate,
        prior_rates.fx_rate as prior_fx_rate
    from month_ends
    inner join fx_rates
        on month_ends.currency = fx_rates.currency
        and {{ fx_rate_on('fx_rates', 'month_ends.month_end_date') }}
    left join fx_rates as prior_rates
        on month_ends.currency = prior_rates.currency
        and {{ fx_rate_on('prior_rates', 'month_ends.prior_month_end_date') }}
),

final as (
    select
        account_id,
        month,
        product_id,
        billing_interval,
        currency,
        mrr_local,
        fx_rate,
        cast(mrr_local * fx_rate as {{ type_money() }}) as mrr,
        mrr_local > 0 as is_active,
        cast(prior_mrr_local * coalesce(prior_fx_rate, 0) as {{ type_money() }}) as beginning_mrr,
        cast(case
            when prior_mrr_local = 0 and mrr_local > 0 then mrr_local * fx_rate
            else 0
        end as {{ type_money() }}) as new_mrr,
        cast(case
            when prior_mrr_local > 0 and mrr_local > prior_mrr_local
                then (mrr_local - prior_mrr_local) * fx_rate
            else 0
        end as {{ type_money() }}) as expansion_mrr,
        cast(case
            when prior_mrr_local > 0 and mrr_local > 0 and mrr_local < prior_mrr_local
                then (prior_mrr_local - mrr_local) * fx_rate
            else 0
        end as {{ type_money() }}) as contraction_mrr,
        cast(case
            when prior_mrr_local > 0 and mrr_local = 0 then prior_mrr_local * fx_rate
            else 0
        end as {{ type_money() }}) as churned_mrr,
        cast(
            {{ fx_adjustment('prior_mrr_local', 'fx_rate', 'prior_fx_rate') }} as {{ type_money() }}
        ) as fx_adjustment_mrr
    from valued
)

select * from final
