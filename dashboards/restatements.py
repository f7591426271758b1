"""Restatements in words, one line per month and KPI, for the Overview and the board deck.

"2024년 12월 기말 MRR 정정 +₩12,000 …" / "December 2024 Ending MRR restated +₩12,000
(₩476,000 → ₩488,000, first reported 2025-03-15): late invoice in billing/stripe/…".
The numbers are mart_restatements' own; nothing is computed here but the wording.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from dashboards.formatting import (
    MISSING,
    format_count,
    format_money,
    format_month,
    is_missing,
)
from dashboards.i18n import TEXT, column_label, t
from dashboards.kpis import HEADLINE_KPIS

HEADLINE_METRICS: tuple[str, ...] = tuple(field for _, _, field, _ in HEADLINE_KPIS)


# A restated rate often moves by hundredths of a point: two decimals, not the board's one.
RATE_DECIMALS = 2


def _level(kind: str, value: Any, language: str, currency: str) -> str:
    if kind == "money":
        return format_money(value, language, currency, compact=False)
    if kind == "rate":
        return MISSING if is_missing(value) else f"{float(value) * 100:,.{RATE_DECIMALS}f}%"
    return format_count(value)


def _change(kind: str, value: Any, language: str, currency: str) -> str:
    if kind == "money":
        return format_money(value, language, currency, compact=False, signed=True)
    if kind == "rate":
        if is_missing(value):
            return MISSING
        points = round(float(value) * 100, RATE_DECIMALS) + 0.0  # no "-0.00"
        suffix = "%p" if language == "ko" else " pp"
        return f"{'+' if points > 0 else ''}{points:,.{RATE_DECIMALS}f}{suffix}"
    return format_count(value, signed=True)


def cause(files: Any, count: Any, language: str) -> str:
    """The first late file, named by what it holds, and how many more there are."""
    if is_missing(files) or not str(files).strip():
        return t("restated.cause.none", language)
    paths = [p.strip() for p in str(files).split(",") if p.strip()]
    first = paths[0]
    kind = PurePosixPath(first).parent.name
    key = f"restated.cause.{kind}" if f"restated.cause.{kind}" in TEXT else "restated.cause.file"
    text = t(key, language, path=first)
    more = (int(count) if not is_missing(count) else len(paths)) - 1
    return text + (t("restated.more_files", language, n=more) if more > 0 else "")


def restatement_lines(
    frame: pd.DataFrame,
    language: str,
    currency: str,
    metrics: Iterable[str] | None = None,
) -> list[str]:
    """One sentence per row of mart_restatements (newest month first), optionally only
    for `metrics`, in the order given."""
    if frame is None or frame.empty:
        return []
    rows = frame
    if metrics is not None:
        order = {metric: index for index, metric in enumerate(metrics)}
        rows = rows[rows["metric"].isin(order)]
        rows = rows.assign(_order=rows["metric"].map(order)).sort_values(
            ["month", "_order"], ascending=[False, True]
        )
    else:
        rows = rows.sort_values(["month", "metric"], ascending=[False, True])
    lines = []
    for row in rows.to_dict("records"):
        kind = row.get("value_kind") or "money"
        difference = row.get("difference")
        lines.append(
            t(
                "restated.line",
                language,
                month=format_month(row["month"], language, long=True),
                metric=column_label(row["metric"], language),
                change=(
                    _change(kind, difference, language, currency)
                    if not is_missing(difference)
                    else ""
                ),
                reported=_level(kind, row.get("reported_value"), language, currency),
                current=_level(kind, row.get("current_value"), language, currency),
                reported_at=str(row.get("reported_at")),
                cause=cause(row.get("landing_files"), row.get("landing_file_count"), language),
            ).replace("  ", " ")
        )
    return lines


def formatted_table(frame: pd.DataFrame, language: str, currency: str) -> pd.DataFrame:
    """mart_restatements with each value written in its own kind (money, rate, count)."""
    kinds = frame["value_kind"] if "value_kind" in frame.columns else ["money"] * len(frame)
    table = pd.DataFrame({"month": frame["month"], "metric": frame["metric"]})
    for column, writer in (
        ("reported_value", _level),
        ("current_value", _level),
        ("difference", _change),
    ):
        table[column] = [
            writer(kind or "money", value, language, currency) if not is_missing(value) else "–"
            for kind, value in zip(kinds, frame[column], strict=True)
        ]
    table["reported_at"] = [str(value) for value in frame["reported_at"]]
    if "landing_files" in frame.columns:
        table["landing_files"] = [
            "" if is_missing(value) else str(value) for value in frame["landing_files"]
        ]
    return table.reset_index(drop=True)
