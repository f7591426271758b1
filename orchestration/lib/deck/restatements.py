"""The deck's restatements slide: numbers of the months the deck shows (the 24-month
trend up to its month) that changed since first reported, and the late files behind them.

Added after the other slides only when there is something to say (see `slides_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from dashboards.i18n import t
from dashboards.restatements import HEADLINE_METRICS, restatement_lines
from orchestration.lib.deck.canvas import SLIDE_WIDTH, Canvas
from orchestration.lib.deck.content import BRIDGE_ROWS, TREND_MONTHS, DeckContent, _shift
from orchestration.lib.deck.slides import INK, MARGIN, MUTED, _frame

# Headline KPIs first, then the bridge's components; other KPIs stay in mart_restatements.
DECK_METRICS: tuple[str, ...] = HEADLINE_METRICS + tuple(
    column for _, column, _ in BRIDGE_ROWS if column not in HEADLINE_METRICS
)
MAX_LINES = 9


def load_restatement_lines(warehouse: Path, month: date, language: str, currency: str) -> list[str]:
    """One sentence per restated KPI of the deck's months, newest month first."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        exists = connection.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'main' and table_name = 'mart_restatements'"
        ).fetchone()[0]
        if not exists:
            return []
        frame: pd.DataFrame = connection.execute(
            "select * from main.mart_restatements where month between ? and ?",
            [_shift(month, -(TREND_MONTHS - 1)), month],
        ).df()
    if frame.empty:
        return []
    frame["month"] = [pd.Timestamp(value).date() for value in frame["month"]]
    frame["reported_at"] = [pd.Timestamp(value).date() for value in frame["reported_at"]]
    return restatement_lines(frame, language, currency, DECK_METRICS)


def restatements_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.restatements", language), number, total)
    canvas.text(
        MARGIN, 1.2, SLIDE_WIDTH - 2 * MARGIN, 0.4, t("restated.caption", language),
        size=11, color=MUTED,
    )  # fmt: skip
    lines = content.restatements
    shown = lines[:MAX_LINES] if len(lines) <= MAX_LINES else lines[: MAX_LINES - 1]
    for index, line in enumerate(shown):
        canvas.text(
            MARGIN, 1.7 + index * 0.52, SLIDE_WIDTH - 2 * MARGIN, 0.5, f"• {line}",
            size=11, color=INK,
        )  # fmt: skip
    if len(shown) < len(lines):
        canvas.text(
            MARGIN, 1.7 + len(shown) * 0.52, SLIDE_WIDTH - 2 * MARGIN, 0.4,
            t("restated.more_rows", language, n=len(lines) - len(shown)),
            size=11, color=MUTED,
        )  # fmt: skip


def slides_for(
    content: DeckContent, slides: tuple[Callable[[Canvas, DeckContent, int, int], None], ...]
) -> tuple[Callable[[Canvas, DeckContent, int, int], None], ...]:
    """The deck's slides, plus the restatements slide when a month it shows was restated."""
    return slides + (restatements_slide,) if content.restatements else slides
