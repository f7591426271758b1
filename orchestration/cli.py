"""`warehouse`: the command line of the project (demo data, builds, board decks)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
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


def _warnings(summary, settings: Settings, progress) -> list[str]:
    """Every warning that matters, in words: warn (and failed) dbt tests with what they
    assert and on which model, asset checks that did not pass, quarantined rows and rejected
    files with the table to look at, a missing font for the deck."""
    from orchestration.defs.dbt.project import dbt_project
    from orchestration.lib.console import load_manifest, problem_line

    out: list[str] = []
    manifest = load_manifest(dbt_project.manifest_path) if summary.test_problems else {}
    tests = {problem["test"].split(".")[2] for problem in summary.test_problems}
    for problem in summary.test_problems:
        out.append(problem_line(problem, manifest))
    checks = _check_descriptions()
    for name in summary.checks_failed:
        asset, _, check = name.rpartition(":")
        if check in tests or check == "no_rows_quarantined":
            continue  # named above as a dbt test / below with the quarantine
        words = checks.get((asset, check), check.replace("_", " "))
        out.append(f"check {check} on {asset} did not pass: {words}")
    where = settings.warehouse_path
    quarantined = {s: m.get("rows_quarantined", 0) for s, m in summary.ingestion.items()}
    if sum(quarantined.values()):
        by_source = ", ".join(f"{s} {n:,}" for s, n in quarantined.items() if n)
        out.append(
            f"{sum(quarantined.values()):,} rows quarantined ({by_source}): file, line, field "
            f"and reason of each are in raw.landing_quarantine of {where}"
        )
    rejected = {s: m.get("files_rejected", 0) for s, m in summary.ingestion.items()}
    if sum(rejected.values()):
        by_source = ", ".join(f"{s} {n:,}" for s, n in rejected.items() if n)
        out.append(
            f"{sum(rejected.values()):,} landing files rejected ({by_source}): the reasons are "
            f"in raw.landing_manifest (status 'rejected') of {where}"
        )
    if progress is not None:
        for message in progress.ingest_warnings[:5]:
            out.append(f"ingestion: {message[:300]}")
        if len(progress.ingest_warnings) > 5:
            out.append(f"ingestion: {len(progress.ingest_warnings) - 5} more in the build log")
    from orchestration.lib.deck.fonts import font_warning

    font = font_warning("ko")
    if font:
        out.append(font)
    if summary.history_problem:
        out.append(summary.history_problem)
    return out


def _check_descriptions() -> dict[tuple[str, str], str]:
    from orchestration.defs.ingestion.assets import INGESTION_ASSETS

    return {
        (spec.asset_key.to_user_string(), spec.name): spec.description or spec.name
        for asset in INGESTION_ASSETS
        for spec in asset.check_specs
    }


def _print_build(summary, settings: Settings, progress=None, log_file: Path | None = None) -> None:
    from orchestration.lib.headline import format_headline, read_headline

    warnings = _warnings(summary, settings, progress)
    if warnings:
        print(f"\nWarnings ({len(warnings)}):")
        for warning in warnings:
            print(f"  - {warning}")
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
    if settings.warehouse_path.exists():
        from orchestration.lib.headline import HeadlineError

        try:
            headline = format_headline(read_headline(settings.warehouse_path))
        except HeadlineError as error:
            headline = f"  ({error})"
        label = "Warehouse" if summary.published else "Published warehouse (unchanged)"
        print(f"\n{label} {settings.warehouse_path}")
        print(headline)
    print()
    if log_file is not None:
        print(f"Build log (Dagster events, dbt output): {log_file}")
    if summary.run_id and not summary.history_problem:
        from orchestration.lib.run_history import dagster_home

        print(f"Dagster run {summary.run_id} recorded in {dagster_home()} (see `make dev`)")


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
    from orchestration.lib import console
    from orchestration.lib.pipeline import run_pipeline

    log_file = console.new_log_path(settings.warehouse_path)
    print(f"Building {settings.warehouse_path} from {landing} (detail: {log_file})")
    started = time.monotonic()
    progress = None
    try:
        with console.capture_detail(log_file, echo=args.verbose) as terminal:
            progress = console.BuildProgress(
                terminal,
                report_path=settings.build_report_dir / "dbt_run_results.json",
                files_total=console.count_landing_files(landing),
                dbt_total=_dbt_node_count(settings.target),
                bars=None if not args.verbose else False,
            )
            try:
                summary = run_pipeline(settings, full_refresh=args.full_refresh, progress=progress)
            finally:
                progress.close()
    except BuildError as error:
        raise CliError(f"{error} (build log: {log_file})", code=1) from error
    finally:
        console.prune_logs(log_file.parent)
    for phase in progress.skipped_phases():
        print(f"{phase}: skipped (a step before it failed)")
    print(f"total: {console.seconds(time.monotonic() - started)}")
    _print_build(summary, settings, progress, log_file)
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


def _dbt_node_count(target: str) -> int:
    """dbt models, seeds and tests the build reports on (its assets and asset checks)."""
    from orchestration.defs.dbt.project import ensure_manifest

    ensure_manifest(target)  # the dbt assets are read from it, parsed for this target
    from orchestration.defs.dbt.assets import warehouse_dbt_assets

    return len(warehouse_dbt_assets.keys) + len(warehouse_dbt_assets.check_keys)


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


DEV_STOP_SECONDS = 60  # Dagster's own shutdown; then what is left of it is terminated


def _proc_stat(pid: int) -> tuple[int, int] | None:
    """(parent PID, start time) of a process from /proc, None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if fields[0] == "Z":
        return None
    return int(fields[1]), int(fields[19])


