"""The few numbers `make run` prints, read from the public marts (no metric math here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb


@dataclass(frozen=True)
class Headline:
    first_month: date | None
    last_month: date | None
    ending_mrr: float | None
    nrr: float | None
    nrr_12m: float | None
    customers: int | None
    rows_quarantined: int
    reporting_currency: str = "KRW"


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple | None:
    try:
        return con.execute(sql).fetchone()
    except duckdb.Error:
        return None


def read_headline(warehouse: Path) -> Headline:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        span = _one(con, "select min(month), max(month) from mart_mrr_bridge") or (None, None)
        last = span[1]
        bridge = (
            _one(
                con,
                f"select ending_mrr, ending_customers from mart_mrr_bridge "
                f"where month = date '{last}'",
            )
            if last
            else None
        )
        nrr = (
            _one(con, f"select nrr from mart_retention_monthly where month = date '{last}'")
            if last
            else None
        )
        nrr_12m = (
            _one(
                con, f"select nrr_12m from mart_retention_trailing_12m where month = date '{last}'"
            )
            if last
            else None
        )
        quarantined = _one(con, "select count(*) from landing_quarantine") or (0,)
    finally:
        con.close()
    return Headline(
        first_month=span[0],
        last_month=last,
        ending_mrr=bridge[0] if bridge else None,
        nrr=nrr[0] if nrr else None,
        nrr_12m=nrr_12m[0] if nrr_12m else None,
        customers=bridge[1] if bridge else None,
        rows_quarantined=int(quarantined[0]),
    )


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 100:.1f}%"


def format_headline(h: Headline) -> str:
    if h.last_month is None:
        # A CRM-, usage- or support-only landing: the build is fine, revenue is just not there.
        return "\n".join(
            [
                "  No billing data yet: no revenue months to report (MRR, NRR and the board "
                "deck start with the first billing files).",
                f"  Rows quarantined {h.rows_quarantined:,}",
            ]
        )
    mrr = "n/a" if h.ending_mrr is None else f"{h.ending_mrr:,.0f} {h.reporting_currency}"
    return "\n".join(
        [
            f"  Months covered   {h.first_month:%Y-%m} .. {h.last_month:%Y-%m}",
            f"  Ending MRR       {mrr}",
            f"  NRR (month)      {_pct(h.nrr)}    NRR (trailing 12m) {_pct(h.nrr_12m)}",
            f"  Customers        {h.customers if h.customers is not None else 'n/a'}",
            f"  Rows quarantined {h.rows_quarantined:,}",
        ]
    )
