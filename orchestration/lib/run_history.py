"""The Dagster instance builds record into: the persistent one `make dev` shows.

`warehouse build` runs the nightly job in-process; with an ephemeral instance its run, its
materialisations and asset checks vanished with the process and the UI said "Never
materialized". Both now use DAGSTER_HOME (default: `.dagster_home/` in the project, which
`make dev` serves), so a CLI build is in the UI's run list and asset pages.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster._core.instance.ref import InstanceRef
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import StaticPool

from orchestration.settings import PROJECT_DIR

DEFAULT_DAGSTER_HOME = PROJECT_DIR / ".dagster_home"
INSTANCE_SETTINGS = PROJECT_DIR / "orchestration" / "dagster.yaml"

# Tags of a run started by `warehouse build`. No run-level retry: the CLI reports the failure
# to the person who started it; the `make dev` daemon must not re-run it behind their back.
CLI_RUN_TAGS = {"dagster/max_retries": "0", "warehouse/started_by": "warehouse build"}


def dagster_home() -> Path:
    """DAGSTER_HOME when set (tests set a temporary one), else the project's `.dagster_home`."""
    home = os.environ.get("DAGSTER_HOME", "").strip()
    return Path(home).resolve() if home else DEFAULT_DAGSTER_HOME


def prepare_home(home: Path | None = None) -> Path:
    """The folder with the project's instance settings (`make dev` copies the same file)."""
    home = home or dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        shutil.copyfile(INSTANCE_SETTINGS, settings)
    return home


class _KeptOpenSqliteEventLogStorage(SqliteEventLogStorage):
    """Dagster's SQLite event log with one connection kept per database file.

    The stock storage creates and disposes an engine for every statement it runs: a build
    stores about 2,300 events (a materialisation per dbt model, a check per dbt test, each
    also planned and yielded), at ~20 ms an event: 45 s of a 1k-account nightly. Kept open,
    an event costs its commit. For one build process only: the UI (`make dev`) keeps the
    stock storage, which other processes' runs and deleted runs never surprise."""

    def __init__(self, base_dir: str, inst_data: object = None) -> None:
        super().__init__(base_dir, inst_data)  # type: ignore[arg-type]
        self._engines: dict[str, Engine] = {}

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engines.get(shard)
            if engine is None:
                engine = create_engine(
                    self.conn_string_for_shard(shard),
                    poolclass=StaticPool,
                    connect_args={
                        "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
                        "check_same_thread": False,
                    },
                )
                if shard not in self._initialized_dbs:
                    self._initdb(engine)
                    self._initialized_dbs.add(shard)
                self._engines[shard] = engine
            with engine.connect() as conn, conn.begin():
                yield conn

    def dispose(self) -> None:
        super().dispose()
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()


class BuildSqliteStorage(DagsterSqliteStorage):
    """The instance's own SQLite files (history/, schedules/ under DAGSTER_HOME), with the
    event log kept open (see above)."""

    def __init__(self, base_dir: str, inst_data: object = None) -> None:
        super().__init__(base_dir, inst_data)  # type: ignore[arg-type]
        self._event_log_storage = _KeptOpenSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data: object, config_value: dict) -> BuildSqliteStorage:  # type: ignore[override]
        return cls.from_local(inst_data=inst_data, **config_value)  # type: ignore[arg-type]


def _build_instance(home: Path) -> dg.DagsterInstance:
    """The persistent instance of `home` as its dagster.yaml says; where that keeps Dagster's
    SQLite storage (the default), in the same files through BuildSqliteStorage."""
    ref = InstanceRef.from_dir(str(home))
    stored = ref.storage_data
    if stored is None or stored.class_name != DagsterSqliteStorage.__name__:
        return dg.DagsterInstance.from_ref(ref)
    storage = {
        "custom": {
            "module": __name__,
            "class": BuildSqliteStorage.__name__,
            "config": dict(stored.config_dict),  # its base_dir, as written
        }
    }
    return dg.DagsterInstance.from_ref(
        InstanceRef.from_dir(str(home), overrides={"storage": storage})
    )


@contextmanager
def open_instance() -> Iterator[tuple[dg.DagsterInstance, str | None]]:
    """The persistent instance and None, or (when its folder cannot be used) an ephemeral one
    and the reason: run history is worth a warning, never a failed build."""
    try:
        home = prepare_home()
        instance = _build_instance(home)
    except Exception as error:  # any storage problem: build without history
        with dg.DagsterInstance.ephemeral() as instance:
            yield (
                instance,
                (
                    f"run history not recorded ({type(error).__name__}: {error}); check "
                    f"DAGSTER_HOME={dagster_home()}"
                ),
            )
        return
    with instance:
        yield instance, None
