"""Full and nightly build at size, against a one-pass DuckDB floor, in the same run.

    .venv/bin/python bench/bench_scale.py --accounts 1000 --events 10000000 \
        --work /tmp/bench_scale --json bench/results/scale_1k.json
    .venv/bin/python bench/bench_scale.py --plot bench/results/scale_*.json   # scale.png

For one size it:
1. writes a landing: the demo company of --accounts accounts over --months months (every
   source, product events thinned), plus gzip JSONL Segment track events up to --events,
   written by DuckDB, one file a day, each carrying a real account's `context.groupId`;
2. `warehouse build` into a new warehouse (a child process: its wall time and peak RSS);
3. the fair floor: one DuckDB query that reads every landing file once, with the fields the
   warehouse uses, and writes one aggregate (`one_pass_s`);
4. adds one more day of event files and runs the nightly `warehouse build` again.
Figures are ratios within the run (machines are noisy), never asserted by tests.

Where the time went is written beside the figures (`phases`): for the full and the nightly
build, the seconds of every Dagster step (parsed from the build log's "Finished execution
of step" records) and dbt's own timings (run_results.json of that build): models and tests
in total and the ten slowest nodes.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import duckdb  # noqa: E402

from orchestration.lib.landing import contract  # noqa: E402
from orchestration.lib.landing.files import discover  # noqa: E402
from orchestration.settings import duckdb_memory_limit  # noqa: E402

WAREHOUSE_CLI = Path(sys.executable).parent / "warehouse"
AS_OF = date(2026, 11, 15)
EVENTS_DIR = "usage/segment"
RSS_GOAL_MB = 8 * 1024  # issue 17: peak RSS under 8 GB at the largest size


def account_ids(landing: Path) -> list[str]:
    ids: set[str] = set()
    for path in sorted((landing / "crm/salesforce/Account").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            ids.update(row["Id"] for row in csv.DictReader(handle))
    return sorted(ids)


def load_accounts(con: duckdb.DuckDBPyConnection, landing: Path) -> int:
    """`bench_accounts(n, account_id)`: the landing's accounts numbered from 0; their count."""
    ids = account_ids(landing)
    con.execute("create table bench_accounts (n integer, account_id varchar)")
    con.executemany("insert into bench_accounts values (?, ?)", list(enumerate(ids)))
    return len(ids)


def write_event_day(
    con: duckdb.DuckDBPyConnection, landing: Path, day: date, rows: int, accounts: int
) -> None:
    """One day of product events; users and features spread over the company's accounts.

    The account count is a literal: as a subquery DuckDB joined by nested loop, events x
    accounts comparisons a day (10k accounts wrote 5 days a minute)."""
    path = landing / EVENTS_DIR / f"bench_{day.isoformat()}.jsonl.gz"
    con.execute(
        f"""
        copy (
            select
                'track' as type,
                'bench-{day.isoformat()}-' || i as messageId,
                strftime(timestamp '{day.isoformat()}' + to_seconds(i * 86400 // {rows}),
                         '%Y-%m-%dT%H:%M:%S.%gZ') as timestamp,
                a.account_id || '-u' || (hash(i) % 25) as userId,
                'Feature ' || (i % 12) || ' Used' as event,
                {{'plan': 'growth'}} as properties,
                {{'groupId': a.account_id}} as context
            from range({rows}) as t(i)
            join bench_accounts as a on a.n = i % {accounts}
        ) to '{path}' (format json, compression gzip)
        """
    )


