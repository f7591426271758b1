"""Funnel & sales: lead → MQL → SQL → opportunity → won, stage conversion, SLA, SQL
marking, lead scores, win rate.

Reads mart_funnel, mart_funnel_by_dimension, mart_stage_conversion, mart_sla_compliance,
mart_sql_compliance, fct_lead_scores and mart_win_rates as dbt built them: rates are the
marts' own columns; the page only picks rows (months in range, channels, owners,
opportunity type) and sums counts for the funnel picture.
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


FUNNEL_CUTS = ("industry", "owner", "icp_segment")
TOP_LEADS = 25


def _funnel(language: str) -> str:
    """The funnel by cohort and channel; returns the conversion rate the reader picked."""
    funnel = data.mart("mart_funnel")
    channels = ui.sidebar_multiselect("filter.channel", funnel["channel"], "filter_channels")
    st.subheader(t("funnel.by_cohort"))
    funnel = ui.pick(ui.in_range(funnel, "cohort_month"), "channel", channels)
    if funnel.empty:
        st.info(t("gtm.empty"))
        return "lead_to_won_rate"
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
    return rate


def _funnel_by_dimension(rate: str, language: str) -> None:
    st.subheader(t("funnel.by_dimension"))
    cuts = ui.in_range(data.mart("mart_funnel_by_dimension"), "cohort_month")
    if cuts.empty:
        st.info(t("gtm.empty"))
        return
    st.caption(t("funnel.by_dimension_note"))
    cut = ui.choose(
        t("funnel.dimension"),
        FUNNEL_CUTS,
        lambda d: t(f"dimension.{d}", language),
        default="industry",
        key="funnel_cut",
    )
    rows = cuts[cuts["dimension"] == cut]
    st.plotly_chart(
        charts.heatmap(rows, "cohort_month", "dimension_value", rate, t(f"col.{rate}"), language),
        width="stretch",
        key="funnel_cut_chart",
    )
    ui.show_table(
        rows.sort_values(["cohort_month", "leads"], ascending=[False, False])[
            ["cohort_month", "dimension_value", *STAGES, *FUNNEL_RATES]
        ],
        key="funnel_cut_table",
        file_name=f"funnel_by_cohort_and_{cut}",
        counts=STAGES,
        rates=FUNNEL_RATES,
        months=["cohort_month"],
        height=320,
    )


def _sql_compliance(language: str) -> None:
    st.subheader(t("funnel.sql_compliance"))
    marks = data.mart("mart_sql_compliance")
    if marks.empty:
        st.info(t("gtm.empty"))
        return
    st.caption(t("funnel.sql_compliance_note"))
    marks = marks.assign(owner_name=marks["owner_name"].fillna(marks["owner_id"]))
    marks = marks.sort_values(["invalid_sql_rate", "leads_marked_sql"], ascending=[False, False])
    counts = [
        "leads_marked_sql",
        "valid_sqls",
        "invalid_sqls",
        "invalid_not_an_mql",
        "invalid_mql_after_sql_date",
        "invalid_champ_missing",
    ]
    shown = marks.head(15)
    st.plotly_chart(
        charts.bars(
            list(shown["owner_name"]),
            list(shown["invalid_sql_rate"]),
            t("col.invalid_sql_rate"),
            language,
            "rate",
            horizontal=True,
        ),
        width="stretch",
        key="sql_compliance_chart",
    )
    ui.show_table(
        marks[["owner_name", *counts, "invalid_sql_rate"]],
        key="sql_compliance_table",
        file_name="sql_marking_by_owner",
        counts=counts,
        rates=["invalid_sql_rate"],
        height=320,
    )


def _lead_scores(language: str) -> None:
    st.subheader(t("funnel.lead_scores"))
    leads = data.top_lead_scores(TOP_LEADS)
    if leads.empty:
        st.info(t("gtm.empty"))
        return
    st.caption(
        t(
            "funnel.lead_scores_note",
            date=leads["score_date"].iloc[0].isoformat(),
            count=len(leads),
        )
    )
    ui.show_table(
        leads.drop(columns="score_date"),
        key="lead_scores_table",
        file_name="top_lead_scores",
        counts=["behaviours_to_date"],
        numbers={"lead_score": 1},
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
    rate = _funnel(language)
    _funnel_by_dimension(rate, language)
    _stages(language)
    _sla(language)
    _sql_compliance(language)
    _lead_scores(language)
    _win_rates(language)


ui.guarded(render)
