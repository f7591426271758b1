"""Static matplotlib charts for the deck (Agg backend; no network, no browser)."""

from __future__ import annotations

from typing import Any

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.ticker import FuncFormatter, PercentFormatter  # noqa: E402

from dashboards.formatting import (  # noqa: E402
    format_money,
    is_missing,
    nice_money_ticks,
    trim_zeros,
)
from dashboards.i18n import t  # noqa: E402

NAVY = "#1f3a5f"
TEAL = "#2a9d8f"
RED = "#d1495b"
GOLD = "#e9a23b"
GREY = "#8d99ae"
INK = "#243447"
LIGHT = "#c0c7d1"

WATERFALL_STEPS: tuple[tuple[str, str, int, str], ...] = (
    ("comp.beginning", "beginning_mrr", 1, "absolute"),
    ("comp.new", "new_mrr", 1, "relative"),
    ("comp.expansion", "expansion_mrr", 1, "relative"),
    ("comp.reactivation", "reactivation_mrr", 1, "relative"),
    ("comp.contraction", "contraction_mrr", -1, "relative"),
    ("comp.churn", "churned_mrr", -1, "relative"),
    ("comp.fx", "fx_adjustment_mrr", 1, "relative"),
    ("comp.ending", "ending_mrr", 1, "total"),
)


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color(LIGHT)
    ax.spines["bottom"].set_color(LIGHT)
    ax.tick_params(colors=INK, labelsize=10, length=0)
    ax.grid(axis="y", color="#e6e9ee", linewidth=0.8)
    ax.set_axisbelow(True)


def waterfall(ax: Axes, row: dict[str, Any], language: str, currency: str) -> bool:
    """Draw the month's bridge; returns True when the y axis starts above zero."""
    labels, bottoms, heights, colours, texts = [], [], [], [], []
    running = 0.0
    levels: list[float] = []
    after: list[float] = []
    for key, column, sign, measure in WATERFALL_STEPS:
        value = 0.0 if is_missing(row.get(column)) else sign * float(row[column])
        labels.append(t(key, language))
        if measure == "relative":
            bottoms.append(min(running, running + value))
            heights.append(abs(value))
            colours.append(TEAL if value >= 0 else RED)
            texts.append(format_money(value, language, currency, signed=True))
            levels.extend([running, running + value])
            running += value
            after.append(running)
        else:
            running = value if measure == "absolute" else running
            bottoms.append(0.0)
            heights.append(running)
            colours.append(NAVY)
            texts.append(format_money(running, language, currency))
            levels.append(running)
            after.append(running)
    low, high = min(levels), max(levels)
    spread = max(high - low, abs(high) * 0.02, 1.0)
    floor = max(0.0, low - spread * 1.5) if low > 0 else low - spread * 0.3
    top = high + spread * 0.35
    positions = range(len(labels))
    ax.bar(positions, heights, bottom=bottoms, color=colours, width=0.62, zorder=3)
    for index in range(len(labels) - 1):
        level = after[index]
        ax.plot([index + 0.31, index + 0.69], [level, level], color=LIGHT, linewidth=0.8, zorder=2)
    for index, text in enumerate(texts):
        ax.text(
            index,
            bottoms[index] + heights[index] + (top - floor) * 0.015,
            text,
            ha="center",
            va="bottom",
            fontsize=10,
            color=INK,
            fontweight="semibold" if colours[index] == NAVY else "normal",
        )
    ax.set_xticks(list(positions), labels)
    ax.set_ylim(floor, top)
    ticks, tick_labels = nice_money_ticks(floor, top, language, currency, include_zero=floor <= 0)
    kept = [(v, label) for v, label in zip(ticks, tick_labels, strict=True) if floor <= v <= top]
    ax.set_yticks([v for v, _ in kept], [label for _, label in kept])
    _style(ax)
    return floor > 0


