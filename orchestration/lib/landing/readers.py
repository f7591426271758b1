"""Reading a batch of landed files of one object into the temp table `_landing_rows` with
DuckDB's own readers, in one pass (one reader call for the whole batch).

CSV: `read_csv` with explicit all-VARCHAR columns named c0..cN after the file's header (read
with Python's csv module, which also strips a BOM), one overflow column to catch rows with
more fields than the header, lenient quoting, NULL padding for short rows. `_line` is the
record's starting physical line (header = line 1): the record number plus the line breaks
inside quoted values of the records before it. Blank lines between records are not counted
(DuckDB skips them), which is the one case where `_line` undercounts.

JSONL: every physical line is read as one VARCHAR (`read_csv` with a delimiter that valid
JSON cannot contain and no quoting); `_line` is the physical line number, exact. Blank lines
are not records. JSON is parsed later, in SQL. Gzip is decompressed transparently.
With `envelopes` (Stripe), a line may also be what Stripe's other exports return: a webhook
event (`object` = event: the record is `data.object`) or a list page (`object` = list or
search_result: the records are `data[]`). Each record becomes its own row, keeping the line
it came from; `_prefix` (`data.object.`, `data[2].`) is put before field names in reasons.

Every row has `_rec`, a number unique within the batch (a list page puts many records on
one line), `_fid` (the file's place in the batch), `_line` (in its file)
and `_prefix` ('' for a plain record).

`_landing_rows` is a view. For plain JSONL it is the reader's lines, numbered where they
lie: a second, numbered copy of 10 M event lines cost more than reading them. CSV records
and Stripe's unwrapped records are kept in `_landing_records` beneath it.

A file DuckDB cannot read at all (not UTF-8, truncated gzip) raises UnreadableFileError
(for a batch: the loader then reads its files one by one to name the file).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib

import duckdb

from .files import LandedFile
from .validate import ident, lit

ROWS = "_landing_rows"
EXTRA = "c_extra"  # overflow column: a value here means the row has more fields than the header
_JSON_DELIM = "\x1e"  # a raw control character cannot appear in valid JSON
_MAX_LINE = 64 * 1024 * 1024  # Stripe invoices with many lines are long
_ENVELOPES = "'event'"  # Stripe `object` values whose record is data.object ...
_PAGES = "'list', 'search_result'"  # ... and whose records are data[]


class UnreadableFileError(Exception):
    """The file as a whole cannot be read; the reason is human-readable."""


def _explain(error: Exception) -> str:
    text = str(error)
    if "unicode" in text.lower() or isinstance(error, UnicodeDecodeError):
        line = re.search(r"Line: (\d+)", text)
        where = f" (line {line.group(1)})" if line else ""
        return f"file is not valid UTF-8{where}: re-export it as UTF-8"
    if "gzip" in text.lower() or isinstance(error, EOFError | zlib.error | gzip.BadGzipFile):
        return "file is not a complete gzip stream (truncated or corrupt)"
    return f"file cannot be read: {text.splitlines()[0] if text else type(error).__name__}"


def csv_header(file: LandedFile) -> list[str]:
    """The header row's field names ([] for an empty file)."""
    try:
        opener = gzip.open if file.gzipped else open
        with (
            opener(file.path, "rb") as raw,
            io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh,
        ):
            return next(csv.reader(fh), [])
    except (UnicodeDecodeError, OSError, EOFError, zlib.error, csv.Error) as error:
        raise UnreadableFileError(_explain(error)) from error


_LINES = "_landing_lines"  # what the reader returned, in file order, before numbering
_RECORDS = "_landing_records"  # CSV and unwrapped Stripe records, numbered


def _files_list(files: list[LandedFile]) -> str:
    """The reader's path list; a row's `file_index` is its file's place in it (`_fid`)."""
    return "[" + ", ".join(lit(str(f.path)) for f in files) + "]"


def _compression(files: list[LandedFile]) -> str:
    kinds = {f.gzipped for f in files}
    if len(kinds) > 1:
        raise ValueError("a batch mixes gzip and plain files")
    return "gzip" if kinds.pop() else "none"


def _numbered(columns: str) -> str:
    """`_landing_lines` with `_fid`, a batch-wide `_rec` and `_n`, the row's place in its
    file (1-based). The reader's rows are in file order (insertion order is kept), so the
    table's rowid is the read order and a file's rows follow its first one."""
    return f"""
        SELECT l.rowid + 1 AS _rec, l._fid, l.rowid - f._first + 1 AS _n, {columns}
        FROM {_LINES} AS l
        JOIN (SELECT _fid, min(rowid) AS _first FROM {_LINES} GROUP BY _fid) AS f
          ON f._fid = l._fid
    """


def _rows_view(sql: str) -> str:
    return f"CREATE OR REPLACE TEMP VIEW {ROWS} AS {sql}"


