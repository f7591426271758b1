"""What `warehouse build` prints and records (issue 17): one line per phase, the warnings in
words, the detail in a log file, and the run in the Dagster instance `make dev` serves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from orchestration.lib import console
from tests.conftest import REPO
from tests.test_faults import AS_OF, hostile_landing

MAX_LINES = 100


@pytest.fixture(scope="module")
def cli_build(tmp_path_factory: pytest.TempPathFactory):
    """`warehouse build` as `make run` starts it (a process, stdout not a terminal) on the
    hand-made landing plus hostile files: a warn test fails and a file is rejected."""
    root = tmp_path_factory.mktemp("console_build")
    landing = hostile_landing(root, root / "outside")
    home = root / "dagster_home"
    warehouse = root / "data" / "warehouse.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "build", "--landing", str(landing),
         "--warehouse", str(warehouse), "--as-of", AS_OF.isoformat()],
        cwd=REPO,
        env={**os.environ, "DAGSTER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=1800,
    )  # fmt: skip
    return done, warehouse, home


def test_a_build_prints_one_line_per_phase_and_at_most_100_lines(cli_build) -> None:
    done, warehouse, _home = cli_build
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-3000:]
    lines = out.splitlines()
    assert len(lines) <= MAX_LINES, out
    for phase in ("landing", "dbt", "publish", "deck"):
        [line] = [ln for ln in lines if ln.startswith(f"{phase}: ")]
        assert re.search(r"… (\d+ min )?[\d.,]+ s$", line), line
    landing = next(ln for ln in lines if ln.startswith("landing: "))
    assert "1 rejected" in landing and "records loaded" in landing
    assert re.search(r"^dbt: \d+ models, \d+ tests, .*1 warning, 0 failed", out, re.M), out
    # no Dagster event, no dbt log line, no progress bar on a stream that is no terminal
    assert "DEBUG" not in out and "STEP_START" not in out
    assert not re.search(r"^\d+ of \d+ ", out, re.M)
    assert "\x1b[" not in out and "Traceback" not in out
    assert "Build succeeded" in out and "Ending MRR" in out


def test_warnings_are_named_in_words(cli_build) -> None:
    done, warehouse, _home = cli_build
    out = done.stdout
    warnings = out[out.index("Warnings (") : out.index("Published build")]
    # the warn test: what it asserts and on which model, not a hashed test id
    assert (
        "dbt test on stg_stripe__invoices, stg_stripe__invoice_lines (warn): Warns, naming "
        "each invoice" in warnings
    )
    assert "(assert_stripe_invoices_hold_all_their_lines) — 2 rows found" in warnings
    assert "test.revenue_warehouse" not in out
    assert "1 landing files rejected (salesforce 1)" in warnings
    assert "raw.landing_manifest" in warnings and str(warehouse) in warnings


def test_the_detail_is_in_the_build_log(cli_build) -> None:
    done, warehouse, _home = cli_build
    [named] = re.findall(r"Build log \(Dagster events, dbt output\): (\S+)", done.stdout)
    log = Path(named)
    assert log.parent == warehouse.parent / "logs" and log.exists()
    text = log.read_text()
    assert "STEP_START" in text and "DEBUG" in text  # Dagster's events
    assert re.search(r"\d+ of \d+ (START|PASS|OK)", text)  # dbt's log lines
    assert "assert_stripe_invoices_hold_all_their_lines" in text
    assert "\x1b[" not in text  # no colour codes in a file


def test_the_run_is_recorded_in_the_dagster_instance(cli_build, monkeypatch) -> None:
    done, _warehouse, home = cli_build
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    [run_id] = re.findall(r"Dagster run (\S+) recorded in", done.stdout)
    with dg.DagsterInstance.get() as instance:
        [run] = instance.get_runs()
        assert run.run_id == run_id and run.status == dg.DagsterRunStatus.SUCCESS
        assert run.job_name == "nightly_warehouse"
        assert run.tags.get("dagster/max_retries") == "0"  # the dev daemon never re-runs it
        for key in (["raw", "stripe__invoices"], ["mart_mrr_bridge"], ["published_warehouse"]):
            event = instance.get_latest_materialization_event(dg.AssetKey(key))
            assert event is not None and event.run_id == run_id, key
        checks = instance.get_records_for_run(
            run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
        ).records
        names = {r.event_log_entry.dagster_event.asset_check_evaluation_data.check_name
                 for r in checks}  # fmt: skip
        assert {"no_rows_quarantined", "great_expectations_suite"} <= names
        assert any(name.startswith("not_null_") for name in names)  # the dbt tests


def test_tests_do_not_write_the_project_instance(dagster_home: Path) -> None:
    from orchestration.lib.run_history import DEFAULT_DAGSTER_HOME
    from orchestration.lib.run_history import dagster_home as home_of

    assert home_of() == dagster_home.resolve() != DEFAULT_DAGSTER_HOME


def test_dbt_tests_are_described_from_the_manifest(dbt_manifest: Path) -> None:
    manifest = console.load_manifest(dbt_manifest)
    nodes = manifest["nodes"]

    def find(prefix: str) -> str:
        return next(k for k in nodes if k.startswith(f"test.revenue_warehouse.{prefix}"))

    words, model = console.describe_test(find("not_null_fct_account_months_mrr"), manifest)
    assert (words, model) == ("fct_account_months.mrr is never null", "fct_account_months")
    words, model = console.describe_test(find("assert_marked_sqls_follow_sql_rule"), manifest)
    assert model == "fct_leads"
    assert words.startswith("Leads a rep marked SQL") and "assert_marked_sqls" in words
    words, _ = console.describe_test(find("relationships_fct_leads_owner_id"), manifest)
    assert words == "every fct_leads.owner_id is a stg_salesforce__users.user_id"
    line = console.problem_line(
        {"test": find("assert_marked_sqls_follow_sql_rule"), "status": "warn",
         "message": "Got 2 results, configured to warn if != 0"},
        manifest,
    )  # fmt: skip
    assert line.startswith("dbt test on fct_leads (warn): Leads a rep")
    assert line.endswith("— 2 rows found")


def test_dbt_counts_read_as_words() -> None:
    counts = {"model:success": 118, "seed:success": 14, "test:pass": 465, "test:warn": 1,
              "unit_test:pass": 47, "operation:success": 1}  # fmt: skip
    assert console.dbt_counts_text(counts) == (
        "118 models, 466 tests, 47 unit tests, 14 seeds: 1 warning, 0 failed"
    )
