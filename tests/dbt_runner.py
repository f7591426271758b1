"""Build a scenario warehouse from landing files: real ingestion, then `dbt build` on a
selection, into a test's own file and target path (so tests never share dbt state)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]


def ingest_landing(warehouse: Path, landing: Path, loaded_at: datetime) -> None:
    from orchestration.lib.landing import ingest_all

    con = duckdb.connect(str(warehouse))
    try:
        ingest_all(con, landing, loaded_at=loaded_at)
    finally:
        con.close()


def dbt_build(
    warehouse: Path,
    workdir: Path,
    as_of: str,
    selection: str,
    *,
    indirect_selection: str = "cautious",
    extra: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    dbt = Path(sys.executable).parent / "dbt"
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse)}
    args = [
        str(dbt), "build", "--project-dir", str(REPO), "--profiles-dir", str(REPO),
        "--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs"),
        "--select", *selection.split(), "--indirect-selection", indirect_selection,
        "--vars", f"{{as_of_date: '{as_of}'}}", *extra,
    ]  # fmt: skip
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)


def query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
