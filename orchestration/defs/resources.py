"""Resources shared by every area: the warehouse connection and the dbt CLI."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource

from orchestration.defs.dbt.project import dbt_project
from orchestration.settings import Settings


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file and the landing root it is built from."""

    warehouse_path: str
    landing_dir: str
    board_deck_dir: str
    as_of_date: str | None = None
    # dbt target. "spark": warehouse_path is the DuckDB catalog of the Spark warehouse
    # directory beside it (ingestion, quarantine, views over the marts' Parquet).
    target: str = "duckdb"

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        path = Path(self.warehouse_path)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
        try:
            yield con
        finally:
            con.close()

    @property
    def as_of(self) -> date | None:
        return date.fromisoformat(self.as_of_date) if self.as_of_date else None


def build_resources(settings: Settings) -> dict[str, object]:
    return {
        "warehouse": WarehouseResource(
            warehouse_path=str(settings.warehouse_path),
            landing_dir=str(settings.landing_dir),
            board_deck_dir=str(settings.board_deck_dir),
            as_of_date=settings.as_of_date.isoformat() if settings.as_of_date else None,
            target=settings.target,
        ),
        # The venv's dbt, so runs do not depend on PATH (make, cron, dagster dev alike).
        "dbt": DbtCliResource(
            project_dir=dbt_project,
            profiles_dir=str(dbt_project.project_dir),
            dbt_executable=str(Path(sys.executable).with_name("dbt")),
            # The profiles.yml output the models run on: the same job on DuckDB or Spark.
            target=settings.target,
        ),
    }
