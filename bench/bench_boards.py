"""Render time of each board page (Streamlit AppTest), cold and with a warm cache.

    .venv/bin/python bench/bench_boards.py --warehouse data/warehouse.duckdb
    .venv/bin/python bench/bench_boards.py --accounts 2000   # demo built once, bench/data/
    .venv/bin/python bench/bench_boards.py --fixture         # the small test landing

For every page and language: the first run (empty st.cache_data: queries hit DuckDB) and
the median of the following runs (cache warm). Writes bench/results/boards.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import logging  # noqa: E402

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

APP = REPO_ROOT / "dashboards" / "app.py"
PAGES = {
    "overview": "views/overview.py",
    "mrr_bridge": "views/mrr_bridge.py",
    "retention": "views/retention.py",
    "funnel_sales": "views/funnel_sales.py",
    "unit_economics": "views/unit_economics.py",
    "segments": "views/segments.py",
    "customer_health": "views/customer_health.py",
    "renewals": "views/renewals.py",
    "account_360": "views/account_360.py",
    "definitions": "views/definitions.py",
}
BENCH_DATA = REPO_ROOT / "bench" / "data"
AS_OF = "2026-11-15"


def built_demo(accounts: int, months: int = 36, seed: int = 7) -> Path:
    """A demo warehouse of `accounts` accounts built by the real pipeline (kept for reuse)."""
    from datetime import date

    from orchestration.lib.demo import generate
    from orchestration.lib.pipeline import run_pipeline
    from orchestration.settings import Settings

    root = BENCH_DATA / f"boards_{accounts}"
    warehouse = root / "warehouse.duckdb"
    if warehouse.is_file():
        return warehouse
    as_of = date.fromisoformat(AS_OF)
    landing = root / "landing"
    if not landing.is_dir():
        generate(landing, accounts=accounts, months=months, seed=seed, as_of=as_of)
    settings = Settings(
        warehouse_path=warehouse,
        landing_dir=landing,
        as_of_date=as_of,
        board_deck_dir=root / "board_decks",
    )
    summary = run_pipeline(settings)
    if not summary.success:
        raise RuntimeError(f"demo build failed: {summary}")
    return warehouse


def _timed_run(at: AppTest) -> tuple[float, float]:
    """Wall seconds and CPU seconds of the process (the script runs in one of its threads:
    on a shared machine the CPU time is the page's own cost, the wall time adds the wait)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    at.run()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return elapsed, cpu


def bench_page(page: str, language: str, warm_runs: int) -> dict[str, float]:
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state["lang"] = language
    if page == "overview":
        cold = _timed_run(at)
    else:
        # Land on the entry page without touching the marts' page queries twice.
        _timed_run(at)
        st.cache_data.clear()
        st.cache_resource.clear()
        at.switch_page(PAGES[page])
        cold = _timed_run(at)
    warm = [_timed_run(at) for _ in range(warm_runs)]
    return {
        "cold_seconds": round(cold[0], 4),
        "cold_cpu_seconds": round(cold[1], 4),
        "warm_seconds": round(statistics.median(w for w, _ in warm), 4),
        "warm_max_seconds": round(max(w for w, _ in warm), 4),
        "warm_cpu_seconds": round(statistics.median(c for _, c in warm), 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--warehouse", type=Path, help="DuckDB file (default: $WAREHOUSE_PATH)")
    source.add_argument("--fixture", action="store_true", help="bench the small test landing")
    source.add_argument("--accounts", type=int, help="bench a demo of N accounts (built once)")
    parser.add_argument("--runs", type=int, default=3, help="warm runs per page (median)")
    parser.add_argument("--languages", default="ko,en")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "results" / "boards.json")
    args = parser.parse_args(argv)

    if args.fixture:
        warehouse = built_demo(40, months=15)
    elif args.accounts:
        warehouse = built_demo(args.accounts)
    else:
        warehouse = (
            args.warehouse or Path(os.environ.get("WAREHOUSE_PATH", "data/warehouse.duckdb"))
        ).resolve()
    if not warehouse.is_file():
        print(f"warehouse {warehouse} does not exist: build it with `make run`", file=sys.stderr)
        return 2
    os.environ["WAREHOUSE_PATH"] = str(warehouse)
    for name in ("streamlit", "streamlit.runtime"):
        logging.getLogger(name).setLevel(logging.ERROR)

    # The first AppTest of a process pays for importing plotly, pandas' Styler, etc.;
    # measured apart so the per-page cold numbers compare queries, not imports.
    started = time.perf_counter()
    AppTest.from_file(str(APP), default_timeout=120).run()
    process_warmup = round(time.perf_counter() - started, 4)
    print(f"process warm-up (imports) {process_warmup:.3f}s")

    results = {}
    for language in [lang.strip() for lang in args.languages.split(",") if lang.strip()]:
        for page in PAGES:
            timing = bench_page(page, language, max(1, args.runs))
            results[f"{page}.{language}"] = timing
            print(
                f"{page:15s} {language}  cold {timing['cold_seconds']:.3f}s"
                f" (cpu {timing['cold_cpu_seconds']:.3f}s)  warm {timing['warm_seconds']:.3f}s"
                f" (cpu {timing['warm_cpu_seconds']:.3f}s)"
            )

    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "warehouse": str(warehouse),
        "warehouse_bytes": warehouse.stat().st_size,
        "python": platform.python_version(),
        "streamlit": st.__version__,
        "method": "streamlit.testing AppTest run time; cold = empty caches, warm = median of "
        f"{args.runs} reruns with st.cache_data warm; *_cpu_seconds = process CPU time of the "
        "same runs (the page's own cost when other processes share the cores)",
        "load_average": [round(v, 2) for v in os.getloadavg()],
        "cpu_count": os.cpu_count(),
        "process_warmup_seconds": process_warmup,
        "pages": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
