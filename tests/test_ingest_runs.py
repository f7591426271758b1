"""Landing ingestion across runs: idempotent, incremental, empty and missing landings, GX."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orchestration.lib.landing import (
    LandingNotFoundError,
    contract,
    ensure_landing_tables,
    ingest_all,
    ingest_source,
)

CORPUS = Path(__file__).parent / "fixtures" / "bad_input"
NIGHT_1 = datetime(2025, 3, 2, 1, 0)
NIGHT_2 = datetime(2025, 3, 3, 1, 0)


def _mixed_landing(root: Path) -> Path:
    """One landing root holding several corpus cases (their paths do not collide)."""
    for name in (
        "bom",
        "crm_is_deleted",
        "invalid_json_line",
        "stripe_shapes",
        "unknown_cost_category",
        "non_utf8_elsewhere",
    ):
        source = CORPUS / ("non_utf8" if name == "non_utf8_elsewhere" else name)
        if name == "non_utf8_elsewhere":
            target = root / "surveys" / "nps" / "2025-02-01.csv"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(next(source.rglob("*.csv")), target)
            continue
        shutil.copytree(source, root, dirs_exist_ok=True)
    return root


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    tables = [*contract.raw_tables(), "landing_manifest", "landing_quarantine"]
    return {t: sorted(con.execute(f"select * from {t}").fetchall(), key=repr) for t in tables}


def test_loading_the_same_landing_twice_changes_nothing(tmp_path: Path) -> None:
    landing = _mixed_landing(tmp_path / "landing")
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    first = ingest_all(con, landing, loaded_at=NIGHT_1)
    before = _snapshot(con)
    assert sum(len(rows) for rows in before.values()) > 0
    second = ingest_all(con, landing, loaded_at=NIGHT_2)
    assert _snapshot(con) == before
    assert sum(r.files_loaded for r in second) == 0
    assert sum(r.files_skipped for r in second) == sum(r.files_seen for r in first)
    # The unreadable file is still reported, and still counts as unreadable.
    nps = next(r for r in second if r.source == "nps")
    assert any("still rejected" in p for p in nps.problems)


def test_a_second_night_reads_only_the_new_files(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(CORPUS / "duplicate_message_id", landing)
    con = duckdb.connect()
    ingest_source(con, landing, "segment", loaded_at=NIGHT_1)
    new = landing / "usage" / "segment" / "2025-03-02.jsonl"
    new.write_text(
        '{"type":"track","messageId":"m-20","timestamp":"2025-03-02T00:00:00Z",'
        '"userId":"u1","event":"Report Viewed"}\n',
        encoding="utf-8",
    )
    result = ingest_source(con, landing, "segment", loaded_at=NIGHT_2)
    assert (result.files_seen, result.files_skipped, result.files_loaded) == (2, 1, 1)
    assert (result.rows_read, result.rows_loaded) == (1, 1)
    assert con.execute(
        "select _loaded_at, count(*) from raw.segment__events group by all order by 1"
    ).fetchall() == [(NIGHT_1, 3), (NIGHT_2, 1)]


def test_a_missing_landing_root_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LandingNotFoundError, match="landing directory not found"):
        ingest_all(duckdb.connect(), tmp_path / "nope", loaded_at=NIGHT_1)


def test_sources_without_files_leave_empty_tables(tmp_path: Path) -> None:
    con = duckdb.connect()
    results = ingest_all(con, tmp_path, loaded_at=NIGHT_1)
    assert [r.source for r in results] == list(contract.SOURCES)
    assert all(r.files_seen == 0 and not r.is_unreadable and not r.problems for r in results)
    for table in contract.raw_tables():
        assert con.execute(f"select count(*) from {table}").fetchone()[0] == 0


def test_ensure_landing_tables_is_idempotent() -> None:
    con = duckdb.connect()
    ensure_landing_tables(con)
    ensure_landing_tables(con)
    tables = {
        r[0]
        for r in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables"
        ).fetchall()
    }
    assert (
        set(contract.raw_tables()) | {"main.landing_manifest", "main.landing_quarantine"} <= tables
    )


def test_great_expectations_results_count_the_breaches(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    target = landing / "surveys" / "nps"
    target.mkdir(parents=True)
    (target / "2025-03-01.csv").write_text(
        "response_id,submitted_at,email,crm_account_id,score,comment\n"
        "r-1,2025-03-01T00:00:00Z,a@b.kr,001A,11,\n"
        "r-2,2025-03-01T00:00:00Z,b@b.kr,001A,7,\n"
        "r-3,2025-03-01T00:00:00Z,c@b.kr,001A,ten,\n",
        encoding="utf-8",
    )
    con = duckdb.connect()
    result = ingest_source(con, landing, "nps", loaded_at=NIGHT_1)
    reasons = con.execute("select line, field, reason from landing_quarantine order by line")
    assert reasons.fetchall() == [
        (2, "score", "score: 11 is above the maximum 10"),
        (4, "score", "score: 'ten' is not an integer"),
    ]
    (validation,) = result.validations
    assert validation.object == "nps__responses"
    assert validation.suite_name == "landing.nps__responses"
    assert not validation.success and validation.rows_validated == 3
    assert validation.unexpected_counts["expect_column_values_to_be_between(score)"] == 1
    assert validation.unexpected_counts["expect_column_values_to_be_null(score__unparsed)"] == 1
    assert validation.evaluated_expectations > validation.successful_expectations
    assert result.quarantined_by_object == {"responses": 2}