def retention_lines(ax: Axes, monthly: pd.DataFrame, trailing: pd.DataFrame, language: str) -> None:
    series = [
        (monthly, "nrr", t("kpi.nrr", language), NAVY, "-"),
        (monthly, "grr", t("kpi.grr", language), TEAL, "-"),
        (trailing, "nrr_12m", t("kpi.nrr_12m", language), NAVY, "--"),
        (trailing, "grr_12m", t("kpi.grr_12m", language), TEAL, "--"),
    ]
    months = sorted(set(monthly["month"]) | set(trailing.get("month", [])))
    position = {month: index for index, month in enumerate(months)}
    for frame, column, label, colour, style in series:
        if frame.empty or column not in frame.columns:
            continue
        data = frame[["month", column]].dropna()
        if data.empty:
            continue
        ax.plot(
            [position[m] for m in data["month"]],
            data[column].astype(float),
            style,
            color=colour,
            linewidth=2.2,
            marker="o",
            markersize=3.5,
            label=label,
        )
    ax.axhline(1.0, color=GREY, linewidth=0.8, linestyle=":")
    step = 1 if len(months) <= 12 else 3
    ticks = list(range(0, len(months), step))
    ax.set_xticks(ticks, [f"{months[i]:%Y-%m}" for i in ticks])
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax.legend(loc="lower left", ncol=4, frameon=False, fontsize=10, bbox_to_anchor=(0, 1.0))
    _style(ax)


def money_formatter(language: str, currency: str) -> FuncFormatter:
    return FuncFormatter(lambda value, _: format_money(value, language, currency))


def _month_ticks(ax: Axes, months: list[Any], max_ticks: int = 12) -> None:
    step = max(1, -(-len(months) // max_ticks))
    if len(months) > 12:
        step = max(step, 3)
    ticks = list(range(0, len(months), step))
    ax.set_xticks(ticks, [f"{months[i]:%Y-%m}" for i in ticks])


def mrr_trend(ax: Axes, trend: pd.DataFrame, language: str, currency: str) -> None:
    """Ending MRR bars with ARR (= 12 × MRR, the mart's ending_arr) on the right axis."""
    months = list(trend["month"])
    positions = range(len(months))
    values = trend["ending_mrr"].astype(float)
    ax.bar(positions, values, color=NAVY, width=0.7, zorder=3, label=t("kpi.ending_mrr", language))
    ticks, labels = nice_money_ticks(0, float(values.max() or 1), language, currency)
    ax.set_yticks(ticks, labels)
    if len(months):
        ax.text(
            len(months) - 1,
            float(values.iloc[-1]) * 1.02,
            format_money(values.iloc[-1], language, currency),
            ha="center",
            va="bottom",
            fontsize=10,
            color=INK,
            fontweight="semibold",
        )
    # ARR = 12 × MRR: the right axis is the left one scaled, so one bar reads both.
    right = ax.twinx()
    low, high = ax.get_ylim()
    right.set_ylim(low * 12, high * 12)
    right.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: trim_zeros(format_money(value, language, currency)))
    )
    right.tick_params(colors=GREY, labelsize=9, length=0)
    for side in ("top", "left", "bottom"):
        right.spines[side].set_visible(False)
    right.spines["right"].set_color(LIGHT)
    right.set_ylabel("ARR", color=GREY, fontsize=10)
    _month_ticks(ax, months)
    _style(ax)


def funnel_bars(ax: Axes, stages: list[tuple[str, float]]) -> None:
    """Horizontal bars of lead → won counts, widest first, each labelled at its end (long
    English stage names never fall off the left edge)."""
    values = [value for _, value in stages]
    colours = [NAVY, "#6c8ebf", TEAL, GOLD, "#1a7f5a"][: len(stages)]
    ax.barh(range(len(values)), values, color=colours, height=0.62, zorder=3)
    for index, (label, value) in enumerate(stages):
        ax.text(value, index, f"  {label}  {value:,.0f}", va="center", fontsize=11, color=INK)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_xlim(0, max(values + [1]) * 1.6)
    ax.set_xticks([])
    _style(ax)
    ax.grid(False)
    ax.spines["bottom"].set_visible(False)


def month_line(
    ax: Axes,
    frame: pd.DataFrame,
    column: str,
    label: str,
    kind: str,
    language: str,
    currency: str = "KRW",
    colour: str = NAVY,
    x: str = "month",
) -> None:
    """One mart column over months (rate, money or a plain number)."""
    data = frame[[x, column]].dropna()
    months = list(frame[x])
    position = {month: index for index, month in enumerate(months)}
    ax.plot(
        [position[m] for m in data[x]],
        data[column].astype(float),
        "-",
        color=colour,
        linewidth=2.2,
        marker="o",
        markersize=3.5,
        label=label,
    )
    if kind == "rate":
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_ylim(bottom=0)
    elif kind == "money":
        top = float(data[column].max() or 1) if not data.empty else 1.0
        ticks, labels = nice_money_ticks(0, top, language, currency)
        ax.set_yticks(ticks, labels)
    else:
        ax.set_ylim(bottom=0)
    ax.set_title(label, loc="left", fontsize=12, color=INK)
    _month_ticks(ax, months, max_ticks=4)
    _style(ax)
