"""Shared fixtures: a small generated landing set and the warehouse built from it.

Building runs the real pipeline (ingestion + dbt build with tests, through Dagster
in-process) once per test session; tests that need a warehouse share it read-only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from orchestration.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Small but complete: every source, every story type, 15 months for trailing-12m metrics.
SMALL_DEMO = {"accounts": 40, "months": 15, "seed": 7}
SMALL_AS_OF = date(2026, 11, 15)


@dataclass(frozen=True)
class BuiltWarehouse:
    landing: Path
    warehouse: Path
    settings: Settings
    summary: object


def build(landing: Path, workdir: Path, as_of: date | None) -> BuiltWarehouse:
    from orchestration.lib.pipeline import run_pipeline

    settings = Settings(
        warehouse_path=workdir / "warehouse.duckdb",
        landing_dir=landing,
        as_of_date=as_of,
        board_deck_dir=workdir / "board_decks",
    )
    summary = run_pipeline(settings)
    return BuiltWarehouse(landing, settings.warehouse_path, settings, summary)


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Builds record their runs in the Dagster instance of DAGSTER_HOME: a temporary one for
    the session (and the CLI processes tests start), never the project's .dagster_home."""
    home = tmp_path_factory.mktemp("dagster_home")
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = previous


@pytest.fixture(scope="session", autouse=True)
def dbt_manifest() -> Path:
    """The code location reads a parsed manifest and never parses on import: parse once."""
    from orchestration.defs.dbt.project import ensure_manifest

    return ensure_manifest()


@pytest.fixture(scope="session")
def small_landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from orchestration.lib.demo import generate

    out = tmp_path_factory.mktemp("small_demo") / "landing"
    generate(out, as_of=SMALL_AS_OF, **SMALL_DEMO)
    return out


@pytest.fixture(scope="session")
def small_warehouse(
    small_landing: Path, tmp_path_factory: pytest.TempPathFactory
) -> BuiltWarehouse:
    built = build(small_landing, tmp_path_factory.mktemp("small_wh"), SMALL_AS_OF)
    assert built.summary.success, f"pipeline failed: {built.summary}"
    return built
