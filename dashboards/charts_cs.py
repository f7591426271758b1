"""Plotly figures of the customer-success boards: drawing only, values from the marts."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboards import charts
from dashboards.charts import GOLD, NAVY, RED, TEAL, _layout, _money_axis, _month_axis
from dashboards.formatting import format_count, format_money, format_pct
from dashboards.i18n import TEXT, t

COLORS = {"green": TEAL, "yellow": GOLD, "red": RED}
COMPONENTS = ("adoption", "engagement", "support", "survey", "billing", "growth")


def health_mix(frame: pd.DataFrame, language: str) -> go.Figure:
    """Stacked bars: accounts per month and health colour."""
    figure = go.Figure()
    for color in ("green", "yellow", "red"):
        part = frame[frame["health_color"] == color]
        figure.add_bar(
            x=pd.to_datetime(part["month"]),
            y=part["accounts"],
            name=t(f"color.{color}", language),
            marker_color=COLORS[color],
            hovertemplate="%{x|%Y-%m}: %{y}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    _month_axis(figure, list(frame["month"]))
    return _layout(figure, t("health.mix", language))


def renewal_calendar(frame: pd.DataFrame, language: str, currency: str) -> go.Figure:
    """ARR due per renewal window, stacked by health colour (grey: no colour)."""
    figure = go.Figure()
    windows = [30, 60, 90, 120]
    labels = [t("renewals.window", language, n=w) for w in windows]
    totals = frame.groupby("window")["arr_due"].sum() if not frame.empty else pd.Series()
    for color in ("green", "yellow", "red", None):
        part = (
            frame[frame["health_color"].isna()]
            if color is None
            else frame[frame["health_color"] == color]
        )
        sums = part.groupby("window")["arr_due"].sum() if not part.empty else pd.Series()
        values = [float(sums.get(w, 0.0)) for w in windows]
        figure.add_bar(
            x=labels,
            y=values,
            name=t(f"color.{color}", language) if color else t("account.cs_none", language),
            marker_color=COLORS.get(color or "", "#8d99ae"),
            hovertext=[format_money(v, language, currency) for v in values],
            hoverinfo="text+name",
        )
    figure.update_layout(barmode="stack")
    _money_axis(figure, [float(totals.max()) if len(totals) else 0.0, 0.0], language, currency)
    return _layout(figure, t("renewals.calendar", language))


def rate_lines(
    frame: pd.DataFrame, columns: list[tuple[str, str, str]], title: str, percent: bool = True
) -> go.Figure:
    figure = go.Figure()
    for column, label, color in columns:
        values = frame[column]
        figure.add_scatter(
            x=pd.to_datetime(frame["month"]),
            y=values,
            name=label,
            mode="lines+markers",
            line={"color": color, "width": 2},
            connectgaps=True,
            hovertext=[format_pct(v) if percent else format_count(v) for v in values],
            hoverinfo="text+name",
        )
    if percent:
        figure.update_yaxes(tickformat=".0%")
    _month_axis(figure, list(frame["month"]))
    return _layout(figure, title)


def account_health(frame: pd.DataFrame, language: str) -> go.Figure:
    """An account's health score by month with its colour bands."""
    figure = go.Figure()
    for low, high, color in ((0, 70, RED), (70, 85, GOLD), (85, 100, TEAL)):
        figure.add_hrect(y0=low, y1=high, fillcolor=color, opacity=0.08, line_width=0)
    figure.add_scatter(
        x=pd.to_datetime(frame["month"]),
        y=frame["health_score"],
        mode="lines+markers",
        name=t("col.health_score", language),
        line={"color": NAVY, "width": 2},
    )
    figure.update_yaxes(range=[0, 100])
    _month_axis(figure, list(frame["month"]))
    return _layout(figure, t("account.health_history", language), height=320)


