"""The Spark target: the same dbt project built by dbt-spark, read back through DuckDB.

Layout of a Spark warehouse directory (`warehouse build --target spark --warehouse DIR`):

    DIR/catalog.duckdb    ingestion exactly as for DuckDB (raw.*, landing_manifest,
                          landing_quarantine), plus one view per mart over its Parquet folder:
                          the file the boards, the deck and `warehouse headline` open
    DIR/raw/<table>/      each raw table as Parquet, the dbt sources on Spark
    DIR/<mart>/           each public mart (and every other table of the target schema) as a
                          Parquet table written by Spark: any engine can read it
    DIR/staging.db/ ...   the other schemas' tables; DIR/metastore_db the Hive metastore

DuckDB stays the embedded default; nothing here runs unless the target is `spark`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import duckdb

TARGETS = ("duckdb", "spark")
CATALOG_FILE = "catalog.duckdb"
RAW_FOLDER = "raw"
# The ingestion's bookkeeping in schema raw (orchestration/lib/landing/manifest.py), a dbt
# source too (models/marts/reporting): every source's load writes to it.
BOOKKEEPING_TABLES = ("landing_manifest", "landing_quarantine")
# Folders under DIR that are not marts (Spark keeps other schemas in `<schema>.db`).
_NOT_MARTS = {RAW_FOLDER, "metastore_db", "build_reports", "board_decks"}


def catalog_path(spark_dir: Path) -> Path:
    return Path(spark_dir) / CATALOG_FILE


def spark_dir_of(catalog: Path) -> Path:
    return Path(catalog).parent


def environment(spark_dir: Path) -> dict[str, str]:
    """What profiles.yml's `spark` output and the raw-source hook read."""
    spark_dir = Path(spark_dir).resolve()
    return {
        "SPARK_WAREHOUSE_DIR": str(spark_dir),
        "SPARK_RAW_DIR": str(spark_dir / RAW_FOLDER),
    }


def export_raw_tables(
    con: duckdb.DuckDBPyConnection, spark_dir: Path, tables: Iterable[str] | None = None
) -> list[str]:
    """Write raw tables (all of schema raw, or `tables` plus the bookkeeping tables, which
    each source's load updates) as one Parquet folder each.

    A folder is replaced whole (written beside, then renamed), so Spark never reads half a
    table. Empty tables still get a file: Spark infers a folder's schema from its files."""
    raw_dir = Path(spark_dir) / RAW_FOLDER
    raw_dir.mkdir(parents=True, exist_ok=True)
    existing = {
        row[0]
        for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'raw'"
        ).fetchall()
    }
    wanted = existing if tables is None else {*tables, *BOOKKEEPING_TABLES}
    names = sorted(existing.intersection(wanted))
    for name in names:
        final = raw_dir / name
        staging = raw_dir / f".{name}.writing"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        target = str(staging / "part-00000.parquet").replace("'", "''")
        con.execute(f"copy (select * from raw.\"{name}\") to '{target}' (format parquet)")
        old = raw_dir / f".{name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if final.exists():
            final.rename(old)
        staging.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    return names


def mart_folders(spark_dir: Path) -> list[Path]:
    """Parquet folders directly under DIR: the tables of the target schema (the marts)."""
    spark_dir = Path(spark_dir)
    if not spark_dir.is_dir():
        return []
    return sorted(
        p
        for p in spark_dir.iterdir()
        if p.is_dir()
        and p.name not in _NOT_MARTS
        and not p.name.startswith((".", "_"))
        and not p.name.endswith(".db")
        and any(p.glob("*.parquet"))
    )


def _view_sql(con: duckdb.DuckDBPyConnection, folder: Path) -> str:
    source = f"read_parquet('{str(folder / '*.parquet').replace(chr(39), chr(39) * 2)}')"
    columns = con.execute(f"describe select * from {source}").fetchall()
    select = []
    for name, data_type, *_ in columns:
        quoted = '"' + name.replace('"', '""') + '"'
        # Spark writes its (session-zone) timestamps as instants; DuckDB's warehouse keeps
        # naive UTC timestamps: read them back the same way.
        if data_type.upper().startswith("TIMESTAMP WITH TIME ZONE"):
            select.append(f"timezone('UTC', {quoted}) as {quoted}")
        else:
            select.append(quoted)
    return f"select {', '.join(select)} from {source}"


def publish_mart_views(spark_dir: Path, catalog: Path | None = None) -> list[str]:
    """One DuckDB view per mart folder in DIR/catalog.duckdb (schema main), replacing views
    of marts that no longer exist. Boards and the deck open this file like a DuckDB
    warehouse and read Spark's Parquet. A build writes them into its own copy of the
    catalog (`catalog`), which publishing then swaps in whole."""
    spark_dir = Path(spark_dir)
    folders = mart_folders(spark_dir)
    con = duckdb.connect(str(catalog or catalog_path(spark_dir)))
    try:
        con.execute("begin")
        stale = {
            row[0]
            for row in con.execute(
                "select view_name from duckdb_views() where schema_name = 'main' and not internal"
            ).fetchall()
        }
        for folder in folders:
            sql = _view_sql(con, folder)
            con.execute(f'create or replace view main."{folder.name}" as {sql}')
            stale.discard(folder.name)
        for name in stale:
            con.execute(f'drop view if exists main."{name}"')
        con.execute("commit")
    finally:
        con.close()
    return [f.name for f in folders]


def target_from_env() -> str:
    target = (os.environ.get("WAREHOUSE_TARGET") or "duckdb").strip().lower()
    if target not in TARGETS:
        raise ValueError(f"WAREHOUSE_TARGET must be one of {', '.join(TARGETS)}, got {target!r}")
    return target
