"""Build a scenario warehouse from landing files: real ingestion, then `dbt build` on a
selection, into a test's own file and target path (so tests never share dbt state)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
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
    """Rows of `sql`; DECIMAL money and rates come back as floats, so a test compares them
    with the hand-computed numbers (and pytest.approx) as plain numbers."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(sql).fetchall()
    finally:
        con.close()
    return [tuple(float(v) if isinstance(v, Decimal) else v for v in row) for row in rows]


def compiled_rows(workdir: Path, warehouse: Path, model: str, as_of: str) -> int:
    """How many rows the model's incremental run would pick now: its compiled select
    (dbt compiles the incremental branch against the table that exists) counted."""
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse)}
    args = [
        str(Path(sys.executable).parent / "dbt"), "compile", "--project-dir", str(REPO),
        "--profiles-dir", str(REPO), "--target-path", str(workdir / "target"),
        "--log-path", str(workdir / "logs"), "--select", model,
        "--vars", f"{{as_of_date: '{as_of}'}}",
    ]  # fmt: skip
    result = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:]
    [compiled] = (workdir / "target" / "compiled").rglob(f"{model}.sql")
    return query(warehouse, f"select count(*) from ({compiled.read_text()}) as picked")[0][0]
