"""What `warehouse build` shows while it runs: one line per phase with counts and elapsed
time, progress bars for landing files and dbt nodes on a terminal, and the warnings that
matter in words. The detail (Dagster's DEBUG events, dbt's log lines, library warnings) goes
to a log file beside the warehouse (`logs/build-*.log`), and to the terminal with --verbose.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import dagster as dg

LOG_FOLDER = "logs"
KEEP_LOGS = 30  # build logs kept beside the warehouse; older ones are removed

PHASES = ("landing", "dbt", "publish", "deck")


def phase_of(step_key: str) -> str:
    if step_key.startswith("ingest_"):
        return "landing"
    if step_key.startswith("warehouse_dbt_assets"):
        return "dbt"
    if step_key.startswith("published_warehouse"):
        return "publish"
    if step_key.startswith("board_deck"):
        return "deck"
    return step_key


def new_log_path(warehouse_path: Path, now: datetime | None = None) -> Path:
    """`logs/build-YYYYmmdd-HHMMSS.log` beside the warehouse (data/logs/ for `make run`)."""
    now = now or datetime.now(UTC)
    folder = warehouse_path.parent / LOG_FOLDER
    path = folder / f"build-{now:%Y%m%d-%H%M%S}.log"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"build-{now:%Y%m%d-%H%M%S}-{n}.log"
    return path


def prune_logs(folder: Path, keep: int = KEEP_LOGS) -> None:
    logs = sorted(folder.glob("build-*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in logs[keep:]:
        old.unlink(missing_ok=True)


def _own_stream(stream: TextIO) -> tuple[TextIO, bool]:
    """A stream to the terminal that survives redirecting file descriptors 1 and 2: a
    duplicate of the stream's descriptor, or the stream itself when it has none (pytest's
    capsys, a StringIO). The flag says whether the caller must close it."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return stream, False
    stream.flush()
    return (
        os.fdopen(
            os.dup(fd), "w", buffering=1, encoding=stream.encoding or "utf-8", errors="replace"
        ),
        True,
    )