def read_csv(con: duckdb.DuckDBPyConnection, files: list[LandedFile], header: list[str]) -> None:
    """Create `_landing_rows(_rec, _fid, _line, _prefix, _raw, c0.., c_extra)` from CSV files
    that share one header."""
    names = [f"c{i}" for i in range(len(header))] + [EXTRA]
    columns = "{" + ", ".join(f"{lit(n)}: 'VARCHAR'" for n in names) + "}"
    newlines = " + ".join(
        f"coalesce(length({n}) - length(replace({n}, chr(10), '')), 0)" for n in names
    )
    raw = (
        "json_object("
        + ", ".join(f"{lit(h)}, c{i}" for i, h in enumerate(header))
        + f", '(extra fields)', {EXTRA})"
    )
    cols = ", ".join(ident(n) for n in names)
    listed = _files_list(files)
    _run(
        con,
        f"""
        CREATE OR REPLACE TEMP TABLE {_LINES} AS
        SELECT file_index AS _fid, {cols}
        FROM read_csv({listed}, columns = {columns}, header = true,
                      auto_detect = false, delim = ',', quote = '"', escape = '"',
                      null_padding = true, strict_mode = false, parallel = false,
                      compression = '{_compression(files)}', max_line_size = {_MAX_LINE})
    """,
    )
    _run(
        con,
        f"""
        CREATE OR REPLACE TEMP TABLE {_RECORDS} AS
        WITH r AS ({_numbered(cols)})
        SELECT _rec, _fid,
               1 + _n + coalesce(sum({newlines}) OVER (
                   PARTITION BY _fid ORDER BY _rec
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS _line,
               '' AS _prefix, {raw} AS _raw, {cols}
        FROM r
    """,
    )
    con.execute(f"DROP TABLE {_LINES}")
    con.execute(_rows_view(f"SELECT * FROM {_RECORDS}"))


def read_jsonl(
    con: duckdb.DuckDBPyConnection, files: list[LandedFile], *, envelopes: bool = False
) -> None:
    """Create `_landing_rows(_rec, _fid, _line, _prefix, _raw)`: one row per record.

    A record is a non-blank physical line, or with `envelopes` each record an event or
    list page line wraps (an empty list page holds no record)."""
    listed = _files_list(files)
    _run(
        con,
        f"""
        CREATE OR REPLACE TEMP TABLE {_LINES} AS
        SELECT file_index AS _fid, j AS _raw
        FROM read_csv({listed}, columns = {{'j': 'VARCHAR'}}, header = false,
                      auto_detect = false, delim = '{_JSON_DELIM}',
                      quote = '', escape = '', strict_mode = false,
                      compression = '{_compression(files)}', max_line_size = {_MAX_LINE})
    """,
    )
    # ltrim: blank iff nothing is left of it, and unlike trim it stops at the first
    # character (trim cost more than parsing the JSON: 1.3 us a line)
    lines = f"""
        SELECT _rec, _fid, _n AS _line, _raw FROM ({_numbered("_raw")})
        WHERE _raw IS NOT NULL AND ltrim(_raw) <> ''
    """
    if not envelopes:
        con.execute(_rows_view(f"SELECT _rec, _fid, _line, '' AS _prefix, _raw FROM ({lines})"))
        return
    kind = (
        "CASE WHEN ltrim(_raw) LIKE '{%' AND json_valid(_raw) "
        "THEN json_extract_string(_raw, '$.object') END"
    )
    records = f"""
        WITH kinds AS (SELECT _fid, _line, _raw, {kind} AS _kind FROM ({lines}))
        SELECT _fid, _line, 0 AS _pos, '' AS _prefix, _raw FROM kinds
        WHERE _kind IS NULL OR _kind NOT IN ({_ENVELOPES}, {_PAGES})
        UNION ALL
        -- an event without data.object is judged as it is, under the data.object. label
        SELECT _fid, _line, 0, 'data.object.',
               coalesce(CAST(json_extract(_raw, '$.data.object') AS VARCHAR), _raw)
        FROM kinds WHERE _kind IN ({_ENVELOPES})
        UNION ALL
        SELECT _fid, _line, _idx + 1, 'data[' || _idx || '].', CAST(_item AS VARCHAR) FROM (
            SELECT _fid, _line, unnest(_items) AS _item, unnest(range(len(_items))) AS _idx
            FROM (SELECT _fid, _line, coalesce(json_extract(_raw, '$.data[*]'), []) AS _items
                  FROM kinds WHERE _kind IN ({_PAGES}))
        )
    """
    _run(
        con,
        f"""
        CREATE OR REPLACE TEMP TABLE {_RECORDS} AS
        SELECT row_number() OVER (ORDER BY _fid, _line, _pos) AS _rec, _fid, _line, _prefix,
               _raw
        FROM ({records})
    """,
    )
    con.execute(f"DROP TABLE {_LINES}")
    con.execute(_rows_view(f"SELECT * FROM {_RECORDS}"))


def _run(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        con.execute(sql)
    except (duckdb.InvalidInputException, duckdb.IOException, duckdb.ConversionException) as error:
        raise UnreadableFileError(_explain(error)) from error
