"""The deck's executive summary and its acquisition and segment slides, from the marts.

The summary is three to five sentences filled into fixed templates (dashboards/i18n.py,
`deck.sum_*`) with mart values and differences of mart values: what moved (the bridge and
the largest account movements), retention against the month before, and the funnel. No
model writes prose here; the same marts always give the same sentences.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from dashboards.formatting import (
    format_count,
    format_money,
    format_month,
    format_number,
    format_pct,
    format_pct_points,
    is_missing,
)
from dashboards.i18n import t
from orchestration.lib.deck.content import Table

MAX_SENTENCES = 5
FUNNEL_STAGES = ("leads", "mqls", "sqls", "opportunities", "won")
WIN_TYPE = "New Business"
TREND_MONTHS = 24


def _shift(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


def _row(frame: pd.DataFrame, column: str, value: Any) -> dict[str, Any]:
    if frame.empty or column not in frame.columns:
        return {}
    match = frame[frame[column] == value]
    return {} if match.empty else match.iloc[0].to_dict()


def _money(value: Any, language: str, currency: str, *, signed: bool = False) -> str:
    return format_money(value, language, currency, signed=signed)


def _mrr_sentence(row: dict[str, Any], language: str, currency: str) -> str:
    change = float(row["ending_mrr"]) - float(row["beginning_mrr"])
    growth = row.get("mrr_growth_rate")
    return t(
        "deck.sum_mrr",
        language,
        month=format_month(row["month"], language, long=True),
        mrr=_money(row["ending_mrr"], language, currency),
        arr=_money(row.get("ending_arr", float(row["ending_mrr"]) * 12), language, currency),
        change=_money(change, language, currency, signed=True),
        growth="" if is_missing(growth) else f" ({format_pct(growth, signed=True)})",
    )


def _movements_sentence(row: dict[str, Any], language: str, currency: str) -> str:
    quick = row.get("quick_ratio")
    return t(
        "deck.sum_movements",
        language,
        new=_money(row["new_mrr"], language, currency),
        expansion=_money(row["expansion_mrr"], language, currency),
        reactivation=_money(row["reactivation_mrr"], language, currency),
        churn=_money(row["churned_mrr"], language, currency),
        contraction=_money(row["contraction_mrr"], language, currency),
        quick=""
        if is_missing(quick)
        else t("deck.sum_quick", language, ratio=format_number(quick, 2)),
    )


def _top_sentence(movements: pd.DataFrame, language: str, currency: str) -> str | None:
    if movements.empty:
        return None
    items = []
    for row in movements.head(2).itertuples():
        name = row.account_name if isinstance(row.account_name, str) else row.account_id
        items.append(
            t(
                "deck.sum_top_item",
                language,
                movement=t(f"movement.{row.movement_type}", language),
                account=name,
                amount=_money(row.mrr_change, language, currency, signed=True),
            )
        )
    joiner = ", " if language == "en" else ", "
    return t("deck.sum_top", language, items=joiner.join(items))


def _retention_sentence(
    monthly: pd.DataFrame, trailing: pd.DataFrame, month: date, language: str
) -> str | None:
    now, before = _row(monthly, "month", month), _row(monthly, "month", _shift(month, -1))
    if is_missing(now.get("nrr")):
        return None
    trailing_now = _row(trailing, "month", month)
    trailing_before = _row(trailing, "month", _shift(month, -1))

    def change(current: Any, prior: Any) -> str:
        if is_missing(current) or is_missing(prior):
            return t("kpi.no_comparison", language)
        return format_pct_points(float(current) - float(prior), language)

    sentence = t(
        "deck.sum_retention",
        language,
        nrr=format_pct(now["nrr"]),
        nrr_change=change(now.get("nrr"), before.get("nrr")),
        grr=format_pct(now.get("grr")),
    )
    if not is_missing(trailing_now.get("nrr_12m")):
        sentence += " " + t(
            "deck.sum_retention_12m",
            language,
            nrr=format_pct(trailing_now["nrr_12m"]),
            change=change(trailing_now.get("nrr_12m"), trailing_before.get("nrr_12m")),
        )
    return sentence


def _funnel_sentence(
    acquisition: dict[str, pd.DataFrame], month: date, language: str
) -> str | None:
    funnel = acquisition.get("mart_funnel", pd.DataFrame())
    if funnel.empty:
        return None
    leads_now = funnel.loc[funnel["cohort_month"] == month, "leads"].sum()
    leads_before = funnel.loc[funnel["cohort_month"] == _shift(month, -1), "leads"].sum()
    wins = acquisition.get("mart_win_rates", pd.DataFrame())
    won = _row(wins[wins["type"] == WIN_TYPE] if not wins.empty else wins, "close_month", month)
    sentence = t(
        "deck.sum_funnel",
        language,
        month=format_month(month, language, long=True),
        leads=format_count(leads_now),
        change=format_count(float(leads_now) - float(leads_before), signed=True),
    )
    if won:
        sentence += " " + t(
            "deck.sum_wins",
            language,
            won=format_count(won.get("won_opportunities")),
            win_rate=format_pct(won.get("win_rate")),
            cycle=format_number(won.get("median_sales_cycle_days"), 0),
        )
    return sentence


def executive_summary(
    bridge: pd.DataFrame,
    monthly: pd.DataFrame,
    trailing: pd.DataFrame,
    movements: pd.DataFrame,
    acquisition: dict[str, pd.DataFrame],
    month: date,
    language: str,
    currency: str,
) -> list[str]:
    """Three to five sentences: MRR, its movements, the largest account moves, retention
    against the month before, and the funnel (when its marts exist)."""
    row = _row(bridge, "month", month)
    sentences = [
        _mrr_sentence(row, language, currency),
        _movements_sentence(row, language, currency),
        _top_sentence(movements, language, currency),
        _retention_sentence(monthly, trailing, month, language),
        _funnel_sentence(acquisition, month, language),
    ]
    return [s for s in sentences if s][:MAX_SENTENCES]


def acquisition_content(
    acquisition: dict[str, pd.DataFrame], month: date, language: str, currency: str
) -> dict[str, Any]:
    """Funnel, win-rate, unit-economics and segment content of the deck, as built."""
    start = _shift(month, -2)
    funnel = acquisition.get("mart_funnel", pd.DataFrame())
    stages: list[tuple[str, float]] = []
    if not funnel.empty:
        window = funnel[(funnel["cohort_month"] >= start) & (funnel["cohort_month"] <= month)]
        stages = [
            (t(f"col.{stage}", language), float(window[stage].sum())) for stage in FUNNEL_STAGES
        ]
    wins = acquisition.get("mart_win_rates", pd.DataFrame())
    if not wins.empty:
        wins = wins[
            (wins["type"] == WIN_TYPE)
            & (wins["close_month"] > _shift(month, -12))
            & (wins["close_month"] <= month)
        ].sort_values("close_month")
    economics = acquisition.get("mart_unit_economics", pd.DataFrame())
    unit_kpis: list[tuple[str, str]] = []
    unit_window = ""
    if not economics.empty:
        economics = economics[
            (economics["month"] > _shift(month, -TREND_MONTHS)) & (economics["month"] <= month)
        ].sort_values("month")
        latest = _row(economics, "month", month)
        if latest:
            unit_kpis = [
                (t("col.cac", language), format_money(latest.get("cac"), language, currency)),
                (
                    t("col.cac_payback_months", language),
                    format_number(latest.get("cac_payback_months"), 1),
                ),
                (t("col.ltv", language), format_money(latest.get("ltv"), language, currency)),
                (t("col.ltv_to_cac", language), format_number(latest.get("ltv_to_cac"), 1)),
                (t("col.gross_margin_pct", language), format_pct(latest.get("gross_margin_pct"))),
            ]
            unit_window = t(
                "unit.window",
                language,
                month=format_month(month, language, long=True),
                start=format_month(latest.get("window_start_month"), language, long=True),
            )
    return {
        "funnel_stages": stages,
        "funnel_label": t(
            "deck.funnel_window",
            language,
            start=format_month(start, language, long=True),
            end=format_month(month, language, long=True),
        ),
        "win_rates": wins.reset_index(drop=True) if not wins.empty else wins,
        "unit_economics": economics.reset_index(drop=True) if not economics.empty else economics,
        "unit_kpis": unit_kpis,
        "unit_window": unit_window,
        "segment_table": _segment_table(
            acquisition.get("mart_icp_segments", pd.DataFrame()), language, currency
        ),
    }


def _segment_table(segments: pd.DataFrame, language: str, currency: str) -> Table | None:
    if segments.empty:
        return None
    segments = segments.sort_values(["is_icp_fit", "accounts"], ascending=[False, False]).head(10)
    header = [
        t("col.icp_segment", language),
        t("col.is_icp_fit", language),
        t("col.accounts", language),
        t("col.win_rate", language),
        t("col.median_sales_cycle_days", language),
        t("col.cac", language),
        t("col.nrr_12m", language),
        t("col.logo_churn_rate", language),
        t("col.reference_customers", language),
    ]
    rows = [
        [
            str(row.icp_segment),
            t("yes", language) if bool(row.is_icp_fit) else t("no", language),
            format_count(row.accounts),
            format_pct(row.win_rate),
            format_number(row.median_sales_cycle_days, 0),
            format_money(row.cac, language, currency),
            format_pct(row.nrr_12m),
            format_pct(row.logo_churn_rate),
            format_count(row.reference_customers),
        ]
        for row in segments.itertuples()
    ]
    return Table(columns=header, rows=rows, numeric=[False, False] + [True] * 7)
