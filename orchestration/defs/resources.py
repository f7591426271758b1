"""Resources shared by every area: the warehouse connection and the dbt CLI."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import PrivateAttr

from orchestration.defs.dbt.project import dbt_project
from orchestration.defs.dbt.resource import WarehouseDbtCliResource
from orchestration.lib import publish
from orchestration.lib.supervise import supervised_executable
from orchestration.settings import DEFAULT_FRESHNESS_HOURS, Settings

COPY_ATTEMPTS = 3  # reading the published file waits out a writer's lock this many times
COPY_RETRY_SECONDS = 5.0


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file and the landing root it is built from.

    `warehouse_path` is the published file readers open. Within a run every step writes
    the run's own copy (`build_path`, see orchestration/lib/publish.py); the
    `published_warehouse` asset moves it over the published file when the build passed.
    """

    warehouse_path: str
    landing_dir: str
    board_deck_dir: str
    as_of_date: str | None = None
    # Hours after which a source's newest landed file is stale: the one home of the limits
    # is settings.DEFAULT_FRESHNESS_HOURS.
    freshness_hours: dict[str, float] = dict(DEFAULT_FRESHNESS_HOURS)
    # dbt target. "spark": warehouse_path is the DuckDB catalog of the Spark warehouse
    # directory beside it (ingestion, quarantine, views over the marts' Parquet).
    target: str = "duckdb"

    _build_id: str | None = PrivateAttr(default=None)
    _started_at: datetime | None = PrivateAttr(default=None)
    _lock: publish.BuildLock | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        run = context.dagster_run
        if run is None:  # used outside a run (tests, scripts): the file itself
            return
        published = Path(self.warehouse_path)
        publish.check_warehouse_path(published)
        # A retry run (same root run) resumes the copy its first attempt started.
        build_id = (run.root_run_id or run.run_id)[:8]
        lock = publish.BuildLock(published)
        lock.acquire()
        try:
            working = publish.working_path(published, build_id)
            publish.sweep(published, keep=working, build_id=build_id)
            for attempt in range(1, COPY_ATTEMPTS + 1):
                try:
                    publish.start_copy(published, working, build_id)
                    break
                except publish.BuildError as error:
                    if attempt == COPY_ATTEMPTS or not publish.is_transient(error):
                        raise
                    context.log.warning(f"{error} (attempt {attempt} of {COPY_ATTEMPTS})")
                    time.sleep(COPY_RETRY_SECONDS * attempt)
        except BaseException:
            lock.release()
            raise
        self._lock = lock
        self._build_id = build_id
        self._started_at = datetime.now(UTC).replace(tzinfo=None)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def build_id(self) -> str | None:
        return self._build_id

    @property
    def build_path(self) -> str:
        """The file this run writes: its working copy, or the file itself outside a run."""
        if self._build_id is None:
            return self.warehouse_path
        return str(publish.working_path(Path(self.warehouse_path), self._build_id))

    def publish(self) -> publish.PublishedBuild:
        if self._build_id is None:
            raise publish.BuildError("nothing to publish: this run has no working copy")
        published = Path(self.warehouse_path)
        working = Path(self.build_path)
        if not working.exists():
            raise publish.BuildError(
                f"the working copy {working} of build {self._build_id} is gone (another "
                "build swept it); run the whole job again"
            )
        return publish.publish(
            working,
            published,
            build_id=self._build_id,
            as_of=self.as_of,
            started_at=self._started_at or datetime.now(UTC).replace(tzinfo=None),
            landing_dir=self.landing_dir,
        )

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        path = Path(self.build_path)
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
            freshness_hours=dict(settings.freshness_hours),
            target=settings.target,
        ),
        # The venv's dbt, so runs do not depend on PATH (make, cron, dagster dev alike),
        # started so that it dies with the process that runs it (kill -9 included).
        # dagster-dbt's resource without its per-command `dbt --version` and adapter load.
        "dbt": WarehouseDbtCliResource(
            project_dir=dbt_project,
            profiles_dir=str(dbt_project.project_dir),
            dbt_executable=str(supervised_executable(Path(sys.executable).with_name("dbt"))),
            # The profiles.yml output the models run on: the same job on DuckDB or Spark.
            target=settings.target,
        ),
    }
