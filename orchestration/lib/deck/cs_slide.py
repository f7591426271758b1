"""The board deck's customer-success slide: health mix over time, ARR renewing in 90 days
and how much of it is at risk, open alerts by rule and NPS. Reads the customer-success marts
only; a warehouse without them gets a slide that says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd
from matplotlib.axes import Axes

from dashboards.formatting import format_count, format_money, format_month
from dashboards.i18n import t
from orchestration.lib.deck import charts
from orchestration.lib.deck.canvas import SLIDE_WIDTH, Canvas
from orchestration.lib.deck.content import DeckContent, Table

ALERT_TYPES = (
    "usage_drop",
    "ticket_burst",
    "detractor",
    "invoice_overdue",
    "urgent_ticket_open",
    "inactive",
)
COLORS = {"green": charts.TEAL, "yellow": charts.GOLD, "red": charts.RED}
MIX_MONTHS = 12


@dataclass(frozen=True)
class CsContent:
    available: bool
    health_month: date | None = None
    mix: pd.DataFrame = field(default_factory=pd.DataFrame)  # month, health_color, accounts
    colours: dict[str, int] = field(default_factory=dict)
    renewing_90: float = 0.0
    at_risk_90: float = 0.0
    alerts: dict[str, int] = field(default_factory=dict)
    nps_month: date | None = None
    nps: float | None = None


def load_cs_content(warehouse: str, month: date) -> CsContent:
    """Customer-success figures up to the deck's month (alerts and renewals as built)."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {
            row[0]
            for row in connection.execute(
                "select table_name from information_schema.tables where table_schema = 'main'"
            ).fetchall()
        }
        needed = {"mart_account_health", "mart_account_alerts", "mart_renewals", "mart_nps"}
        if not needed <= tables:
            return CsContent(available=False)
        mix = connection.execute(
            "select month, health_color, count(*) as accounts from main.mart_account_health "
            "where health_color is not null and month <= ? "
            "group by month, health_color order by month",
            [month],
        ).df()
        renewals = connection.execute(
            'select coalesce(sum(arr_due) filter (where "window" <= 90), 0), '
            'coalesce(sum(arr_due) filter (where "window" <= 90 '
            "and health_color in ('red', 'yellow')), 0) from main.mart_renewals"
        ).fetchone()
        alerts = dict(
            connection.execute(
                "select alert_type, count(*) from main.mart_account_alerts where is_open "
                "group by alert_type"
            ).fetchall()
        )
        nps = connection.execute(
            "select month, nps from main.mart_nps where responses > 0 and month <= ? "
            "order by month desc limit 1",
            [month],
        ).fetchone()
    finally:
        connection.close()
    if not mix.empty:
        mix["month"] = [pd.Timestamp(v).date() for v in mix["month"]]
    health_month = max(mix["month"]) if not mix.empty else None
    latest = mix[mix["month"] == health_month] if health_month else mix
    return CsContent(
        available=True,
        health_month=health_month,
        mix=mix,
        colours={
            str(c): int(n) for c, n in zip(latest["health_color"], latest["accounts"], strict=True)
        },
        renewing_90=float(renewals[0]),
        at_risk_90=float(renewals[1]),
        alerts={str(k): int(v) for k, v in alerts.items()},
        nps_month=pd.Timestamp(nps[0]).date() if nps else None,
        nps=float(nps[1]) if nps and nps[1] is not None else None,
    )


def _mix_chart(ax: Axes, mix: pd.DataFrame, language: str) -> None:
    months = sorted(set(mix["month"]))[-MIX_MONTHS:]
    bottom = [0.0] * len(months)
    labels = [format_month(m, language) for m in months]
    for colour in ("green", "yellow", "red"):
        part = mix[mix["health_color"] == colour].set_index("month")["accounts"]
        values = [float(part.get(m, 0)) for m in months]
        ax.bar(
            labels,
            values,
            bottom=bottom,
            color=COLORS[colour],
            label=t(f"color.{colour}", language),
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title(t("health.mix", language), loc="left", fontsize=13, color=charts.INK)
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    ax.legend(loc="upper left", fontsize=9, frameon=False, ncols=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def customer_success_slide(canvas: Canvas, content: DeckContent, number: int, total: int) -> None:
    from orchestration.lib.deck.slides import INK, MARGIN, MUTED, _footnote, _frame

    language = content.language
    _frame(canvas, content, t("deck.cs_title", language), number, total)
    cs: CsContent | None = content.customer_success
    if cs is None or not cs.available or cs.health_month is None:
        canvas.text(MARGIN, 1.5, 10, 0.5, t("cs.not_built", language), size=14, color=MUTED)
        return
    canvas.chart(MARGIN - 0.3, 1.3, 7.4, 5.1, lambda ax: _mix_chart(ax, cs.mix, language))
    x, w = 7.7, SLIDE_WIDTH - 7.7 - MARGIN
    month_label = format_month(cs.health_month, language)
    boxes = [
        (
            t("deck.cs_mix", language, month=month_label),
            " / ".join(format_count(cs.colours.get(c, 0)) for c in ("green", "yellow", "red")),
        ),
        (t("deck.cs_renewing", language), format_money(cs.renewing_90, language, content.currency)),
        (t("deck.cs_at_risk", language), format_money(cs.at_risk_90, language, content.currency)),
        (
            t(
                "deck.cs_nps",
                language,
                month=format_month(cs.nps_month, language) if cs.nps_month else "–",
            ),
            "–" if cs.nps is None else f"{cs.nps:+.0f}" if round(cs.nps) else "0",
        ),
    ]
    for index, (label, value) in enumerate(boxes):
        y = 1.4 + index * 0.86
        canvas.box(x, y, w, 0.76, fill="#f5f7fa", line="#d5dbe3", rounded=True)
        canvas.text(x + 0.2, y + 0.06, w - 0.4, 0.3, label, size=11, color=MUTED)
        canvas.text(x + 0.2, y + 0.32, w - 0.4, 0.42, value, size=18, bold=True, color=INK)
    table = Table(
        columns=[t("deck.cs_alerts", language), ""],
        rows=[
            [t(f"alert.{a}", language), format_count(cs.alerts.get(a, 0))]
            for a in ALERT_TYPES
            if cs.alerts.get(a, 0)
        ]
        or [[t("health.no_alerts", language), ""]],
        numeric=[False, True],
    )
    canvas.table(x, 4.9, w, table, size=10, row_height=0.26, widths=[w - 0.9, 0.9])
    _footnote(canvas, t("deck.cs_note", language), top=6.55, height=0.4, size=9)
