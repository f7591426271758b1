"""`warehouse`: the command line of the project (demo data, builds, board decks)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from orchestration.settings import PROJECT_DIR, Settings


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from exc


def _month(value: str) -> date:
    try:
        return date.fromisoformat(f"{value}-01")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {value!r}") from exc


def cmd_demo(args: argparse.Namespace) -> int:
    from orchestration.lib.demo import generate

    summary = generate(
        Path(args.out), accounts=args.accounts, months=args.months, seed=args.seed, as_of=args.as_of
    )
    print(
        f"Demo landing data written to {args.out}: {summary.accounts} accounts x "
        f"{summary.months} months (seed {summary.seed}), {len(summary.files)} files, "
        f"{sum(summary.rows.values()):,} records"
    )
    for name, n in sorted(summary.rows.items()):
        print(f"  {name:<32}{n:>12,}")
    return 0


def _print_build(summary, settings: Settings) -> None:
    from orchestration.lib.headline import format_headline, read_headline

    print("\nIngestion (per source)")
    print(
        f"  {'source':<11}{'files new':>10}{'skipped':>9}{'rejected':>9}"
        f"{'rows read':>12}{'loaded':>12}{'quarantined':>13}"
    )
    for source, m in summary.ingestion.items():
        print(
            f"  {source:<11}{m.get('files_loaded', 0):>10}{m.get('files_skipped', 0):>9}"
            f"{m.get('files_rejected', 0):>9}{m.get('rows_read', 0):>12,}"
            f"{m.get('rows_loaded', 0):>12,}{m.get('rows_quarantined', 0):>13,}"
        )
    t = summary.tests
    print(f"\nAssets materialised: {summary.assets_materialized}")
    print(f"dbt tests: {t['pass']} passed, {t['warn']} warned, {t['fail'] + t['error']} failed")
    for problem in summary.test_problems:
        print(f"  [{problem['status']}] {problem['test']}: {problem['message'][:200]}")
    if summary.checks_failed:
        print(f"Asset checks not passing ({len(summary.checks_failed)}):")
        for name in summary.checks_failed[:30]:
            print(f"  - {name}")
    if summary.failed_steps:
        print(f"FAILED steps: {', '.join(summary.failed_steps)}")
    if settings.warehouse_path.exists():
        print(f"\nWarehouse {settings.warehouse_path}")
        print(format_headline(read_headline(settings.warehouse_path)))


def cmd_build(args: argparse.Namespace) -> int:
    landing = Path(args.landing).resolve()
    if not landing.is_dir():
        print(
            f"error: landing directory {landing} does not exist "
            f"(write demo data with `warehouse demo --out {args.landing}`)",
            file=sys.stderr,
        )
        return 2
    warehouse = args.warehouse or str(
        PROJECT_DIR / "data" / ("spark-warehouse" if args.target == "spark" else "warehouse.duckdb")
    )
    if args.target == "spark":
        # --warehouse is the Spark warehouse directory; its DuckDB catalog stands in for the
        # warehouse file (ingestion, quarantine, views over the marts: lib/spark.py).
        from orchestration.lib.spark import catalog_path

        Path(warehouse).mkdir(parents=True, exist_ok=True)
        warehouse = str(catalog_path(Path(warehouse)))
    settings = Settings(
        warehouse_path=Path(warehouse).resolve(),
        landing_dir=landing,
        as_of_date=args.as_of,
        board_deck_dir=Path(args.deck_dir).resolve()
        if args.deck_dir
        else Path(warehouse).resolve().parent / "board_decks",
        target=args.target,
    )
    from orchestration.lib.pipeline import run_pipeline

    summary = run_pipeline(settings, full_refresh=args.full_refresh)
    _print_build(summary, settings)
    if not summary.success or summary.error_tests:
        print("\nBuild FAILED.", file=sys.stderr)
        return 1
    print(
        "\nBuild succeeded. Open the boards with `make dashboards`, the Dagster UI with `make dev`."
    )
    return 0


def _warehouse_file(path: str) -> Path:
    """A DuckDB warehouse file, or a Spark warehouse directory (read through its catalog)."""
    if Path(path).is_dir():
        from orchestration.lib.spark import catalog_path

        return catalog_path(Path(path))
    return Path(path)


def cmd_deck(args: argparse.Namespace) -> int:
    from orchestration.lib.deck import render_board_deck

    warehouse = _warehouse_file(args.warehouse)
    if not warehouse.exists():
        print(
            f"error: warehouse {warehouse} does not exist (run `make run` first)", file=sys.stderr
        )
        return 2
    pptx, pdf = render_board_deck(warehouse, args.month, Path(args.out))
    print(f"Board deck: {pptx}\n            {pdf}")
    return 0


def cmd_headline(args: argparse.Namespace) -> int:
    from orchestration.lib.headline import format_headline, read_headline

    warehouse = _warehouse_file(args.warehouse)
    if not warehouse.exists():
        print(
            f"error: warehouse {warehouse} does not exist (run `make run` first)", file=sys.stderr
        )
        return 2
    print(format_headline(read_headline(warehouse)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    default_wh = str(PROJECT_DIR / "data" / "warehouse.duckdb")
    parser = argparse.ArgumentParser(prog="warehouse", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="write deterministic demo landing data")
    demo.add_argument("--out", required=True)
    demo.add_argument("--accounts", type=int, default=300)
    demo.add_argument("--months", type=int, default=36)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument(
        "--as-of",
        type=_date,
        default=None,
        help="history ends with the month before this date (default: today)",
    )
    demo.set_defaults(func=cmd_demo)

    build = sub.add_parser("build", help="ingest, build and test the warehouse through Dagster")
    build.add_argument("--landing", required=True)
    build.add_argument(
        "--warehouse",
        default=None,
        help="DuckDB file, or with --target spark the Spark warehouse directory "
        "(default: data/warehouse.duckdb, data/spark-warehouse)",
    )
    build.add_argument(
        "--target",
        choices=("duckdb", "spark"),
        default=os.environ.get("WAREHOUSE_TARGET", "duckdb"),
        help="dbt target the models run on (profiles.yml); default WAREHOUSE_TARGET or duckdb",
    )
    build.add_argument(
        "--as-of",
        type=_date,
        default=None,
        help="months run to the last complete month before this date",
    )
    build.add_argument("--full-refresh", action="store_true")
    build.add_argument(
        "--deck-dir", default=None, help="default: board_decks/ beside the warehouse"
    )
    build.set_defaults(func=cmd_build)

    deck = sub.add_parser("deck", help="render the board deck of one month")
    deck.add_argument("--warehouse", default=default_wh)
    deck.add_argument("--month", type=_month, default=None, help="YYYY-MM (default: latest)")
    deck.add_argument("--out", default=str(PROJECT_DIR / "data" / "board_decks"))
    deck.set_defaults(func=cmd_deck)

    headline = sub.add_parser("headline", help="print the headline numbers of a warehouse")
    headline.add_argument("--warehouse", default=default_wh)
    headline.set_defaults(func=cmd_headline)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
