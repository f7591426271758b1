"""Starts the pipeline when new extract files land."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg

from orchestration.defs.resources import WarehouseResource
from orchestration.lib.landing import contract


def landing_fingerprint(landing: Path) -> str:
    """A digest of every landed file's path, size and mtime: it changes when a file arrives."""
    digest = hashlib.sha256()
    for obj in contract.ALL_OBJECTS:
        folder = landing / obj.directory
        if not folder.exists():
            continue
        for f in sorted(folder.iterdir()):
            if f.is_file():
                st = f.stat()
                digest.update(f"{f.relative_to(landing)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def build_landing_sensor(job: dg.UnresolvedAssetJobDefinition) -> dg.SensorDefinition:
    @dg.sensor(job=job, minimum_interval_seconds=300, default_status=dg.DefaultSensorStatus.STOPPED)
    def new_landing_files(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
        landing = Path(warehouse.landing_dir)
        if not landing.exists():
            return dg.SkipReason(f"landing directory {landing} does not exist yet")
        fingerprint = landing_fingerprint(landing)
        if fingerprint == context.cursor:
            return dg.SkipReason("no new files")
        context.update_cursor(fingerprint)
        return dg.RunRequest(run_key=fingerprint)

    return new_landing_files