def make_landing(work: Path, accounts: int, months: int, events: int) -> tuple[Path, int, date]:
    from orchestration.lib.demo import generate
    from orchestration.lib.demo.config import DemoConfig

    landing = work / "landing"
    shutil.rmtree(landing, ignore_errors=True)
    generate(
        landing,
        accounts=accounts,
        months=months,
        seed=11,
        as_of=AS_OF,
        config=DemoConfig(events_per_seat_day=0.01),
    )
    con = duckdb.connect()
    listed = load_accounts(con, landing)
    first_day = date(AS_OF.year, AS_OF.month, 1) - timedelta(days=30 * months)
    days = (AS_OF - first_day).days
    per_day = max(1, events // days)
    (landing / EVENTS_DIR).mkdir(parents=True, exist_ok=True)
    for offset in range(days):
        write_event_day(con, landing, first_day + timedelta(days=offset), per_day, listed)
    con.close()
    return landing, per_day, AS_OF


def reuse_landing(work: Path, months: int, events: int) -> tuple[Path, int, date]:
    """The landing an earlier run of this size wrote, without its nightly day: measuring
    a change at the same size then skips the generation."""
    landing = work / "landing"
    for path in (landing / EVENTS_DIR).glob("bench_*.jsonl.gz"):
        if _event_day(path) >= AS_OF:  # nightly days (see --nightly-only)
            path.unlink()
    return landing, _events_per_day(months, events), AS_OF


def _event_count(warehouse: Path) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select count(*) from raw.segment__events").fetchone()[0]
    finally:
        con.close()


def _event_day(path: Path) -> date:
    return date.fromisoformat(path.name.removeprefix("bench_").removesuffix(".jsonl.gz"))


def _events_per_day(months: int, events: int) -> int:
    first_day = date(AS_OF.year, AS_OF.month, 1) - timedelta(days=30 * months)
    return max(1, events // (AS_OF - first_day).days)


def nightly(
    landing: Path, warehouse: Path, day: date, per_day: int, log: Path, phases: dict
) -> tuple[float, float]:
    """The nightly of `day`: that day's events land, then `warehouse build` for the day after
    (wall seconds and peak RSS, as `build`)."""
    con = duckdb.connect()
    listed = load_accounts(con, landing)
    write_event_day(con, landing, day, per_day, listed)
    con.close()
    return build(landing, warehouse, day + timedelta(days=1), log, phases)


def run_nightly_only(args: argparse.Namespace) -> dict:
    """One more nightly on the warehouse an earlier run of this size left under --work: the
    day after the newest event file gets its events, then `warehouse build` for the day
    after it. A nightly right after a change to the project also runs the unit tests (once
    per project version): run it twice to see the steady state."""
    landing, warehouse = args.work / "landing", args.work / "warehouse.duckdb"
    day = max(_event_day(p) for p in (landing / EVENTS_DIR).glob("bench_*.jsonl.gz"))
    per_day = _events_per_day(args.months, args.events)
    phases: dict[str, dict] = {"nightly": {}}
    load = {"before_nightly": _load()}
    nightly_s, peak = nightly(
        landing,
        warehouse,
        day + timedelta(days=1),
        per_day,
        args.work / "build.log",
        phases["nightly"],
    )
    load["after_nightly"] = _load()
    events = _event_count(warehouse)
    return {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "accounts": args.accounts,
        "events": events,
        "nightly_s": round(nightly_s, 1),
        "peak_rss_mb": round(peak, 1),
        "load_1m": load,
        "phases": phases,
    }


def one_pass(landing: Path) -> float:
    """The floor: every landing file read once, by one query, into one aggregate.

    JSONL is read as JSON objects (no schema inference over thousands of files) and every
    contract field is extracted from each; CSV is read as text with every column."""
    from orchestration.lib.landing.load import json_path

    parts = []
    for obj in contract.ALL_OBJECTS:
        paths = [str(p) for p in discover(landing, obj)]
        if not paths:
            continue
        listed = "[" + ", ".join(f"'{p}'" for p in paths) + "]"
        if obj.format == "jsonl":
            fields = [f.path for f in obj.fields if not f.sum_of and "[*]" not in f.path]
            fields += [c.array_path for c in obj.children]
            extract = ", ".join(f"'{json_path(f)}'" for f in fields)
            parts.append(
                f"select count(*) as n, sum(hash(json_extract_string(json, [{extract}])) % 1000)"
                f" as h from read_json_objects({listed}, format = 'newline_delimited')"
            )
        else:
            # Hash every column so DuckDB cannot skip reading what the warehouse reads.
            parts.append(
                "select count(*) as n, sum(hash(t) % 1000) as h from "
                f"read_csv({listed}, union_by_name = true, all_varchar = true) as t"
            )
    con = duckdb.connect()
    # Bounded like the build's DuckDB: unbounded, reading ~2,000 JSON files at once took
    # every byte of the machine (and failed) before a row was aggregated.
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
    con.execute("set preserve_insertion_order = false")
    started = time.perf_counter()
    con.execute(
        "create table floor as select sum(n), sum(h) from (" + " union all ".join(parts) + ")"
    )
    return time.perf_counter() - started


_STEP = re.compile(r'Finished execution of step "([^"]+)" in ([0-9hms.]+?)\.?$', re.M)
_PART = re.compile(r"([0-9.]+)(ms|h|m|s)")


def step_seconds(log_text: str) -> dict[str, float]:
    """Seconds per Dagster step from the build log ("in 8m15s", "in 2.31s", "in 950ms");
    the last record of a step wins."""
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return {
        step: round(sum(float(v) * scale[u] for v, u in _PART.findall(took)), 2)
        for step, took in _STEP.findall(log_text)
    }


def dbt_timings(since: float, top: int = 10) -> dict:
    """dbt's node timings of the newest run_results.json written after `since`."""
    found = [p for p in (REPO / "target").rglob("run_results.json") if p.stat().st_mtime >= since]
    if not found:
        return {}
    results = json.loads(max(found, key=lambda p: p.stat().st_mtime).read_text())
    nodes = [
        (r["unique_id"], r.get("execution_time") or 0.0, r["status"])
        for r in results.get("results", [])
    ]
    by_type: dict[str, dict[str, float]] = {}
    for unique_id, seconds, _ in nodes:
        kind = by_type.setdefault(unique_id.split(".", 1)[0], {"nodes": 0, "seconds": 0.0})
        kind["nodes"] += 1
        kind["seconds"] = round(kind["seconds"] + seconds, 2)
    slowest = sorted(nodes, key=lambda n: -n[1])[:top]
    return {
        "elapsed_s": round(results.get("elapsed_time") or 0.0, 1),
        "by_type": by_type,
        "slowest": [
            {"node": u.split(".", 2)[-1], "kind": u.split(".", 1)[0], "s": round(t, 2)}
            for u, t, _ in slowest
        ],
    }


def build(
    landing: Path, warehouse: Path, as_of: date, log: Path, phases: dict | None = None
) -> tuple[float, float]:
    """`warehouse build` in a child; returns wall seconds and the child's peak RSS (MB).

    With `phases`, fills it with the build's Dagster step and dbt node timings."""
    started = time.perf_counter()
    started_wall = time.time()
    offset = log.stat().st_size if log.exists() else 0
    with log.open("a", encoding="utf-8") as out:
        subprocess.run(
            [
                str(WAREHOUSE_CLI),
                "build",
                "--landing",
                str(landing),
                "--warehouse",
                str(warehouse),
                "--as-of",
                as_of.isoformat(),
                # the step timings are read from Dagster's detail, which only --verbose echoes
                "--verbose",
            ],
            check=True,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "WAREHOUSE_PATH": str(warehouse)},
        )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if phases is not None:
        with log.open(encoding="utf-8", errors="replace") as handle:
            handle.seek(offset)
            phases["steps_s"] = step_seconds(handle.read())
        phases["dbt"] = dbt_timings(started_wall)
    return seconds, peak


def print_phases(phases: dict) -> None:
    """The breakdown as a short table on stderr (the JSON goes to stdout)."""
    for build_name, phase in phases.items():
        print(f"-- {build_name}: Dagster steps (s)", file=sys.stderr)
        for step, secs in sorted(phase.get("steps_s", {}).items(), key=lambda kv: -kv[1]):
            print(f"   {secs:9.1f}  {step}", file=sys.stderr)
        dbt = phase.get("dbt") or {}
        if dbt:
            kinds = ", ".join(
                f"{k} {v['nodes']} nodes {v['seconds']} s" for k, v in dbt["by_type"].items()
            )
            print(f"-- {build_name}: dbt {dbt['elapsed_s']} s ({kinds}); slowest:", file=sys.stderr)
            for node in dbt["slowest"]:
                print(f"   {node['s']:9.1f}  {node['kind']} {node['node']}", file=sys.stderr)


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def run_size(args: argparse.Namespace) -> dict:
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.reuse and (args.work / "landing" / EVENTS_DIR).is_dir():
        landing, per_day, as_of = reuse_landing(args.work, args.months, args.events)
    else:
        landing, per_day, as_of = make_landing(args.work, args.accounts, args.months, args.events)
    generate_s = time.perf_counter() - started
    warehouse = args.work / "warehouse.duckdb"
    warehouse.unlink(missing_ok=True)
    log = args.work / "build.log"
    log.unlink(missing_ok=True)

    phases: dict[str, dict] = {"full": {}, "nightly": {}}
    # The 1-minute load average as each measurement starts and ends: a figure taken
    # beside other work says so in the result instead of passing for a quiet one (the
    # build itself keeps about 2 on 2 cores).
    load = {"before_full": _load()}
    full_s, peak_full = build(landing, warehouse, as_of, log, phases["full"])
    load["after_full"] = _load()
    one_pass_s = one_pass(landing)

    nightly_s, peak_nightly = nightly(landing, warehouse, as_of, per_day, log, phases["nightly"])
    load["after_nightly"] = _load()

    events = _event_count(warehouse)
    return {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
            "duckdb_memory_limit": duckdb_memory_limit(),
        },
        "accounts": args.accounts,
        "months": args.months,
        "events": events,
        "landing_bytes": sum(p.stat().st_size for p in landing.rglob("*") if p.is_file()),
        "generate_s": round(generate_s, 1),
        "full_build_s": round(full_s, 1),
        "one_pass_s": round(one_pass_s, 1),
        "ratio_full_to_one_pass": round(full_s / one_pass_s, 2),
        "nightly_s": round(nightly_s, 1),
        "ratio_nightly_to_full": round(nightly_s / full_s, 3),
        "peak_rss_mb": round(max(peak_full, peak_nightly), 1),
        "load_1m": load,
        "phases": phases,
    }


