"""Runtime settings, read from the environment so the CLI, `dagster dev` and tests agree."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]

# Hours after which a source's newest landed file is called stale (a warning, not an
# error): CRM and billing extracts run nightly, finance files arrive monthly.
DEFAULT_FRESHNESS_HOURS: dict[str, float] = {
    "salesforce": 36,
    "stripe": 36,
    "contracts": 24 * 8,
    "segment": 36,
    "zendesk": 36,
    "nps": 24 * 35,
    "finance": 24 * 40,
}


MEMORY_LIMIT_ENV = "DUCKDB_MEMORY_LIMIT"
# Half the machine for DuckDB leaves the other half to Python, Dagster and the page cache;
# above 6 GB the build's peak RSS would pass the 8 GB the 10,000-account bench allows.
MEMORY_SHARE = 0.5
MEMORY_CAP_MB = 6 * 1024
MEMORY_FLOOR_MB = 1024


def _machine_memory_mb() -> int:
    """Physical memory, or the container's cgroup limit when that is lower."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
    except OSError:
        limit = "max"
    if limit.isdigit():
        total = min(total, int(limit))
    return total // (1024 * 1024)


def duckdb_memory_limit() -> str:
    """The memory limit of every DuckDB connection a build opens (ingestion and dbt):
    DUCKDB_MEMORY_LIMIT when set, else half the machine between 1 GB and 6 GB. Bounded so
    event-sized sorts and hash tables spill to disk instead of growing past the machine."""
    configured = os.environ.get(MEMORY_LIMIT_ENV, "").strip()
    if configured:
        return configured
    share = int(_machine_memory_mb() * MEMORY_SHARE)
    return f"{max(MEMORY_FLOOR_MB, min(MEMORY_CAP_MB, share))}MB"


@dataclass(frozen=True)
class Settings:
    warehouse_path: Path
    landing_dir: Path
    as_of_date: date | None = None
    board_deck_dir: Path = field(default_factory=lambda: PROJECT_DIR / "data" / "board_decks")
    freshness_hours: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_FRESHNESS_HOURS))
    # dbt target: "duckdb" (warehouse_path is the warehouse) or "spark" (warehouse_path is
    # DIR/catalog.duckdb of the Spark warehouse directory DIR: see orchestration/lib/spark.py).
    target: str = "duckdb"

    @property
    def build_report_dir(self) -> Path:
        """Where a build leaves its machine-readable summary (beside the warehouse)."""
        return self.warehouse_path.parent / "build_reports"


def _resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else (PROJECT_DIR / p)


def load_settings() -> Settings:
    as_of = os.environ.get("AS_OF_DATE")
    deck_dir = os.environ.get("BOARD_DECK_DIR")
    target = os.environ.get("WAREHOUSE_TARGET", "duckdb").strip().lower() or "duckdb"
    warehouse = os.environ.get("WAREHOUSE_PATH", "data/warehouse.duckdb")
    if target == "spark":
        spark_dir = _resolve(os.environ.get("SPARK_WAREHOUSE_DIR", "data/spark-warehouse"))
        warehouse = str(spark_dir / "catalog.duckdb")
    return Settings(
        warehouse_path=_resolve(warehouse),
        landing_dir=_resolve(os.environ.get("LANDING_DIR", "data/landing")),
        as_of_date=date.fromisoformat(as_of) if as_of else None,
        board_deck_dir=_resolve(deck_dir) if deck_dir else PROJECT_DIR / "data" / "board_decks",
        target=target,
    )
