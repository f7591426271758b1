"""The few numbers `make run` prints, read from the public marts (no metric math here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import yaml

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project.yml"

# The marts the headline reads: a warehouse without them never finished a build.
HEADLINE_MARTS = ("mart_mrr_bridge", "mart_retention_monthly", "mart_retention_trailing_12m")


class HeadlineError(RuntimeError):
    """The file cannot give a headline; the message says why and what to do."""


@dataclass(frozen=True)
class Headline:
    first_month: date | None
    last_month: date | None
    ending_mrr: float | None
    nrr: float | None
    nrr_12m: float | None
    customers: int | None
    rows_quarantined: int
    reporting_currency: str
    build: str | None = None  # which published build this is (warehouse_builds)


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple | None:
    try:
        return con.execute(sql).fetchone()
    except duckdb.Error:
        return None


def default_reporting_currency() -> str:
    """The dbt var reporting_currency as dbt_project.yml sets it."""
    project = yaml.safe_load(DBT_PROJECT.read_text(encoding="utf-8"))
    return str(project["vars"]["reporting_currency"]).upper()


def reporting_currency(warehouse: Path) -> str:
    """The reporting currency the warehouse was built with (build_settings), else the default."""
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return default_reporting_currency()
    try:
        row = _one(con, "select reporting_currency from build_settings")
    finally:
        con.close()
    return str(row[0]).upper() if row and row[0] else default_reporting_currency()


def _open(warehouse: Path) -> duckdb.DuckDBPyConnection:
    from orchestration.lib.publish import explain_duckdb_error

    if warehouse.is_dir():
        raise HeadlineError(f"{warehouse} is a folder; pass --warehouse the warehouse file")
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as error:
        raise HeadlineError(explain_duckdb_error(error, warehouse)) from error
    present = {
        r[0]
        for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'"
        ).fetchall()
    }
    missing = [mart for mart in HEADLINE_MARTS if mart not in present]
    if missing:
        con.close()
        raise HeadlineError(
            f"{warehouse} has no {', '.join(missing)}: it is not a built warehouse, or a "
            "build stopped before its marts were written; run `warehouse build --landing DIR "
            f"--warehouse {warehouse}`"
        )
    return con


def read_headline(warehouse: Path) -> Headline:
    """Raises HeadlineError when the file is not a (fully built) warehouse."""
    from orchestration.lib.publish import published_build

    con = _open(Path(warehouse))
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
        quarantined = (
            _one(con, "select count(*) from raw.landing_quarantine")
            or _one(con, "select count(*) from landing_quarantine")
            or (0,)
        )
        # the build's dbt var, as the warehouse records it
        currency = _one(con, "select reporting_currency from build_settings")
    finally:
        con.close()
    build = published_build(Path(warehouse))
    return Headline(
        first_month=span[0],
        last_month=last,
        ending_mrr=bridge[0] if bridge else None,
        nrr=nrr[0] if nrr else None,
        nrr_12m=nrr_12m[0] if nrr_12m else None,
        customers=bridge[1] if bridge else None,
        rows_quarantined=int(quarantined[0]),
        reporting_currency=currency[0] if currency else default_reporting_currency(),
        build=build.describe() if build else None,
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
        + ([f"  Published        {h.build}"] if h.build else [])
    )
