"""Every DuckDB connection of a build (ingestion and dbt) gets one memory limit, sized from
the machine unless DUCKDB_MEMORY_LIMIT names one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from orchestration import settings
from orchestration.lib.pipeline import export_environment
from orchestration.settings import MEMORY_LIMIT_ENV, duckdb_memory_limit, load_settings

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("machine_mb", "expected"),
    [(23_000, "6144MB"), (8_000, "4000MB"), (1_500, "1024MB")],
)
def test_half_the_machine_between_one_and_six_gigabytes(
    monkeypatch: pytest.MonkeyPatch, machine_mb: int, expected: str
) -> None:
    monkeypatch.delenv(MEMORY_LIMIT_ENV, raising=False)
    monkeypatch.setattr(settings, "_machine_memory_mb", lambda: machine_mb)
    assert duckdb_memory_limit() == expected


def test_the_environment_names_its_own_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "3GB")
    assert duckdb_memory_limit() == "3GB"


def test_dbt_reads_the_limit_ingestion_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build exports the setting before dbt starts; the profile reads that variable."""
    monkeypatch.delenv(MEMORY_LIMIT_ENV, raising=False)
    monkeypatch.setattr(settings, "_machine_memory_mb", lambda: 10_000)
    for name in (
        "WAREHOUSE_PATH",
        "LANDING_DIR",
        "BOARD_DECK_DIR",
        "WAREHOUSE_TARGET",
        "AS_OF_DATE",
    ):
        monkeypatch.setenv(name, os.environ.get(name, ""))  # restored after the test
    export_environment(load_settings())
    assert os.environ[MEMORY_LIMIT_ENV] == "5000MB" == duckdb_memory_limit()

    profile = yaml.safe_load((REPO / "profiles.yml").read_text())
    memory_limit = profile["revenue_warehouse"]["outputs"]["duckdb"]["settings"]["memory_limit"]
    assert f"env_var('{MEMORY_LIMIT_ENV}'" in memory_limit


def test_machine_memory_is_read() -> None:
    assert settings._machine_memory_mb() > 256
