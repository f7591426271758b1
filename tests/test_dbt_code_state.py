"""A nightly skips the unit tests only when the warehouse was last built, passing, by the
same dbt project (orchestration/defs/dbt/assets.py): the fingerprint it compares."""

from __future__ import annotations

from pathlib import Path

import duckdb


def test_the_fingerprint_is_read_back_only_from_a_built_warehouse(
    dbt_manifest: Path, tmp_path: Path
) -> None:
    from orchestration.defs.dbt import assets

    warehouse = tmp_path / "warehouse.duckdb"
    assert assets.built_with(str(warehouse)) is None  # no file
    duckdb.connect(str(warehouse)).close()
    assert assets.built_with(str(warehouse)) is None  # a warehouse no dbt build passed on
    fingerprint = assets.project_fingerprint()
    assert fingerprint == assets.project_fingerprint()  # stable across calls
    assets.record_built_with(str(warehouse), fingerprint)
    assets.record_built_with(str(warehouse), fingerprint)  # replaced, not appended
    assert assets.built_with(str(warehouse)) == fingerprint


def test_any_change_to_a_file_dbt_reads_changes_the_fingerprint(
    dbt_manifest: Path, tmp_path: Path
) -> None:
    from orchestration.defs.dbt import assets

    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: x\n")
    model = project / "models" / "m.sql"
    model.write_text("select 1 as a\n")
    first = assets.project_fingerprint(project)
    model.write_text("select 2 as a\n")
    assert assets.project_fingerprint(project) != first
    model.write_text("select 1 as a\n")
    assert assets.project_fingerprint(project) == first
    (project / "seeds").mkdir()
    (project / "seeds" / "s.csv").write_text("a\n1\n")
    assert assets.project_fingerprint(project) != first
