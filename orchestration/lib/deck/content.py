"""What the board deck says: read from the public marts, formatted once for both renderers.

The PPTX and the PDF draw the same DeckContent, so both show the same numbers. No metric
is computed here; changes (vs prior month, vs a year ago) are differences of mart values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dashboards.formatting import (
    format_count,
    format_money,
    format_month,
    format_pct,
    format_pct_points,
    is_missing,
)
from dashboards.i18n import t
from dashboards.kpis import HEADLINE_KPIS

TREND_MONTHS = 24
COHORT_ROWS = 13  # month-12 .. month: the oldest row reaches +12
COHORT_OFFSETS = (0, 1, 2, 3, 6, 9, 12)
TOP_MOVEMENTS = 10
ACQUISITION_MARTS = ("mart_funnel", "mart_win_rates", "mart_unit_economics", "mart_icp_segments")


@dataclass(frozen=True)
class Kpi:
    field: str
    label: str
    value: str
    vs_prior: str
    vs_year: str
    raw: Any
    prior_good: bool | None
    year_good: bool | None


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    # right-align numeric columns
    numeric: list[bool]
    # optional 0..1 shading per cell (cohort table), None = no shading
    shades: list[list[float | None]] = field(default_factory=list)


@dataclass(frozen=True)
class DeckContent:
    language: str
    currency: str
    month: date
    month_label: str
    generated: date
    kpis: list[Kpi]
    bridge_row: dict[str, Any]
    bridge_table: Table
    monthly: pd.DataFrame
    trailing: pd.DataFrame
    cohort_table: Table
    top_movements: Table
    latest_rates: dict[str, str]
    # restated KPIs of the months shown, in words (orchestration/lib/deck/restatements.py)
    restatements: list[str] = field(default_factory=list)
    customer_success: Any = None  # cs_slide.CsContent
    # Issue 14: executive summary, MRR/ARR trend, acquisition and segment slides.
    summary: list[str] = field(default_factory=list)
    trend: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_stages: list[tuple[str, float]] = field(default_factory=list)
    funnel_label: str = ""
    win_rates: pd.DataFrame = field(default_factory=pd.DataFrame)
    unit_economics: pd.DataFrame = field(default_factory=pd.DataFrame)
    unit_kpis: list[tuple[str, str]] = field(default_factory=list)
    unit_window: str = ""
    segment_table: Table | None = None


class DeckDataError(RuntimeError):
    """The warehouse cannot produce a deck (missing file, empty marts, unknown month)."""


NO_BILLING_DATA = "no billing data yet"


class NoBillingDataError(DeckDataError):
    """The marts are built but hold no revenue month: no billing has landed yet (a CRM-,
    usage- or support-only landing). Not a failure: the deck is skipped (sources.md: a
    source with no files yet is not an error)."""


def _frame(
    connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> pd.DataFrame:
    frame = connection.execute(sql, params or []).df()
    for column in frame.columns:
        if column in {"month", "cohort_month", "close_month", "window_start_month"}:
            frame[column] = [pd.Timestamp(v).date() for v in frame[column]]
        elif (
            frame[column].dtype == object
            and len(frame)
            and type(frame[column].iloc[0]).__name__ == "Decimal"
        ):
            frame[column] = frame[column].astype("float64")
    return frame


def _tables(connection: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    rows = connection.execute(
        "select table_name, column_name from information_schema.columns where table_schema = 'main'"
    ).fetchall()
    catalog: dict[str, set[str]] = {}
    for table, column in rows:
        catalog.setdefault(table, set()).add(column)
    return catalog


def _shift(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


def _row(frame: pd.DataFrame, month: date) -> dict[str, Any]:
    match = frame[frame["month"] == month] if not frame.empty else frame
    return {} if match.empty else match.iloc[0].to_dict()


def _change(
    kind: str, current: Any, other: Any, language: str, currency: str
) -> tuple[str, float | None]:
    if is_missing(current) or is_missing(other):
        return t("kpi.no_comparison", language), None
    change = float(current) - float(other)
    if kind == "money":
        return format_money(change, language, currency, signed=True), change
    if kind == "rate":
        return format_pct_points(change, language), change
    return format_count(change, signed=True), change


def _value(kind: str, value: Any, language: str, currency: str) -> str:
    if kind == "money":
        return format_money(value, language, currency)
    if kind == "rate":
        return format_pct(value)
    return format_count(value)


def _good(change: float | None, lower_is_better: bool) -> bool | None:
    if change is None or abs(change) < 1e-12:
        return None
    return (change > 0) != lower_is_better


def load_content(
    warehouse: Path, month: date | None, language: str, currency: str = "KRW"
) -> DeckContent:
    if not Path(warehouse).is_file():
        raise DeckDataError(f"warehouse {warehouse} does not exist: build it with `make run`")
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        catalog = _tables(connection)
        for mart in ("mart_mrr_bridge", "mart_retention_monthly"):
            if mart not in catalog:
                raise DeckDataError(f"{mart} is missing in {warehouse}: run `make run`")
        bridge = _frame(connection, "select * from main.mart_mrr_bridge order by month")
        if bridge.empty:
            raise NoBillingDataError(
                f"{NO_BILLING_DATA}: mart_mrr_bridge is empty in {warehouse} "
                "(land billing files and run `make run`)"
            )
        monthly = _frame(connection, "select * from main.mart_retention_monthly order by month")
        trailing = (
            _frame(connection, "select * from main.mart_retention_trailing_12m order by month")
            if "mart_retention_trailing_12m" in catalog
            else pd.DataFrame(columns=["month", "nrr_12m", "grr_12m"])
        )
        cohorts = (
            _frame(
                connection,
                "select * from main.mart_cohort_retention "
                "order by cohort_month, months_since_start",
            )
            if "mart_cohort_retention" in catalog
            else pd.DataFrame()
        )
        month = month.replace(day=1) if month else bridge["month"].iloc[-1]
        if month not in set(bridge["month"]):
            raise DeckDataError(f"{month:%Y-%m} is not in mart_mrr_bridge")
        movements = _top_movements(connection, catalog, month)
        acquisition = {
            mart: _frame(connection, f"select * from main.{mart}")
            if mart in catalog
            else pd.DataFrame()
            for mart in ACQUISITION_MARTS
        }
    finally:
        connection.close()

    if "ending_arr" not in bridge.columns:
        # ARR = 12 × MRR is the dictionary's unit conversion, not a derived metric.
        bridge["ending_arr"] = bridge["ending_mrr"] * 12
    kpis = _kpis(bridge, monthly, trailing, month, language, currency)
    bridge_row = _row(bridge, month)
    start = _shift(month, -(TREND_MONTHS - 1))
    in_window = lambda frame: frame[(frame["month"] >= start) & (frame["month"] <= month)]  # noqa: E731
    latest = {**_row(monthly, month), **_row(trailing, month)}
    extra = acquisition_content(acquisition, month, language, currency)
    summary = executive_summary(
        bridge, monthly, trailing, movements, acquisition, month, language, currency
    )
    return DeckContent(
        language=language,
        currency=currency,
        month=month,
        month_label=format_month(month, language, long=True),
        generated=date.today(),
        kpis=kpis,
        bridge_row=bridge_row,
        bridge_table=_bridge_table(bridge_row, language, currency),
        monthly=in_window(monthly).reset_index(drop=True),
        trailing=in_window(trailing).reset_index(drop=True) if not trailing.empty else trailing,
        cohort_table=_cohort_table(cohorts, month, language),
        top_movements=_movement_table(movements, language, currency),
        latest_rates={k: format_pct(latest.get(k)) for k in ("nrr", "grr", "nrr_12m", "grr_12m")},
        customer_success=_customer_success(warehouse, month),
        summary=summary,
        trend=in_window(bridge).reset_index(drop=True),
        **extra,
    )


def _customer_success(warehouse: Path, month: date) -> Any:
    from orchestration.lib.deck.cs_slide import load_cs_content

    return load_cs_content(str(warehouse), month)


def _kpis(
    bridge: pd.DataFrame,
    monthly: pd.DataFrame,
    trailing: pd.DataFrame,
    month: date,
    language: str,
    currency: str,
) -> list[Kpi]:
    def values(when: date) -> dict[str, Any]:
        return {**_row(bridge, when), **_row(monthly, when), **_row(trailing, when)}

    current, prior, year_ago = values(month), values(_shift(month, -1)), values(_shift(month, -12))
    kpis = []
    for label, kind, column, lower in HEADLINE_KPIS:
        mom_text, mom = _change(kind, current.get(column), prior.get(column), language, currency)
        yoy_text, yoy = _change(kind, current.get(column), year_ago.get(column), language, currency)
        kpis.append(
            Kpi(
                field=column,
                label=t(label, language),
                value=_value(kind, current.get(column), language, currency),
                vs_prior=mom_text,
                vs_year=yoy_text,
                raw=current.get(column),
                prior_good=_good(mom, lower),
                year_good=_good(yoy, lower),
            )
        )
    return kpis


BRIDGE_ROWS: tuple[tuple[str, str, int], ...] = (
    ("comp.beginning", "beginning_mrr", 1),
    ("comp.new", "new_mrr", 1),
    ("comp.expansion", "expansion_mrr", 1),
    ("comp.reactivation", "reactivation_mrr", 1),
    ("comp.contraction", "contraction_mrr", -1),
    ("comp.churn", "churned_mrr", -1),
    ("comp.fx", "fx_adjustment_mrr", 1),
    ("comp.ending", "ending_mrr", 1),
)


def _bridge_table(row: dict[str, Any], language: str, currency: str) -> Table:
    rows = []
    for label, column, sign in BRIDGE_ROWS:
        signed = column not in {"beginning_mrr", "ending_mrr"}
        amount = None if is_missing(row.get(column)) else sign * float(row[column])
        rows.append(
            [
                t(label, language),
                format_money(amount, language, currency, compact=False, signed=signed),
            ]
        )
    return Table(
        columns=[t("component", language), t("amount", language)], rows=rows, numeric=[False, True]
    )


def _cohort_table(cohorts: pd.DataFrame, month: date, language: str) -> Table:
    header = [t("col.cohort_month", language), t("col.cohort_size", language)] + [
        f"+{k}" for k in COHORT_OFFSETS
    ]
    if cohorts.empty:
        return Table(columns=header, rows=[], numeric=[False] + [True] * (len(header) - 1))
    cohorts = cohorts[cohorts["cohort_month"] <= month]
    recent = sorted(set(cohorts["cohort_month"]))[-COHORT_ROWS:]
    rows, shades = [], []
    for cohort in recent:
        subset = cohorts[cohorts["cohort_month"] == cohort].set_index("months_since_start")
        size = subset["cohort_size"].iloc[0]
        values = [
            subset["revenue_retention"].get(k) if k in subset.index else None
            for k in COHORT_OFFSETS
        ]
        rows.append(
            [format_month(cohort, language), format_count(size)]
            + [format_pct(v) if not is_missing(v) else "" for v in values]
        )
        shades.append([None, None] + [None if is_missing(v) else float(v) for v in values])
    return Table(
        columns=header, rows=rows, numeric=[False] + [True] * (len(header) - 1), shades=shades
    )


def _top_movements(
    connection: duckdb.DuckDBPyConnection, catalog: dict[str, set[str]], month: date
) -> pd.DataFrame:
    if "fct_mrr_movements" not in catalog or "dim_accounts" not in catalog:
        return pd.DataFrame()
    # FX adjustments are revaluation, not customer behaviour; they stay in the bridge.
    return _frame(
        connection,
        """
        select
            movements.account_id,
            accounts.account_name,
            accounts.country,
            accounts.industry,
            movements.movement_type,
            movements.mrr_change
        from main.fct_mrr_movements as movements
        left join main.dim_accounts as accounts
            on movements.account_id = accounts.account_id
        where movements.month = ?
            and movements.movement_type <> 'fx_adjustment'
            and movements.mrr_change <> 0
        order by abs(movements.mrr_change) desc, movements.account_id
        limit ?
        """,
        [month, TOP_MOVEMENTS],
    )


def _movement_table(movements: pd.DataFrame, language: str, currency: str) -> Table:
    header = [
        t("col.account_name", language),
        t("col.movement_type", language),
        t("col.mrr_change", language),
        t("col.country", language),
        t("col.industry", language),
    ]
    rows = [
        [
            str(row.account_name if isinstance(row.account_name, str) else row.account_id),
            t(f"movement.{row.movement_type}", language),
            format_money(row.mrr_change, language, currency, compact=False, signed=True),
            row.country if isinstance(row.country, str) else "–",
            row.industry if isinstance(row.industry, str) else "–",
        ]
        for row in movements.itertuples()
    ]
    return Table(columns=header, rows=rows, numeric=[False, False, True, False, False])


# ---- issue 14: executive summary, acquisition and segments ----------------------------

from orchestration.lib.deck.summary import (  # noqa: E402
    acquisition_content,
    executive_summary,
)
