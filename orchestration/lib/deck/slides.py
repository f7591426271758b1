"""The board deck's slides, written once against Canvas (see canvas.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from dashboards.i18n import t
from orchestration.lib.deck import charts
from orchestration.lib.deck.canvas import SLIDE_HEIGHT, SLIDE_WIDTH, Canvas
from orchestration.lib.deck.content import DeckContent, Kpi
from orchestration.lib.deck.cs_slide import customer_success_slide

NAVY = "#1f3a5f"
INK = "#243447"
MUTED = "#6b7785"
GREEN = "#1a7f5a"
RED = "#b3261e"
MARGIN = 0.55

Slide = Callable[[Canvas, DeckContent], None]


def _frame(canvas: Canvas, content: DeckContent, title: str, number: int, total: int) -> None:
    canvas.box(0, 0, SLIDE_WIDTH, 0.12, fill=NAVY)
    canvas.text(MARGIN, 0.38, 10.5, 0.6, title, size=26, bold=True, color=NAVY)
    canvas.text(
        SLIDE_WIDTH - MARGIN - 4.0,
        0.5,
        4.0,
        0.4,
        content.month_label,
        size=13,
        color=MUTED,
        align="right",
    )
    canvas.box(MARGIN, 1.08, SLIDE_WIDTH - 2 * MARGIN, 0.02, fill="#d5dbe3")
    canvas.text(
        MARGIN,
        SLIDE_HEIGHT - 0.42,
        8.0,
        0.3,
        t("deck.generated", content.language, date=content.generated.isoformat()),
        size=9,
        color=MUTED,
    )
    canvas.text(
        SLIDE_WIDTH - MARGIN - 2.0,
        SLIDE_HEIGHT - 0.42,
        2.0,
        0.3,
        t("deck.page", content.language, n=number, total=total),
        size=9,
        color=MUTED,
        align="right",
    )


def title_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    canvas.box(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, fill=NAVY)
    canvas.box(MARGIN, 3.55, 1.2, 0.06, fill="#e9a23b")
    canvas.text(
        MARGIN, 2.3, 12.0, 1.0, t("deck.title", language), size=40, bold=True, color="#ffffff"
    )
    canvas.text(
        MARGIN,
        3.85,
        12.0,
        0.6,
        t("deck.subtitle", language, month=content.month_label, currency=content.currency),
        size=20,
        color="#dbe4ef",
    )
    canvas.text(
        MARGIN,
        SLIDE_HEIGHT - 0.9,
        12.0,
        0.4,
        t("deck.generated", language, date=content.generated.isoformat()),
        size=12,
        color="#b8c4d3",
    )


def _change_colour(good: bool | None) -> str:
    return MUTED if good is None else GREEN if good else RED


def _kpi_card(
    canvas: Canvas, kpi: Kpi, x: float, y: float, w: float, h: float, language: str
) -> None:
    canvas.box(x, y, w, h, fill="#ffffff", line="#d5dbe3", rounded=True)
    canvas.text(x + 0.22, y + 0.2, w - 0.44, 0.35, kpi.label, size=13, color=MUTED)
    canvas.text(x + 0.22, y + 0.58, w - 0.44, 0.7, kpi.value, size=30, bold=True, color=INK)
    canvas.text(
        x + 0.22,
        y + 1.38,
        w - 0.44,
        0.3,
        f"{t('kpi.vs_prior', language)}  {kpi.vs_prior}",
        size=11,
        color=_change_colour(kpi.prior_good),
    )
    canvas.text(
        x + 0.22,
        y + 1.7,
        w - 0.44,
        0.3,
        f"{t('kpi.vs_year', language)}  {kpi.vs_year}",
        size=11,
        color=_change_colour(kpi.year_good),
    )


def kpi_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    _frame(canvas, content, t("deck.kpis", content.language), number, total)
    gap = 0.25
    width = (SLIDE_WIDTH - 2 * MARGIN - 3 * gap) / 4
    height = 2.15
    for index, kpi in enumerate(content.kpis):
        row, column = divmod(index, 4)
        _kpi_card(
            canvas,
            kpi,
            MARGIN + column * (width + gap),
            1.4 + row * (height + gap),
            width,
            height,
            content.language,
        )
    canvas.text(
        MARGIN,
        6.3,
        SLIDE_WIDTH - 2 * MARGIN,
        0.5,
        t("deck.footnote_rates", content.language),
        size=10,
        color=MUTED,
    )


def bridge_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.bridge", language), number, total)
    truncated: list[bool] = []

    def draw(axes: object) -> None:
        truncated.append(charts.waterfall(axes, content.bridge_row, language, content.currency))

    canvas.chart(MARGIN - 0.3, 1.3, 8.3, 5.2, draw)
    table_x = 8.65
    canvas.table(
        table_x, 1.5, 4.15, content.bridge_table, size=12, row_height=0.42, widths=[1.95, 2.2]
    )
    notes = t("bridge.identity", language)
    if truncated and truncated[0]:
        notes += "\n" + t("bridge.axis_note", language)
    canvas.text(table_x, 5.45, 4.15, 0.9, notes, size=10, color=MUTED)


def retention_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.retention", language), number, total)
    canvas.chart(
        MARGIN - 0.3,
        1.35,
        9.2,
        5.3,
        partial(
            charts.retention_lines,
            monthly=content.monthly,
            trailing=content.trailing,
            language=language,
        ),
    )
    x = 9.6
    for index, key in enumerate(("nrr", "grr", "nrr_12m", "grr_12m")):
        y = 1.55 + index * 1.05
        canvas.box(x, y, 3.2, 0.9, fill="#f5f7fa", line="#d5dbe3", rounded=True)
        canvas.text(x + 0.2, y + 0.1, 2.9, 0.3, t(f"kpi.{key}", language), size=11, color=MUTED)
        canvas.text(
            x + 0.2, y + 0.38, 2.9, 0.45, content.latest_rates[key], size=20, bold=True, color=INK
        )
    canvas.text(
        MARGIN,
        6.55,
        SLIDE_WIDTH - 2 * MARGIN,
        0.4,
        t("deck.footnote_rates", language),
        size=10,
        color=MUTED,
    )


def cohort_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.cohorts", language), number, total)
    table = content.cohort_table
    if not table.rows:
        canvas.text(
            MARGIN, 1.5, 10, 0.5, t("retention.cohort_empty", language), size=14, color=MUTED
        )
        return
    canvas.text(
        MARGIN,
        1.25,
        12,
        0.35,
        t("deck.cohorts_note", language, n=len(table.rows)),
        size=11,
        color=MUTED,
    )
    widths = [1.7, 1.5] + [(SLIDE_WIDTH - 2 * MARGIN - 3.2) / (len(table.columns) - 2)] * (
        len(table.columns) - 2
    )
    row_height = min(0.36, 4.9 / (len(table.rows) + 1))
    canvas.table(
        MARGIN, 1.7, SLIDE_WIDTH - 2 * MARGIN, table, size=11, row_height=row_height, widths=widths
    )


def movements_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(
        canvas, content, t("deck.top_movements", language, month=content.month_label), number, total
    )
    table = content.top_movements
    if not table.rows:
        canvas.text(MARGIN, 1.5, 10, 0.5, t("deck.none", language), size=14, color=MUTED)
        return
    widths = [3.8, 1.8, 2.6, 1.3, 2.723]
    canvas.table(
        MARGIN, 1.4, SLIDE_WIDTH - 2 * MARGIN, table, size=12, row_height=0.42, widths=widths
    )


SLIDES: tuple[Callable[[Canvas, DeckContent, int, int], None], ...] = (
    title_slide,
    kpi_slide,
    bridge_slide,
    retention_slide,
    cohort_slide,
    movements_slide,
    customer_success_slide,
)
