"""Landing ingestion: landed files -> raw tables, quarantine, manifest, GX results.

Per source, per object, per batch of new files (in extract order), in one transaction:
read (readers.py) -> type and check every row in SQL (validate.py) -> good rows appended to
the raw table(s), breaches to `landing_quarantine`, each file to `landing_manifest`. A batch
whose reader fails is loaded again file by file, so an unreadable file is rejected alone.
Then one Great Expectations validation per object over the files loaded in this run.

Choices:
- the same content under a second file name is loaded (staging dedupes by key) and the
  manifest notes `same content as <path>`;
- duplicate Segment messageIds stay in raw (staging counts a messageId once);
- CRM rows with IsDeleted=true load (staging removes them);
- a JSON record (an invoice with its lines) is quarantined as a whole when it or any of
  its array elements breaks the contract, so an invoice never lands without a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from . import contract, manifest, quarantine
from .contract import ChildObject, Field, SourceObject
from .expectations import ValidationResult, Validator
from .files import LandedFile, discover, escaped, fingerprint, link_fingerprint
from .readers import EXTRA, ROWS, UnreadableFileError, csv_header, read_csv, read_jsonl
from .validate import Extracted, ident, lit, stage_sql

# GX sees at most this many typed rows of an object per run, quarantined rows first; the
# SQL checks (validate.py) see every row. A pandas frame of a million events cost more than
# loading them.
SAMPLE_ROWS_PER_OBJECT = 50_000
# Files of one object read together by one reader call and checked by one statement: the
# fixed cost of a statement per file was most of the time of a landing of small files.
BATCH_FILES = 256
BATCH_BYTES = 512 * 1024 * 1024  # of text: a gzip file counts GZIP_RATIO times its size
GZIP_RATIO = 8
PROBLEMS_PER_FILE = 5  # quarantined rows listed in `problems` per file (the rest counted)
_STAGE = "_landing_stage"


@dataclass(frozen=True)
class Stage:
    """One raw table's staging query for the current file."""

    table: str  # raw table name without schema
    fields: tuple[Field, ...]
    sql: str
    absent: list[str] = field(default_factory=list)  # columns the file does not deliver


class LandingNotFoundError(FileNotFoundError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"landing directory not found: {path}")
        self.path = path


