"""As reported vs restated: one warehouse built on two as-of dates with a late file between.

The revenue scenario's landing (tests/fixtures/revenue_scenario) is built with as_of_date
2025-03-15; then a late invoice (tests/fixtures/restatements/late, see its README) bills
customer A 12,000 KRW more for December 2024 and the same warehouse is built with as_of_date
2025-04-15. December's ending MRR is restated +12,000 and January's beginning MRR +12,000
(A falls back by a 12,000 contraction), while what the March report said stays as it was.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.dbt_runner import REPO, dbt_build, ingest_landing, query
from tests.test_revenue_scenario import LANDING, REVENUE_SELECTION

LATE = REPO / "tests" / "fixtures" / "restatements" / "late"
LATE_FILE = "billing/stripe/invoices/2025-03-20.jsonl"
FIRST_AS_OF, LATER_AS_OF = "2025-03-15", "2025-04-15"
SELECTION = REVENUE_SELECTION + " path:models/marts/reporting"
DEC, JAN, FEB = date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1)


@dataclass(frozen=True)
class Builds:
    warehouse: Path
    workdir: Path
    landing: Path
    first_report: list[tuple]  # mart_reported_kpis after the first build
    first_rebuilt: list[tuple]  # ... after the same build again
    first_restatements: list[tuple]


def _build(builds_dir: Path, warehouse: Path, as_of: str, *extra: str) -> None:
    result = dbt_build(warehouse, builds_dir, as_of, SELECTION, extra=extra)
    assert result.returncode == 0, result.stdout[-6000:]


def _reported(warehouse: Path) -> list[tuple]:
    return query(
        warehouse,
        "select month, metric, value, reported_at, recorded_at from main.mart_reported_kpis "
        "order by reported_at, month, metric",
    )


def _restatements(warehouse: Path) -> list[tuple]:
    return query(
        warehouse,
        "select month, metric, reported_value, current_value, difference, reported_at, "
        "landing_file_count, landing_files from main.mart_restatements order by month, metric",
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    workdir = tmp_path_factory.mktemp("restatements")
    landing = workdir / "landing"
    shutil.copytree(LANDING, landing)
    warehouse = workdir / "warehouse.duckdb"

    ingest_landing(warehouse, landing, datetime(2025, 3, 2))
    _build(workdir, warehouse, FIRST_AS_OF)
    first_report = _reported(warehouse)
    # the same build again: nothing new to load, the as-of date already reported
    ingest_landing(warehouse, landing, datetime(2025, 3, 2, 1))
    _build(workdir, warehouse, FIRST_AS_OF)
    first_rebuilt = _reported(warehouse)
    first_restatements = _restatements(warehouse)

    shutil.copytree(LATE, landing, dirs_exist_ok=True)
    ingest_landing(warehouse, landing, datetime(2025, 4, 2))
    _build(workdir, warehouse, LATER_AS_OF)
    return Builds(warehouse, workdir, landing, first_report, first_rebuilt, first_restatements)


def _by_key(rows: list[tuple]) -> dict[tuple[date, str], tuple]:
    return {(row[0], row[1]): row for row in rows}


def test_first_report_records_every_kpi_of_every_month(builds: Builds) -> None:
    months = {row[0] for row in builds.first_report}
    metrics = {row[1] for row in builds.first_report}
    assert months == {date(2024, m, 1) for m in range(1, 13)} | {JAN, FEB}
    bridge_columns = {
        "beginning_mrr", "new_mrr", "expansion_mrr", "reactivation_mrr", "contraction_mrr",
        "churned_mrr", "fx_adjustment_mrr", "ending_mrr", "beginning_customers",
        "new_customers", "churned_customers", "reactivated_customers", "ending_customers",
    }  # fmt: skip
    retention_columns = {"grr", "nrr", "logo_churn_rate", "revenue_churn_rate"}
    assert bridge_columns | retention_columns | {"nrr_12m", "grr_12m"} <= metrics
    assert {row[3] for row in builds.first_report} == {date(2025, 3, 15)}
    values = _by_key(builds.first_report)
    assert values[(DEC, "ending_mrr")][2] == Decimal("476000")
    assert values[(FEB, "ending_mrr")][2] == Decimal("487600")
    assert values[(FEB, "logo_churn_rate")][2] == Decimal(1 / 7).quantize(Decimal("1e-12"))
    # every month reports every bridge and monthly retention column
    for month in months:
        assert {m for (mo, m) in values if mo == month} >= bridge_columns | retention_columns


def test_the_same_build_twice_adds_nothing(builds: Builds) -> None:
    assert builds.first_rebuilt == builds.first_report
    assert builds.first_restatements == []


def test_a_reported_value_is_never_overwritten(builds: Builds) -> None:
    rows = _reported(builds.warehouse)
    first = [row for row in rows if row[3] == date(2025, 3, 15)]
    assert first == builds.first_report
    later = _by_key([row for row in rows if row[3] == date(2025, 4, 15)])
    assert later[(DEC, "ending_mrr")][2] == Decimal("488000")
    assert later[(date(2025, 3, 1), "ending_mrr")] is not None  # the new month is reported


def test_restatement_has_the_exact_difference_and_the_late_file(builds: Builds) -> None:
    rows = _by_key(_restatements(builds.warehouse))
    ending = rows[(DEC, "ending_mrr")]
    assert ending[2:6] == (
        Decimal("476000"),
        Decimal("488000"),
        Decimal("12000"),
        date(2025, 3, 15),
    )
    assert ending[6:] == (1, LATE_FILE)
    assert rows[(DEC, "expansion_mrr")][4] == Decimal("12000")
    assert rows[(DEC, "ending_arr")][4] == Decimal("144000")
    assert rows[(DEC, "expansion_customers")][4] == Decimal("1")
    assert rows[(JAN, "beginning_mrr")][2:5] == (
        Decimal("476000"),
        Decimal("488000"),
        Decimal("12000"),
    )
    assert rows[(JAN, "contraction_mrr")][4] == Decimal("12000")
    assert rows[(JAN, "beginning_mrr")][7] == LATE_FILE
    # January's ending did not move: no row; GRR moved from 1 to (494,000 - 12,000) / 494,000
    assert (JAN, "ending_mrr") not in rows
    grr = rows[(JAN, "grr")]
    assert grr[2] == Decimal(1)
    assert grr[3] == Decimal(482_000 / 494_000).quantize(Decimal("1e-12"))


def test_a_month_that_did_not_change_has_no_row(builds: Builds) -> None:
    months = {row[0] for row in _restatements(builds.warehouse)}
    assert months == {DEC, JAN}


def test_the_later_build_again_with_full_refresh_adds_nothing(builds: Builds) -> None:
    """The same build again, even with --full-refresh, keeps every reported row as it was."""
    reported = _reported(builds.warehouse)
    restated = _restatements(builds.warehouse)
    files_sql = "select * from main.mart_reported_landing_files order by path"
    files = query(builds.warehouse, files_sql)
    assert (LATE_FILE, date(2025, 4, 15)) in {(row[0], row[4]) for row in files}
    ingest_landing(builds.warehouse, builds.landing, datetime(2025, 4, 2, 1))
    _build(builds.workdir, builds.warehouse, LATER_AS_OF, "--full-refresh")
    assert _reported(builds.warehouse) == reported
    assert _restatements(builds.warehouse) == restated
    assert query(builds.warehouse, files_sql) == files
