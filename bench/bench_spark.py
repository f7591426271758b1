"""Benchmark: the full nightly build on Spark (local) against DuckDB, in the same run.

Generates a small demo landing, then runs `warehouse build` twice through the same code
path (Dagster in-process: ingestion with validation and quarantine, `dbt build` with every
model, seed and test, the board deck): once with `--target duckdb`, once with
`--target spark` (dbt-spark, `method: session`, a local Spark in the dbt process). Writes
the wall times, their ratio and the machine's load to bench/results/spark.json.

Spark pays for a JVM start and a job per statement (every model and every test), which a
single-file engine does not: on small data this measures that fixed cost, not throughput.

    .venv/bin/python bench/bench_spark.py [--accounts 20] [--months 13] [--seed 7]
        [--spark-master local[2]]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
RESULT = REPO / "bench" / "results" / "spark.json"
AS_OF = date(2026, 11, 15)


def _build(landing: Path, workdir: Path, target: str) -> dict:
    from orchestration.lib.pipeline import run_pipeline
    from orchestration.lib.spark import catalog_path
    from orchestration.settings import Settings

    if target == "spark":
        warehouse = catalog_path(workdir / "spark-warehouse")
        warehouse.parent.mkdir(parents=True)
    else:
        warehouse = workdir / "warehouse.duckdb"
    settings = Settings(
        warehouse_path=warehouse,
        landing_dir=landing,
        as_of_date=AS_OF,
        board_deck_dir=workdir / f"decks_{target}",
        target=target,
    )
    started = time.perf_counter()
    summary = run_pipeline(settings)
    seconds = time.perf_counter() - started
    return {
        "target": target,
        "seconds": round(seconds, 1),
        "success": summary.success,
        "dbt_counts": summary.dbt_counts,
        "tests": summary.tests,
        "failed_steps": summary.failed_steps,
    }


def _build_apart(landing: Path, workdir: Path, target: str) -> dict:
    """One build in a fresh interpreter: the code location is defined from a manifest parsed
    for its target (dbt names some tests per adapter), once per process."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_build, landing, workdir, target).result()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--months", type=int, default=13)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--spark-master", default="local[2]")
    parser.add_argument("--json", type=Path, default=RESULT)
    args = parser.parse_args()

    import psutil

    from orchestration.lib.demo import generate

    os.environ["SPARK_MASTER"] = args.spark_master
    workdir = Path(tempfile.mkdtemp(prefix="bench_spark_"))
    try:
        landing = workdir / "landing"
        demo = generate(
            landing, accounts=args.accounts, months=args.months, seed=args.seed, as_of=AS_OF
        )
        load_before = os.getloadavg()
        runs = [_build_apart(landing, workdir, t) for t in ("duckdb", "spark")]
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    duck, spark = runs
    result = {
        "what": "full `warehouse build` (ingest + dbt build with every test + deck), same "
        "landing, one fresh process each, DuckDB then Spark local",
        "demo": {
            "accounts": demo.accounts,
            "months": demo.months,
            "seed": demo.seed,
            "records": sum(demo.rows.values()),
        },
        "spark_master": args.spark_master,
        "runs": runs,
        "spark_over_duckdb": round(spark["seconds"] / duck["seconds"], 2),
        "machine": {
            "cpus": psutil.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(),
            "load_average_1m_before_after": [round(load_before[0], 1), round(load_after[0], 1)],
        },
        "note": "Small data: Spark's cost here is its fixed per-statement overhead (a job "
        "per model and per test) and the JVM start, not data volume. The machine was shared "
        "with other builds (see load average), which slows both engines.",
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(json.dumps(result, indent=2, default=str))
    return 0 if duck["success"] and spark["success"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
