"""The nightly job: every asset, landing to board deck, on one schedule."""

from __future__ import annotations

import dagster as dg

# Run retries need `run_retries: enabled` in the instance's dagster.yaml (see Makefile dev).
nightly_warehouse_job = dg.define_asset_job(
    "nightly_warehouse",
    selection=dg.AssetSelection.all(),
    description="Ingest every landing source, build and test the dbt project, render the deck.",
    tags={"dagster/max_retries": "2", "dagster/retry_strategy": "FROM_FAILURE"},
)

nightly_schedule = dg.ScheduleDefinition(
    job=nightly_warehouse_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Seoul",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
