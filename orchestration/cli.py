"""`warehouse`: the command line of the project (demo data, builds, board decks)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from orchestration.settings import PROJECT_DIR, Settings


class CliError(Exception):
    """A message for the user (what happened, what to do) and the exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


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
        for cause in summary.causes:
            print(f"  cause: {cause}")
    current = summary.current
    if summary.published:
        print(f"\nPublished {current.describe()} to {settings.warehouse_path}")
    elif current is not None:
        print(
            f"\nNot published: {settings.warehouse_path} is unchanged; readers still see "
            f"{current.describe()}"
        )
    elif settings.warehouse_path.exists():
        print(f"\nNot published: {settings.warehouse_path} is unchanged")
    else:
        print(f"\nNot published: no build of {settings.warehouse_path} has succeeded yet")
    from orchestration.lib.deck.fonts import font_warning

    warning = font_warning("ko")
    if warning:
        print(f"Warning: {warning}")
    if settings.warehouse_path.exists():
        from orchestration.lib.headline import HeadlineError

        try:
            headline = format_headline(read_headline(settings.warehouse_path))
        except HeadlineError as error:
            headline = f"  ({error})"
        label = "Warehouse" if summary.published else "Published warehouse (unchanged)"
        print(f"\n{label} {settings.warehouse_path}")
        print(headline)


def cmd_build(args: argparse.Namespace) -> int:
    from orchestration.lib.publish import BuildError, check_warehouse_path

    landing = Path(args.landing).resolve()
    if landing.exists() and not landing.is_dir():
        raise CliError(
            f"--landing {landing} is a file, not a folder: pass the landing root that holds "
            "crm/, billing/, usage/, support/, surveys/ and finance/"
        )
    if not landing.is_dir():
        raise CliError(
            f"landing directory {landing} does not exist "
            f"(write demo data with `warehouse demo --out {args.landing}`)"
        )
    warehouse = args.warehouse or str(
        PROJECT_DIR / "data" / ("spark-warehouse" if args.target == "spark" else "warehouse.duckdb")
    )
    if args.target == "spark":
        # --warehouse is the Spark warehouse directory; its DuckDB catalog stands in for the
        # warehouse file (ingestion, quarantine, views over the marts: lib/spark.py).
        from orchestration.lib.spark import catalog_path

        Path(warehouse).mkdir(parents=True, exist_ok=True)
        warehouse = str(catalog_path(Path(warehouse)))
    try:
        check_warehouse_path(Path(warehouse).resolve())
    except BuildError as error:
        raise CliError(str(error)) from error
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

    try:
        summary = run_pipeline(settings, full_refresh=args.full_refresh)
    except BuildError as error:
        raise CliError(str(error), code=1) from error
    _print_build(summary, settings)
    if not summary.success or summary.error_tests or not summary.published:
        print(
            "\nBuild FAILED: fix the causes above and run the build again; the published "
            "warehouse was left as it was.",
            file=sys.stderr,
        )
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
    from orchestration.lib.deck import NO_BILLING_DATA, NoBillingDataError, render_board_deck
    from orchestration.lib.deck.content import DeckDataError
    from orchestration.lib.headline import HeadlineError, read_headline

    warehouse = _warehouse_file(args.warehouse)
    if not warehouse.exists():
        raise CliError(f"warehouse {warehouse} does not exist (run `make run` first)")
    try:
        headline = read_headline(warehouse)
    except HeadlineError as error:
        raise CliError(str(error)) from error
    if headline.last_month is None:
        print(f"No board deck: {NO_BILLING_DATA}")
        return 0
    if args.month is not None and not (headline.first_month <= args.month <= headline.last_month):
        raise CliError(
            f"--month {args.month:%Y-%m} is outside the data of {warehouse}: pick a month "
            f"from {headline.first_month:%Y-%m} to {headline.last_month:%Y-%m}"
        )
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CliError(f"--out {out} is a file: pass a folder for the deck")
    from orchestration.lib.deck.fonts import font_warning

    warning = font_warning(args.language)
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
    try:
        pptx, pdf = render_board_deck(warehouse, args.month, out, args.language)
    except NoBillingDataError as skipped:
        print(f"No board deck: {skipped}")
        return 0
    except DeckDataError as error:
        raise CliError(
            f"{error} (months covered: {headline.first_month:%Y-%m} to {headline.last_month:%Y-%m})"
        ) from error
    print(f"Board deck: {pptx}\n            {pdf}")
    return 0


def cmd_headline(args: argparse.Namespace) -> int:
    from orchestration.lib.headline import HeadlineError, format_headline, read_headline

    warehouse = _warehouse_file(args.warehouse)
    if not warehouse.exists():
        raise CliError(f"warehouse {warehouse} does not exist (run `make run` first)")
    try:
        print(format_headline(read_headline(warehouse)))
    except HeadlineError as error:
        raise CliError(str(error)) from error
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
    deck.add_argument(
        "--language", choices=("ko", "en"), default="ko", help="deck language (default: ko)"
    )
    deck.set_defaults(func=cmd_deck)

    headline = sub.add_parser("headline", help="print the headline numbers of a warehouse")
    headline.add_argument("--warehouse", default=default_wh)
    headline.set_defaults(func=cmd_headline)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CliError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        print("interrupted: nothing was published; run the command again", file=sys.stderr)
        return 130
    except Exception as error:  # the last resort: a message, never a traceback
        print(
            f"error: {args.command} failed: {type(error).__name__}: {error}\n"
            "This is a bug or an environment problem; set WAREHOUSE_DEBUG=1 for details.",
            file=sys.stderr,
        )
        if os.environ.get("WAREHOUSE_DEBUG"):
            raise
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
