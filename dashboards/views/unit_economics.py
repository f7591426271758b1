"""Unit economics: CAC, payback, LTV, LTV/CAC and gross margin over time and by channel.

Every figure is a column of mart_unit_economics (or _by_channel) for month M, computed by
dbt over the three-month window W = M−2..M; the page picks months and channels only.
"""

from __future__ import annotations

import streamlit as st

from dashboards import charts, data, ui
from dashboards.formatting import format_money, format_month, format_number, format_pct
from dashboards.i18n import t

# (mart column, value kind for formatting, chart colour)
SERIES: tuple[tuple[str, str], ...] = (
    ("cac", "money"),
    ("cac_payback_months", "number"),
    ("ltv", "money"),
    ("ltv_to_cac", "number"),
    ("gross_margin_pct", "rate"),
)


def _value(kind: str, value: object, language: str, currency: str) -> str:
    if kind == "money":
        return format_money(value, language, currency)
    if kind == "rate":
        return format_pct(value)
    return format_number(value, 1)


def render() -> None:
    language, currency = ui.lang(), ui.currency()
    st.title(t("unit.title"))
    economics = ui.in_range(data.mart("mart_unit_economics"))
    if economics.empty:
        st.info(t("gtm.empty"))
        return
    latest = economics.sort_values("month").iloc[-1].to_dict()
    month = latest["month"]
    st.info(
        t(
            "unit.window",
            month=format_month(month, language, long=True),
            start=format_month(latest["window_start_month"], language, long=True),
        ),
        icon=":material/date_range:",
    )
    for column, (field, kind) in zip(st.columns(len(SERIES)), SERIES, strict=True):
        with column:
            st.metric(
                t(f"col.{field}"), _value(kind, latest.get(field), language, currency), border=True
            )

    st.subheader(t("unit.over_time"))
    left, right = st.columns(2)
    for index, (field, kind) in enumerate(SERIES):
        with left if index % 2 == 0 else right:
            st.plotly_chart(
                charts.lines(
                    economics, "month", field, None, t(f"col.{field}"), language, kind, currency
                ),
                width="stretch",
                key=f"unit_{field}",
            )
    ui.show_table(
        economics.sort_values("month", ascending=False)[
            list(data.MART_COLUMNS["mart_unit_economics"])
        ],
        key="unit_table",
        file_name="unit_economics",
        money=["acquisition_cost", "cac", "ltv"],
        rates=["gross_margin_pct"],
        counts=["new_customers"],
        numbers={"cac_payback_months": 1, "ltv_to_cac": 1},
        months=["month", "window_start_month"],
    )

    st.subheader(t("unit.by_channel", month=format_month(month, language, long=True)))
    st.caption(t("unit.channel_note"))
    channels = data.mart("mart_unit_economics_by_channel")
    chosen = ui.sidebar_multiselect("filter.channel", channels["channel"], "filter_channels")
    channels = ui.pick(ui.in_range(channels), "channel", chosen)
    current = channels[(channels["month"] == month) & channels["cac"].notna()].sort_values(
        ["cac", "channel"], ascending=[False, True], kind="stable"
    )
    if current.empty:
        st.info(t("gtm.empty"))
        return
    left, right = st.columns(2)
    with left:
        st.plotly_chart(
            charts.bars(
                list(current["channel"]),
                list(current["cac"]),
                t("unit.channel_cac", month=format_month(month, language)),
                language,
                "money",
                currency,
                horizontal=True,
            ),
            width="stretch",
            key="unit_channel_bars",
        )
    with right:
        st.plotly_chart(
            charts.lines(
                channels, "month", "cac", "channel", t("unit.channel_trend"), language, "money"
            ),
            width="stretch",
            key="unit_channel_lines",
        )
    ui.show_table(
        channels.sort_values(["month", "channel"], ascending=[False, True]),
        key="unit_channel_table",
        file_name="cac_by_channel",
        money=["marketing_spend", "cac"],
        counts=["new_customers"],
        months=["month"],
        height=320,
    )


ui.guarded(render)
