{#- One row per month, dimension and value (metrics.md, Churn analysis [2002-2004,
    2069-2081]): churned and contracted logos and ARR (12 x the MRR lost, reporting currency)
    from fct_mrr_movements, by industry, size (employees), tenure (months since first paid;
    first year apart = first renewal), country, channel, product, owner and churn reason
    (int_account_churn_reasons, else 'unknown') with whether it was avoidable. -#}
with

movements as (
    select * from {{ ref('fct_mrr_movements') }}
    where movement_type in ('churn', 'contraction')
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

account_months as (
    select * from {{ ref('fct_account_months') }}
),

channels as (
    select * from {{ ref('int_account_acquisition_channels') }}
),

users as (
    select * from {{ ref('stg_salesforce__users') }}
),

churn_reasons as (
    select * from {{ ref('int_account_churn_reasons') }}
),

reasons_seed as (
    select * from {{ ref('churn_reasons') }}
),

contract_accounts as (
    select distinct crm_account_id as account_id
    from {{ ref('stg_contracts__contracts') }}
),

described as (
    select
        movements.account_id,
        movements.month,
        movements.movement_type,
        cast(-12 * movements.mrr_change as {{ type_money() }}) as arr_lost,
        coalesce(accounts.industry, 'unknown') as industry,
        case
            when accounts.number_of_employees is null then 'unknown'
            when accounts.number_of_employees < 50 then '1-49'
            when accounts.number_of_employees < 200 then '50-199'
            when accounts.number_of_employees < 1000 then '200-999'
            else '1000+'
        end as size_band,
        case
            when account_months.months_since_first_paid < 12 then 'first year'
            when account_months.months_since_first_paid < 24 then 'second year'
            else 'third year +'
        end as tenure_band,
        account_months.months_since_first_paid < 12 as is_first_year,
        coalesce(accounts.country, 'unknown') as country,
        coalesce(channels.channel, 'unknown') as channel,
        case when contract_accounts.account_id is not null then 'sales-led contract' else 'self-serve subscription' end
            as product,
        coalesce(users.user_name, 'unknown') as owner,
        coalesce(churn_reasons.loss_reason, 'unknown') as churn_reason,
        case
            when reasons_seed.is_avoidable then 'avoidable'
            when reasons_seed.is_avoidable = false then 'unavoidable'
            else 'unknown'
        end as avoidability
    from movements
    left join accounts
        on movements.account_id = accounts.account_id
    left join account_months
        on
        movements.account_id = account_months.account_id
        and movements.month = account_months.month
    left join channels
        on movements.account_id = channels.account_id
    left join users
        on accounts.owner_id = users.user_id
    left join contract_accounts
        on movements.account_id = contract_accounts.account_id
    left join churn_reasons
        on
        movements.account_id = churn_reasons.account_id
        and movements.month = churn_reasons.month
    left join reasons_seed
        on churn_reasons.loss_reason = reasons_seed.loss_reason
),

{%- set dimensions = [
    'industry', 'size_band', 'tenure_band', 'country', 'channel', 'product', 'owner',
    'churn_reason', 'avoidability'
] %}

long as (
    {%- for dimension in dimensions %}
    select
        month,
        '{{ dimension }}' as dimension,
        {{ dimension }} as dimension_value,
        movement_type,
        arr_lost,
        is_first_year
    from described
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select
        month,
        dimension,
        dimension_value,
        sum(case when movement_type = 'churn' then 1 else 0 end) as churned_logos,
        cast(sum(case when movement_type = 'churn' then arr_lost else 0 end) as {{ type_money() }}) as churned_arr,
        sum(case when movement_type = 'contraction' then 1 else 0 end) as contracted_logos,
        cast(sum(case when movement_type = 'contraction' then arr_lost else 0 end) as {{ type_money() }})
            as contracted_arr,
        sum(case when movement_type = 'churn' and is_first_year then 1 else 0 end) as first_year_churned_logos,
        cast(sum(case when movement_type = 'churn' and is_first_year then arr_lost else 0 end) as {{ type_money() }})
            as first_year_churned_arr
    from long
    group by month, dimension, dimension_value
)

select * from final
