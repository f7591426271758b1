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
    _footnote(canvas, t("deck.footnote_rates", content.language), top=6.3, height=0.5)


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
    _footnote(canvas, t("deck.footnote_rates", language), top=6.55, height=0.4)


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


def _footnote(canvas: Canvas, text: str, *, top: float, height: float, size: int = 10) -> None:
    """The grey note across the foot of a slide (definitions, windows, sign rules)."""
    canvas.text(MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, height, text, size=size, color=MUTED)


def _empty(canvas: Canvas, language: str) -> None:
    canvas.text(MARGIN, 1.5, 10, 0.5, t("deck.no_data", language), size=14, color=MUTED)


def summary_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.summary", language), number, total)
    y = 1.45
    for sentence in content.summary:
        canvas.box(MARGIN, y + 0.12, 0.1, 0.1, fill="#e9a23b")
        canvas.text(MARGIN + 0.35, y, SLIDE_WIDTH - 2 * MARGIN - 0.35, 0.9, sentence, size=17)
        y += 1.0
    _footnote(canvas, t("deck.summary_note", language), top=6.55, height=0.4)


def trend_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.trend", language), number, total)
    canvas.chart(
        MARGIN - 0.3,
        1.3,
        SLIDE_WIDTH - 2 * MARGIN + 0.3,
        5.2,
        partial(
            charts.mrr_trend, trend=content.trend, language=language, currency=content.currency
        ),
    )
    _footnote(canvas, t("deck.trend_note", language), top=6.55, height=0.4)


def funnel_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.funnel", language), number, total)
    if not content.funnel_stages:
        _empty(canvas, language)
        return
    canvas.text(MARGIN, 1.25, 6.0, 0.35, content.funnel_label, size=12, color=MUTED)
    canvas.chart(
        MARGIN - 0.2, 1.6, 5.8, 4.6, partial(charts.funnel_bars, stages=content.funnel_stages)
    )
    wins = content.win_rates
    if not wins.empty:
        canvas.chart(
            6.6,
            1.3,
            3.2,
            4.9,
            partial(
                charts.month_line,
                frame=wins,
                column="win_rate",
                label=t("col.win_rate", language),
                kind="rate",
                language=language,
                x="close_month",
            ),
        )
        canvas.chart(
            9.9,
            1.3,
            3.2,
            4.9,
            partial(
                charts.month_line,
                frame=wins,
                column="median_sales_cycle_days",
                label=t("col.median_sales_cycle_days", language),
                kind="number",
                language=language,
                colour=charts.TEAL,
                x="close_month",
            ),
        )
    _footnote(canvas, t("deck.funnel_note", language), top=6.45, height=0.5)


def unit_economics_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.unit_economics", language), number, total)
    if not content.unit_kpis:
        _empty(canvas, language)
        return
    gap = 0.2
    width = (SLIDE_WIDTH - 2 * MARGIN - 4 * gap) / 5
    for index, (label, value) in enumerate(content.unit_kpis):
        x = MARGIN + index * (width + gap)
        canvas.box(x, 1.35, width, 1.25, fill="#ffffff", line="#d5dbe3", rounded=True)
        canvas.text(x + 0.2, 1.5, width - 0.4, 0.3, label, size=12, color=MUTED)
        canvas.text(x + 0.2, 1.85, width - 0.4, 0.6, value, size=24, bold=True, color=INK)
    frame = content.unit_economics
    for index, (column, kind, colour) in enumerate(
        (
            ("cac", "money", NAVY),
            ("ltv_to_cac", "number", charts.TEAL),
            ("gross_margin_pct", "rate", charts.GOLD),
        )
    ):
        canvas.chart(
            MARGIN - 0.2 + index * 4.15,
            2.8,
            4.1,
            3.5,
            partial(
                charts.month_line,
                frame=frame,
                column=column,
                label=t(f"col.{column}", language),
                kind=kind,
                language=language,
                currency=content.currency,
                colour=colour,
            ),
        )
    _footnote(canvas, content.unit_window, top=6.4, height=0.6)


def segments_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    language = content.language
    _frame(canvas, content, t("deck.segments", language), number, total)
    table = content.segment_table
    if table is None or not table.rows:
        _empty(canvas, language)
        return
    widths = [2.7, 0.65, 0.8, 1.25, 1.9, 1.1, 1.0, 1.25, 1.583]
    canvas.table(
        MARGIN, 1.35, SLIDE_WIDTH - 2 * MARGIN, table, size=9, row_height=0.4, widths=widths
    )
    _footnote(canvas, t("deck.segments_note", language), top=6.3, height=0.6)


SLIDES: tuple[Callable[[Canvas, DeckContent, int, int], None], ...] = (
    title_slide,
    summary_slide,
    kpi_slide,
    trend_slide,
    bridge_slide,
    retention_slide,
    cohort_slide,
    movements_slide,
    funnel_slide,
    unit_economics_slide,
    segments_slide,
    customer_success_slide,
)

# Speaker notes: the definitions behind each slide (i18n keys), in the deck's language.
NOTES: dict[Callable[..., None], str] = {
    title_slide: "deck.notes.title",
    summary_slide: "deck.notes.summary",
    kpi_slide: "deck.notes.kpis",
    trend_slide: "deck.notes.trend",
    bridge_slide: "deck.notes.bridge",
    retention_slide: "deck.notes.retention",
    cohort_slide: "deck.notes.cohorts",
    movements_slide: "deck.notes.movements",
    funnel_slide: "deck.notes.funnel",
    unit_economics_slide: "deck.notes.unit_economics",
    segments_slide: "deck.notes.segments",
    customer_success_slide: "deck.notes.customer_success",
}


def speaker_notes(slide: Callable[..., None], language: str) -> str:
    key = NOTES.get(slide)
    return t(key, language) if key else ""
