"""Set-based typing and rule checks: one SQL statement per file and object.

Every contract field arrives as a string. `stage_sql` turns a relation of raw strings into
the typed raw columns plus `_reasons`, a list of {field, reason} structs (empty for a good
row). Reasons are human-readable and start with the field, e.g.
`score: 11 is above the maximum 10`. The same rules feed the Great Expectations suites
(expectations.py), so the SQL checks cover every row and GX reports on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .contract import ISO_CURRENCIES, Field

_TYPE_NAMES = {
    "bigint": "an integer",
    "double": "a number",
    "boolean": "a boolean (true/false)",
    "date": "a date (YYYY-MM-DD)",
    "timestamp": "an ISO-8601 timestamp",
    "epoch": "a Unix timestamp in seconds",
    "month": "a month (YYYY-MM)",
}
_TIME = r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
_OFFSET_TS = rf"\d{{4}}-\d{{2}}-\d{{2}}{_TIME}\s*([Zz]|[+-]\d{{2}}(:?\d{{2}})?)"


def lit(value: object) -> str:
    """A SQL literal (strings quoted, None as NULL)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def number(value: float) -> str:
    """0.0 -> '0', 10.0 -> '10': bounds as people write them."""
    return f"{value:g}"


def _when_matches(s: str, pattern: str, then: str) -> str:
    return f"CASE WHEN regexp_full_match({s}, {lit(pattern)}) THEN {then} END"


def typed_sql(f: Field, s: str) -> str:
    """Expression converting the raw string `s` to the field's raw column type (NULL if not)."""
    if f.type in ("varchar", "json"):
        return s
    if f.type == "bigint":
        # try_cast alone rounds '12.5' to 13: insist on an integer literal.
        return _when_matches(s, r"\s*[+-]?\d+\s*", f"try_cast({s} AS BIGINT)")
    if f.type == "double":
        number_re = r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*"
        return _when_matches(s, number_re, f"try_cast({s} AS DOUBLE)")
    if f.type == "boolean":
        return f"try_cast({s} AS BOOLEAN)"
    if f.type == "date":
        return _when_matches(s, r"\d{4}-\d{2}-\d{2}", f"try_cast({s} AS DATE)")
    if f.type == "month":
        return _when_matches(s, r"\d{4}-\d{2}", f"try_cast({s} || '-01' AS DATE)")
    if f.type == "timestamp":
        # A string with an offset is converted to UTC; casting to TIMESTAMP would drop the
        # offset, and casting a naive string to TIMESTAMPTZ would apply the session zone.
        # A string the plain cast reads that ends in Z is UTC already: the zone conversion
        # (a third of the typing of 100 M Segment events) would change nothing.
        return (
            f"CASE WHEN {s} LIKE '%Z' AND try_cast({s} AS TIMESTAMP) IS NOT NULL "
            f"THEN try_cast({s} AS TIMESTAMP) "
            f"WHEN regexp_full_match({s}, '{_OFFSET_TS}') "
            f"THEN timezone('UTC', try_cast({s} AS TIMESTAMPTZ)) "
            f"ELSE try_cast({s} AS TIMESTAMP) END"
        )
    if f.type == "epoch":
        return _when_matches(s, r"-?\d{1,11}", f"make_timestamp(CAST({s} AS BIGINT) * 1000000)")
    raise ValueError(f"unknown field type {f.type}")


@dataclass(frozen=True)
class Extracted:
    """How one field's raw string is obtained from the input relation."""

    field: Field
    value: str | None  # SQL expression (NULL when empty); None: the column is not in the file
    present: str | None = None  # SQL boolean: the JSON key exists (required JSON keys only)


def _reason(label: str, message: str) -> str:
    return f"{{'field': {label}, 'reason': {label} || {message}}}"


def _quoted(s: str) -> str:
    return f"'''' || left({s}, 80) || ''''"


