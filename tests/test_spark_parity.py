"""The same dbt project on Spark and on DuckDB gives the same public marts.

One small landing (the hand-made Stripe/FX files plus the go-to-market scenario: every
source, contracts and Stripe billing, FX, leads, SLA, opportunities) is validated and
ingested into DuckDB once; DuckDB builds the project from it, and Spark (dbt-spark,
`method: session`, local) builds it from the raw tables written as Parquet, the path of
`warehouse build --target spark`. Every public mart of metrics.md that the project has is
then read back (DuckDB over Spark's Parquet folders) and compared: same columns, same
rows, money to the cent, everything else to 1e-9.

The Spark side is `warehouse build --target spark` itself (the CLI, the Dagster job with the
target as a resource, every data test and unit test, publish, deck); about ten minutes.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from orchestration.lib import spark
from tests.dbt_runner import REPO, dbt_build, ingest_landing

FIXTURES = REPO / "tests" / "fixtures"
LANDINGS = (FIXTURES / "landing_handmade", FIXTURES / "gtm_scenario" / "landing")
AS_OF = "2025-04-15"
LOADED_AT = datetime(2025, 4, 1)

# metrics.md, "Public marts": the names are a contract (those not built yet are skipped).
PUBLIC_MARTS = (
    "dim_accounts",
    "fct_account_months",
    "fct_mrr_movements",
    "mart_mrr_bridge",
    "mart_retention_monthly",
    "mart_retention_trailing_12m",
    "mart_cohort_retention",
    "fct_leads",
    "fct_opportunities",
    "mart_funnel",
    "mart_unit_economics",
    "mart_account_health",
    "mart_account_alerts",
    "mart_renewals",
    "mart_renewal_rates",
    "mart_nps",
    "mart_icp_segments",
)
MONEY = re.compile(r"mrr|arr|amount|cost|spend|cac$|^cac|^ltv$|revenue$|_due$|renewed")
RATE = re.compile(r"rate|pct|nrr|grr|retention|ratio|_to_|score|share|probability")
CENT = 0.005
RATE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class SparkBuild:
    catalog: Path
    result: subprocess.CompletedProcess[str]

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr


# Part of `make test`; `make test-spark` runs it alone. tests/test_portable_sql.py catches
# DuckDB-only types (varchar, hugeint, ::) in seconds, without Java.
pytestmark = [
    pytest.mark.spark_parity,
    pytest.mark.skipif(
        shutil.which("java") is None,
        reason="Spark needs a Java runtime (.ci/run installs openjdk-17-jre-headless)",
    ),
]


def _tolerance(column: str) -> float:
    if RATE.search(column):
        return RATE_TOLERANCE
    if MONEY.search(column):
        return CENT
    return RATE_TOLERANCE


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    return value


def _sort_key(row: tuple) -> tuple:
    key = []
    for value in row:
        value = _plain(value)
        if value is None:
            key.append((0, ""))
        elif isinstance(value, float):
            key.append((1, f"{round(value, 2):+024.2f}"))
        elif isinstance(value, int | bool):
            key.append((1, f"{value:+024d}"))
        else:
            key.append((2, str(value)))
    return tuple(key)


def _read(path: Path, mart: str) -> tuple[list[str], list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        cursor = con.execute(f"select * from main.{mart}")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        con.close()
    return columns, sorted(rows, key=_sort_key)


def _tables(path: Path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main'"
            ).fetchall()
        }
    finally:
        con.close()


def _equal(a: object, b: object, tolerance: float) -> bool:
    a, b = _plain(a), _plain(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, bool) or isinstance(b, bool):
            return a == b
        a, b = float(a), float(b)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return abs(a - b) <= tolerance
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    if isinstance(a, date) and isinstance(b, date):
        return a == b
    return a == b


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The landing validated and ingested once (raw tables, manifest, quarantine); each
    engine starts from a copy of this file."""
    workdir = tmp_path_factory.mktemp("parity")
    landing = workdir / "landing"
    for source in LANDINGS:
        shutil.copytree(source, landing, dirs_exist_ok=True)
    ingested = workdir / "ingested.duckdb"
    ingest_landing(ingested, landing, LOADED_AT)
    return ingested