def _descendants(pid: int) -> dict[int, int]:
    """Processes under `pid` with their start times (Linux /proc; empty elsewhere)."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        stat = _proc_stat(int(entry.name))
        if stat is not None:
            children.setdefault(stat[0], []).append((int(entry.name), stat[1]))
    found: dict[int, int] = {}
    frontier = [pid]
    while frontier:
        for child, started in children.get(frontier.pop(), []):
            found[child] = started
            frontier.append(child)
    return found


def _still_running(processes: dict[int, int]) -> dict[int, int]:
    """The ones still alive as the same process (not a later one given a reused PID)."""
    return {
        pid: started
        for pid, started in processes.items()
        if (_proc_stat(pid) or (0, -1))[1] == started
    }


def _signal_all(processes: dict[int, int], sig: int) -> None:
    for pid in _still_running(processes):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


def cmd_dev(args: argparse.Namespace) -> int:
    """`dagster dev` on the project's instance, stopped cleanly by Ctrl-C: Dagster alone gets
    the interrupt (it stops its webserver, daemon and code servers in order), then anything
    of it still running (a run worker, its dbt) is terminated, so nothing is left behind."""
    import shutil
    import signal
    import subprocess

    from orchestration.defs.dbt.project import ensure_manifest
    from orchestration.lib.run_history import INSTANCE_SETTINGS, dagster_home
    from orchestration.lib.supervise import die_with_parent

    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(INSTANCE_SETTINGS, home / "dagster.yaml")  # the project's settings win
    ensure_manifest()
    command = [str(Path(sys.executable).with_name("dagster")), "dev", "-m",
               "orchestration.definitions"]  # fmt: skip
    if args.port:
        command += ["--port", str(args.port)]
    print(f"Dagster UI on the instance in {home} (Ctrl-C stops it)", flush=True)
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env={**os.environ, "DAGSTER_HOME": str(home)},
        # its own session: a Ctrl-C reaches this process only, which asks Dagster once;
        # it gets SIGINT too if this process dies
        start_new_session=True,
        preexec_fn=lambda: die_with_parent(signal.SIGINT),
    )
    stopping: list[float] = []

    def stop(_signum: int, _frame: object) -> None:
        if not stopping:
            stopping.append(time.monotonic())
            print("\nStopping Dagster...", flush=True)
            process.send_signal(signal.SIGINT)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    tree: dict[int, int] = {}
    try:
        while process.poll() is None:
            tree.update(_descendants(process.pid))
            if len(stopping) == 1 and time.monotonic() - stopping[0] > DEV_STOP_SECONDS:
                stopping.append(time.monotonic())
                print("Dagster did not stop in time: terminating it", flush=True)
                _signal_all(_descendants(process.pid), signal.SIGKILL)
                process.kill()
            time.sleep(1)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        # what outlived Dagster (a run worker, its dbt): terminated, then killed
        _signal_all(tree, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while _still_running(tree) and time.monotonic() < deadline:
            time.sleep(0.2)
        _signal_all(tree, signal.SIGKILL)
    if stopping:
        print("Dagster stopped.", flush=True)
        return 0
    return process.returncode or 0


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
        "--verbose",
        action="store_true",
        help="also print Dagster's events and dbt's log lines (always in the build log)",
    )
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

    dev = sub.add_parser("dev", help="the Dagster UI on the project's instance (make dev)")
    dev.add_argument("--port", type=int, default=None, help="default: Dagster's (3000)")
    dev.set_defaults(func=cmd_dev)

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
