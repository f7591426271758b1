"""Plotly figures for the boards: drawing only, values come straight from the marts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboards.formatting import (
    MISSING,
    format_count,
    format_money,
    format_month,
    format_pct,
    is_missing,
    nice_money_ticks,
)
from dashboards.i18n import t

FONT = "Pretendard, 'Noto Sans KR', 'Noto Sans CJK KR', NanumGothic, 'Source Sans Pro', sans-serif"
NAVY = "#1f3a5f"
TEAL = "#2a9d8f"
RED = "#d1495b"
GOLD = "#e9a23b"
GREY = "#8d99ae"
LIGHT_NAVY = "#6c8ebf"
# The default, not a per-figure setting: plotly applies the default template when it
# serialises a figure, while assigning the template object to every figure validates the
# whole template again (about 40 ms a chart, a quarter of a page on the 2,000-account bench).
pio.templates.default = "plotly_white"


def _layout(figure: go.Figure, title: str, height: int = 380) -> go.Figure:
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": FONT, "size": 13, "color": "#243447"},
        height=height,
        margin={"l": 10, "r": 10, "t": 56, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        hoverlabel={"font": {"family": FONT}},
        separators=".,",
    )
    return figure


def _legend_below(figure: go.Figure) -> None:
    """Many series: the legend goes under the chart so it never covers the title."""
    figure.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0}
    )


def _money_axis(
    figure: go.Figure, values: Sequence[float], language: str, currency: str, **kw: Any
) -> None:
    finite = [float(v) for v in values if not is_missing(v)]
    if not finite:
        return
    tickvals, ticktext = nice_money_ticks(min(finite), max(finite), language, currency)
    figure.update_yaxes(tickvals=tickvals, ticktext=ticktext, **kw)


def _month_labels(months: Sequence[Any], language: str) -> list[str]:
    return [format_month(m, language) for m in months]


def _month_axis(figure: go.Figure, months: Sequence[Any], max_ticks: int = 7) -> None:
    """Real date axis with YYYY-MM ticks; plotly spaces at most `max_ticks` of them."""
    figure.update_xaxes(type="date", tickformat="%Y-%m", nticks=max_ticks, tickangle=0)
    if len(months) <= 3:
        figure.update_xaxes(dtick="M1")


def _dates(months: Sequence[Any]) -> list[pd.Timestamp]:
    return [pd.Timestamp(m) for m in months]


def waterfall(row: dict[str, Any], language: str, currency: str) -> go.Figure:
    """Beginning → movements → ending for one month of mart_mrr_bridge."""
    steps = [
        ("comp.beginning", row["beginning_mrr"], "absolute"),
        ("comp.new", row["new_mrr"], "relative"),
        ("comp.expansion", row["expansion_mrr"], "relative"),
        ("comp.reactivation", row["reactivation_mrr"], "relative"),
        # The mart keeps contraction and churn positive; the bridge subtracts them.
        ("comp.contraction", -float(row["contraction_mrr"] or 0), "relative"),
        ("comp.churn", -float(row["churned_mrr"] or 0), "relative"),
        ("comp.fx", row["fx_adjustment_mrr"], "relative"),
        ("comp.ending", row["ending_mrr"], "total"),
    ]
    labels = [t(key, language) for key, _, _ in steps]
    values = [0.0 if is_missing(v) else float(v) for _, v, _ in steps]
    measures = [measure for _, _, measure in steps]
    texts = [
        format_money(v, language, currency, signed=m == "relative")
        for v, m in zip(values, measures, strict=True)
    ]
    figure = go.Figure(
        go.Waterfall(
            x=labels,
            y=[v if m != "total" else 0 for v, m in zip(values, measures, strict=True)],
            measure=measures,
            text=texts,
            textposition="outside",
            textfont={"size": 13},
            customdata=texts,
            hovertemplate="%{x}: %{customdata}<extra></extra>",
            connector={"line": {"color": "#c0c7d1", "width": 1, "dash": "dot"}},
            increasing={"marker": {"color": TEAL}},
            decreasing={"marker": {"color": RED}},
            totals={"marker": {"color": NAVY}},
            cliponaxis=False,
        )
    )
    _layout(
        figure,
        t("bridge.chart", language, month=format_month(row["month"], language, long=True)),
        440,
    )
    levels = _waterfall_levels(values, measures)
    low, high = min(levels), max(levels)
    spread = max(high - low, abs(high) * 0.02, 1.0)
    # Movements are a few % of MRR: start the axis near the lowest level (the caption says
    # so) or they would be invisible slivers on top of two tall bars.
    bottom = max(0.0, low - spread * 1.5) if low > 0 else low - spread * 0.3
    top = high + spread * 0.35
    ticks, labels = nice_money_ticks(bottom, top, language, currency, count=5, include_zero=False)
    kept = [(v, label) for v, label in zip(ticks, labels, strict=True) if bottom <= v <= top]
    figure.update_yaxes(
        range=[bottom, top],
        tickvals=[v for v, _ in kept],
        ticktext=[label for _, label in kept],
    )
    figure.update_layout(showlegend=False)
    return figure


def waterfall_starts_at_zero(figure: go.Figure) -> bool:
    axis_range = figure.layout.yaxis.range
    return axis_range is None or axis_range[0] <= 0


def _waterfall_levels(values: list[float], measures: list[str]) -> list[float]:
    running, levels = 0.0, []
    for value, measure in zip(values, measures, strict=True):
        if measure == "absolute":
            running = value
        elif measure == "relative":
            levels.append(running)
            running += value
        levels.append(running)
    return levels


def mrr_trend(frame: pd.DataFrame, arr: pd.Series, language: str, currency: str) -> go.Figure:
    """Ending MRR bars with ending customers on a second axis."""
    months = _dates(frame["month"])
    mrr_text = [format_money(v, language, currency) for v in frame["ending_mrr"]]
    arr_text = [format_money(v, language, currency) for v in arr]
    figure = go.Figure()
    figure.add_bar(
        x=months,
        y=frame["ending_mrr"],
        name=t("kpi.ending_mrr", language),
        marker_color=NAVY,
        customdata=list(zip(mrr_text, arr_text, strict=True)),
        hovertemplate="%{x|%Y-%m}<br>MRR %{customdata[0]}<br>ARR %{customdata[1]}<extra></extra>",
    )
    figure.add_scatter(
        x=months,
        y=frame["ending_customers"],
        name=t("chart.customers", language),
        mode="lines+markers",
        line={"color": GOLD, "width": 2.5},
        yaxis="y2",
        customdata=[format_count(v) for v in frame["ending_customers"]],
        hovertemplate="%{x|%Y-%m}<br>%{customdata}<extra></extra>",
    )
    _layout(figure, t("overview.trend_mrr", language))
    _money_axis(figure, list(frame["ending_mrr"]) + [0], language, currency, title=None)
    figure.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickformat": ",d",
            "tickmode": "auto",
            "nticks": 5,
        },
        bargap=0.25,
    )
    _month_axis(figure, months)
    return figure


def rate_lines(
    frame: pd.DataFrame, series: Sequence[tuple[str, str, str]], title: str, language: str
) -> go.Figure:
    """Lines of rate columns (fractions) over months: (column, label, colour)."""
    figure = go.Figure()
    months = _dates(frame["month"])
    for column, label, colour in series:
        if column not in frame.columns:
            continue
        figure.add_scatter(
            x=months,
            y=frame[column],
            name=label,
            mode="lines+markers",
            line={"color": colour, "width": 2.5},
            customdata=[format_pct(v) for v in frame[column]],
            hovertemplate=f"{label} %{{x|%Y-%m}}: %{{customdata}}<extra></extra>",
        )
    _layout(figure, title)
    figure.update_yaxes(tickformat=".0%")
    _month_axis(figure, months)
    figure.add_hline(y=1.0, line={"color": GREY, "width": 1, "dash": "dot"})
    return figure


COHORT_HORIZON = 12


MIN_COHORT_SIZE = 5
# (value column, numerator, denominator) for the size-weighted average row.
_COHORT_AVERAGE = {
    "logo_retention": ("active_accounts", "cohort_size"),
    "revenue_retention": ("mrr", "cohort_starting_mrr"),
}


def cohort_heatmap(
    cohorts: pd.DataFrame, value_column: str, title: str, language: str
) -> go.Figure:
    """Cohorts × months since start (0..12: the first year reads at a glance).

    Row labels carry the cohort size; cohorts under MIN_COHORT_SIZE accounts are grey (one
    account more or less swings them); the last row is the average over the other cohorts,
    weighted by size (Σ active ÷ Σ size, Σ MRR ÷ Σ starting MRR of the mart's rows)."""
    cohorts = cohorts[cohorts["months_since_start"] <= COHORT_HORIZON]
    pivot = cohorts.pivot_table(
        index="cohort_month", columns="months_since_start", values=value_column, aggfunc="first"
    ).sort_index()
    sizes = cohorts.groupby("cohort_month")["cohort_size"].first().reindex(pivot.index)
    small = [not is_missing(n) and float(n) < MIN_COHORT_SIZE for n in sizes]
    y_labels = [
        f"{label} · {format_count(n)}"
        for label, n in zip(_month_labels(pivot.index, language), sizes, strict=True)
    ]
    values = pivot.to_numpy(dtype=float)
    numerator, denominator = _COHORT_AVERAGE.get(value_column, (None, None))
    average: list[float | None] = []
    if numerator:
        kept = cohorts[~cohorts["cohort_month"].isin(pivot.index[small])]
        sums = kept.groupby("months_since_start")[[numerator, denominator]].sum()
        for k in pivot.columns:
            row = sums.loc[k] if k in sums.index else None
            ok = row is not None and float(row[denominator]) > 0
            average.append(float(row[numerator]) / float(row[denominator]) if ok else None)
    z_main = [[None if small[i] else v for v in row] for i, row in enumerate(values)]
    z_small = [[v if small[i] else None for v in row] for i, row in enumerate(values)]
    labels = list(y_labels)
    if average:
        z_main.append(average)
        z_small.append([None] * len(average))
        labels.append(t("retention.cohort_average", language, n=MIN_COHORT_SIZE))
    text = [[format_pct(v) if not is_missing(v) else "" for v in row] for row in z_main]
    text_small = [[format_pct(v) if not is_missing(v) else "" for v in row] for row in z_small]
    x = [str(k) for k in pivot.columns]
    top = max(1.0, float(pd.Series(values.ravel()).max(skipna=True) or 1))
    figure = go.Figure(
        go.Heatmap(
            z=z_main,
            x=x,
            y=labels,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11},
            colorscale=[[0, "#fbe3e6"], [0.5, "#f4f1de"], [0.8, "#cfe8e3"], [1, "#2a9d8f"]],
            zmin=0,
            zmax=top,
            colorbar={"tickformat": ".0%", "thickness": 12},
            hovertemplate="%{y} · +%{x}: %{text}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    if any(small):
        figure.add_heatmap(
            z=z_small,
            x=x,
            y=labels,
            text=text_small,
            texttemplate="%{text}",
            textfont={"size": 11, "color": "#8d99ae"},
            colorscale=[[0, "#eceff3"], [1, "#eceff3"]],
            showscale=False,
            hovertemplate="%{y} · +%{x}: %{text}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    height = max(320, 28 * len(labels) + 120)
    _layout(figure, title, height)
    figure.update_yaxes(
        autorange="reversed", type="category", title=t("retention.cohort_month_axis", language)
    )
    figure.update_xaxes(type="category", title=t("retention.cohort_axis", language), side="top")
    figure.update_layout(margin={"l": 10, "r": 10, "t": 90, "b": 10})
    return figure


def account_history(frame: pd.DataFrame, language: str, currency: str) -> go.Figure:
    months = _dates(frame["month"])
    text = [format_money(v, language, currency) for v in frame["mrr"]]
    local = [
        format_money(v, language, c or currency, compact=False)
        for v, c in zip(frame["mrr_local"], frame["currency"], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=months,
            y=frame["mrr"],
            marker_color=NAVY,
            customdata=list(zip(text, local, strict=True)),
            hovertemplate="%{x|%Y-%m}<br>%{customdata[0]}<br>"
            + t("chart.local", language)
            + ": %{customdata[1]}<extra></extra>",
            name=t("chart.mrr", language),
        )
    )
    _layout(figure, t("account.history", language), 340)
    _money_axis(figure, list(frame["mrr"]) + [0], language, currency)
    _month_axis(figure, months)
    figure.update_layout(showlegend=False)
    return figure


PALETTE = (NAVY, TEAL, GOLD, RED, LIGHT_NAVY, GREY, "#7b5ea7", "#5c946e", "#c97b63", "#3d5a80")


def _format_value(value: Any, kind: str, language: str, currency: str) -> str:
    if kind == "money":
        return format_money(value, language, currency)
    if kind == "rate":
        return format_pct(value)
    if kind == "count":
        return format_count(value)
    return MISSING if is_missing(value) else f"{float(value):,.1f}"


def _value_axis(
    figure: go.Figure, values: Sequence[Any], kind: str, language: str, currency: str
) -> None:
    if kind == "money":
        _money_axis(figure, list(values) + [0], language, currency)
    elif kind == "rate":
        figure.update_yaxes(tickformat=".0%", rangemode="tozero")
    else:
        figure.update_yaxes(tickformat=",~r", rangemode="tozero")


def lines(
    frame: pd.DataFrame,
    x: str,
    y: str,
    group: str | None,
    title: str,
    language: str,
    kind: str = "rate",
    currency: str = "KRW",
    *,
    labels: dict[str, str] | None = None,
    height: int = 360,
) -> go.Figure:
    """One line per value of `group` (or a single line): mart values over months or weeks."""
    figure = go.Figure()
    groups = sorted(frame[group].dropna().unique()) if group else [None]
    for index, name in enumerate(groups):
        part = frame if name is None else frame[frame[group] == name]
        part = part.sort_values(x)
        label = (labels or {}).get(str(name), str(name)) if name is not None else title
        figure.add_scatter(
            x=_dates(part[x]),
            y=part[y],
            name=label,
            mode="lines+markers",
            line={"color": PALETTE[index % len(PALETTE)], "width": 2.2},
            marker={"size": 5},
            customdata=[_format_value(v, kind, language, currency) for v in part[y]],
            hovertemplate=f"{label} %{{x|%Y-%m-%d}}: %{{customdata}}<extra></extra>",
            connectgaps=False,
        )
    many = len(groups) > 4
    _layout(figure, title, height + 60 if many else height)
    _value_axis(figure, list(frame[y]), kind, language, currency)
    _month_axis(figure, list(frame[x]))
    figure.update_layout(showlegend=group is not None)
    if many:
        _legend_below(figure)
    return figure


def bars(
    categories: Sequence[str],
    values: Sequence[Any],
    title: str,
    language: str,
    kind: str = "count",
    currency: str = "KRW",
    *,
    colour: str = NAVY,
    colours: Sequence[str] | None = None,
    horizontal: bool = False,
    height: int = 360,
    goal: tuple[float, float] | None = None,
) -> go.Figure:
    """Bars of mart values by category, labelled with the formatted value."""
    text = [_format_value(v, kind, language, currency) for v in values]
    marker = {"color": list(colours) if colours else colour}
    if horizontal:
        trace = go.Bar(
            y=list(categories), x=list(values), orientation="h", text=text, marker=marker
        )
    else:
        trace = go.Bar(x=list(categories), y=list(values), text=text, marker=marker)
    trace.update(textposition="outside", cliponaxis=False, hovertemplate="%{text}<extra></extra>")
    figure = go.Figure(trace)
    _layout(figure, title, height)
    if goal is not None:
        low, high = goal
        if horizontal:
            figure.add_vrect(x0=low, x1=high, fillcolor=TEAL, opacity=0.12, line_width=0)
        else:
            figure.add_hrect(y0=low, y1=high, fillcolor=TEAL, opacity=0.12, line_width=0)
    if horizontal:
        figure.update_yaxes(autorange="reversed", type="category")
        finite = [float(v) for v in values if not is_missing(v)]
        # Room on the right for the value labels drawn outside the bars.
        figure.update_xaxes(range=[0, max(finite + [goal[1] if goal else 0, 1e-9]) * 1.3])
        if kind == "rate":
            figure.update_xaxes(tickformat=".0%")
        elif kind == "money":
            figure.update_xaxes(showticklabels=False)
    else:
        _value_axis(figure, list(values), kind, language, currency)
        figure.update_xaxes(type="category")
    figure.update_layout(showlegend=False)
    return figure


def funnel(stages: Sequence[tuple[str, Any]], title: str, height: int = 360) -> go.Figure:
    """Lead → won counts; plotly labels each step with its share of the first and the step
    before (display of the counts, not a stored metric)."""
    figure = go.Figure(
        go.Funnel(
            y=[label for label, _ in stages],
            x=[0 if is_missing(v) else float(v) for _, v in stages],
            texttemplate="%{value:,d}",
            marker={"color": [NAVY, LIGHT_NAVY, TEAL, GOLD, "#1a7f5a"][: len(stages)]},
            connector={"line": {"color": "#c0c7d1", "width": 1}},
            hovertemplate="%{y}: %{value:,d}<extra></extra>",
        )
    )
    _layout(figure, title, height)
    return figure


def movements_over_time(frame: pd.DataFrame, language: str, currency: str) -> go.Figure:
    """Stacked monthly movements of mart_mrr_bridge: gains up, losses down (bridge sign)."""
    figure = go.Figure()
    months = _dates(frame["month"])
    series = [
        ("comp.new", "new_mrr", 1, TEAL),
        ("comp.expansion", "expansion_mrr", 1, "#7fc8bd"),
        ("comp.reactivation", "reactivation_mrr", 1, LIGHT_NAVY),
        ("comp.contraction", "contraction_mrr", -1, GOLD),
        ("comp.churn", "churned_mrr", -1, RED),
    ]
    totals: list[float] = []
    for key, column, sign, colour in series:
        values = [sign * (0.0 if is_missing(v) else float(v)) for v in frame[column]]
        totals.extend(values)
        figure.add_bar(
            x=months,
            y=values,
            name=t(key, language),
            marker_color=colour,
            customdata=[format_money(v, language, currency, signed=True) for v in values],
            hovertemplate=f"{t(key, language)} %{{x|%Y-%m}}: %{{customdata}}<extra></extra>",
        )
    figure.update_layout(barmode="relative", bargap=0.25)
    _layout(figure, t("overview.movements", language))
    gains = frame[["new_mrr", "expansion_mrr", "reactivation_mrr"]].astype(float).sum(axis=1)
    losses = -frame[["contraction_mrr", "churned_mrr"]].astype(float).sum(axis=1)
    _money_axis(figure, list(gains) + list(losses), language, currency)
    _month_axis(figure, months)
    return figure


def heatmap(
    frame: pd.DataFrame,
    x: str,
    y: str,
    value: str,
    title: str,
    language: str,
    *,
    y_labels: dict[str, str] | None = None,
) -> go.Figure:
    """Rates of a mart laid out as rows (channel, owner) × periods (month, week)."""
    pivot = frame.pivot_table(index=y, columns=x, values=value, aggfunc="first").sort_index(axis=1)
    z = pivot.to_numpy(dtype=float)
    # Values are written in the cells only when there are few columns; otherwise the hover
    # shows them and a matrix of unused labels would only weigh on the page.
    labelled = len(pivot.columns) <= 16
    text = (
        [[format_pct(v) if not is_missing(v) else "" for v in row] for row in z]
        if labelled
        else None
    )
    columns = [format_month(c, language) if x.endswith("month") else str(c) for c in pivot.columns]
    if not x.endswith("month"):
        columns = [pd.Timestamp(c).strftime("%m-%d") for c in pivot.columns]
    rows = [(y_labels or {}).get(str(r), str(r)) for r in pivot.index]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            text=text,
            texttemplate="%{text}" if labelled else "",
            textfont={"size": 10},
            colorscale=[[0, "#f6d5da"], [0.5, "#f4f1de"], [1, TEAL]],
            zmin=0,
            zmax=1,
            colorbar={"tickformat": ".0%", "thickness": 12},
            hovertemplate="%{y} · %{x}: %{z:.1%}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    _layout(figure, title, max(260, 30 * len(rows) + 120))
    # Category axes label every column: keep about eight labels so they never overlap.
    step = max(1, -(-len(columns) // 8))
    figure.update_xaxes(
        type="category", tickangle=0, tickvals=columns[::step], ticktext=columns[::step]
    )
    figure.update_yaxes(type="category", autorange="reversed")
    return figure


def stacked_bars(
    frame: pd.DataFrame,
    x: str,
    y: str,
    group: str,
    title: str,
    *,
    labels: dict[str, str] | None = None,
) -> go.Figure:
    """Counts of a mart stacked by `group` over weeks or months."""
    figure = go.Figure()
    for index, name in enumerate(sorted(frame[group].dropna().unique())):
        part = frame[frame[group] == name].sort_values(x)
        label = (labels or {}).get(str(name), str(name))
        figure.add_bar(
            x=_dates(part[x]),
            y=part[y],
            name=label,
            marker_color=PALETTE[index % len(PALETTE)],
            hovertemplate=f"{label} %{{x|%Y-%m-%d}}: %{{y:,d}}<extra></extra>",
        )
    figure.update_layout(barmode="stack", bargap=0.15)
    _layout(figure, title, 440)
    _legend_below(figure)
    figure.update_yaxes(tickformat=",d", rangemode="tozero")
    _month_axis(figure, list(frame[x]))
    return figure


def stacked_money(
    frame: pd.DataFrame, x: str, y: str, group: str, title: str, language: str, currency: str
) -> go.Figure:
    """Money of a mart stacked by `group` over months (parts that add up to a total)."""
    figure = stacked_bars(frame, x, y, group, title)
    for trace in figure.data:
        trace.customdata = [format_money(v, language, currency) for v in trace.y]
        trace.hovertemplate = f"{trace.name} %{{x|%Y-%m}}: %{{customdata}}<extra></extra>"
    totals = frame.groupby(x)[y].sum()
    _money_axis(figure, list(totals), language, currency)
    figure.update_yaxes(tickformat=None)
    return figure
