"""Runs the nightly job in-process (the same code path as the schedule) and summarises it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

import dagster as dg

from orchestration.settings import Settings

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
    if settings.target == "spark":
        from orchestration.lib.spark import environment

        os.environ.update(environment(settings.warehouse_path.parent))
    if settings.as_of_date:
        os.environ["AS_OF_DATE"] = settings.as_of_date.isoformat()
    else:
        os.environ.pop("AS_OF_DATE", None)


def _metadata_value(value: Any) -> Any:
    return getattr(value, "value", value)


def run_pipeline(settings: Settings, *, full_refresh: bool = False) -> BuildSummary:
    export_environment(settings)
    from orchestration.definitions import build_definitions

    defs = build_definitions(settings)
    job = defs.resolve_job_def("nightly_warehouse")
    run_config = {"ops": {"warehouse_dbt_assets": {"config": {"full_refresh": full_refresh}}}}
    report = settings.build_report_dir / "dbt_run_results.json"
    report.unlink(missing_ok=True)  # never report a previous night's tests
    result = job.execute_in_process(
        run_config=run_config, instance=dg.DagsterInstance.ephemeral(), raise_on_error=False
    )

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
    return BuildSummary(
        success=result.success,
        assets_materialized=materialized,
        failed_steps=failed_steps,
        ingestion=ingestion,
        dbt_counts=dbt_report["counts"],
        test_problems=dbt_report["problems"],
        checks_failed=checks_failed,
    )
