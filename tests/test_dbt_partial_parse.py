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
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from orchestration.defs.dbt.project import AS_OF_ENV, build_target_path
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


def _last_invocation(log: Path) -> str:
    """What the last dbt command logged to `log`: dbt rotates its log at 10 MB (dbt.log.1 is
    the newest of the older files), so the files are read oldest first."""
    rotated = sorted(log.parent.glob(log.name + ".*"), key=lambda p: -int(p.suffix[1:]))
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in [*rotated, log])
    return text[text.rfind("Running with dbt=") :]


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


def test_the_next_build_of_a_warehouse_reuses_the_parse_and_builds_as_of_its_day(
    tmp_path: Path,
) -> None:
    """Two builds of one warehouse through the pipeline, a day apart: the second dbt build
    parses nothing again (its dbt.log says so) and its marts are as of the second day."""
    from orchestration.lib.pipeline import run_pipeline
    from orchestration.settings import Settings
    from tests.conftest import FIXTURES

    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "landing_handmade", landing)
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    log = build_target_path(str(warehouse), "duckdb") / "dbt.log"
    shutil.rmtree(log.parent, ignore_errors=True)
    for day in (date(2025, 3, 15), date(2025, 3, 16)):
        settings = Settings(
            warehouse_path=warehouse,
            landing_dir=landing,
            as_of_date=day,
            board_deck_dir=tmp_path / "decks",
        )
        summary = run_pipeline(settings)
        assert summary.success, summary
    logged = _last_invocation(log)
    shutil.rmtree(log.parent, ignore_errors=True)
    assert FULL_PARSE not in logged, [ln for ln in logged.splitlines() if FULL_PARSE in ln]
    assert "Partial parsing enabled" in logged or "PartialParsingEnabled" in logged
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select as_of_date from build_settings").fetchone()[0] == day
    finally:
        con.close()


def test_the_dbt_resource_starts_no_process_and_loads_no_adapter_before_dbt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """dagster-dbt ran `dbt --version` and loaded a dbt adapter in the Dagster process before
    every dbt command (10-15 s a build); the project's resource knows the version."""
    from dagster_dbt.core import resource as dagster_dbt_resource
    from dbt.version import __version__

    from orchestration.defs.resources import build_resources
    from orchestration.settings import load_settings

    def no_process(*args, **kwargs):
        raise AssertionError(f"a process was started: {args}")

    monkeypatch.setattr(dagster_dbt_resource, "check_output", no_process)
    dbt = build_resources(load_settings())["dbt"]
    assert str(dbt._cli_version) == __version__
    assert dbt._initialize_dbt_core_adapter(["build"]) is None