def plot(results: list[dict], out: Path) -> dict[str, float]:
    """scale.png, and the fitted exponents (seconds ~ events^k) written beside it as
    scale_fit.json and returned."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    results = sorted(results, key=lambda r: r["events"])
    events = np.array([r["events"] for r in results], dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    exponents: dict[str, float] = {}
    for key, label in (
        ("full_build_s", "full build"),
        ("one_pass_s", "one pass (floor)"),
        ("nightly_s", "nightly"),
    ):
        seconds = np.array([r[key] for r in results], dtype=float)
        exponent = (
            np.polyfit(np.log(events), np.log(seconds), 1)[0] if len(results) > 1 else math.nan
        )
        exponents[key] = round(float(exponent), 3)
        left.loglog(events, seconds, marker="o", label=f"{label} (exponent {exponent:.2f})")
    floor = np.array([r["one_pass_s"] for r in results], dtype=float)
    left.loglog(events, 3 * floor, linestyle=":", color="grey", label="goal: 3 x one pass")
    left.set(xlabel="events", ylabel="seconds", title="time against size")
    left.legend(fontsize="small")
    rss = np.array([r["peak_rss_mb"] for r in results], dtype=float)
    right.semilogx(events, rss, marker="o", label="peak RSS")
    right.axhline(RSS_GOAL_MB, linestyle=":", color="grey", label="goal: under 8 GB")
    right.set_ylim(0, max(RSS_GOAL_MB, rss.max()) * 1.1)
    right.set(xlabel="events", ylabel="peak RSS (MB)", title="memory against size")
    right.legend(fontsize="small")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=120)
    fit = {
        "exponents": exponents,
        "sizes": [
            {k: r.get(k) for k in ("accounts", "events", "full_build_s", "nightly_s")}
            for r in results
        ],
    }
    out.with_name("scale_fit.json").write_text(json.dumps(fit, indent=2) + "\n")
    return exponents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_scale"))
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "scale.json")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the landing already under --work"
    )
    parser.add_argument(
        "--nightly-only", action="store_true", help="one more nightly on the warehouse under --work"
    )
    parser.add_argument("--plot", nargs="+", type=Path, help="result files to draw scale.png from")
    args = parser.parse_args()
    if args.plot:
        results = [json.loads(p.read_text()) for p in args.plot]
        print(json.dumps(plot(results, REPO / "bench" / "results" / "scale.png")))
        return
    result = run_nightly_only(args) if args.nightly_only else run_size(args)
    print_phases(result["phases"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
