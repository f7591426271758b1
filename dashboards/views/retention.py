"""Retention: monthly and trailing-12-month NRR/GRR, and the cohort heatmap."""

from __future__ import annotations

import streamlit as st

from dashboards import charts, data, ui
from dashboards.i18n import t


def render() -> None:
    language = ui.lang()
    st.title(t("retention.title"))

    segment = ui.segment_picker()
    if segment:
        st.info(
            t("segment.showing", segment=ui.segment_label(*segment))
            + " "
            + t("segment.company_only")
        )
        monthly = ui.in_range(data.segment_bridge(*segment))
    else:
        monthly = ui.in_range(data.retention_monthly())
    trailing = data.retention_trailing_12m()
    trailing = ui.in_range(trailing) if not trailing.empty else trailing

    left, right = st.columns(2)
    with left:
        st.plotly_chart(
            charts.rate_lines(
                monthly,
                [("nrr", t("col.nrr"), charts.NAVY), ("grr", t("col.grr"), charts.TEAL)],
                t("retention.monthly"),
                language,
            ),
            width="stretch",
            key="retention_monthly",
        )
    with right:
        if trailing.empty:
            st.info(t("retention.trailing_empty"))
        else:
            st.plotly_chart(
                charts.rate_lines(
                    trailing,
                    [
                        ("nrr_12m", t("col.nrr_12m"), charts.NAVY),
                        ("grr_12m", t("col.grr_12m"), charts.TEAL),
                    ],
                    t("retention.trailing"),
                    language,
                ),
                width="stretch",
                key="retention_trailing",
            )

    st.subheader(t("retention.cohorts"))
    mode = ui.choose(
        t("retention.cohort_mode"),
        ["revenue_retention", "logo_retention"],
        lambda m: t(
            "retention.mode_revenue" if m == "revenue_retention" else "retention.mode_logo",
            language,
        ),
        default="revenue_retention",
        key="cohort_mode",
    )
    cohorts = data.cohort_retention()
    if not cohorts.empty:
        cohorts = ui.in_range(cohorts, "cohort_month")
    if cohorts.empty:
        st.info(t("retention.cohort_empty"))
    else:
        st.plotly_chart(
            charts.cohort_heatmap(
                cohorts,
                mode,
                t("col.revenue_retention" if mode == "revenue_retention" else "col.logo_retention"),
                language,
            ),
            width="stretch",
            key="cohort_heatmap",
        )
        st.caption(
            t("retention.cohort_note", horizon=charts.COHORT_HORIZON)
            + " "
            + t("retention.cohort_sizes", n=charts.MIN_COHORT_SIZE)
        )

    st.subheader(t("retention.table"))
    table = monthly[
        [
            c
            for c in ("month", "nrr", "grr", "logo_churn_rate", "revenue_churn_rate")
            if c in monthly.columns
        ]
    ]
    if not trailing.empty:
        table = table.merge(trailing[["month", "nrr_12m", "grr_12m"]], on="month", how="left")
    rate_columns = [c for c in table.columns if c != "month"]
    ui.show_table(
        table.sort_values("month", ascending=False),
        key="retention_table",
        file_name="retention_monthly",
        rates=rate_columns,
        months=["month"],
    )

    if not cohorts.empty:
        st.subheader(t("retention.cohort_table"))
        ui.show_table(
            cohorts.sort_values(["cohort_month", "months_since_start"]),
            key="cohort_table",
            file_name="cohort_retention",
            money=["cohort_starting_mrr", "mrr"],
            rates=["logo_retention", "revenue_retention"],
            counts=["cohort_size", "active_accounts", "months_since_start"],
            months=["cohort_month"],
            height=360,
        )


ui.guarded(render)
