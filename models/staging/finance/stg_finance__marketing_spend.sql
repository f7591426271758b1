with

source as (
    select * from {{ source('finance', 'marketing_spend') }}
    where {{ is_as_of_date('date') }}
),

keyed as (
    select
        *,
        coalesce(nullif(trim(campaign_id), ''), '') as campaign_key,
        upper(currency) as currency_code
    from source
),

latest_file as (
    -- a re-extract replaces a day's spend: the later file holding the key wins, and the
    -- rows of that file are summed (a file may split a day over several lines)
    {{ newest_version('keyed', 'date, channel, campaign_key, currency_code', whole_file=true) }}
),

aggregated as (
    select
        date as spend_date,
        channel,
        nullif(campaign_key, '') as campaign_id,
        currency_code as currency,
        sum(cast(amount as {{ type_money() }})) as amount_local
    from latest_file
    group by date, channel, campaign_key, currency_code
),

final as (
    select
        {{ dbt.concat([
            "cast(spend_date as " ~ dbt.type_string() ~ ")", "'|'", "channel", "'|'",
            "coalesce(campaign_id, '')", "'|'", "currency"
        ]) }} as marketing_spend_id,
        spend_date,
        channel,
        campaign_id,
        currency,
        amount_local
    from aggregated
)

select * from final