@contextmanager
def capture_detail(log_file: Path, *, echo: bool = False) -> Iterator[TextIO]:
    """Everything written to stdout and stderr in this block (Python's streams and file
    descriptors 1 and 2, so child processes and Dagster's log tail too) goes to `log_file`,
    and also to the terminal when `echo`. Yields the terminal, for the build's own lines."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    out, err = sys.stdout, sys.stderr
    terminal, close_terminal = _own_stream(out)
    log = open(log_file, "a", buffering=1, encoding="utf-8", errors="replace")  # noqa: SIM115
    reader: threading.Thread | None = None
    if echo:
        read_fd, target_fd = os.pipe()

        def tee() -> None:
            with os.fdopen(read_fd, "r", encoding="utf-8", errors="replace") as pipe:
                for line in pipe:
                    log.write(line)
                    try:
                        terminal.write(line)
                        terminal.flush()
                    except (OSError, ValueError):
                        pass

        reader = threading.Thread(target=tee, name="build-log-tee", daemon=True)
        reader.start()
    else:
        target_fd = log.fileno()
    saved: dict[int, int] = {}
    for stream in (out, err):
        with suppress(OSError, ValueError):
            stream.flush()
    for fd in (1, 2):
        try:
            saved[fd] = os.dup(fd)
            os.dup2(target_fd, fd)
        except OSError:
            continue
    sink = os.fdopen(os.dup(target_fd), "w", buffering=1, encoding="utf-8", errors="replace")
    sys.stdout = sys.stderr = sink
    colors = os.environ.get("DBT_USE_COLORS")
    os.environ["DBT_USE_COLORS"] = "false"  # no ANSI codes in the log file
    logging.captureWarnings(True)
    try:
        yield terminal
    finally:
        logging.captureWarnings(False)
        if colors is None:
            os.environ.pop("DBT_USE_COLORS", None)
        else:
            os.environ["DBT_USE_COLORS"] = colors
        sys.stdout, sys.stderr = out, err
        sink.close()
        for fd, copy in saved.items():
            os.dup2(copy, fd)
            os.close(copy)
        if reader is not None:
            os.close(target_fd)
            reader.join(timeout=5)
        log.close()
        if close_terminal:
            terminal.close()
        else:
            terminal.flush()


def seconds(s: float) -> str:
    return f"{s:,.1f} s" if s < 120 else f"{int(s // 60)} min {s % 60:04.1f} s"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


@dataclass
class _Phase:
    started: float | None = None
    ended: float | None = None
    failed: list[str] = field(default_factory=list)
    retried: int = 0
    reported: bool = False


class BuildProgress:
    """Follows the run's Dagster events (as a Dagster logger) and prints one line per
    phase as it ends, plus progress bars while it runs when the terminal is a TTY."""

    def __init__(
        self,
        terminal: TextIO,
        *,
        report_path: Path,
        files_total: int,
        dbt_total: int,
        bars: bool | None = None,
    ) -> None:
        self.terminal = terminal
        self.report_path = report_path
        self.phases: dict[str, _Phase] = {name: _Phase() for name in PHASES}
        self.ingested: dict[str, dict[str, int]] = {}
        self.ingest_warnings: list[str] = []
        self.published: str | None = None
        self.deck: str | None = None
        self.run_id: str | None = None
        self._lock = threading.RLock()
        self._current: str | None = None
        self._progress = None
        self._tasks: dict[str, Any] = {}
        if bars is None:
            bars = _is_tty(terminal)
        if bars:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            console = Console(file=terminal, force_terminal=True)
            self._progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
                # sys.stdout and sys.stderr stay on the build log (rich would take them over)
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._tasks["landing"] = self._progress.add_task(
                "landing files", total=max(files_total, 1), visible=False
            )
            self._tasks["dbt"] = self._progress.add_task(
                "dbt nodes", total=max(dbt_total, 1), visible=False
            )
            self._progress.start()

    # ---- output -----------------------------------------------------------------------

    def line(self, text: str) -> None:
        with self._lock:
            if self._progress is not None:
                from rich.text import Text

                self._progress.console.print(Text(text), soft_wrap=True)
            else:
                self.terminal.write(text + "\n")
                self.terminal.flush()

    def close(self) -> None:
        with self._lock:
            self._finish_phases()
            if self._progress is not None:
                self._progress.stop()
                self._progress = None

    # ---- events -----------------------------------------------------------------------

    def logger_def(self) -> dg.LoggerDefinition:
        progress = self

        class _Handler(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                with suppress(Exception):  # progress must never break the build
                    progress.on_record(record)

        @dg.logger(description="Phase lines and progress bars of `warehouse build`.")
        def build_progress(_init_context: dg.InitLoggerContext) -> logging.Logger:
            logger = logging.Logger("warehouse_build_progress", level=logging.DEBUG)
            logger.addHandler(_Handler())
            return logger

        return build_progress

    def on_record(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        if event is None:
            if record.levelno >= logging.WARNING and step.startswith("ingest_"):
                self.ingest_warnings.append(str(meta.get("orig_message") or record.getMessage()))
            return
        kind = event.event_type_value
        with self._lock:
            self.run_id = self.run_id or meta.get("run_id")
            if kind in ("RUN_SUCCESS", "RUN_FAILURE", "RUN_CANCELED"):
                self._finish_phases()
                return
            if not step:
                return
            phase_name = phase_of(step)
            phase = self.phases.setdefault(phase_name, _Phase())
            now = time.monotonic()
            if kind == "STEP_START":
                self._enter(phase_name, now)
            elif kind in ("STEP_SUCCESS", "STEP_FAILURE"):
                phase.ended = now
                if kind == "STEP_FAILURE":
                    phase.failed.append(step)
            elif kind == "STEP_UP_FOR_RETRY":
                phase.retried += 1
            elif kind == "ASSET_MATERIALIZATION":
                self._materialized(phase_name, step, event)
            elif kind == "ASSET_CHECK_EVALUATION" and phase_name == "dbt":
                self._advance("dbt", 1)

    def _enter(self, name: str, now: float) -> None:
        if self._current is not None and self._current != name:
            self._report(self._current)
        self._current = name
        phase = self.phases[name]
        if phase.started is None:
            phase.started = now
        if self._progress is not None and name in self._tasks:
            self._progress.update(self._tasks[name], visible=True)

    def _advance(self, name: str, n: int) -> None:
        if self._progress is not None and name in self._tasks:
            self._progress.advance(self._tasks[name], n)

    def _materialized(self, phase: str, step: str, event: Any) -> None:
        metadata = event.event_specific_data.materialization.metadata
        if phase == "landing":
            source = step[len("ingest_") :]
            if source not in self.ingested:  # one event per raw table, the same counts
                self.ingested[source] = {k: int(_value(v) or 0) for k, v in metadata.items()}
                self._advance("landing", self.ingested[source].get("files_seen", 0))
        elif phase == "dbt":
            self._advance("dbt", 1)
        elif phase == "publish":
            self.published = str(_value(metadata.get("build_id")) or "")
        elif phase == "deck":
            skipped = _value(metadata.get("skipped"))
            self.deck = f"skipped: {skipped}" if skipped else f"{_value(metadata.get('pptx'))}"

    def _finish_phases(self) -> None:
        for name in list(self.phases):
            self._report(name)

    def _report(self, name: str) -> None:
        phase = self.phases[name]
        if phase.reported or phase.started is None:
            return
        phase.reported = True
        if self._progress is not None and name in self._tasks:
            self._progress.update(self._tasks[name], visible=False)
        elapsed = (phase.ended or time.monotonic()) - phase.started
        text = getattr(self, f"_{name}_text", lambda _p: name)(phase)
        if phase.retried:
            text += f" (retried {_plural(phase.retried, 'time')})"
        self.line(f"{name}: {text} … {seconds(elapsed)}")

    def skipped_phases(self) -> list[str]:
        return [n for n in PHASES if self.phases[n].started is None]

    # ---- the line of each phase -----------------------------------------------------------

    def _landing_text(self, phase: _Phase) -> str:
        total = {k: sum(m.get(k, 0) for m in self.ingested.values()) for k in _INGEST_KEYS}
        parts = [
            f"{_plural(total['files_seen'], 'file')} ({total['files_loaded']:,} new, "
            f"{total['files_skipped']:,} already loaded, {total['files_rejected']:,} rejected)",
            f"{_plural(total['rows_loaded'], 'record')} loaded",
            f"{total['rows_quarantined']:,} quarantined",
        ]
        if phase.failed:
            parts.append(f"FAILED: {', '.join(phase.failed)}")
        return ", ".join(parts)

    def _dbt_text(self, phase: _Phase) -> str:
        try:
            counts: dict[str, int] = json.loads(self.report_path.read_text())["counts"]
        except (OSError, ValueError, KeyError):
            return "FAILED before dbt reported results" if phase.failed else "no results"
        return dbt_counts_text(counts) + (" (FAILED)" if phase.failed else "")

    def _publish_text(self, phase: _Phase) -> str:
        if phase.failed:
            return "FAILED (the published warehouse is unchanged)"
        return f"build {self.published} published" if self.published else "done"

    def _deck_text(self, phase: _Phase) -> str:
        if phase.failed:
            return "FAILED"
        return f"board deck {self.deck}" if self.deck else "done"


_INGEST_KEYS = (
    "files_seen",
    "files_loaded",
    "files_skipped",
    "files_rejected",
    "rows_loaded",
    "rows_quarantined",
)


def dbt_counts_text(counts: dict[str, int]) -> str:
    """'132 models, 466 tests, 47 unit tests, 14 seeds: 1 warning, 0 failed' from the
    counts by `kind:status` of the build's dbt results."""
    by_kind: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for key, n in counts.items():
        kind, _, status = key.partition(":")
        by_kind[kind] = by_kind.get(kind, 0) + n
        if kind in ("test", "unit_test"):
            by_status[status] = by_status.get(status, 0) + n
    names = {"model": "model", "test": "test", "unit_test": "unit test", "seed": "seed"}
    parts = [_plural(by_kind[k], names[k]) for k in names if by_kind.get(k)]
    parts += [_plural(n, k) for k, n in by_kind.items() if k not in names and k != "operation"]
    failed = by_status.get("fail", 0) + by_status.get("error", 0)
    model_errors = sum(n for k, n in counts.items() if k in ("model:error", "seed:error"))
    tail = f"{_plural(by_status.get('warn', 0), 'warning')}, {failed:,} failed"
    if model_errors:
        tail += f", {_plural(model_errors, 'model')} in error"
    return f"{', '.join(parts) or 'nothing built'}: {tail}"


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError, OSError):
        return False


