{#- One row per past month M (metrics.md, Renewal rate): over the terms due in M
    (renewal_date in M) that had not ended before M started (the base frozen at the start of
    M [2016-2038]), arr_due = sum of their ARR due, arr_renewed = sum of min(renewed ARR, ARR
    due), both converted at the latest rate on or before M's first day; renewal_rate =
    arr_renewed / arr_due; the same over first renewals apart (highest risk [2966]).
    Months without terms due have rates null. -#}
with

terms as (
    select * from {{ ref('int_cs_renewal_terms') }}
),

months as (
    select * from {{ ref('int_revenue_months') }}
),

fx_rates as (
    select * from {{ ref('stg_finance__fx_rates') }}
),

due as (
    select
        months.month,
        terms.source,
        terms.source_id,
        terms.currency,
        terms.arr_due_local,
        case
            when terms.renewed_arr_local < terms.arr_due_local then terms.renewed_arr_local
            else terms.arr_due_local
        end as arr_renewed_local,
        terms.is_first_renewal
    from terms
    inner join months
        on cast({{ dbt.date_trunc('month', 'terms.renewal_date') }} as date) = months.month
    where
        terms.ended_at_utc is null
        or terms.ended_at_utc >= {{ reporting_day_start('months.month') }}
),

rates as (
    select
        due.month,
        due.currency,
        fx_rates.rate,
        row_number() over (
            partition by due.month, due.currency order by fx_rates.rate_date desc
        ) as recency_rank
    from (
        select distinct
            month,
            currency
        from due
    ) as due
    inner join fx_rates
        on
        due.currency = fx_rates.currency
        and fx_rates.rate_date <= due.month
),

converted as (
    select
        due.month,
        due.is_first_renewal,
        cast(
            due.arr_due_local
            * case when due.currency = '{{ var("reporting_currency") }}' then 1 else rates.rate end
            as {{ type_money() }}
        ) as arr_due,
        cast(
            due.arr_renewed_local
            * case when due.currency = '{{ var("reporting_currency") }}' then 1 else rates.rate end
            as {{ type_money() }}
        ) as arr_renewed
    from due
    left join rates
        on
        due.month = rates.month
        and due.currency = rates.currency
        and rates.recency_rank = 1
),

monthly as (
    select
        months.month,
        count(converted.arr_due) as terms_due,
        coalesce(sum(converted.arr_due), 0) as arr_due,
        coalesce(sum(converted.arr_renewed), 0) as arr_renewed,
        cast(sum(case when converted.is_first_renewal then 1 else 0 end) as {{ dbt.type_bigint() }})
            as first_renewal_terms_due,
        coalesce(sum(case when converted.is_first_renewal then converted.arr_due end), 0) as first_renewal_arr_due,
        coalesce(sum(case when converted.is_first_renewal then converted.arr_renewed end), 0)
            as first_renewal_arr_renewed
    from months
    left join converted
        on months.month = converted.month
    group by months.month
),

final as (
    select
        month,
        terms_due,
        cast(arr_due as {{ type_money() }}) as arr_due,
        cast(arr_renewed as {{ type_money() }}) as arr_renewed,
        case
            when arr_due > 0 then cast({{ divide('arr_renewed', 'arr_due') }} as {{ type_rate() }})
        end as renewal_rate,
        first_renewal_terms_due,
        cast(first_renewal_arr_due as {{ type_money() }}) as first_renewal_arr_due,
        cast(first_renewal_arr_renewed as {{ type_money() }}) as first_renewal_arr_renewed,
        case
            when first_renewal_arr_due > 0
                then cast({{ divide('first_renewal_arr_renewed', 'first_renewal_arr_due') }} as {{ type_rate() }})
        end as first_renewal_rate
    from monthly
)

select * from final