@pytest.fixture(scope="module")
def duckdb_warehouse(ingested: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("parity_duckdb")
    warehouse = workdir / "warehouse.duckdb"
    shutil.copy(ingested, warehouse)
    result = dbt_build(warehouse, workdir, AS_OF, "path:models path:seeds path:tests/dbt")
    assert result.returncode == 0, result.stdout[-6000:]
    return warehouse


@pytest.fixture(scope="module")
def spark_build(ingested: Path, tmp_path_factory: pytest.TempPathFactory) -> SparkBuild:
    """`warehouse build --target spark` on the same landing, as a user runs it: ingestion
    with the same validation and quarantine, raw tables as Parquet, every model, seed, data
    test and unit test through the Dagster job, the atomic publish and the board deck."""
    workdir = tmp_path_factory.mktemp("parity_spark")
    spark_dir = workdir / "spark-warehouse"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(workdir / "dagster_home"),
        "WAREHOUSE_TARGET": "spark",
    }
    command = [
        str(Path(sys.executable).with_name("warehouse")), "build",
        "--landing", str(ingested.parent / "landing"),
        "--target", "spark", "--warehouse", str(spark_dir), "--as-of", AS_OF,
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=2400
    )
    return SparkBuild(spark.catalog_path(spark_dir), result)


@pytest.fixture(scope="module")
def spark_catalog(spark_build: SparkBuild) -> Path:
    assert spark_build.result.returncode == 0, spark_build.output[-8000:]
    return spark_build.catalog


def test_warehouse_build_on_spark_runs_every_test_and_renders_the_deck(
    spark_build: SparkBuild,
) -> None:
    output = spark_build.output
    assert spark_build.result.returncode == 0, output[-8000:]
    assert "Build succeeded" in output, output[-4000:]
    dbt_line = next(line for line in output.splitlines() if line.startswith("dbt:"))
    assert re.search(r"\d+ models, \d{3,} tests, \d+ unit tests", dbt_line), dbt_line
    assert " 0 failed" in dbt_line, dbt_line
    decks = list((spark_build.catalog.parent / "board_decks").glob("board_deck_*.pdf"))
    assert decks, output[-4000:]


def test_spark_writes_each_public_mart_as_a_parquet_folder(
    duckdb_warehouse: Path, spark_catalog: Path
) -> None:
    built = [m for m in PUBLIC_MARTS if m in _tables(duckdb_warehouse)]
    assert len(built) >= 10, built
    folders = {p.name for p in spark.mart_folders(spark_catalog.parent)}
    assert set(built) <= folders, set(built) - folders


@pytest.mark.parametrize("mart", PUBLIC_MARTS)
def test_public_mart_is_equal_on_spark_and_duckdb(
    mart: str, duckdb_warehouse: Path, spark_catalog: Path
) -> None:
    if mart not in _tables(duckdb_warehouse):
        pytest.skip(f"{mart} is not built by this project yet")
    duck_columns, duck_rows = _read(duckdb_warehouse, mart)
    spark_columns, spark_rows = _read(spark_catalog, mart)
    assert spark_columns == duck_columns
    assert len(spark_rows) == len(duck_rows), (spark_rows, duck_rows)
    problems = []
    for duck_row, spark_row in zip(duck_rows, spark_rows, strict=True):
        for column, a, b in zip(duck_columns, duck_row, spark_row, strict=True):
            if not _equal(a, b, _tolerance(column)):
                problems.append(f"{column}: duckdb {a!r} != spark {b!r} in {duck_row}")
    assert not problems, "\n".join(problems[:20])


def test_boards_deck_and_headline_read_the_spark_marts(
    duckdb_warehouse: Path, spark_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboards import data
    from orchestration.lib.deck.content import load_content
    from orchestration.lib.headline import read_headline

    monkeypatch.setenv("WAREHOUSE_TARGET", "spark")
    monkeypatch.setenv("SPARK_WAREHOUSE_DIR", str(spark_catalog.parent))
    assert data.warehouse_path() == spark_catalog
    bridge = data.bridge()
    assert len(bridge) > 0 and "ending_mrr" in bridge.columns

    on_spark, on_duckdb = read_headline(spark_catalog), read_headline(duckdb_warehouse)
    assert (on_spark.first_month, on_spark.last_month) == (
        on_duckdb.first_month,
        on_duckdb.last_month,
    )
    assert abs(on_spark.ending_mrr - on_duckdb.ending_mrr) <= CENT
    assert on_spark.customers == on_duckdb.customers
    assert on_spark.rows_quarantined == on_duckdb.rows_quarantined
    assert load_content(spark_catalog, None, "en").month == on_duckdb.last_month
