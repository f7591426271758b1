"""Overview: headline KPIs of the latest month in range, with the trend over the range."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboards import charts, data, ui
from dashboards.formatting import format_month
from dashboards.i18n import column_label, t
from dashboards.kpis import GROWTH_KPIS, HEADLINE_KPIS
from dashboards.restatements import HEADLINE_METRICS, formatted_table, restatement_lines


def render() -> None:
    language, currency = ui.lang(), ui.currency()
    start, month = ui.month_range()
    st.title(t("overview.title"))
    st.caption(
        t("overview.as_of", month=format_month(month, language, long=True))
        + " · "
        + t("kpi.legend")
    )

    rows = data.kpi_rows(month)
    for row_of_kpis in ui.chunks(HEADLINE_KPIS, 4):
        for column, (label, kind, field, lower) in zip(st.columns(4), row_of_kpis, strict=True):
            with column:
                ui.kpi_tile(t(label), kind, rows, field, lower_is_better=lower)
    growth = [kpi for kpi in GROWTH_KPIS if kpi[2] in data.available_columns("mart_mrr_bridge")]
    if growth:
        for column, (label, kind, field, lower) in zip(st.columns(4), growth, strict=False):
            with column:
                ui.kpi_tile(t(label), kind, rows, field, lower_is_better=lower)
        st.caption(t("kpi.growth_legend"))

    start, _ = ui.month_range()
    st.subheader(
        t(
            "overview.trend",
            start=format_month(start, language, long=True),
            end=format_month(month, language, long=True),
        )
    )
    bridge = ui.in_range(data.bridge())
    monthly = ui.in_range(data.retention_monthly())
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(
            charts.mrr_trend(bridge, data.arr_column(bridge), language, currency),
            width="stretch",
            key="overview_mrr_trend",
        )
    with right:
        st.plotly_chart(
            charts.rate_lines(
                monthly,
                [
                    ("nrr", t("col.nrr"), charts.NAVY),
                    ("grr", t("col.grr"), charts.TEAL),
                ],
                t("overview.trend_rates"),
                language,
            ),
            width="stretch",
            key="overview_rates",
        )

    st.plotly_chart(
        charts.movements_over_time(bridge, language, currency),
        width="stretch",
        key="overview_movements",
    )
    st.caption(t("bridge.sign_convention"))

    st.subheader(t("overview.table"))
    table = bridge[["month", "ending_mrr", "ending_customers"]].assign(
        ending_arr=data.arr_column(bridge)
    )
    table = table.merge(
        monthly[["month", "nrr", "grr", "logo_churn_rate"]], on="month", how="left"
    ).sort_values("month", ascending=False)
    extra = [c for c in ("arpa", "quick_ratio", "mrr_growth_rate") if c in bridge.columns]
    table = table.merge(bridge[["month", *extra]], on="month", how="left")
    table = table[
        [
            "month",
            "ending_mrr",
            "ending_arr",
            "ending_customers",
            *extra,
            "nrr",
            "grr",
            "logo_churn_rate",
        ]
    ]
    ui.show_table(
        table,
        key="overview_table",
        file_name=f"overview_{format_month(month)}",
        money=["ending_mrr", "ending_arr", *[c for c in extra if c == "arpa"]],
        rates=["nrr", "grr", "logo_churn_rate", *[c for c in extra if c == "mrr_growth_rate"]],
        numbers={c: 2 for c in extra if c == "quick_ratio"},
        counts=["ending_customers"],
        months=["month"],
    )
    _restatements(start, month, language, currency)


def _restatements(start: date, end: date, language: str, currency: str) -> None:
    """Months shown whose numbers changed since first reported, and the files that did it."""
    frame = data.restatements(start, end)
    if frame.empty:
        st.caption(t("restated.none"))
        return
    st.subheader(t("restated.title"))
    st.caption(t("restated.caption"))
    for line in restatement_lines(frame, language, currency, HEADLINE_METRICS):
        st.markdown(f"- {line}")
    table = formatted_table(frame, language, currency)
    ui.show_table(
        table.assign(metric=[column_label(m) for m in table["metric"]]),
        key="overview_restatements",
        file_name=f"restatements_{format_month(end)}",
        months=["month"],
    )


ui.guarded(render)