def count_landing_files(landing: Path) -> int:
    n = 0
    for _root, dirs, files in os.walk(landing):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        n += sum(1 for f in files if not f.startswith("."))
    return n


# ---- dbt tests in words -------------------------------------------------------------------

_REF = re.compile(r"""ref\(\s*['"]([^'"]+)['"]""")


def _node_name(unique_id: str) -> str:
    parts = unique_id.split(".")
    return parts[2] if len(parts) > 2 else unique_id


def _leading_comment(sql: str) -> str:
    """The test's opening comment (`-- ...` lines or a `{# ... #}` block), as one line."""
    lines: list[str] = []
    text = re.sub(r"^\s*\{\{\s*config\(.*?\)\s*\}\}\s*", "", sql or "", flags=re.S)
    block = re.match(r"\s*\{#-?(.*?)-?#\}", text, flags=re.S)
    if block:
        lines = block.group(1).split("\n")
    else:
        for raw in text.splitlines():
            if raw.strip().startswith("--"):
                lines.append(raw.strip()[2:])
            elif raw.strip():
                break
    words = " ".join(line.strip() for line in lines if line.strip())
    # the first sentence is the point; the rest is in the file
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", words, maxsplit=1)[0]
    return sentence if len(sentence) <= 220 else sentence[:217] + "..."


