"""The headline says what is wrong: a missing mart is not "no data landed", and the
reporting currency is the one the build recorded (build_settings), not a literal."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.lib.headline import (
    HeadlineError,
    default_reporting_currency,
    format_headline,
    read_headline,
    reporting_currency,
)


def _warehouse(path: Path, *statements: str) -> Path:
    con = duckdb.connect(str(path))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
    return path


def test_a_missing_mart_is_reported_as_missing(tmp_path: Path) -> None:
    warehouse = _warehouse(tmp_path / "w.duckdb", "create table landing_quarantine (x int)")
    with pytest.raises(HeadlineError) as raised:
        read_headline(warehouse)
    assert "has no mart_mrr_bridge" in str(raised.value)
    assert "landed" not in str(raised.value)


def test_empty_marts_mean_no_billing_data(tmp_path: Path) -> None:
    warehouse = _warehouse(
        tmp_path / "w.duckdb",
        "create table mart_mrr_bridge (month date, ending_mrr decimal(38, 6), "
        "ending_customers bigint)",
        "create table mart_retention_monthly (month date, nrr decimal(38, 12))",
        "create table mart_retention_trailing_12m (month date, nrr_12m decimal(38, 12))",
    )
    assert "No billing data yet" in format_headline(read_headline(warehouse))


def test_reporting_currency_comes_from_the_build(tmp_path: Path) -> None:
    built = _warehouse(
        tmp_path / "usd.duckdb",
        "create table build_settings as select 'USD' as reporting_currency",
    )
    assert reporting_currency(built) == "USD"
    unbuilt = _warehouse(tmp_path / "none.duckdb", "create table t (x int)")
    assert reporting_currency(unbuilt) == default_reporting_currency()
