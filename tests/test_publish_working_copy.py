"""The working copy of a build: one name for every build (dbt's profile does not change, so
dbt reuses its parse), owned by one build. A retry of that build resumes it; any other
build throws it away and starts again from the published file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from orchestration.lib import publish


def _warehouse(path: Path, value: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create or replace table t as select ? as v", [value])
    con.close()


def _value(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select v from t").fetchone()[0]
    finally:
        con.close()


def test_a_retry_resumes_its_copy_and_another_build_starts_again(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    _warehouse(published, 1)
    working = publish.working_path(published, "build-a")
    publish.sweep(published, keep=working, build_id="build-a")
    publish.start_copy(published, working, "build-a")
    assert _value(working) == 1
    _warehouse(working, 2)  # build a got half-way, then its step is retried

    publish.sweep(published, keep=working, build_id="build-a")
    publish.start_copy(published, working, "build-a")
    assert _value(working) == 2  # resumed

    # build a died; build b sweeps its copy away and starts from the published file
    removed = publish.sweep(published, keep=working, build_id="build-b")
    assert working in removed and publish.owner_path(working) in removed
    publish.start_copy(published, working, "build-b")
    assert _value(working) == 1
    # even unswept, a copy owned by another build is never resumed
    _warehouse(working, 3)
    publish.start_copy(published, working, "build-c")
    assert _value(working) == 1

    publish.publish(
        working, published, build_id="build-c", as_of=None, started_at=datetime(2025, 1, 1),
        landing_dir="l",
    )  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["warehouse.duckdb"]
    assert _value(published) == 1


def test_copies_named_after_their_build_are_swept(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    left = [
        tmp_path / ".warehouse.duckdb.ab12cd34.building",
        tmp_path / ".warehouse.duckdb.building",
    ]
    for path in left:
        path.write_bytes(b"x")
    publish.sweep(published, keep=publish.working_path(published, "new"), build_id="new")
    assert list(tmp_path.iterdir()) == []
