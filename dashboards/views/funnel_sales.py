"""Funnel & sales: lead → MQL → SQL → opportunity → won, stage conversion, SLA, win rate.

Reads mart_funnel, mart_stage_conversion, mart_sla_compliance and mart_win_rates as dbt
built them: rates are the marts' own columns; the page only picks rows (months in range,
channels, owners, opportunity type) and sums counts for the funnel picture.
"""

from __future__ import annotations

import streamlit as st

from dashboards import charts, data, ui
from dashboards.formatting import format_month
from dashboards.i18n import t

STAGES = ("leads", "mqls", "sqls", "opportunities", "won")
FUNNEL_RATES = (
    "lead_to_mql_rate",
    "mql_to_sql_rate",
    "sql_to_opportunity_rate",
    "opportunity_to_won_rate",
    "lead_to_won_rate",
)


def _funnel(language: str) -> None:
    funnel = data.mart("mart_funnel")
    channels = ui.sidebar_multiselect("filter.channel", funnel["channel"], "filter_channels")
    st.subheader(t("funnel.by_cohort"))
    funnel = ui.pick(ui.in_range(funnel, "cohort_month"), "channel", channels)
    if funnel.empty:
        st.info(t("gtm.empty"))
        return
    start, end = ui.month_range()
    st.caption(
        t(
            "funnel.cohort_note",
            start=format_month(start, language, long=True),
            end=format_month(end, language, long=True),
        )
    )
    left, right = st.columns([2, 3])
    with left:
        totals = [(t(f"col.{stage}"), funnel[stage].sum()) for stage in STAGES]
        st.plotly_chart(
            charts.funnel(totals, t("funnel.stages")), width="stretch", key="funnel_chart"
        )
    with right:
        rate = ui.choose(
            t("funnel.rate"),
            FUNNEL_RATES,
            lambda c: t(f"col.{c}", language),
            default="lead_to_won_rate",
            key="funnel_rate",
        )
        st.plotly_chart(
            charts.heatmap(funnel, "cohort_month", "channel", rate, t(f"col.{rate}"), language),
            width="stretch",
            key="funnel_rate_chart",
        )
    ui.show_table(
        funnel.sort_values(["cohort_month", "leads"], ascending=[False, False])[
            ["cohort_month", "channel", *STAGES, *FUNNEL_RATES]
        ],
        key="funnel_table",
        file_name="funnel_by_cohort_and_channel",
        counts=STAGES,
        rates=FUNNEL_RATES,
        months=["cohort_month"],
        height=320,
    )


def _stages(language: str) -> None:
    st.subheader(t("funnel.stage_conversion"))
    stages = data.mart("mart_stage_conversion")
    if stages.empty:
        st.info(t("gtm.empty"))
        return
    stages = stages.sort_values(["stage_order", "stage_name"], na_position="last")
    st.caption(t("funnel.stage_note"))
    open_stages = stages[stages["median_days_in_stage"].notna()]
    left, right = st.columns(2)
    with left:
        st.plotly_chart(
            charts.bars(
                list(open_stages["stage_name"]),
                list(open_stages["median_days_in_stage"]),
                t("col.median_days_in_stage"),
                language,
                "number",
                horizontal=True,
            ),
            width="stretch",
            key="stage_days",
        )
    with right:
        converting = stages[stages["conversion_to_next_stage"].notna()]
        st.plotly_chart(
            charts.bars(
                list(converting["stage_name"]),
                list(converting["conversion_to_next_stage"]),
                t("col.conversion_to_next_stage"),
                language,
                "rate",
                colour=charts.TEAL,
                horizontal=True,
            ),
            width="stretch",
            key="stage_conversion",
        )
    ui.show_table(
        stages[list(data.MART_COLUMNS["mart_stage_conversion"])].drop(columns="stage_order"),
        key="stage_table",
        file_name="stage_conversion",
        counts=["opportunities_reached", "opportunities_advanced", "opportunities_lost_from_stage"],
        rates=["conversion_to_next_stage"],
        numbers={"median_days_in_stage": 1},
    )


def _sla(language: str) -> None:
    st.subheader(t("funnel.sla"))
    sla = data.mart("mart_sla_compliance")
    sla = sla.assign(owner_name=sla["owner_name"].fillna(sla["owner_id"]))
    owners = ui.sidebar_multiselect("filter.owner", sla["owner_name"], "filter_owners")
    sla = ui.pick(ui.in_week_range(sla, "mql_week"), "owner_name", owners)
    if sla.empty:
        st.info(t("gtm.empty"))
        return
    st.caption(t("funnel.sla_note"))
    st.plotly_chart(
        charts.heatmap(
            sla, "mql_week", "owner_name", "sla_compliance_rate", t("funnel.sla_chart"), language
        ),
        width="stretch",
        key="sla_chart",
    )
    ui.show_table(
        sla.sort_values(["mql_week", "owner_name"], ascending=[False, True])[
            [
                "mql_week",
                "owner_name",
                "mqls",
                "mqls_sla_met",
                "sla_compliance_rate",
                "failed_at_step_1",
                "failed_at_step_2",
                "failed_at_step_3",
                "median_hours_to_first_touch",
            ]
        ],
        key="sla_table",
        file_name="sla_compliance_by_week_and_owner",
        counts=["mqls", "mqls_sla_met", "failed_at_step_1", "failed_at_step_2", "failed_at_step_3"],
        rates=["sla_compliance_rate"],
        numbers={"median_hours_to_first_touch": 1},
        height=320,
    )


def _win_rates(language: str) -> None:
    st.subheader(t("funnel.win_rates"))
    wins = ui.in_range(data.mart("mart_win_rates"), "close_month")
    if wins.empty:
        st.info(t("gtm.empty"))
        return
    types = sorted(wins["type"].dropna().unique())
    default = "New Business" if "New Business" in types else types[0]
    chosen = st.selectbox(
        t("col.type"),
        options=types,
        index=types.index(default),
        key="win_type",
    )
    wins = wins[wins["type"] == chosen]
    left, right = st.columns(2)
    with left:
        st.plotly_chart(
            charts.lines(wins, "close_month", "win_rate", None, t("col.win_rate"), language),
            width="stretch",
            key="win_rate_chart",
        )
    with right:
        st.plotly_chart(
            charts.lines(
                wins,
                "close_month",
                "median_sales_cycle_days",
                None,
                t("col.median_sales_cycle_days"),
                language,
                "number",
            ),
            width="stretch",
            key="cycle_chart",
        )
    ui.show_table(
        wins.sort_values("close_month", ascending=False)[list(data.MART_COLUMNS["mart_win_rates"])],
        key="win_table",
        file_name="win_rates",
        counts=["closed_opportunities", "won_opportunities"],
        rates=["win_rate", "win_rate_amount"],
        numbers={"median_sales_cycle_days": 0},
        months=["close_month"],
    )


def render() -> None:
    language = ui.lang()
    st.title(t("funnel.title"))
    _funnel(language)
    _stages(language)
    _sla(language)
    _win_rates(language)


ui.guarded(render)
