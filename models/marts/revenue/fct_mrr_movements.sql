{#- One row per account, month and movement type. Prior and current MRR are both valued at
    the current month's rates, so a classified movement (new / reactivation / expansion /
    contraction / churn; at most one per account-month) is never FX; the FX effect is its
    own fx_adjustment row = prior local MRR x (rate now - rate before). Zero movements have
    no row. For every account-month: sum(mrr_change) = mrr - prior month's mrr. -#}
with

account_months as (
    select * from {{ ref('fct_account_months') }}
),

currency_months as (
    select * from {{ ref('int_account_currency_month_changes') }}
),

currency_totals as (
    select
        account_id,
        month,
        sum(prior_mrr) as prior_mrr,
        sum(prior_mrr_at_current_rate) as prior_mrr_at_current_rate,
        sum(fx_adjustment) as fx_adjustment
    from currency_months
    group by account_id, month
),

joined as (
    select
        account_months.account_id,
        account_months.month,
        account_months.mrr,
        coalesce(currency_totals.prior_mrr, 0) as prior_mrr,
        coalesce(currency_totals.prior_mrr_at_current_rate, 0) as prior_mrr_at_current_rate,
        coalesce(currency_totals.fx_adjustment, 0) as fx_adjustment,
        account_months.month > account_months.first_paid_month as has_paid_before
    from account_months
    left join currency_totals
        on account_months.account_id = currency_totals.account_id
        and account_months.month = currency_totals.month
),

classified as (
    select
        *,
        {{ classify_mrr_movement('prior_mrr_at_current_rate', 'mrr', 'has_paid_before') }} as movement_type
    from joined
),

classified_movements as (
    select
        account_id,
        month,
        movement_type,
        case
            when movement_type in ('new', 'reactivation') then mrr
            when movement_type = 'churn' then -1 * prior_mrr_at_current_rate
            else mrr - prior_mrr_at_current_rate
        end as mrr_change,
        prior_mrr,
        prior_mrr_at_current_rate,
        mrr
    from classified
    where movement_type is not null
),

fx_movements as (
    select
        account_id,
        month,
        'fx_adjustment' as movement_type,
        fx_adjustment as mrr_change,
        prior_mrr,
        prior_mrr_at_current_rate,
        mrr
    from joined
    where {{ round_half_up('fx_adjustment', 6) }} <> 0
),

unioned as (
    select * from classified_movements
    union all
    select * from fx_movements
),

final as (
    select
        account_id || '|' || cast(month as {{ dbt.type_string() }}) || '|' || movement_type as movement_id,
        account_id,
        month,
        movement_type,
        mrr_change,
        prior_mrr,
        prior_mrr_at_current_rate,
        mrr as current_mrr
    from unioned
)

select * from final
