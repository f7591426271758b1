"""Benchmark landing ingestion at volume and write bench/results/ingest.json.

    .venv/bin/python bench/bench_ingest.py                      # 10M Segment events
    .venv/bin/python bench/bench_ingest.py --events 2000000     # a quicker check
    .venv/bin/python bench/bench_ingest.py --landing DIR        # an existing landing set

Without --landing it writes a landing set under --work: the demo generator's files for every
source (orchestration.lib.demo, if importable) plus synthetic Segment events (written by
DuckDB, gzip-compressed like the Segment S3 destination) up to --events. Then:
- night 1: ingest everything into a new warehouse (in a child process, for its peak RSS);
- baseline: a bare DuckDB `count(*)` over the same files (read_json / read_csv), same run;
- night 2: add ~1% new event files and ingest again into the same warehouse.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import duckdb  # noqa: E402

from orchestration.lib.landing import contract  # noqa: E402
from orchestration.lib.landing.files import discover  # noqa: E402

EVENTS_DIR = "usage/segment"


def write_events(landing: Path, first_file: int, files: int, per_file: int) -> None:
    """Synthetic Segment track/page/identify events, unique messageIds, one file per day."""
    out = landing / EVENTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    for n in range(first_file, first_file + files):
        day = date(2024, 1, 1).toordinal() + n
        path = out / f"bench_{date.fromordinal(day).isoformat()}.jsonl.gz"
        con.execute(f"""
            COPY (
                SELECT
                    CASE WHEN i % 10 = 0 THEN 'page' WHEN i % 97 = 0 THEN 'identify'
                         ELSE 'track' END AS type,
                    'bench-{n}-' || i AS messageId,
                    strftime(DATE '{date.fromordinal(day)}' + INTERVAL (i * 86400 // {per_file})
                             SECOND, '%Y-%m-%dT%H:%M:%S.%gZ') AS timestamp,
                    CASE WHEN i % 10 <> 0 THEN 'u' || (i % 20000) END AS userId,
                    'anon-' || hash(i) % 50000 AS anonymousId,
                    CASE WHEN i % 10 <> 0 THEN 'Feature ' || (i % 40) || ' Used' END AS event,
                    CASE WHEN i % 10 = 0 THEN 'Pricing' END AS name,
                    {{'path': CASE WHEN i % 10 = 0 THEN '/pricing' END,
                      'percent_read': (i % 101)::DOUBLE, 'plan': 'pro'}} AS properties,
                    {{'email': 'u' || (i % 20000) || '@example.com'}} AS traits,
                    {{'groupId': '001' || (i % 3000),
                      'library': {{'name': 'analytics.js', 'version': '2.1.0'}}}} AS context
                FROM range({per_file}) AS t(i)
            ) TO '{path}' (FORMAT json, COMPRESSION gzip)
        """)


def make_landing(work: Path, events: int, files: int, demo_accounts: int) -> tuple[Path, int]:
    landing = work / "landing"
    shutil.rmtree(landing, ignore_errors=True)
    try:
        from orchestration.lib.demo import generate
        from orchestration.lib.demo.config import DemoConfig

        # The demo's own product events are thinned: the event volume comes from --events,
        # the other sources from a company of --demo-accounts accounts.
        generate(
            landing,
            accounts=demo_accounts,
            months=24,
            seed=11,
            as_of=date(2026, 11, 15),
            config=DemoConfig(events_per_seat_day=0.01),
        )
    except ImportError:
        landing.mkdir(parents=True)  # demo generator not available: Segment events only
    per_file = max(1, events // files)
    write_events(landing, 0, files, per_file)
    return landing, per_file


def baseline_count(landing: Path) -> tuple[float, int]:
    """Bare DuckDB: count the rows of every landed file, no typing, no checks."""
    con = duckdb.connect()
    started, rows = time.perf_counter(), 0
    for obj in contract.ALL_OBJECTS:
        paths = [str(p) for p in discover(landing, obj)]
        if not paths:
            continue
        reader = (
            "read_json(?, format = 'newline_delimited')"
            if obj.format == "jsonl"
            else "read_csv(?, all_varchar = true)"
        )
        rows += con.execute(f"SELECT count(*) FROM {reader}", [paths]).fetchone()[0]
    return time.perf_counter() - started, rows


def baseline_load(landing: Path, work: Path) -> tuple[float, int]:
    """Bare DuckDB load: every object's files read by read_json/read_csv with inferred types
    into a table of an on-disk database, no typing rules, checks, lineage or manifest."""
    db = work / "baseline.duckdb"
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    started, rows = time.perf_counter(), 0
    for i, obj in enumerate(contract.ALL_OBJECTS):
        paths = [str(p) for p in discover(landing, obj)]
        if not paths:
            continue
        reader = (
            "read_json(?, format = 'newline_delimited', union_by_name = true)"
            if obj.format == "jsonl"
            else "read_csv(?, union_by_name = true)"
        )
        con.execute(f"CREATE TABLE t{i} AS SELECT * FROM {reader}", [paths])
        rows += con.execute(f"SELECT count(*) FROM t{i}").fetchone()[0]
    con.close()
    seconds = time.perf_counter() - started
    db.unlink(missing_ok=True)
    return seconds, rows


def ingest_child(warehouse: Path, landing: Path) -> dict:
    """Run one ingestion in a child process; returns its timing, rows and peak RSS."""
    out = subprocess.run(
        [sys.executable, __file__, "--_ingest", str(warehouse), str(landing)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _ingest(warehouse: Path, landing: Path) -> None:
    from orchestration.lib.landing import ingest_all

    con = duckdb.connect(str(warehouse))
    started = time.perf_counter()
    results = ingest_all(con, landing, loaded_at=datetime.now(UTC).replace(tzinfo=None))
    seconds = time.perf_counter() - started
    con.close()
    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "files_loaded": sum(r.files_loaded for r in results),
                "files_skipped": sum(r.files_skipped for r in results),
                "rows_read": sum(r.rows_read for r in results),
                "rows_loaded": sum(r.rows_loaded for r in results),
                "rows_quarantined": sum(r.rows_quarantined for r in results),
                "segment_rows_read": sum(r.rows_read for r in results if r.source == "segment"),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--landing", type=Path, help="ingest this landing set as it is")
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--files", type=int, default=100, help="Segment event files")
    parser.add_argument("--demo-accounts", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_ingest"))
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "ingest.json")
    parser.add_argument("--_ingest", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._ingest:
        _ingest(*args._ingest)
        return

    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    generated = args.landing is None
    landing, per_file = (
        (args.landing, 0)
        if args.landing
        else make_landing(args.work, args.events, args.files, args.demo_accounts)
    )
    generate_seconds = time.perf_counter() - started
    landing_bytes = sum(p.stat().st_size for p in landing.rglob("*") if p.is_file())

    warehouse = args.work / "warehouse.duckdb"
    warehouse.unlink(missing_ok=True)
    night_1 = ingest_child(warehouse, landing)
    base_seconds, base_rows = baseline_count(landing)
    load_seconds, load_rows = baseline_load(landing, args.work)

    night_2 = None
    if generated:  # new files are only added to a landing set this script wrote
        new_files = max(1, args.files // 100)
        write_events(landing, args.files, new_files, per_file)
        night_2 = ingest_child(warehouse, landing)
        night_2["new_files"] = new_files

    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": __import__("os").cpu_count(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
        },
        "landing": {
            "path": str(landing),
            "generated": generated,
            "bytes": landing_bytes,
            "generate_seconds": round(generate_seconds, 1),
            "segment_event_files": args.files if generated else None,
        },
        "night_1": {**night_1, "rows_per_second": round(night_1["rows_read"] / night_1["seconds"])},
        "baseline_duckdb_count": {"seconds": round(base_seconds, 2), "rows": base_rows},
        "baseline_duckdb_load": {"seconds": round(load_seconds, 2), "rows": load_rows},
        "ratio_to_baseline": round(night_1["seconds"] / base_seconds, 2),
        "ratio_to_baseline_load": round(night_1["seconds"] / load_seconds, 2),
        "night_2": night_2,
        "night_2_over_night_1": (
            round(night_2["seconds"] / night_1["seconds"], 3) if night_2 else None
        ),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
