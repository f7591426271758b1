"""The Dagster code location: assembles the areas under defs/ and nothing else."""

from __future__ import annotations

import dagster as dg

from orchestration.defs.dbt.assets import warehouse_dbt_assets
from orchestration.defs.deck.assets import board_deck
from orchestration.defs.ingestion.assets import INGESTION_ASSETS, LANDING_MANIFEST
from orchestration.defs.ingestion.sensors import build_landing_sensor
from orchestration.defs.pipeline.assets import published_warehouse
from orchestration.defs.pipeline.jobs import nightly_schedule, nightly_warehouse_job
from orchestration.defs.resources import build_resources
from orchestration.settings import Settings, load_settings


def build_definitions(settings: Settings) -> dg.Definitions:
    return dg.Definitions(
        assets=[
            *INGESTION_ASSETS,
            LANDING_MANIFEST,
            warehouse_dbt_assets,
            published_warehouse,
            board_deck,
        ],
        jobs=[nightly_warehouse_job],
        schedules=[nightly_schedule],
        sensors=[build_landing_sensor(nightly_warehouse_job)],
        resources=build_resources(settings),
        # One DuckDB file takes one writer at a time: run steps in one process, in order.
        executor=dg.in_process_executor,
    )


defs = build_definitions(load_settings())
