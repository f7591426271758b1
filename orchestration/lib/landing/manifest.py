"""`landing_manifest`: one row per file the loader acted on, and what became of it.

A file is keyed by its path under the landing root plus its sha256. Seeing a (path, sha256)
that is already in the manifest (loaded or rejected) is a skip and writes nothing, so running
the same landing twice changes nothing. A loaded path whose content changed is rejected: the
contract says extracts are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

# Landing bookkeeping lives beside the raw tables, out of the marts' schema (`main`); `main`
# keeps views of it without raw content (quarantine.PUBLIC_COLUMNS) for readers of old.
TABLE = "raw.landing_manifest"
CHANGED = "changed after load: extracts are immutable"

DDL = f"""
create table if not exists {TABLE} (
    source varchar not null,
    object varchar not null,
    path varchar not null,
    sha256 varchar not null,
    size_bytes bigint,
    rows_read bigint,
    rows_loaded bigint,
    rows_quarantined bigint,
    status varchar not null,  -- loaded / skipped / rejected
    reason varchar,
    loaded_at timestamp
)
"""


def ensure_layout(con: duckdb.DuckDBPyConnection) -> None:
    """Move a warehouse of the old layout (both tables in `main`) to `raw`, then (re)create
    the `main` views. Idempotent; call after the raw tables exist."""
    from . import quarantine

    tables = {
        (schema, name): kind
        for schema, name, kind in con.execute(
            "select table_schema, table_name, table_type from information_schema.tables "
            "where table_name in ('landing_manifest', 'landing_quarantine')"
        ).fetchall()
    }
    for qualified in (TABLE, quarantine.TABLE):
        name = qualified.split(".", 1)[1]
        if tables.get(("main", name)) == "BASE TABLE":
            con.execute(f"insert into {qualified} select * from main.{name}")
            con.execute(f"drop table main.{name}")
    con.execute(f"create or replace view main.landing_manifest as select * from {TABLE}")
    con.execute(
        "create or replace view main.landing_quarantine as "
        f"select {', '.join(quarantine.PUBLIC_COLUMNS)} from {quarantine.TABLE}"
    )


@dataclass(frozen=True)
class Entry:
    path: str
    sha256: str
    status: str
    reason: str | None


@dataclass
class FileOutcome:
    source: str
    object: str
    path: str
    sha256: str
    size_bytes: int
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    status: str = "loaded"
    reason: str | None = None


def history(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, list[Entry]]:
    """Manifest entries of a source by path, oldest first."""
    rows = con.execute(
        f"select path, sha256, status, reason from {TABLE} where source = ? "
        "order by loaded_at, rowid",
        [source],
    ).fetchall()
    entries: dict[str, list[Entry]] = {}
    for path, sha, status, reason in rows:
        entries.setdefault(path, []).append(Entry(path, sha, status, reason))
    return entries


def record(con: duckdb.DuckDBPyConnection, outcome: FileOutcome, loaded_at: datetime) -> None:
    record_all(con, [outcome], loaded_at)


def record_all(
    con: duckdb.DuckDBPyConnection, outcomes: list[FileOutcome], loaded_at: datetime
) -> None:
    """One statement for a batch's files: a statement a file was ~1 ms of ~2,000 a landing."""
    values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(outcomes))
    con.execute(
        f"insert into {TABLE} values {values}",
        [
            value
            for o in outcomes
            for value in (
                o.source,
                o.object,
                o.path,
                o.sha256,
                o.size_bytes,
                o.rows_read,
                o.rows_loaded,
                o.rows_quarantined,
                o.status,
                o.reason,
                loaded_at,
            )
        ],
    )
