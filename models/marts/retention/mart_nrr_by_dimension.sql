{#- One row per month × dimension (product, industry, country, icp_segment) × value: monthly
    and trailing-12-month NRR / GRR of that value, so the boards filter NRR by picking rows.
    Account dimensions reuse the segment bridge (monthly) and int_account_trailing_12m
    (12 months). Product retention is measured per account × product (billing intervals
    and currencies summed, so an interval switch within a product is neither churn nor
    new): monthly base = Σ (beginning_mrr + fx_adjustment_mrr), the prior month at this
    month's rates; the 12-month base = the product's M-12 local MRR at M's rates. -#}
with

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

product_months as (
    select * from {{ ref('fct_account_product_months') }}
),

segment_bridge as (
    select * from {{ ref('mart_mrr_bridge_by_segment') }}
),

account_trailing as (
    select * from {{ ref('int_account_trailing_12m') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

account_products as (
    select
        account_id,
        month,
        product_id,
        sum({{ constant_currency_base('beginning_mrr', 'fx_adjustment_mrr') }}) as base_mrr,
        sum(mrr) as current_mrr
    from product_months
    group by account_id, month, product_id
),

product_monthly as (
    select
        month,
        'product' as dimension,
        product_id as dimension_value,
        sum(case when base_mrr > 0 then base_mrr else 0 end) as base_mrr,
        sum(case when base_mrr > 0 then current_mrr else 0 end) as net_retained_mrr,
        sum(
            case
                when base_mrr > 0 and current_mrr < base_mrr then current_mrr
                when base_mrr > 0 then base_mrr
                else 0
            end
        ) as gross_retained_mrr
    from account_products
    group by month, product_id
),

product_monthly_rates as (
    select
        month,
        dimension,
        dimension_value,
        base_mrr,
        {{ rate_quotient('net_retained_mrr', 'base_mrr') }} as nrr,
        {{ rate_quotient('gross_retained_mrr', 'base_mrr') }} as grr
    from product_monthly
),

segment_monthly_rates as (
    select
        month,
        dimension,
        dimension_value,
        {{ constant_currency_base('beginning_mrr', 'fx_adjustment_mrr') }} as base_mrr,
        nrr,
        grr
    from segment_bridge
),

monthly as (
    select * from product_monthly_rates
    union all
    select * from segment_monthly_rates
),

report_months as (
    select
        months.month,
        months.month_end_date,
        base.month as base_month
    from months
    inner join months as base
        on base.month = cast({{ dbt.dateadd('month', -12, 'months.month') }} as date)
),

product_base_lines as (
    select
        report_months.month,
        report_months.month_end_date,
        product_months.account_id,
        product_months.product_id,
        product_months.currency,
        sum(product_months.mrr_local) as base_mrr_local
    from report_months
    inner join product_months
        on report_months.base_month = product_months.month
    where product_months.mrr_local > 0
    group by
        report_months.month,
        report_months.month_end_date,
        product_months.account_id,
        product_months.product_id,
        product_months.currency
),

product_base as (
    select
        product_base_lines.month,
        product_base_lines.account_id,
        product_base_lines.product_id,
        sum(
            {{ convert_money('product_base_lines.base_mrr_local', 'fx_rates.fx_rate') }}
        ) as base_mrr
    from product_base_lines
    inner join fx_rates
        on product_base_lines.currency = fx_rates.currency
        and {{ fx_rate_on('fx_rates', 'product_base_lines.month_end_date') }}
    group by product_base_lines.month, product_base_lines.account_id, product_base_lines.product_id
),

product_trailing as (
    select
        product_base.month,
        'product' as dimension,
        product_base.product_id as dimension_value,
        product_base.account_id,
        product_base.base_mrr,
        coalesce(account_products.current_mrr, 0) as current_mrr
    from product_base
    left join account_products
        on product_base.account_id = account_products.account_id
        and product_base.product_id = account_products.product_id
        and product_base.month = account_products.month
),

base_account_ids as (
    select distinct account_id
    from account_trailing
),

account_dimensions as (
    {{ account_segment_dimensions('base_account_ids', 'accounts') }}
),

segment_trailing as (
    select
        account_trailing.month,
        account_dimensions.dimension,
        account_dimensions.dimension_value,
        account_trailing.account_id,
        account_trailing.base_mrr,
        account_trailing.current_mrr
    from account_trailing
    inner join account_dimensions
        on account_trailing.account_id = account_dimensions.account_id
),

trailing_accounts as (
    select * from product_trailing
    union all
    select * from segment_trailing
),

trailing_totals as (
    select
        month,
        dimension,
        dimension_value,
        count(*) as base_accounts_12m,
        sum(base_mrr) as base_mrr_12m,
        sum(current_mrr) as current_mrr_12m,
        sum(case when current_mrr < base_mrr then current_mrr else base_mrr end) as retained_mrr_12m
    from trailing_accounts
    group by month, dimension, dimension_value
),

keys as (
    select
        month,
        dimension,
        dimension_value
    from monthly
    union
    select
        month,
        dimension,
        dimension_value
    from trailing_totals
),

final as (
    select
        keys.month,
        keys.dimension,
        keys.dimension_value,
        cast(coalesce(monthly.base_mrr, 0) as {{ type_money() }}) as base_mrr,
        monthly.nrr,
        monthly.grr,
        cast(coalesce(trailing_totals.base_accounts_12m, 0) as bigint) as base_accounts_12m,
        cast(coalesce(trailing_totals.base_mrr_12m, 0) as {{ type_money() }}) as base_mrr_12m,
        cast(coalesce(trailing_totals.current_mrr_12m, 0) as {{ type_money() }}) as current_mrr_12m,
        {{ rate_quotient('trailing_totals.current_mrr_12m', 'trailing_totals.base_mrr_12m') }} as nrr_12m,
        {{ rate_quotient('trailing_totals.retained_mrr_12m', 'trailing_totals.base_mrr_12m') }} as grr_12m
    from keys
    left join monthly
        on keys.month = monthly.month
        and keys.dimension = monthly.dimension
        and keys.dimension_value = monthly.dimension_value
    left join trailing_totals
        on keys.month = trailing_totals.month
        and keys.dimension = trailing_totals.dimension
        and keys.dimension_value = trailing_totals.dimension_value
)

select * from final
