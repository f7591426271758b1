"""Runs the nightly job in-process (the same code path as the schedule) and summarises it."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

import dagster as dg

from orchestration.lib import publish, run_history
from orchestration.settings import MEMORY_LIMIT_ENV, Settings, duckdb_memory_limit

INGEST_METRICS = (
    "files_loaded",
    "files_skipped",
    "files_rejected",
    "rows_read",
    "rows_loaded",
    "rows_quarantined",
)


@dataclass
class BuildSummary:
    success: bool
    assets_materialized: int
    failed_steps: list[str]
    ingestion: dict[str, dict[str, int]]
    dbt_counts: dict[str, int]
    test_problems: list[dict[str, str]]
    checks_failed: list[str] = field(default_factory=list)
    build_id: str = ""
    published: bool = False  # this build replaced the published warehouse
    current: publish.PublishedBuild | None = None  # the build readers see now
    causes: list[str] = field(default_factory=list)  # why steps failed, one line each
    run_id: str = ""  # the Dagster run (in the instance of DAGSTER_HOME)
    history_problem: str | None = None  # why the run is not in the instance, if it is not

    @property
    def tests(self) -> dict[str, int]:
        out = {"pass": 0, "warn": 0, "fail": 0, "error": 0}
        for key, n in self.dbt_counts.items():
            kind, status = key.split(":", 1)
            if kind in ("test", "unit_test") and status in out:
                out[status] += n
        return out

    @property
    def error_tests(self) -> int:
        t = self.tests
        return t["fail"] + t["error"]


def export_environment(settings: Settings) -> None:
    """dbt runs as a subprocess and reads its warehouse path from the environment."""
    os.environ["WAREHOUSE_PATH"] = str(settings.warehouse_path)
    os.environ["LANDING_DIR"] = str(settings.landing_dir)
    os.environ["BOARD_DECK_DIR"] = str(settings.board_deck_dir)
    os.environ["WAREHOUSE_TARGET"] = settings.target
    # dbt's profile reads it; ingestion reads the same setting (duckdb_memory_limit).
    os.environ[MEMORY_LIMIT_ENV] = duckdb_memory_limit()
    if settings.target == "spark":
        from orchestration.lib.spark import environment

        os.environ.update(environment(settings.warehouse_path.parent))
    if settings.as_of_date:
        os.environ["AS_OF_DATE"] = settings.as_of_date.isoformat()
    else:
        os.environ.pop("AS_OF_DATE", None)


def _metadata_value(value: Any) -> Any:
    return getattr(value, "value", value)


def _innermost(error: Any) -> Any:
    while getattr(error, "cause", None) is not None:
        error = error.cause
    return error


def failure_causes(result: dg.ExecuteInProcessResult) -> list[str]:
    """One line per failed step: the innermost error's message, not its traceback."""
    causes: list[str] = []
    for event in result.all_events:
        if event.event_type_value != "STEP_FAILURE" or not event.step_key:
            continue
        error = _innermost(event.step_failure_data.error)
        if error is None:
            continue
        message = (error.message or "").strip()
        # "dagster._core.definitions.events.Failure: text" -> "text"
        head, sep, tail = message.partition(": ")
        if sep and "." in head and " " not in head:
            message = tail
        line = next((ln for ln in message.splitlines() if ln.strip()), error.cls_name or "")
        causes.append(f"{event.step_key}: {line[:600]}")
    return causes


def run_pipeline(
    settings: Settings, *, full_refresh: bool = False, progress: Any = None
) -> BuildSummary:
    """Build into a copy of the warehouse and publish it when every error test passed.

    The run is recorded in the Dagster instance of DAGSTER_HOME (lib/run_history.py).
    `progress` (a lib/console.BuildProgress) follows the run's events as a Dagster logger.
    Raises publish.BuildError when the build cannot start (the warehouse path is not
    writable, another build holds the lock)."""
    export_environment(settings)
    from orchestration.defs.dbt.project import ensure_manifest

    # The code location reads the manifest (it never parses on import), for this target.
    ensure_manifest(settings.target)
    from orchestration.definitions import build_definitions

    published = settings.warehouse_path
    publish.check_warehouse_path(published)
    lock = publish.BuildLock(published)
    lock.acquire()
    try:
        return _run_locked(settings, build_definitions(settings), full_refresh, progress)
    finally:
        lock.release()


def _run_locked(
    settings: Settings, defs: dg.Definitions, full_refresh: bool, progress: Any = None
) -> BuildSummary:
    job = defs.resolve_job_def("nightly_warehouse")
    run_config: dict[str, Any] = {
        "ops": {"warehouse_dbt_assets": {"config": {"full_refresh": full_refresh}}}
    }
    if progress is not None:
        # Dagster's console logger as always (the CLI sends it to the build log) plus the
        # logger that prints the phase lines and moves the progress bars.
        job = job.with_logger_defs(
            {"console": dg.colored_console_logger, "progress": progress.logger_def()}
        )
        run_config["loggers"] = {"console": {"config": {"log_level": "DEBUG"}}, "progress": {}}
    report = settings.build_report_dir / "dbt_run_results.json"
    report.unlink(missing_ok=True)  # never report a previous night's tests
    run_id = str(uuid.uuid4())
    build_id = run_id[:8]
    with run_history.open_instance() as (instance, history_problem):
        try:
            result = job.execute_in_process(
                run_config=run_config,
                instance=instance,
                raise_on_error=False,
                run_id=run_id,
                tags=run_history.CLI_RUN_TAGS,
            )
        finally:
            # Published: the copy was moved. Failed: it goes, the published file is untouched.
            publish.discard(publish.working_path(settings.warehouse_path, build_id))

    ingestion: dict[str, dict[str, int]] = {}
    materialized = 0
    for event in result.all_events:
        if event.event_type_value != "ASSET_MATERIALIZATION":
            continue
        materialized += 1
        node = event.node_name or ""
        if node.startswith("ingest_") and node[len("ingest_") :] not in ingestion:
            meta = event.materialization.metadata
            ingestion[node[len("ingest_") :]] = {
                k: int(_metadata_value(meta[k])) for k in INGEST_METRICS if k in meta
            }

    checks_failed = [
        f"{ev.asset_key.to_user_string()}:{ev.check_name}"
        for ev in result.get_asset_check_evaluations()
        if not ev.passed
    ]
    dbt_report = (
        json.loads(report.read_text()) if report.exists() else {"counts": {}, "problems": []}
    )
    failed_steps = [
        ev.step_key
        for ev in result.all_events
        if ev.event_type_value == "STEP_FAILURE" and ev.step_key
    ]
    current = publish.published_build(settings.warehouse_path)
    return BuildSummary(
        build_id=build_id,
        published=current is not None and current.build_id == build_id,
        current=current,
        causes=failure_causes(result),
        success=result.success,
        assets_materialized=materialized,
        failed_steps=failed_steps,
        ingestion=ingestion,
        dbt_counts=dbt_report["counts"],
        test_problems=dbt_report["problems"],
        checks_failed=checks_failed,
        run_id=run_id,
        history_problem=history_problem,
    )