def account_usage(frame: pd.DataFrame, language: str) -> go.Figure:
    figure = go.Figure()
    figure.add_bar(
        x=pd.to_datetime(frame["month"]),
        y=frame["active_users"],
        name=t("col.active_users", language),
        marker_color=TEAL,
    )
    figure.add_scatter(
        x=pd.to_datetime(frame["month"]),
        y=frame["seats"],
        name=t("col.seats", language),
        mode="lines",
        line={"color": NAVY, "width": 2, "dash": "dot"},
    )
    _month_axis(figure, list(frame["month"]))
    return _layout(figure, t("account.usage", language), height=320)


def csm_load(frame: pd.DataFrame, guide: pd.DataFrame, language: str) -> go.Figure:
    """Each CSM's high- and low-touch accounts as bars, the book's accounts-per-CSM guide of
    each tier (seed touch_tiers) as a band in the same colour."""
    figure = go.Figure()
    names = [str(n) for n in frame["csm_name"]]
    tiers = (("high_touch", NAVY), ("low_touch", TEAL))
    for tier, colour in tiers:
        figure.add_bar(
            x=names,
            y=frame[f"{tier}_accounts"],
            name=t(f"touch_tier.{tier}", language),
            marker_color=colour,
            hovertemplate="%{x}: %{y:,d}<extra>" + t(f"touch_tier.{tier}", language) + "</extra>",
        )
    rows = {row["touch_tier"]: row for row in guide.to_dict("records")}
    top = max([0.0, *[float(v) for v in frame["low_touch_accounts"].fillna(0)]])
    for tier, colour in tiers:
        row = rows.get(tier)
        if row is None or pd.isna(row["accounts_per_csm_min"]):
            continue
        low = float(row["accounts_per_csm_min"])
        # "20-50+": no upper end draws the band to the top of the chart.
        high = top if pd.isna(row["accounts_per_csm_max"]) else float(row["accounts_per_csm_max"])
        figure.add_hrect(
            y0=low,
            y1=max(high, low),
            fillcolor=colour,
            opacity=0.10,
            line_width=0,
            annotation_text=guide_band(row, language),
            annotation_position="top left",
            annotation_font={"size": 11, "color": colour},
        )
    figure.update_layout(barmode="group", bargap=0.2)
    figure.update_xaxes(type="category", tickangle=-45 if len(names) > 12 else 0)
    figure.update_yaxes(tickformat=",d", rangemode="tozero")
    return _layout(figure, t("cs.coverage_chart", language), height=420)


def guide_band(row: dict, language: str) -> str:
    """'High touch: 5-15 accounts per CSM' from a row of seed touch_tiers ('' without one)."""
    low, high = row.get("accounts_per_csm_min"), row.get("accounts_per_csm_max")
    if low is None or pd.isna(low):
        return ""
    return t(
        "cs.guide_band",
        language,
        tier=t(f"touch_tier.{row['touch_tier']}", language),
        low=f"{float(low):,.0f}",
        high="" if high is None or pd.isna(high) else f"{float(high):,.0f}",
    )


def value_label(prefix: str, value: object, language: str) -> object:
    """The label of a stored code (milestone.first_login), else the value as stored: the
    seeds may hold codes the boards have no label for."""
    key = f"{prefix}.{value}"
    return t(key, language) if key in TEXT else value


@st.cache_resource(show_spinner=False, max_entries=64)
def figure(name: str, *args: Any, **kwargs: Any) -> go.Figure:
    """A chart of the customer-success sections built once per input: plotly validates every
    property it is given (a tenth of a second for a few traces), the mart rows behind a chart
    change only with a new build. Keyed by the chart's name and its arguments (rows,
    language, currency, title), the figure is shared read-only (st.plotly_chart does not
    change it)."""
    builders = {
        "stacked_money": charts.stacked_money,
        "lines": charts.lines,
        "heatmap": charts.heatmap,
        "csm_load": csm_load,
    }
    return builders[name](*args, **kwargs)