def field_checks(x: Extracted, s: str, t: str, seeds: frozenset[str]) -> list[tuple[str, str]]:
    """(condition, message) pairs in priority order; a field reports its first breach only.

    `s` is the raw string, `t` the typed value; a message is a SQL string expression that
    follows the field label, e.g. `': 11 is above the maximum 10'`.
    """
    f = x.field
    if x.value is None:
        if f.required or f.not_null:
            return [("true", "': required column is missing from the file header'")]
        return []
    checks: list[tuple[str, str]] = []
    if x.present is not None:
        checks.append((f"NOT {x.present}", "': required key is missing'"))
    if f.not_null:
        checks.append((f"{s} IS NULL", "': value is required but missing or empty'"))
    if f.type not in ("varchar", "json"):
        checks.append(
            (
                f"{s} IS NOT NULL AND {t} IS NULL",
                f"': ' || {_quoted(s)} || ' is not {_TYPE_NAMES[f.type]}'",
            )
        )
    if f.enum:
        checks.append(
            (
                f"{s} NOT IN ({', '.join(lit(v) for v in f.enum)})",
                f"': ' || {_quoted(s)} || ' is not one of {', '.join(f.enum)}'",
            )
        )
    if f.is_currency:
        codes = ", ".join(lit(c) for c in sorted(ISO_CURRENCIES))
        checks.append(
            (
                f"upper({s}) NOT IN ({codes})",
                f"': ' || {_quoted(s)} || ' is not an ISO 4217 currency code'",
            )
        )
    if f.min_value is not None:
        checks.append(
            (
                f"{t} < {f.min_value!r}",
                f"': ' || {s} || ' is below the minimum {number(f.min_value)}'",
            )
        )
    if f.max_value is not None:
        checks.append(
            (
                f"{t} > {f.max_value!r}",
                f"': ' || {s} || ' is above the maximum {number(f.max_value)}'",
            )
        )
    if f.seed:
        known = ", ".join(lit(v) for v in sorted(seeds))
        checks.append(
            (
                f"{s} NOT IN ({known})",
                f"': ' || {_quoted(s)} || ' is not a known {f.seed[1]} (seeds/{f.seed[0]}.csv)'",
            )
        )
    return checks


def stage_sql(
    relation: str,
    extracted: list[Extracted],
    *,
    carry: list[str],
    label_prefix: str = "",
    record_checks: list[tuple[str, str]] = (),  # (condition, reason) about the whole record
    seeds: dict[Field, frozenset[str]] | None = None,
) -> str:
    """SELECT producing carry columns, typed raw columns, `<col>__unparsed`, `_reasons`.

    `_reasons` is NULL for a good row, else a non-empty list of {field, reason}. The list is
    only built for failing rows (a cheap boolean decides first: most rows are good).
    `label_prefix` is a SQL string expression put before field names in reasons (child rows:
    `'lines.data[' || _idx || '].'`). A failing record check replaces the field checks: a
    line that is not JSON has no fields to judge.
    """
    seeds = seeds or {}
    values = [f"{x.value or 'NULL'} AS s{i}" for i, x in enumerate(extracted)]
    typed = [f"{typed_sql(x.field, f's{i}')} AS t{i}" for i, x in enumerate(extracted)]
    out: list[str] = list(carry)
    reasons: list[str] = []
    failed: list[str] = [cond for cond, _ in record_checks]
    for i, x in enumerate(extracted):
        col = x.field.column
        out.append(f"t{i} AS {ident(col)}")
        if x.field.type not in ("varchar", "json"):
            out.append(
                f"CASE WHEN s{i} IS NOT NULL AND t{i} IS NULL THEN s{i} END "
                f"AS {ident(col + '__unparsed')}"
            )
        label = f"{label_prefix} || {lit(x.field.path)}" if label_prefix else lit(x.field.path)
        checks = field_checks(x, f"s{i}", f"t{i}", seeds.get(x.field, frozenset()))
        if checks:
            whens = " ".join(
                f"WHEN {cond} THEN {{'field': {label}, 'reason': {label} || {msg}}}"
                for cond, msg in checks
            )
            reasons.append(f"CASE {whens} END")
            failed += [cond for cond, _ in checks]
    reasons_sql = f"list_filter([{', '.join(reasons)}], lambda r: r IS NOT NULL)"
    for cond, reason in reversed(record_checks):
        reasons_sql = (
            f"CASE WHEN {cond} THEN [{{'field': NULL::VARCHAR, 'reason': {reason}}}] "
            f"ELSE {reasons_sql} END"
        )
    any_failed = " OR ".join(f"coalesce({cond}, false)" for cond in failed) or "false"
    return (
        f"WITH _v AS (SELECT *, {', '.join(values)} FROM {relation}),\n"
        f"_t AS (SELECT *, {', '.join(typed)} FROM _v)\n"
        f"SELECT {', '.join(out)}, CASE WHEN {any_failed} THEN {reasons_sql} END AS _reasons "
        "FROM _t"
    )
