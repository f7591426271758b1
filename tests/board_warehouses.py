"""Warehouses for the board and deck tests, all derived from the one the real pipeline
builds from the small fixture landing (tests/conftest.py `small_warehouse`): the pages are
tested on marts dbt actually built, so they cannot drift from them.

- `empty_copy`: every table kept, every row deleted (a build that produced nothing);
- `blank`: a DuckDB file with no tables at all;
- `bare_copy`: optional columns and the acquisition marts dropped (an older warehouse);
- `cs_scenario`: the customer-success scenario's landing (tests/fixtures/cs_scenario,
  hand-computed in tests/test_customer_success_scenario.py) through ingestion and a dbt
  build of every model, for the customer-success pages;
- `without_customer_success`: a copy with the customer-success marts dropped (a warehouse
  built before they existed).
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
CS_LANDING = REPO / "tests" / "fixtures" / "cs_scenario" / "landing_part1"
CS_AS_OF = "2025-04-15"

# Columns the boards only read when present (dashboards/data.py OPTIONAL_COLUMNS).
OPTIONAL = {
    "dim_accounts": ("is_deleted_in_crm", "ultimate_parent_account_id", "currency"),
    "fct_account_months": ("fx_rate",),
    "mart_mrr_bridge": ("ending_arr", "arpa", "quick_ratio", "mrr_growth_rate"),
}


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def _tables(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    return connection.execute(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_schema not in ('information_schema', 'pg_catalog')"
    ).fetchall()


def empty_copy(source: Path, target: Path) -> Path:
    _copy(source, target)
    with duckdb.connect(str(target)) as connection:
        for schema, table, kind in _tables(connection):
            if kind == "BASE TABLE":
                connection.execute(f'delete from "{schema}"."{table}"')
    return target


def blank(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    duckdb.connect(str(target)).close()
    return target


def bare_copy(source: Path, target: Path) -> Path:
    from dashboards.data import MART_COLUMNS

    _copy(source, target)
    with duckdb.connect(str(target)) as connection:
        present = {table for _, table, _ in _tables(connection)}
        for table in MART_COLUMNS:
            if table in present:
                connection.execute(f"drop table if exists main.{table} cascade")
                connection.execute(f"drop view if exists main.{table} cascade")
        for table, columns in OPTIONAL.items():
            existing = {
                row[0]
                for row in connection.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = 'main' and table_name = ?",
                    [table],
                ).fetchall()
            }
            for column in columns:
                if column in existing:
                    connection.execute(f"alter table main.{table} drop column {column}")
    return target


def cs_scenario(workdir: Path) -> Path:
    from tests.dbt_runner import dbt_build, ingest_landing

    landing = workdir / "landing"
    shutil.copytree(CS_LANDING, landing)
    warehouse = workdir / "warehouse.duckdb"
    ingest_landing(warehouse, landing, datetime(2025, 4, 15))
    result = dbt_build(warehouse, workdir, CS_AS_OF, "path:models path:seeds")
    if result.returncode != 0:
        raise RuntimeError(
            f"dbt build of the customer-success scenario failed:\n{result.stdout[-6000:]}"
        )
    return warehouse


def without_customer_success(source: Path, target: Path) -> Path:
    from dashboards.data_cs import CS_MARTS

    _copy(source, target)
    with duckdb.connect(str(target)) as connection:
        present = {table: kind for _, table, kind in _tables(connection)}
        for table in CS_MARTS:
            if table in present:
                kind = "view" if present[table] == "VIEW" else "table"
                connection.execute(f"drop {kind} main.{table} cascade")
    return target
