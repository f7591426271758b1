"""The landing asset checks say what happened and take their limits from the resource."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

from orchestration.defs.ingestion.checks import check_results
from orchestration.defs.resources import build_resources
from orchestration.settings import DEFAULT_FRESHNESS_HOURS, Settings


def _result() -> SimpleNamespace:
    return SimpleNamespace(validations=[], quarantined_by_object={}, problems=[])


def _by_name(results: list, name: str) -> list:
    return [r for r in results if r.check_name == name]


def test_no_new_files_is_reported_as_nothing_to_validate(tmp_path: Path) -> None:
    results = check_results("finance", _result(), tmp_path, freshness_limit_hours=24)
    suites = _by_name(results, "great_expectations_suite")
    assert len(suites) == 3
    for suite in suites:
        assert suite.passed
        assert "nothing to validate" in suite.description
        assert suite.metadata["rows_validated"].value == 0


def test_freshness_limit_is_the_one_passed_in(tmp_path: Path) -> None:
    landed = tmp_path / "finance" / "fx_rates" / "2025-03-01.csv"
    landed.parent.mkdir(parents=True)
    landed.write_text("date,currency,rate\n")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(landed, (two_hours_ago, two_hours_ago))

    def fresh(limit: float) -> bool:
        results = check_results("finance", _result(), tmp_path, freshness_limit_hours=limit)
        return _by_name(results, "landing_is_fresh")[0].passed

    assert not fresh(1.9)
    assert fresh(2.1)


def test_the_resource_carries_the_one_set_of_freshness_limits(tmp_path: Path) -> None:
    settings = Settings(warehouse_path=tmp_path / "w.duckdb", landing_dir=tmp_path)
    warehouse = build_resources(settings)["warehouse"]
    assert warehouse.freshness_hours == DEFAULT_FRESHNESS_HOURS
