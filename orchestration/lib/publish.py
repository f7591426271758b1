"""Atomic publish: a build writes its own copy of the warehouse, readers only see whole builds.

The published file (`warehouse.duckdb`) is only ever replaced whole, by `os.replace`, after a
build passed every error-severity test. A build works on a copy beside it
(`.warehouse.duckdb.building`, its build id in `.warehouse.duckdb.building.id`), which
starts from the published file so that append-only tables (the landing manifest, reported
KPIs) carry over from build to build. The copy has the same name every build so that dbt's
profile (its DuckDB path) does not change from one build to the next: dbt then reuses the
previous build's parse of the project (partial parsing) instead of parsing it again.

- Readers (boards, deck, ad-hoc SQL) open the published file read-only. A build never opens
  it for writing, so a reader never blocks a build; a reader holding the old file keeps
  reading the old build until it reopens.
- A failed or killed build leaves the published file exactly as the last good build left it.
  Its copy is removed, or swept by the next build (a killed process cannot clean up).
- One build at a time: an advisory lock file (`.warehouse.duckdb.lock`) holds the builder's
  PID; the OS releases it when the builder dies, however it dies.
- `warehouse_builds` (one row per published build) says which build the boards show.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

BUILDS_TABLE = "warehouse_builds"
BUILDS_DDL = f"""
create table if not exists main.{BUILDS_TABLE} (
    build_id varchar not null,
    as_of_date date,
    started_at timestamp not null,
    finished_at timestamp not null,
    landing_dir varchar
)
"""


class BuildError(RuntimeError):
    """A build cannot start or publish; the message says what happened and what to do."""


@dataclass(frozen=True)
class PublishedBuild:
    build_id: str
    as_of_date: date | None
    started_at: datetime
    finished_at: datetime

    def describe(self) -> str:
        as_of = self.as_of_date.isoformat() if self.as_of_date else "the build day"
        return (
            f"build {self.build_id} (as of {as_of}, finished {self.finished_at:%Y-%m-%d %H:%M} UTC)"
        )


def lock_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.lock")


def working_path(published: Path, build_id: str) -> Path:
    """The copy a build writes. One name for every build (see the module docstring); the
    build that owns it is written beside it (`owner_path`)."""
    return published.with_name(f".{published.name}.building")


def owner_path(working: Path) -> Path:
    return working.with_name(working.name + ".id")


def _owner(working: Path) -> str | None:
    try:
        return owner_path(working).read_text().strip() or None
    except OSError:
        return None


def check_warehouse_path(published: Path) -> None:
    """A path a warehouse can be written to, or a BuildError saying why not."""
    for parent in [published.parent, *published.parent.parents]:
        if parent.exists() and not parent.is_dir():
            raise BuildError(
                f"cannot create warehouse {published}: {parent} is a file, not a folder; "
                "pass --warehouse a path inside a folder"
            )
    if published.is_dir():
        raise BuildError(
            f"warehouse {published} is a folder; pass --warehouse a file path "
            f"such as {published / 'warehouse.duckdb'}"
        )


class BuildLock:
    """One builder per warehouse. `acquire` fails at once, naming the PID of the holder.

    Re-entrant within a process: the CLI takes the lock before it starts the Dagster run,
    whose warehouse resource takes it again."""

    _held: dict[Path, int] = {}  # lock file -> times this process holds it

    def __init__(self, published: Path) -> None:
        self.path = lock_path(published)
        self._fd: int | None = None
        self._nested = False

    def acquire(self) -> None:
        if self.path in BuildLock._held:
            BuildLock._held[self.path] += 1
            self._nested = True
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise BuildError(
                f"cannot build in {self.path.parent}: {error.strerror}; pass --warehouse "
                "(WAREHOUSE_PATH) a path in a folder you can write"
            ) from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise BuildError(
                f"another build (PID {holder}) is building {self.path.name[1:-5]} in "
                f"{self.path.parent}; wait for it to finish, or end it with `kill {holder}` "
                "and run the build again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        BuildLock._held[self.path] = 1

    def release(self) -> None:
        if self._nested:
            BuildLock._held[self.path] -= 1
            self._nested = False
            return
        if self._fd is not None:
            BuildLock._held.pop(self.path, None)
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None or self._nested


def sweep(published: Path, keep: Path | None = None, build_id: str | None = None) -> list[Path]:
    """Remove copies left by builds that died (call with the build lock held). `keep` (the
    copy of build `build_id`) stays when that build owns it: a retry resumes it."""
    keep_it = keep is not None and build_id is not None and _owner(keep) == build_id
    removed = []
    leftovers = [
        *published.parent.glob(f".{published.name}.building*"),
        # copies named after their build (before the copy had one name)
        *published.parent.glob(f".{published.name}.*.building*"),
    ]
    for leftover in leftovers:
        if keep_it and leftover.name.startswith(keep.name):
            continue
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def start_copy(published: Path, working: Path, build_id: str | None = None) -> None:
    """The working copy starts as the published file (or empty when there is none).

    The published file is read under a read-only DuckDB connection so that a process
    writing to it (ad-hoc SQL opened read-write) is reported instead of copied half-way."""
    if working.exists() and (build_id is None or _owner(working) == build_id):
        return  # a retry of the same build resumes its own copy
    discard(working)
    partial = working.with_name(working.name + ".partial")
    partial.unlink(missing_ok=True)
    if build_id is not None:
        owner_path(working).write_text(build_id)
    if published.exists():
        try:
            con = duckdb.connect(str(published), read_only=True)
        except duckdb.Error as error:
            raise BuildError(explain_duckdb_error(error, published)) from error
        try:
            shutil.copyfile(published, partial)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise BuildError(
                f"cannot copy {published} to {partial.parent} to build on: {error.strerror}; "
                "free disk space or fix the folder's permissions, then run again"
            ) from error
        finally:
            con.close()
        os.replace(partial, working)


def published_build(path: Path) -> PublishedBuild | None:
    """The build a published warehouse holds (None for a warehouse built before publish)."""
    if not path.is_file():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute(
            f"select build_id, as_of_date, started_at, finished_at from main.{BUILDS_TABLE} "
            "order by finished_at desc limit 1"
        ).fetchone()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return PublishedBuild(*row) if row else None


def publish(
    working: Path,
    published: Path,
    *,
    build_id: str,
    as_of: date | None,
    started_at: datetime,
    landing_dir: str,
) -> PublishedBuild:
    """Stamp the working copy with its build and move it over the published file."""
    finished_at = datetime.now(UTC).replace(tzinfo=None)
    con = duckdb.connect(str(working))
    try:
        con.execute(BUILDS_DDL)
        con.execute(
            f"insert into main.{BUILDS_TABLE} values (?, ?, ?, ?, ?)",
            [build_id, as_of, started_at, finished_at, landing_dir],
        )
        con.execute("checkpoint")
    finally:
        con.close()
    fd = os.open(working, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(working, published)
    Path(str(working) + ".wal").unlink(missing_ok=True)
    owner_path(working).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        dir_fd = os.open(published.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return PublishedBuild(build_id, as_of, started_at, finished_at)


def discard(working: Path) -> None:
    for leftover in (working, Path(str(working) + ".wal"), owner_path(working)):
        leftover.unlink(missing_ok=True)


def explain_duckdb_error(error: BaseException, path: Path | str) -> str:
    """A DuckDB error as one sentence: what happened, to which file, and what to do."""
    text = str(error)
    if "Conflicting lock" in text or "Could not set lock" in text:
        holder = (
            text.split("Conflicting lock is held in", 1)[-1].strip()
            if ("Conflicting lock is held in" in text)
            else "another process"
        )
        return (
            f"warehouse {path} is locked for writing by {holder}; close that program "
            "(a SQL shell or notebook opened read-write) or open it read-only, then run again"
        )
    if "Cannot open file" in text or "No such file" in text or "Permission denied" in text:
        first = text.splitlines()[0]
        return f"cannot open warehouse {path}: {first}; check the path and its permissions"
    if "not a valid DuckDB database" in text or "Unable to read" in text:
        return f"{path} is not a DuckDB warehouse ({text.splitlines()[0]}); pass a warehouse file"
    return f"warehouse {path}: {text.splitlines()[0] if text else type(error).__name__}"


def is_transient(error: BaseException) -> bool:
    """Worth retrying: a lock someone will release. Paths, permissions, bad files are not."""
    text = str(error)
    return "Conflicting lock" in text or "Could not set lock" in text
