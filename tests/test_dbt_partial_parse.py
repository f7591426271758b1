"""A nightly build reuses dbt's parse of the project (partial parsing) instead of parsing
every file again, and still builds as of its own day.

Three things used to force a full parse on every build: the as-of day passed as --vars,
dagster-dbt's fresh target folder per run (no partial_parse.msgpack to reuse) and a working
copy named after its build (the DuckDB path is part of dbt's profile hash). Now the day is
the DBT_AS_OF_DATE environment variable, read only when dbt executes; the builds of one
warehouse share a target folder; the working copy has one name.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.defs.dbt.assets import AS_OF_ENV, build_target_path
from orchestration.lib import publish
from tests.dbt_runner import REPO

FULL_PARSE = "Unable to do partial parsing"


def _dbt(command: list[str], target: Path, warehouse: Path, as_of: str) -> str:
    """A dbt command as orchestration runs it: the as-of day in the environment, no --vars;
    returns what it logged (dbt.log of the run, debug level)."""
    env = {
        **os.environ,
        "WAREHOUSE_PATH": str(warehouse),
        AS_OF_ENV: as_of,
        "DBT_TARGET_PATH": str(target),
        "DBT_LOG_PATH": str(target),
    }
    log = target / "dbt.log"
    offset = log.stat().st_size if log.exists() else 0
    result = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), *command, "--project-dir", str(REPO),
         "--profiles-dir", str(REPO)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:]
    with log.open(encoding="utf-8", errors="replace") as handle:
        handle.seek(offset)
        return handle.read()


def test_builds_of_one_warehouse_share_a_target_folder_and_a_working_copy(tmp_path: Path) -> None:
    one, other = tmp_path / "a" / "warehouse.duckdb", tmp_path / "b" / "warehouse.duckdb"
    assert build_target_path(str(one), "duckdb") == build_target_path(str(one), "duckdb")
    assert build_target_path(str(one), "duckdb") != build_target_path(str(other), "duckdb")
    assert build_target_path(str(one), "duckdb") != build_target_path(str(one), "spark")
    assert publish.working_path(one, "aaaa1111") == publish.working_path(one, "bbbb2222")


def test_a_second_build_on_another_day_reuses_the_parse(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    warehouse = publish.working_path(published, "any")
    target = build_target_path(str(published), "duckdb")
    # the test's own folder: a build target path is beside the project's target/
    target = tmp_path / target.name
    first = _dbt(["parse"], target, warehouse, "2025-03-15")
    assert (target / "partial_parse.msgpack").exists()
    second = _dbt(["compile", "--select", "build_settings"], target, warehouse, "2025-03-16")
    assert FULL_PARSE not in second, [ln for ln in second.splitlines() if FULL_PARSE in ln]
    assert "Partial parsing enabled" in second or "PartialParsingEnabled" in second
    assert first  # the first parse logged too
    [compiled] = target.rglob("compiled/**/build_settings.sql")
    assert "cast('2025-03-16' as date)" in compiled.read_text()


def test_the_as_of_var_still_wins_over_the_environment(tmp_path: Path) -> None:
    """dbt unit tests and tests/dbt_runner.py set the var: it is what the models use."""
    warehouse = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse)).close()
    target = tmp_path / "target"
    _dbt(
        ["compile", "--select", "build_settings", "--vars", "{as_of_date: '2024-12-31'}"],
        target,
        warehouse,
        "2025-03-16",
    )
    [compiled] = target.rglob("compiled/**/build_settings.sql")
    assert "cast('2024-12-31' as date)" in compiled.read_text()