@dataclass
class SourceLoadResult:
    source: str
    files_seen: int = 0
    files_loaded: int = 0
    files_skipped: int = 0  # already in the manifest with the same content
    files_rejected: int = 0  # changed under a loaded name, or unreadable
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    validations: list[ValidationResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files_unreadable: int = 0  # unreadable now or when first seen
    quarantined_by_object: dict[str, int] = field(default_factory=dict)  # contract object name

    @property
    def is_unreadable(self) -> bool:
        """Every file of a source that has files could not be read."""
        return self.files_seen > 0 and self.files_unreadable == self.files_seen


def ensure_landing_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in contract.create_raw_tables_sql():
        con.execute(statement)
    _add_new_contract_columns(con)
    con.execute(manifest.DDL)
    con.execute(quarantine.DDL)
    manifest.ensure_layout(con)


def _add_new_contract_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse built before the contract named a field gets its column (NULL before)."""
    present: dict[str, set[str]] = {}
    for schema, table, column in con.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where table_schema = 'raw'"
    ).fetchall():
        present.setdefault(f"{schema}.{table}", set()).add(column)
    for table, columns in contract.raw_tables().items():
        for name, sql_type in columns.items():
            if name not in present.get(table, set()):
                con.execute(f'alter table {table} add column "{name}" {sql_type}')


def ingest_all(
    con: duckdb.DuckDBPyConnection, landing: Path, *, loaded_at: datetime
) -> list[SourceLoadResult]:
    landing = _check_landing(landing)
    validator = Validator.shared()
    return [
        ingest_source(con, landing, source, loaded_at=loaded_at, validator=validator)
        for source in contract.SOURCES
    ]


def ingest_source(
    con: duckdb.DuckDBPyConnection,
    landing: Path,
    source: str,
    *,
    loaded_at: datetime,
    validator: Validator | None = None,
) -> SourceLoadResult:
    landing = _check_landing(landing)
    objects = contract.objects_of(source)
    ensure_landing_tables(con)
    result = SourceLoadResult(source)
    history = manifest.history(con, source)
    loaded_shas = {
        e.sha256: e.path for entries in history.values() for e in entries if e.status == "loaded"
    }
    seeds = {f: contract.seed_values(f.seed) for o in objects for f in o.fields if f.seed}
    for obj in objects:
        samples: dict[str, list[pd.DataFrame]] = {}
        pending: list[tuple[LandedFile, manifest.FileOutcome]] = []
        _reject_escaped_links(con, landing, obj, history, loaded_at, result)
        for file in fingerprint(landing, discover(landing, obj)):
            result.files_seen += 1
            known = [e for e in history.get(file.rel, []) if e.sha256 == file.sha256]
            if known:
                result.files_skipped += 1
                if known[-1].status == "rejected":
                    result.problems.append(f"{file.rel}: still rejected: {known[-1].reason}")
                    result.files_unreadable += known[-1].reason != manifest.CHANGED
                continue
            outcome = manifest.FileOutcome(source, obj.name, file.rel, file.sha256, file.size_bytes)
            if any(e.status == "loaded" for e in history.get(file.rel, [])):
                outcome.status, outcome.reason = "rejected", manifest.CHANGED
                manifest.record(con, outcome, loaded_at)
                result.files_rejected += 1
                result.problems.append(
                    f"{file.rel}: {manifest.CHANGED}; not loaded (sha256 "
                    f"{file.sha256[:12]}); deliver it under a new name"
                )
                continue
            if file.sha256 in loaded_shas:
                outcome.reason = f"same content as {loaded_shas[file.sha256]}"
            # A file that turns out unreadable leaves its content unloaded, but a second
            # copy of that content would be unreadable the same way.
            loaded_shas.setdefault(file.sha256, file.rel)
            pending.append((file, outcome))
        for batch in _batches(obj, pending):
            _load_batch(con, obj, batch, loaded_at, seeds, samples, result)
        validator = _validate(validator, obj, samples, seeds, result)
    return result


def _reject_escaped_links(
    con: duckdb.DuckDBPyConnection,
    landing: Path,
    obj: SourceObject,
    history: dict[str, list[manifest.Entry]],
    loaded_at: datetime,
    result: SourceLoadResult,
) -> None:
    """Symlinks out of the landing root: never read, rejected in the manifest (once)."""
    for path, reason in escaped(landing, obj):
        link = link_fingerprint(landing, path)
        result.files_seen += 1
        result.files_rejected += 1
        result.problems.append(f"{link.rel}: {reason}")
        if any(e.sha256 == link.sha256 for e in history.get(link.rel, [])):
            continue
        outcome = manifest.FileOutcome(
            obj.source, obj.name, link.rel, link.sha256, 0, status="rejected", reason=reason
        )
        con.begin()
        quarantine.insert_file(
            con, source=obj.source, object_=obj.name, file=link.rel, reason=reason,
            loaded_at=loaded_at,
        )  # fmt: skip
        manifest.record(con, outcome, loaded_at)
        con.commit()


def _check_landing(landing: Path) -> Path:
    landing = Path(landing)
    if not landing.is_dir():
        raise LandingNotFoundError(landing)
    return landing


Batch = list[tuple[LandedFile, manifest.FileOutcome]]


def _batches(obj: SourceObject, pending: Batch) -> list[Batch]:
    """New files in extract order, cut into batches read by one reader call each: files
    of one compression (and for CSV one header), within BATCH_FILES files and BATCH_BYTES
    of estimated text. A CSV file whose header cannot be read or is empty goes alone."""
    batches: list[Batch] = []
    key: object = None
    budget = 0
    for file, outcome in pending:
        size = file.size_bytes * (GZIP_RATIO if file.gzipped else 1)
        if obj.format == "csv":
            try:
                header = tuple(csv_header(file))
            except UnreadableFileError:
                header = ()
            file_key = (file.gzipped, header) if header else object()
        else:
            file_key = file.gzipped
        if (
            not batches
            or file_key != key
            or len(batches[-1]) >= BATCH_FILES
            or budget + size > BATCH_BYTES
        ):
            batches.append([])
            budget = 0
        batches[-1].append((file, outcome))
        key = file_key
        budget += size
    return batches


def _load_batch(
    con: duckdb.DuckDBPyConnection,
    obj: SourceObject,
    batch: Batch,
    loaded_at: datetime,
    seeds: dict[Field, frozenset[str]],
    samples: dict[str, list[pd.DataFrame]],
    result: SourceLoadResult,
) -> None:
    """Load a batch in one transaction; when a file of it cannot be read, each file alone
    (the unreadable one is then rejected by name, the others load)."""
    files = [file for file, _ in batch]
    con.begin()
    try:
        if obj.format == "csv":
            header = csv_header(files[0])
            if not header:
                outcome = batch[0][1]
                outcome.reason = outcome.reason or "empty file"
                header = [f.path for f in obj.fields]  # an empty file reads as no rows
            read_csv(con, files, header)
            stages = [_csv_stage(obj, header, seeds)]
        else:
            read_jsonl(con, files, envelopes=obj.source == "stripe")
            stages = _json_stages(obj, seeds)
        _load_rows(con, obj, batch, stages, loaded_at, samples)
        manifest.record_all(con, [outcome for _, outcome in batch], loaded_at)
        con.commit()
    except UnreadableFileError as error:
        con.rollback()
        if len(batch) > 1:
            for one in batch:
                _load_batch(con, obj, [one], loaded_at, seeds, samples, result)
            return
        file, outcome = batch[0]
        outcome.status, outcome.reason = "rejected", str(error)
        outcome.rows_read = outcome.rows_loaded = outcome.rows_quarantined = 0
        con.begin()
        quarantine.insert_file(
            con,
            source=obj.source,
            object_=obj.name,
            file=file.rel,
            reason=str(error),
            loaded_at=loaded_at,
        )
        manifest.record(con, outcome, loaded_at)
        con.commit()
        result.files_rejected += 1
        result.files_unreadable += 1
        result.problems.append(f"{file.rel}: {error}; nothing loaded from this file")
        return
    except BaseException:
        con.rollback()
        raise
    for file, outcome in batch:
        result.files_loaded += 1
        result.rows_read += outcome.rows_read
        result.rows_loaded += outcome.rows_loaded
        result.rows_quarantined += outcome.rows_quarantined
        if outcome.rows_quarantined:
            result.quarantined_by_object[obj.name] = (
                result.quarantined_by_object.get(obj.name, 0) + outcome.rows_quarantined
            )
            result.problems.extend(_quarantine_summary(con, obj, file, outcome))


def _load_rows(
    con: duckdb.DuckDBPyConnection,
    obj: SourceObject,
    batch: Batch,
    stages: list[Stage],
    loaded_at: datetime,
    samples: dict[str, list[pd.DataFrame]],
) -> None:
    """Stage every table of the object, then move good records to raw and breaches out.
    The first stage has a row per record (`_landing_rows` is a view: read it once)."""
    names = [f"{_STAGE}_{i}" for i in range(len(stages))]
    for name, stage in zip(names, stages, strict=True):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {stage.sql}")
    bad = " UNION ".join(f"SELECT _rec, _fid FROM {n} WHERE _reasons IS NOT NULL" for n in names)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _landing_bad AS {bad}")
    read = dict(con.execute(f"SELECT _fid, count(*) FROM {names[0]} GROUP BY _fid").fetchall())
    bad_rows = dict(con.execute("SELECT _fid, count(*) FROM _landing_bad GROUP BY _fid").fetchall())
    for fid, (_, outcome) in enumerate(batch):
        outcome.rows_read = read.get(fid, 0)
        outcome.rows_quarantined = bad_rows.get(fid, 0)
        outcome.rows_loaded = outcome.rows_read - outcome.rows_quarantined
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _landing_file_keys (_fid INTEGER, rel VARCHAR, sha VARCHAR)"
    )
    con.executemany(
        "INSERT INTO _landing_file_keys VALUES (?, ?, ?)",
        [(fid, file.rel, file.sha256) for fid, (file, _) in enumerate(batch)],
    )
    good = "_reasons IS NULL" if len(stages) == 1 else "_rec NOT IN (SELECT _rec FROM _landing_bad)"
    for name, stage in zip(names, stages, strict=True):
        table = f"raw.{stage.table}"
        columns = [
            c for c in contract.raw_tables()[table] if c not in contract.LOAD_METADATA_COLUMNS
        ]
        cols = ", ".join(ident(c) for c in columns)
        con.execute(
            f"INSERT INTO {table} ({cols}, _file, _line, _file_sha256, _loaded_at)"
            f" SELECT {', '.join('s.' + ident(c) for c in columns)}, k.rel, s._line, k.sha, ?"
            f" FROM {name} AS s JOIN _landing_file_keys AS k ON k._fid = s._fid"
            f" WHERE {good}",
            [loaded_at],
        )
        if bad_rows:
            quarantine.insert_rejected_rows(
                con,
                source=obj.source,
                object_=obj.name,
                files="_landing_file_keys",
                stage=name,
                rows=ROWS,
                loaded_at=loaded_at,
            )
        _sample(con, name, stage, samples)


def _sample(
    con: duckdb.DuckDBPyConnection, name: str, stage: Stage, samples: dict[str, list[pd.DataFrame]]
) -> None:
    """Typed rows for GX, columns absent from the file left out: every quarantined row
    (so the suite sees each breach the SQL checks caught) and good rows up to the object's
    budget of SAMPLE_ROWS_PER_OBJECT rows per run."""
    taken = sum(len(df) for df in samples.get(stage.table, []))
    limit = SAMPLE_ROWS_PER_OBJECT - taken
    if limit <= 0:
        return
    drop = ", ".join(ident(c) for c in ["_rec", "_fid", "_line", "_reasons", *stage.absent])
    df = con.execute(
        f"(SELECT * EXCLUDE ({drop}) FROM {name} WHERE _reasons IS NOT NULL LIMIT {limit})"
        f" UNION ALL (SELECT * EXCLUDE ({drop}) FROM {name} WHERE _reasons IS NULL"
        f" LIMIT {limit})"
    ).df()
    samples.setdefault(stage.table, []).append(df.head(limit))


def _csv_stage(obj: SourceObject, header: list[str], seeds: dict[Field, frozenset[str]]) -> Stage:
    """Fields are matched to header names exactly, else case-insensitively; others ignored."""
    exact = {h.strip(): i for i, h in reversed(list(enumerate(header)))}
    folded = {h.strip().lower(): i for i, h in reversed(list(enumerate(header)))}
    extracted = []
    for f in obj.fields:
        i = exact.get(f.path, folded.get(f.path.lower()))
        extracted.append(Extracted(f, None if i is None else f"nullif(c{i}, '')"))
    check = (
        f"{EXTRA} IS NOT NULL",
        f"'row has more fields than the header ({len(header)} columns)'",
    )
    carry = ["_rec", "_fid", "_line"]
    sql = stage_sql(ROWS, extracted, carry=carry, record_checks=[check], seeds=seeds)
    # A column absent from the header is left out of the GX batch (the suite then reports it).
    absent = [
        c
        for x in extracted
        if x.value is None
        for c in (x.field.column, f"{x.field.column}__unparsed")
        if c == x.field.column or x.field.type not in ("varchar", "json")
    ]
    return Stage(obj.table, obj.fields, sql, absent)


def json_path(path: str) -> str:
    """`context.groupId` -> `$."context"."groupId"`; `a[*].b` -> `$."a"[*]."b"`."""
    parts = []
    for segment in path.split("."):
        name, star = (segment[:-3], "[*]") if segment.endswith("[*]") else (segment, "")
        parts.append(f'."{name}"{star}')
    return "$" + "".join(parts)


def _json_fields(fields: tuple[Field, ...], doc: str) -> tuple[str, list[Extracted]]:
    """Select-list extracting every field of `doc` in one parse, and how to read each."""
    plain = [f for f in fields if not f.sum_of]
    # Key presence costs a second parse: only asked where "missing" differs from "null"
    # (a not-null field reports a missing key as missing or empty anyway).
    required = [f for f in plain if f.required and not f.not_null]
    select = [
        f"json_extract_string({doc}, [{', '.join(lit(json_path(f.path)) for f in plain)}]) AS _vals"
    ]
    if required:
        keys = ", ".join(lit(json_path(f.path)) for f in required)
        select.append(f"json_extract({doc}, [{keys}]) AS _keys")
    extracted = []
    for f in fields:
        if f.sum_of:
            extracted.append(Extracted(f, _sum_sql(doc, f.sum_of, f.sum_where)))
            continue
        present = f"(_keys[{required.index(f) + 1}] IS NOT NULL)" if f in required else None
        extracted.append(Extracted(f, f"nullif(_vals[{plain.index(f) + 1}], '')", present))
    return ", ".join(select), extracted


def _sum_sql(doc: str, path: str, where: tuple[str, str] | None = None) -> str:
    """The sum of the integers at an array path, as text; non-integers fail the type check.

    `where` = (key, value) keeps only the elements whose key reads as that value, e.g.
    (`tax_behavior`, `inclusive`) or (`inclusive`, `true`)."""
    head, tail = path.split("[*]", 1)
    array = json_path(head)
    values = f"json_extract_string({doc}, {lit(json_path(path))})"
    if where:
        key, value = where
        elements = f"json_extract({doc}, {lit(json_path(head + '[*]'))})"
        kept = (
            f"list_filter({elements}, lambda e: json_extract_string(e, {lit(json_path(key))}) "
            f"= {lit(value)})"
        )
        amount = lit(json_path(tail.lstrip(".")))
        values = f"list_transform({kept}, lambda e: json_extract_string(e, {amount}))"
    to_int = "lambda x: CAST(x AS BIGINT)"
    not_int = r"lambda x: NOT regexp_full_match(coalesce(x, ''), '-?\d+')"
    return (
        f"CASE WHEN json_type({doc}, {lit(array)}) IS DISTINCT FROM 'ARRAY' THEN NULL "
        f"WHEN len(list_filter({values}, {not_int})) > 0 THEN array_to_string({values}, '+') "
        f"ELSE CAST(coalesce(list_sum(list_transform({values}, {to_int})), 0) AS VARCHAR) END"
    )


def _json_stages(obj: SourceObject, seeds: dict[Field, frozenset[str]]) -> list[Stage]:
    docs = (
        f"(SELECT _rec, _fid, _line, _prefix, "
        f"CASE WHEN ltrim(_raw) LIKE '{{%' AND json_valid(_raw) THEN _raw END AS _doc "
        f"FROM {ROWS})"
    )
    select, extracted = _json_fields(obj.fields, "_doc")
    checks = [("_doc IS NULL", "'line is not a valid JSON object'")]
    if obj.object_type:
        # A webhook dump or list page may hold other objects: never read them as this one.
        kind = "json_extract_string(_doc, '$.object')"
        checks.append(
            (
                f"{kind} IS NOT NULL AND {kind} <> {lit(obj.object_type)}",
                f"_prefix || 'object: ' || {kind} || ' is not {obj.object_type} "
                f"(billing/stripe/{obj.name} holds {obj.object_type} records)'",
            )
        )
    parent = stage_sql(
        f"(SELECT _rec, _fid, _line, _prefix, _doc, {select} FROM {docs})",
        extracted,
        carry=["_rec", "_fid", "_line"],
        label_prefix="_prefix",
        record_checks=checks,
        seeds=seeds,
    )
    stages = [Stage(obj.table, obj.fields, parent)]
    for child in obj.children:
        stages.append(
            Stage(
                f"{obj.source}__{child.name}", child.fields, _child_stage(obj, child, docs, seeds)
            )
        )
    return stages


def _child_stage(
    obj: SourceObject, child: ChildObject, docs: str, seeds: dict[Field, frozenset[str]]
) -> str:
    items = f"json_extract(_doc, {lit(json_path(child.array_path + '[*]'))})"
    elements = (
        f"(SELECT _rec, _fid, _line, _prefix, _pkey, unnest(_items) AS _doc, "
        f"unnest(range(len(_items))) AS _idx "
        f"FROM (SELECT _rec, _fid, _line, _prefix, "
        f"json_extract_string(_doc, {lit(json_path(obj.primary_key))}) "
        f"AS _pkey, {items} AS _items FROM {docs} WHERE _doc IS NOT NULL))"
    )
    select, extracted = _json_fields(child.fields, "_doc")
    return stage_sql(
        f"(SELECT _rec, _fid, _line, _prefix, _pkey, _idx, _doc, {select} FROM {elements})",
        extracted,
        carry=["_rec", "_fid", "_line", f"_pkey AS {ident(child.parent_key_column)}"],
        label_prefix=f"_prefix || '{child.array_path}[' || _idx || '].'",
        seeds=seeds,
    )


def _quarantine_summary(
    con: duckdb.DuckDBPyConnection,
    obj: SourceObject,
    file: LandedFile,
    outcome: manifest.FileOutcome,
) -> list[str]:
    rows = con.execute(
        f"SELECT line, reason FROM {quarantine.TABLE} WHERE file = ? AND object = ? "
        f"ORDER BY line LIMIT {PROBLEMS_PER_FILE + 1}",
        [file.rel, obj.name],
    ).fetchall()
    lines = [f"{file.rel}: {outcome.rows_quarantined} of {outcome.rows_read} rows quarantined"]
    lines += [f"{file.rel}:{line}: {reason}" for line, reason in rows[:PROBLEMS_PER_FILE]]
    if len(rows) > PROBLEMS_PER_FILE:
        lines.append(f"{file.rel}: ... more in {quarantine.TABLE}")
    return lines


def _validate(
    validator: Validator | None,
    obj: SourceObject,
    samples: dict[str, list[pd.DataFrame]],
    seeds: dict[Field, frozenset[str]],
    result: SourceLoadResult,
) -> Validator | None:
    """One GX validation per raw table over this run's new files; the context is made once."""
    tables = [(obj.table, obj.fields)] + [
        (f"{obj.source}__{c.name}", c.fields) for c in obj.children
    ]
    for table, fields in tables:
        frames = samples.get(table)
        if not frames:
            continue
        validator = validator or Validator.shared()
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        result.validations.append(validator.validate(table, fields, df, seeds, len(frames)))
    return validator
