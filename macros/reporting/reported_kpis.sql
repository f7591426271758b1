{#- The KPIs every build records (mart_reported_kpis): the columns of the boards' and the
    deck's marts, by column name, with how each is shown. Columns both marts hold
    (beginning_mrr, churned_mrr, ...) are listed once, under mart_mrr_bridge. Money is cast to type_money before the wider
    type_rate so a floating point last bit never reads as a restatement. -#}
{% macro reported_kpi_metrics() -%}
    {{ return({
        'mart_mrr_bridge': {
            'beginning_mrr': 'money',
            'new_mrr': 'money',
            'expansion_mrr': 'money',
            'reactivation_mrr': 'money',
            'contraction_mrr': 'money',
            'churned_mrr': 'money',
            'fx_adjustment_mrr': 'money',
            'ending_mrr': 'money',
            'ending_arr': 'money',
            'beginning_customers': 'count',
            'new_customers': 'count',
            'churned_customers': 'count',
            'reactivated_customers': 'count',
            'expansion_customers': 'count',
            'contraction_customers': 'count',
            'ending_customers': 'count'
        },
        'mart_retention_monthly': {
            'base_mrr': 'money',
            'grr': 'rate',
            'nrr': 'rate',
            'logo_churn_rate': 'rate',
            'revenue_churn_rate': 'rate'
        },
        'mart_retention_trailing_12m': {
            'nrr_12m': 'rate',
            'grr_12m': 'rate'
        }
    }) }}
{%- endmacro %}


{#- A KPI value in the one type mart_reported_kpis stores. -#}
{% macro reported_kpi_value(column, kind) -%}
    {%- if kind == 'money' -%}
        cast(cast({{ column }} as {{ type_money() }}) as {{ type_rate() }})
    {%- else -%}
        cast({{ column }} as {{ type_rate() }})
    {%- endif -%}
{%- endmacro %}


{#- The instant this dbt invocation started (UTC): every model of one build renders the
    same literal, so a model can tell the rows its own build wrote. -#}
{% macro reporting_run_started_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