def _generic_words(name: str, kwargs: dict, target: str) -> str:
    if name == "not_null":
        return f"{target} is never null"
    if name == "unique":
        return f"{target} is unique"
    if name == "accepted_values":
        values = ", ".join(str(v) for v in kwargs.get("values", []))
        return f"{target} is one of ({values})"
    if name == "relationships":
        to = _REF.search(str(kwargs.get("to", "")))
        parent = to.group(1) if to else str(kwargs.get("to", ""))
        return f"every {target} is a {parent}.{kwargs.get('field', '')}"
    return f"{name.replace('_', ' ')} holds for {target}"


def describe_test(unique_id: str, manifest: dict) -> tuple[str, str]:
    """(what the dbt test asserts, in words; the model it tests) from the manifest."""
    node = manifest.get("nodes", {}).get(unique_id) or manifest.get("unit_tests", {}).get(unique_id)
    if not node:
        return _node_name(unique_id).replace("_", " "), ""
    if node.get("resource_type") == "unit_test":
        model = str(node.get("model") or "")
        words = node.get("description") or f"unit test {node['name']}"
        return words, model
    parents = [p for p in node.get("depends_on", {}).get("nodes", []) if p.split(".")[0] != "macro"]
    attached = node.get("attached_node")
    model = _node_name(attached) if attached else ", ".join(_node_name(p) for p in parents)
    meta = node.get("test_metadata") or {}
    if node.get("description"):
        words = f"{node['description']} ({node['name']})"
    elif meta:
        kwargs = meta.get("kwargs", {})
        column = kwargs.get("column_name") or node.get("column_name")
        words = _generic_words(meta["name"], kwargs, f"{model}.{column}" if column else model)
    else:
        comment = _leading_comment(node.get("raw_code", ""))
        words = f"{comment} ({node['name']})" if comment else node["name"]
    return words, model


def load_manifest(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def problem_line(problem: dict[str, str], manifest: dict) -> str:
    words, model = describe_test(problem["test"], manifest)
    message = problem.get("message") or ""
    got = re.match(r"Got (\d+) results?", message)
    found = f"{_plural(int(got.group(1)), 'row')} found" if got else message[:200]
    where = f" on {model}" if model else ""
    return f"dbt test{where} ({problem['status']}): {words}" + (f" — {found}" if found else "")
