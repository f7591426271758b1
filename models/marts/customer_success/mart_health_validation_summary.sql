{#- One row per health colour over every month of mart_health_validation pooled: account
    months of that colour and how many churned within three months; churn_rate = churned /
    account months. The headline proof that the score predicts (red above green). -#}
with

validation as (
    select * from {{ ref('mart_health_validation') }}
),

final as (
    select
        health_color,
        min(month) as first_month,
        max(month) as last_month,
        sum(accounts) as account_months,
        sum(churned_accounts) as churned_accounts,
        sum(contracted_accounts) as contracted_accounts,
        sum(expanded_accounts) as expanded_accounts,
        cast(1.0 * sum(churned_accounts) / sum(accounts) as {{ type_rate() }}) as churn_rate,
        cast(1.0 * sum(contracted_accounts) / sum(accounts) as {{ type_rate() }}) as contraction_rate,
        cast(1.0 * sum(expanded_accounts) / sum(accounts) as {{ type_rate() }}) as expansion_rate
    from validation
    group by health_color
)

select * from final
