"""The full pipeline on a small generated landing set (dbt build with every test)."""

from __future__ import annotations

import duckdb

from orchestration.cli import main
from tests.conftest import BuiltWarehouse

PUBLIC_MARTS = (
    "dim_accounts",
    "fct_account_months",
    "fct_mrr_movements",
    "mart_mrr_bridge",
    "mart_retention_monthly",
    "mart_retention_trailing_12m",
    "mart_cohort_retention",
)


def test_small_demo_builds_with_no_failing_test(small_warehouse: BuiltWarehouse) -> None:
    summary = small_warehouse.summary
    assert summary.success
    assert summary.error_tests == 0, summary.test_problems
    assert summary.tests["pass"] > 50
    assert set(summary.ingestion) == {
        "salesforce",
        "stripe",
        "contracts",
        "segment",
        "zendesk",
        "nps",
        "finance",
    }


def test_public_marts_are_populated(small_warehouse: BuiltWarehouse) -> None:
    con = duckdb.connect(str(small_warehouse.warehouse), read_only=True)
    try:
        for mart in PUBLIC_MARTS:
            assert con.execute(f"select count(*) from {mart}").fetchone()[0] > 0, mart
    finally:
        con.close()


def test_headline_command_reads_the_marts(small_warehouse: BuiltWarehouse, capsys) -> None:
    assert main(["headline", "--warehouse", str(small_warehouse.warehouse)]) == 0
    out = capsys.readouterr().out
    assert "Months covered" in out and "Ending MRR" in out and "Customers" in out
