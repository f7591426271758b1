"""The dbt project stays portable to Spark without running Spark (issue 16).

The Spark parity test needs a JVM and minutes; these checks read the project's files in a
second and name the file when a DuckDB-only type slips in: `varchar` (Spark wants `string`
or a length), `hugeint` (DuckDB's sum of integers), unsigned and 128-bit integers, and the
`::` cast. DuckDB-only SQL may still live in a dispatched `duckdb__` macro. Contract and
seed column types must be on the list both engines accept; and an enforced contract still
fails the DuckDB build when a column's type changes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.dbt_runner import REPO, dbt_build

SQL_ROOTS = ("models", "macros", "tests/dbt", "analyses", "snapshots")
YAML_ROOTS = ("models", "seeds", "macros", "tests/dbt", "snapshots")
DUCKDB_ONLY = re.compile(
    r"::|\b(varchar|hugeint|uhugeint|int128|ubigint|uinteger|usmallint|utinyint)\b",
    re.IGNORECASE,
)
# Column types of enforced contracts and seeds that DuckDB and Spark both accept and both
# report back under the same name (dbt compares the contract with the engine's own types).
PORTABLE_TYPE = re.compile(
    r"(string|boolean|date|timestamp|double|integer|int|bigint|smallint|tinyint|float"
    r"|decimal\(\s*\d+\s*,\s*\d+\s*\)|\{\{.*\}\})",
    re.IGNORECASE,
)
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
DUCKDB_MACRO = re.compile(
    r"\{%-?\s*macro\s+duckdb__\w+.*?\{%-?\s*endmacro\s*-?%\}", re.DOTALL | re.IGNORECASE
)
SQL_COMMENT = re.compile(r"--[^\n]*")


def _files(roots: tuple[str, ...], suffixes: tuple[str, ...], repo: Path) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if (repo / root).is_dir():
            found.extend(p for p in sorted((repo / root).rglob("*")) if p.suffix in suffixes)
    return found


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def _portable_sql_text(text: str) -> str:
    """SQL and Jinja as both engines run it: comments and duckdb__ macros blanked out
    (line numbers kept)."""
    text = JINJA_COMMENT.sub(_blank, text)
    text = DUCKDB_MACRO.sub(_blank, text)
    return SQL_COMMENT.sub("", text)


def duckdb_only_sql(repo: Path = REPO) -> list[str]:
    """`file:line: text` of every DuckDB-only construct outside a duckdb__ macro."""
    problems = []
    for path in _files(SQL_ROOTS, (".sql",), repo):
        text = _portable_sql_text(path.read_text())
        for number, line in enumerate(text.splitlines(), start=1):
            if DUCKDB_ONLY.search(line):
                problems.append(f"{path.relative_to(repo)}:{number}: {line.strip()}")
    return problems


def _declared_types(document: dict) -> list[tuple[str, str]]:
    """(where, type) of every contract data_type and seed column_types value."""
    found = []
    for kind in ("models", "seeds", "snapshots"):
        for node in document.get(kind) or []:
            name = node.get("name", "?")
            for column in node.get("columns") or []:
                if column.get("data_type") is not None:
                    found.append((f"{name}.{column.get('name')}", str(column["data_type"])))
            column_types = (node.get("config") or {}).get("column_types") or {}
            for column, data_type in column_types.items():
                found.append((f"{name}.{column} (column_types)", str(data_type)))
    return found


def non_portable_types(repo: Path = REPO) -> list[str]:
    """`file: node.column: type` of every declared type off the portable list, and every
    DuckDB-only construct in YAML (unit-test SQL fixtures, expressions of data tests)."""
    problems = []
    for path in _files(YAML_ROOTS, (".yml", ".yaml"), repo):
        text = path.read_text()
        relative = path.relative_to(repo)
        for where, data_type in _declared_types(yaml.safe_load(text) or {}):
            if not PORTABLE_TYPE.fullmatch(data_type.strip()):
                problems.append(f"{relative}: {where}: {data_type}")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.lstrip().startswith("#") and DUCKDB_ONLY.search(line):
                problems.append(f"{relative}:{number}: {line.strip()}")
    return problems


def test_sql_has_no_duckdb_only_types_outside_duckdb_macros() -> None:
    problems = duckdb_only_sql()
    assert not problems, (
        "DuckDB-only SQL fails on Spark: use {{ dbt.type_string() }}, {{ dbt.type_bigint() }}, "
        "cast(x as ...) or a dispatched macro\n" + "\n".join(problems)
    )


def test_contract_and_seed_types_are_portable() -> None:
    problems = non_portable_types()
    assert not problems, (
        "declare types both DuckDB and Spark accept (string, bigint, integer, "
        "decimal(p, s), ...)\n" + "\n".join(problems)
    )


def test_the_guards_name_each_duckdb_only_construct(tmp_path: Path) -> None:
    (tmp_path / "macros").mkdir()
    (tmp_path / "models").mkdir()
    (tmp_path / "macros" / "label.sql").write_text(
        "{# cast(x as varchar) in a comment is fine #}\n"
        "{% macro duckdb__label(x) %}cast({{ x }} as varchar){% endmacro %}\n"
        "{% macro default__label(x) %}{{ x }}::varchar{% endmacro %}\n"
    )
    (tmp_path / "models" / "m.sql").write_text(
        "select\n    -- a hugeint here is a comment\n    cast(sum(n) as hugeint) as n\nfrom t\n"
    )
    (tmp_path / "models" / "_m.yml").write_text(
        "models:\n  - name: m\n    columns:\n"
        "      - name: n\n        data_type: hugeint\n"
        "      - name: s\n        data_type: string\n"
        "      - name: amount\n        data_type: decimal(38, 6)\n"
    )
    assert sorted(duckdb_only_sql(tmp_path)) == [
        "macros/label.sql:3: {% macro default__label(x) %}{{ x }}::varchar{% endmacro %}",
        "models/m.sql:3: cast(sum(n) as hugeint) as n",
    ]
    problems = non_portable_types(tmp_path)
    assert problems[0] == "models/_m.yml: m.n: hugeint"
    assert problems[1:] == ["models/_m.yml:5: data_type: hugeint"]


@pytest.fixture(scope="module")
def project_with_changed_type(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the dbt project in which build_settings' contract declares its
    incremental_lookback_days (an integer in the SQL) as a string."""
    project = tmp_path_factory.mktemp("contract") / "project"
    project.mkdir()
    for name in ("dbt_project.yml", "profiles.yml"):
        shutil.copy(REPO / name, project / name)
    for folder in ("models", "macros", "seeds", "tests/dbt"):
        shutil.copytree(REPO / folder, project / folder)
    settings = project / "models" / "marts" / "settings" / "_settings__models.yml"
    document = yaml.safe_load(settings.read_text())
    (model,) = [m for m in document["models"] if m["name"] == "build_settings"]
    (column,) = [c for c in model["columns"] if c["name"] == "incremental_lookback_days"]
    assert column["data_type"] == "integer"
    column["data_type"] = "string"
    settings.write_text(yaml.safe_dump(document, sort_keys=False))
    return project


def test_an_enforced_contract_fails_the_duckdb_build_on_a_type_change(
    project_with_changed_type: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tests.dbt_runner as runner

    monkeypatch.setattr(runner, "REPO", project_with_changed_type)
    workdir = project_with_changed_type.parent
    result = dbt_build(workdir / "warehouse.duckdb", workdir, "2025-04-15", "build_settings")
    assert result.returncode != 0, result.stdout[-3000:]
    assert "contract" in result.stdout.lower(), result.stdout[-3000:]
    assert "incremental_lookback_days" in result.stdout, result.stdout[-3000:]
