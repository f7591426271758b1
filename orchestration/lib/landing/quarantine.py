"""`landing_quarantine`: rows and files that break the contract, with file, line and reason.

One row per breach: a record failing two fields has two rows (same file and line), so the
`field` column names exactly one field. Record-level problems (a line that is not JSON, more
fields than the header) have `field` NULL; a whole unreadable file is one row with `line`
NULL. `raw_record` holds the JSONL record (for a Stripe event or list page, the record it
wraps), or the CSV record as a JSON object of header -> value.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

TABLE = "raw.landing_quarantine"  # out of the marts' schema: raw_record may hold personal data
# What `main.landing_quarantine` shows: where and why, never the record itself.
PUBLIC_COLUMNS = ("source", "object", "file", "line", "field", "reason", "loaded_at")

DDL = f"""
create table if not exists {TABLE} (
    source varchar not null,
    object varchar not null,
    file varchar not null,
    line bigint,
    field varchar,
    reason varchar not null,
    raw_record varchar,
    loaded_at timestamp
)
"""


def insert_rejected_rows(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    object_: str,
    files: str,
    stage: str,
    rows: str,
    loaded_at: datetime,
) -> None:
    """Quarantine every breach listed in `stage._reasons`, with the raw record from `rows`
    and the file named by `files` (`_fid` -> `rel`)."""
    con.execute(
        f"""
        insert into {TABLE}
        select ?, ?, k.rel, b._line, b.breach.field, b.breach.reason, w._raw, ?
        from (select _rec, _fid, _line, unnest(_reasons) as breach from {stage}
              where _reasons IS NOT NULL) as b
        join {files} as k on k._fid = b._fid
        left join {rows} as w on w._rec = b._rec
        order by b._rec
        """,
        [source, object_, loaded_at],
    )


def insert_file(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    object_: str,
    file: str,
    reason: str,
    loaded_at: datetime,
) -> None:
    con.execute(
        f"insert into {TABLE} values (?, ?, ?, NULL, NULL, ?, NULL, ?)",
        [source, object_, file, reason, loaded_at],
    )
