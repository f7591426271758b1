"""The Spark target's DuckDB side, without a JVM: raw tables out as Parquet, marts back in
as views, and the settings that select the target."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.lib import spark
from orchestration.settings import load_settings


def test_raw_tables_are_written_as_one_parquet_folder_each(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "catalog.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.stripe__invoices (id varchar, total bigint)")
    con.execute("insert into raw.stripe__invoices values ('in_1', 100), ('in_2', 0)")
    con.execute("create table raw.segment__events (messageid varchar)")  # empty still written
    assert spark.export_raw_tables(con, tmp_path) == ["segment__events", "stripe__invoices"]
    # A second export replaces the folder whole.
    con.execute("insert into raw.stripe__invoices values ('in_3', 5)")
    assert spark.export_raw_tables(con, tmp_path, ["stripe__invoices"]) == ["stripe__invoices"]
    con.close()
    files = sorted(p.name for p in (tmp_path / "raw" / "stripe__invoices").iterdir())
    assert files == ["part-00000.parquet"]
    rows = duckdb.sql(
        f"select count(*) from read_parquet('{tmp_path}/raw/stripe__invoices/*.parquet')"
    ).fetchall()[0]
    assert rows == (3,)
    empty = duckdb.sql(
        f"select count(*) from read_parquet('{tmp_path}/raw/segment__events/*.parquet')"
    ).fetchall()[0]
    assert empty == (0,)


def test_mart_folders_become_views_with_naive_utc_timestamps(tmp_path: Path) -> None:
    mart = tmp_path / "fct_leads"
    mart.mkdir()
    (tmp_path / "staging.db" / "stg_x").mkdir(parents=True)  # another schema: not a mart
    (tmp_path / "raw" / "t").mkdir(parents=True)
    con = duckdb.connect()
    con.execute("set TimeZone = 'Asia/Seoul'")  # Spark wrote instants; the view is UTC
    con.execute(
        f"copy (select 'L1' as lead_id, timestamptz '2025-01-20 01:00:00+00' as mql_at) "
        f"to '{mart}/part-00000.parquet' (format parquet)"
    )
    con.close()
    assert spark.publish_mart_views(tmp_path) == ["fct_leads"]
    catalog = duckdb.connect(str(spark.catalog_path(tmp_path)), read_only=True)
    row = catalog.execute("select lead_id, mql_at, typeof(mql_at) from fct_leads").fetchone()
    catalog.close()
    assert row[0] == "L1" and str(row[1]) == "2025-01-20 01:00:00" and row[2] == "TIMESTAMP"

    # A mart that is gone loses its view on the next publish.
    for f in mart.iterdir():
        f.unlink()
    mart.rmdir()
    assert spark.publish_mart_views(tmp_path) == []
    catalog = duckdb.connect(str(spark.catalog_path(tmp_path)), read_only=True)
    assert (
        catalog.execute("select count(*) from duckdb_views() where not internal").fetchone()[0] == 0
    )
    catalog.close()


def test_warehouse_target_spark_points_settings_at_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAREHOUSE_TARGET", "spark")
    monkeypatch.setenv("SPARK_WAREHOUSE_DIR", str(tmp_path / "sw"))
    settings = load_settings()
    assert settings.target == "spark"
    assert settings.warehouse_path == tmp_path / "sw" / "catalog.duckdb"
    env = spark.environment(tmp_path / "sw")
    assert env["SPARK_RAW_DIR"] == str(tmp_path / "sw" / "raw")


def test_each_source_exports_the_ingestion_bookkeeping_too(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "catalog.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.stripe__invoices (id varchar)")
    con.execute("create table raw.landing_manifest (path varchar, status varchar)")
    con.execute("create table raw.landing_quarantine (path varchar)")
    assert spark.export_raw_tables(con, tmp_path, ["stripe__invoices"]) == [
        "landing_manifest",
        "landing_quarantine",
        "stripe__invoices",
    ]
    con.close()


def test_every_dbt_source_table_is_exported_by_the_ingestion_assets() -> None:
    """`warehouse build --target spark` (the Dagster job) exports each source's raw tables
    as its ingestion asset runs; Spark registers one table per dbt source from those
    folders (macros/cross_db/register_raw_sources.sql). A source table no asset exports
    fails the Spark build with UNABLE_TO_INFER_SCHEMA."""
    import yaml

    from orchestration.defs.ingestion.assets import raw_tables_of
    from orchestration.lib.landing import contract

    exported = {t for source in contract.SOURCES for t in raw_tables_of(source)}
    exported |= set(spark.BOOKKEEPING_TABLES)
    declared = set()
    for path in (Path(__file__).resolve().parents[1] / "models").rglob("*.yml"):
        for source in (yaml.safe_load(path.read_text()) or {}).get("sources") or []:
            for table in source.get("tables") or []:
                declared.add(table.get("identifier") or table["name"])
    assert declared, "no dbt sources found"
    assert declared <= exported, sorted(declared - exported)


def test_the_code_location_manifest_is_parsed_for_the_build_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A manifest parsed for DuckDB names some tests differently from a Spark run of dbt
    (`quote: true` columns): dagster-dbt then fails on a node it does not know. So the build
    re-parses when the target changes, and only then."""
    import json

    from dagster_dbt import DbtProject

    from orchestration.defs.dbt import project

    scratch = DbtProject(
        project_dir=project.PROJECT_DIR,
        profiles_dir=project.PROJECT_DIR,
        target_path=tmp_path / "target",
    )
    monkeypatch.setattr(project, "dbt_project", scratch)

    def parsed() -> tuple[str, set[str], float]:
        manifest = json.loads(scratch.manifest_path.read_text())
        quoted = {n for n in manifest["nodes"] if n.startswith("test.") and "_window_" in n}
        return manifest["metadata"]["adapter_type"], quoted, scratch.manifest_path.stat().st_mtime

    monkeypatch.setenv("WAREHOUSE_TARGET", "spark")
    project.ensure_manifest()
    adapter, spark_tests, _ = parsed()
    assert adapter == "spark"
    project.ensure_manifest("duckdb")
    adapter, duckdb_tests, parsed_at = parsed()
    assert adapter == "duckdb"
    assert spark_tests and spark_tests != duckdb_tests  # why the target matters
    project.ensure_manifest("duckdb")
    assert parsed()[2] == parsed_at  # the same target is not parsed again
