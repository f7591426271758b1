{#- One row: the settings this build ran with (dbt vars of dbt_project.yml, or --vars), so
    the boards, the deck and the headline read the reporting currency and the as-of date
    from the warehouse instead of repeating them. -#}
with

final as (
    select
        cast('{{ var("reporting_currency") }}' as {{ dbt.type_string() }}) as reporting_currency,
        cast('{{ var("reporting_timezone") }}' as {{ dbt.type_string() }}) as reporting_timezone,
        {{ revenue_as_of_date() }} as as_of_date,
        {{ revenue_last_complete_month() }} as last_complete_month,
        cast({{ var("incremental_lookback_days") }} as integer) as incremental_lookback_days
)

select * from final
