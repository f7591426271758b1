{#- One row per account, month and currency whose recurring revenue could not be converted:
    no rate for the currency on or before the month's end. Excluded from MRR; the
    warn-severity test assert_no_revenue_without_fx_rate lists these rows. -#}
with

account_currency_months as (
    select * from {{ ref('int_account_currency_months') }}
),

final as (
    select
        account_id,
        month,
        currency,
        mrr_local
    from account_currency_months
    where not has_fx_rate
)

select * from final
