"""Segments: the ICP table the beachhead is picked from, reference customers against the
3-5 goal, the weekly segment pipeline and the red flags (loss and churn reasons).

Reads mart_icp_segments, mart_icp_reference_customers, mart_icp_pipeline_weekly,
mart_icp_red_flags and mart_nrr_by_dimension (NRR by product, industry, country and ICP
segment) as built; the page filters rows and never recomputes a rate.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboards import charts, data, ui
from dashboards.formatting import format_month
from dashboards.i18n import t

REFERENCE_GOAL = (3, 5)
PIPELINE_STEPS = ("leads", "meetings", "proposals", "contracts")
# mart_nrr_by_dimension's dimensions -> the sidebar filter that picks their values
# (the same session keys as the bridge page's product and account filters).
NRR_FILTERS = {
    "product": ("filter.product", "filter_products"),
    "icp_segment": ("filter.icp_segment", "filter_icp"),
    "industry": ("filter.industry", "filter_industries"),
    "country": ("filter.country", "filter_countries"),
}
NRR_CHART_LINES = 8


def _segment_table(segments_frame: pd.DataFrame, chosen: list[str]) -> None:
    st.subheader(t("segments.table"))
    st.caption(t("segments.table_note"))
    segments = ui.pick(segments_frame, "icp_segment", chosen)
    ui.show_table(
        segments.sort_values(["is_icp_fit", "accounts"], ascending=[False, False])[
            list(data.MART_COLUMNS["mart_icp_segments"])
        ],
        key="segments_table",
        file_name="icp_segments",
        money=["cac"],
        rates=["win_rate", "nrr_12m", "logo_churn_rate", "green_health_share"],
        counts=["accounts", "reference_customers"],
        numbers={"median_sales_cycle_days": 0, "average_health_score": 0},
    )


def _nrr_filters(nrr: pd.DataFrame, chosen_icp: list[str]) -> dict[str, list[str]]:
    chosen = {"icp_segment": chosen_icp}
    for dimension, (label, key) in NRR_FILTERS.items():
        if dimension != "icp_segment":
            values = nrr.loc[nrr["dimension"] == dimension, "dimension_value"]
            chosen[dimension] = ui.sidebar_multiselect(label, values, key)
    return chosen


def _nrr_by_dimension(nrr: pd.DataFrame, chosen: dict[str, list[str]], language: str) -> None:
    _, end = ui.month_range()
    st.subheader(t("segments.nrr", month=format_month(end, language, long=True)))
    st.caption(t("segments.nrr_note"))
    dimension = ui.choose(
        t("segments.nrr_dimension"),
        NRR_FILTERS,
        lambda d: t(f"dimension.{d}", language),
        default="product",
        key="nrr_dimension",
    )
    rows = ui.pick(
        ui.in_range(nrr[nrr["dimension"] == dimension]), "dimension_value", chosen[dimension]
    )
    current = rows[rows["month"] == end]
    if rows.empty or current.empty:
        st.info(t("segments.nrr_empty"))
        return
    # the value breaks ties so equal bases (often zero) keep one order run to run
    current = current.sort_values(
        ["base_mrr_12m", "dimension_value"], ascending=[False, True], kind="stable"
    )
    ui.show_table(
        current.drop(columns=["month", "dimension"]),
        key="segments_nrr",
        file_name=f"nrr_by_{dimension}",
        money=["base_mrr", "base_mrr_12m", "current_mrr_12m"],
        rates=["nrr", "grr", "nrr_12m", "grr_12m"],
        counts=["base_accounts_12m"],
    )
    shown = list(current["dimension_value"][:NRR_CHART_LINES])
    trend = rows[rows["dimension_value"].isin(shown) & rows["nrr_12m"].notna()]
    if not trend.empty:
        st.plotly_chart(
            charts.lines(
                trend,
                "month",
                "nrr_12m",
                "dimension_value",
                t("segments.nrr_chart"),
                language,
            ),
            width="stretch",
            key="segments_nrr_trend",
        )


def _references(segments: pd.DataFrame, chosen: list[str], language: str) -> None:
    st.subheader(t("segments.references"))
    low, high = REFERENCE_GOAL
    st.caption(t("segments.references_note", low=low, high=high))
    segments = ui.pick(segments, "icp_segment", chosen).sort_values(
        "reference_customers", ascending=False
    )
    colours = [
        charts.TEAL if low <= n <= high else charts.GOLD if n > high else charts.RED
        for n in segments["reference_customers"].fillna(0)
    ]
    st.plotly_chart(
        charts.bars(
            list(segments["icp_segment"]),
            list(segments["reference_customers"]),
            t("segments.references_chart"),
            language,
            "count",
            colours=colours,
            horizontal=True,
            goal=(low - 0.5, high + 0.5),
            height=max(300, 34 * len(segments) + 90),
        ),
        width="stretch",
        key="segments_references",
    )
    references = ui.pick(data.mart("mart_icp_reference_customers"), "icp_segment", chosen)
    if references.empty:
        st.info(t("segments.references_empty"))
        return
    ui.show_table(
        references.sort_values(["icp_segment", "mrr"], ascending=[True, False]),
        key="segments_reference_table",
        file_name="reference_customers",
        money=["mrr"],
        counts=["paying_months", "latest_nps_score"],
        numbers={"health_score": 0},
        months=["first_paid_month"],
        height=300,
    )


def _pipeline(chosen: list[str], language: str) -> None:
    st.subheader(t("segments.pipeline"))
    pipeline = ui.pick(
        ui.in_week_range(data.mart("mart_icp_pipeline_weekly"), "week_start"),
        "icp_segment",
        chosen,
    )
    if pipeline.empty:
        st.info(t("gtm.empty"))
        return
    step = ui.choose(
        t("segments.pipeline_step"),
        PIPELINE_STEPS,
        lambda c: t(f"col.{c}", language),
        default="leads",
        key="pipeline_step",
    )
    st.plotly_chart(
        charts.stacked_bars(pipeline, "week_start", step, "icp_segment", t(f"col.{step}")),
        width="stretch",
        key="segments_pipeline",
    )
    ui.show_table(
        pipeline.sort_values(["week_start", "icp_segment"], ascending=[False, True]),
        key="segments_pipeline_table",
        file_name="segment_pipeline_weekly",
        counts=PIPELINE_STEPS,
        height=300,
    )


def _red_flags(chosen: list[str]) -> None:
    st.subheader(t("segments.red_flags"))
    flags = ui.pick(data.mart("mart_icp_red_flags"), "icp_segment", chosen)
    if flags.empty:
        st.info(t("segments.red_flags_empty"))
        return
    st.caption(t("segments.red_flags_note"))
    ui.show_table(
        flags.sort_values(["icp_segment", "reason_type", "reason_rank"]),
        key="segments_red_flags",
        file_name="icp_red_flags",
        counts=["occurrences", "reason_rank"],
        rates=["share_of_type"],
        translate_values={"reason_type": "reason_type"},
        height=320,
    )


def render() -> None:
    language = ui.lang()
    st.title(t("segments.title"))
    segments = data.mart("mart_icp_segments")
    if segments.empty:
        st.info(t("gtm.empty"))
        return
    chosen = ui.sidebar_multiselect("filter.icp_segment", segments["icp_segment"], "filter_icp")
    nrr = data.mart("mart_nrr_by_dimension")
    nrr_chosen = _nrr_filters(nrr, chosen)
    _segment_table(segments, chosen)
    _nrr_by_dimension(nrr, nrr_chosen, language)
    _references(segments, chosen, language)
    _pipeline(chosen, language)
    _red_flags(chosen)


ui.guarded(render)
