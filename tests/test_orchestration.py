"""The Dagster code location and the `warehouse` CLI."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.cli import main
from tests.conftest import FIXTURES, build


def test_definitions_load_without_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("WAREHOUSE_PATH", "LANDING_DIR", "AS_OF_DATE"):
        monkeypatch.delenv(var, raising=False)
    from orchestration.definitions import defs

    job = defs.resolve_job_def("nightly_warehouse")
    assert job is not None
    schedule = defs.resolve_schedule_def("nightly_warehouse_schedule")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Seoul"
    assert defs.resolve_sensor_def("new_landing_files") is not None


def test_asset_graph_runs_sources_to_staging_to_marts() -> None:
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {
        "raw/stripe__invoice_lines",
        "mart_mrr_bridge",
        "fct_account_months",
        "board_deck",
    } <= keys
    # the bridge is downstream of the raw invoice lines, through staging
    upstream = graph.upstream_key_iterator if hasattr(graph, "upstream_key_iterator") else None
    ancestors: set[str] = set()
    frontier = [dg.AssetKey("mart_mrr_bridge")]
    while frontier:
        key = frontier.pop()
        for parent in graph.get(key).parent_keys:
            name = parent.to_user_string()
            if name not in ancestors:
                ancestors.add(name)
                frontier.append(parent)
    del upstream
    assert "raw/stripe__invoice_lines" in ancestors
    assert any(a.startswith("stg_stripe__") for a in ancestors)
    groups = {
        graph.get(dg.AssetKey(["raw", "stripe__invoices"])).group_name,
        graph.get(dg.AssetKey("stg_stripe__invoices")).group_name,
        graph.get(dg.AssetKey("mart_mrr_bridge")).group_name,
    }
    assert groups == {"sources", "staging", "marts_revenue"}


def test_build_fails_clearly_when_landing_is_missing(tmp_path: Path, capsys) -> None:
    code = main(
        ["build", "--landing", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh.duckdb")]
    )
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_build_on_hand_made_landing(tmp_path: Path) -> None:
    """Files written by hand to the contract (not by the generator) build and reconcile."""
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "landing_handmade", landing)
    built = build(landing, tmp_path, date(2025, 3, 15))
    assert built.summary.success, built.summary
    assert built.summary.error_tests == 0
    con = duckdb.connect(str(built.warehouse), read_only=True)
    rows = con.execute(
        "select month, beginning_mrr, fx_adjustment_mrr, ending_mrr, ending_customers "
        "from mart_mrr_bridge order by month"
    ).fetchall()
    con.close()
    # KRW 500,000 monthly + JPY 1,200,000 yearly (100,000 a month) at 9.40 / 9.50 / 9.60.
    assert [(r[0], round(r[3], 2), r[4]) for r in rows] == [
        (date(2024, 12, 1), 1_440_000.00, 2),
        (date(2025, 1, 1), 1_450_000.00, 2),
        (date(2025, 2, 1), 1_460_000.00, 2),
    ]
    assert round(rows[1][2], 2) == 10_000.00  # 100,000 JPY x (9.50 - 9.40)
    assert round(rows[1][1], 2) == 1_440_000.00


def test_cli_exits_non_zero_when_a_whole_source_is_unreadable(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "landing_handmade", landing)
    broken = landing / "finance" / "fx_rates" / "fx_rates_2025-03-01.csv"
    broken.write_bytes(b"\xff\xfe\x00garbage that is not utf-8 \xc3\x28\n")
    code = main(
        [
            "build",
            "--landing",
            str(landing),
            "--warehouse",
            str(tmp_path / "wh.duckdb"),
            "--as-of",
            "2025-03-15",
        ]
    )
    assert code == 1


def test_loading_the_code_location_runs_no_dbt(dbt_manifest: Path) -> None:
    """Importing the code location reads the manifest; it never starts `dbt parse`."""
    import os
    import subprocess
    import sys

    script = (
        "import subprocess\n"
        "run = subprocess.run\n"
        "def refuse_dbt(command, *args, **kwargs):\n"
        "    if 'dbt' in str(command):\n"
        "        raise AssertionError(f'dbt started on import: {command}')\n"
        "    return run(command, *args, **kwargs)\n"
        "subprocess.run = refuse_dbt\n"
        "import orchestration.definitions\n"
    )
    # A manifest older than every model: a parse-on-import would run dbt now.
    stat = dbt_manifest.stat()
    os.utime(dbt_manifest, (0, 0))
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=dbt_manifest.parents[1],
            capture_output=True,
            text=True,
        )
    finally:
        os.utime(dbt_manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert done.returncode == 0, done.stderr[-2000:]
