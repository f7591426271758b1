"""Landing ingestion against the bad-input corpus (tests/fixtures/bad_input/): one case per
breach of the landing contract, each asserting rows loaded, rows quarantined and the reason."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orchestration.lib.landing import contract, ingest_all, ingest_source
from orchestration.lib.landing.manifest import CHANGED

CORPUS = Path(__file__).parent / "fixtures" / "bad_input"
SHARED = Path(__file__).parents[1].parent / "shared"
NIGHT_1 = datetime(2025, 3, 2, 1, 0)
NIGHT_2 = datetime(2025, 3, 3, 1, 0)


@dataclass(frozen=True)
class Case:
    source: str
    loaded: int
    quarantined: int
    field: str | None = None  # the field the (first) quarantine row names
    reason: str | None = None  # a substring of that row's reason
    line: int | None = None  # its line (None: a whole-file problem)
    rejected_files: int = 0


CASES: dict[str, Case] = {
    "bom": Case("nps", 2, 0),
    "non_utf8": Case("nps", 0, 0, None, "not valid UTF-8", None, rejected_files=1),
    "missing_required_column": Case(
        "finance", 0, 2, "currency", "currency: required column is missing from the file header", 2
    ),
    "extra_unknown_column": Case("salesforce", 2, 0),
    "wrong_type": Case("zendesk", 1, 2, "id", "id: 'abc' is not an integer", 2),
    "empty_file": Case("finance", 0, 0),
    "header_only": Case("finance", 0, 0),
    "truncated_gzip": Case(
        "segment", 0, 0, None, "not a complete gzip stream", None, rejected_files=1
    ),
    "invalid_json_line": Case("segment", 2, 2, None, "line is not a valid JSON object", 2),
    "duplicate_message_id": Case("segment", 3, 0),
    "unknown_currency": Case(
        "contracts", 1, 1, "currency", "currency: 'XYZ' is not an ISO 4217 currency code", 3
    ),
    "negative_amount": Case("finance", 1, 1, "amount", "amount: -5 is below the minimum 0", 3),
    "bad_date": Case(
        "contracts", 1, 1, "start_date", "start_date: '2025-02-30' is not a date (YYYY-MM-DD)", 2
    ),
    "crm_is_deleted": Case("salesforce", 2, 0),
    "same_file_twice": Case("nps", 2, 0),
    "out_of_order": Case("salesforce", 2, 0),
    "unknown_cost_category": Case(
        "finance", 1, 2, "category", "category: 'coffee' is not a known category", 3
    ),
    "enum_breach": Case(
        "salesforce",
        1,
        1,
        "Type",
        "Type: 'Demo' is not one of Call, Email, Meeting",
        3,
    ),
    "stripe_shapes": Case(
        "stripe",
        4,
        1,
        "lines.data[0].currency",
        "lines.data[0].currency: 'zzz' is not an ISO 4217 currency code",
        3,
    ),
}


def _load(
    landing: Path,
    source: str,
    loaded_at: datetime = NIGHT_1,
    con: duckdb.DuckDBPyConnection | None = None,
):
    con = con or duckdb.connect()
    return con, ingest_source(con, landing, source, loaded_at=loaded_at)


def test_every_case_folder_has_a_test() -> None:
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert folders == set(CASES) | {"changed_file"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_case(name: str) -> None:
    case = CASES[name]
    con, result = _load(CORPUS / name, case.source)
    assert (result.rows_loaded, result.rows_quarantined) == (case.loaded, case.quarantined)
    assert result.files_rejected == case.rejected_files
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    if case.reason is None:
        assert con.execute("select count(*) from landing_quarantine").fetchone()[0] == 0
        assert not result.problems
        return
    line, field, reason = con.execute(
        "select line, field, reason from landing_quarantine order by line nulls first, field"
    ).fetchone()
    assert (line, field) == (case.line, case.field)
    assert case.reason in reason
    assert any(case.reason in p for p in result.problems), result.problems


def test_unreadable_files_are_rejected_and_reported() -> None:
    for name in ("non_utf8", "truncated_gzip"):
        con, result = _load(CORPUS / name, CASES[name].source)
        assert result.is_unreadable
        status, rows_read = con.execute("select status, rows_read from landing_manifest").fetchone()
        assert (status, rows_read) == ("rejected", 0)


def test_good_rows_are_typed_as_the_contract_says() -> None:
    con, _ = _load(CORPUS / "bom", "nps")
    rows = con.execute(
        "select response_id, submitted_at::varchar, score, comment, _line "
        "from raw.nps__responses order by _line"
    ).fetchall()
    # BOM stripped from the first header name, +0900 converted to UTC, the quoted newline
    # keeps the next record's starting physical line (4, not 3).
    assert rows == [
        ("r-1", "2025-03-01 00:00:00", 9, "좋아요\n두 줄 코멘트", 2),
        ("r-2", "2025-03-02 10:30:00", 3, None, 4),
    ]
    con, _ = _load(CORPUS / "unknown_cost_category", "finance")
    assert con.execute("select month::varchar, category from raw.finance__costs").fetchall() == [
        ("2025-01-01", "hosting")
    ]


def test_crm_deleted_rows_load_with_utc_timestamps() -> None:
    con, _ = _load(CORPUS / "crm_is_deleted", "salesforce")
    rows = con.execute(
        "select id, isdeleted, createddate::varchar, security_review__c "
        "from raw.salesforce__account order by id"
    ).fetchall()
    assert rows == [
        ("001A", False, "2024-01-05 00:00:00", True),
        ("001B", True, "2024-02-01 00:00:00", False),
    ]


def test_unknown_columns_are_ignored() -> None:
    con, _ = _load(CORPUS / "extra_unknown_column", "salesforce")
    columns = [c[0] for c in con.execute("describe raw.salesforce__user").fetchall()]
    assert "favorite_color__c" not in columns
    assert con.execute("select department from raw.salesforce__user order by id").fetchall() == [
        ("Sales",),
        ("Customer Success",),
    ]


def test_duplicate_message_ids_stay_in_raw_for_staging_to_dedupe() -> None:
    con, _ = _load(CORPUS / "duplicate_message_id", "segment")
    assert con.execute(
        "select messageid, count(*) from raw.segment__events group by all order by 1"
    ).fetchall() == [("m-10", 2), ("m-11", 1)]
    assert con.execute(
        "select traits_email from raw.segment__events where _line = 1"
    ).fetchone() == ("kim@example.kr",)


def test_invalid_json_lines_keep_physical_line_numbers() -> None:
    con, _ = _load(CORPUS / "invalid_json_line", "segment")
    assert con.execute(
        "select _line, messageid, properties_percent_read, properties_path "
        "from raw.segment__events order by _line"
    ).fetchall() == [(1, "m-1", None, None), (4, "m-3", 40.0, "/pricing")]
    raw = con.execute("select raw_record from raw.landing_quarantine where line = 2").fetchone()[0]
    assert raw.startswith('{"type":"track","messageId":"m-2"')


def test_same_content_under_a_second_name_is_loaded_and_noted() -> None:
    con, result = _load(CORPUS / "same_file_twice", "nps")
    assert result.files_loaded == 2
    reasons = con.execute("select path, reason from landing_manifest order by path").fetchall()
    assert reasons == [
        ("surveys/nps/2025-03-01-resent.csv", None),
        ("surveys/nps/2025-03-01.csv", "same content as surveys/nps/2025-03-01-resent.csv"),
    ]


def test_out_of_order_records_all_land_for_staging_to_pick_the_newest() -> None:
    con, _ = _load(CORPUS / "out_of_order", "salesforce")
    rows = con.execute(
        "select title, systemmodstamp::varchar, _file from raw.salesforce__contact "
        "order by systemmodstamp desc"
    ).fetchall()
    assert rows == [
        ("CTO", "2025-03-01 12:00:00", "crm/salesforce/Contact/2025-03-01.csv"),
        ("VP Engineering", "2025-02-15 08:00:00", "crm/salesforce/Contact/2025-03-02.csv"),
    ]


def test_stripe_current_and_legacy_shapes_flatten_into_the_same_columns() -> None:
    con, result = _load(CORPUS / "stripe_shapes", "stripe")
    lines = con.execute("""
        select invoice_id, id, amount, discount_amounts_total, parent_type,
               parent_subscription_item_details_proration, pricing_price_details_price,
               type, proration, price_id, price_recurring_interval, period_start::varchar
        from raw.stripe__invoice_lines order by id""").fetchall()
    assert lines == [
        (
            "in_new",
            "il_1",
            99000,
            1500,
            "subscription_item_details",
            False,
            "price_1",
            None,
            None,
            None,
            None,
            "2025-03-01 00:00:00",
        ),
        (
            "in_new",
            "il_2",
            -33000,
            0,
            "subscription_item_details",
            True,
            "price_1",
            None,
            None,
            None,
            None,
            "2025-03-01 00:00:00",
        ),
        (
            "in_old",
            "il_3",
            5000,
            0,
            None,
            None,
            None,
            "subscription",
            False,
            "price_2",
            "year",
            "2024-03-01 00:00:00",
        ),
    ]
    # The invoice with a bad line is quarantined whole: no invoice without its lines.
    assert con.execute(
        "select id, parent_subscription_details_subscription, subscription "
        "from raw.stripe__invoices order by id"
    ).fetchall() == [("in_new", "sub_1", None), ("in_old", None, "sub_2")]
    assert con.execute("select id, deleted from raw.stripe__customers order by id").fetchall() == [
        ("cus_1", None),
        ("cus_9", True),
    ]
    gx = {v.object: v for v in result.validations}
    assert not gx["stripe__invoice_lines"].success
    assert gx["stripe__invoices"].success


def test_stripe_published_example_objects_load_cleanly(tmp_path: Path) -> None:
    for obj in contract.STRIPE:
        target = tmp_path / obj.directory
        target.mkdir(parents=True)
        shutil.copy(SHARED / "fixtures" / "stripe" / f"{obj.name}.jsonl", target / "example.jsonl")
    con, result = _load(tmp_path, "stripe")
    assert (result.files_loaded, result.rows_read, result.rows_loaded) == (4, 4, 4)
    assert result.rows_quarantined == 0 and not result.problems
    assert all(v.success for v in result.validations), result.validations
    for table in ("stripe__subscription_items", "stripe__invoice_lines"):
        assert con.execute(f"select count(*) from raw.{table}").fetchone()[0] == 1
    created = con.execute("select created::varchar from raw.stripe__invoices").fetchone()[0]
    assert created == "2009-02-13 23:31:30"  # 1234567890 as a UTC timestamp


def test_changed_file_under_an_old_name_is_rejected_loudly(tmp_path: Path) -> None:
    shutil.copytree(CORPUS / "changed_file" / "v1", tmp_path, dirs_exist_ok=True)
    con, first = _load(tmp_path, "nps")
    assert first.rows_loaded == 1
    shutil.copytree(CORPUS / "changed_file" / "v2", tmp_path, dirs_exist_ok=True)
    _, second = _load(tmp_path, "nps", NIGHT_2, con)
    assert (second.files_rejected, second.rows_read) == (1, 0)
    assert any(CHANGED in p for p in second.problems)
    assert con.execute("select score from raw.nps__responses").fetchall() == [(10,)]
    manifest = con.execute("select status, reason from landing_manifest order by loaded_at")
    assert manifest.fetchall() == [("loaded", None), ("rejected", CHANGED)]
    # Still reported on later runs, without another manifest row.
    _, third = _load(tmp_path, "nps", NIGHT_2, con)
    assert any(CHANGED in p for p in third.problems)
    assert con.execute("select count(*) from landing_manifest").fetchone()[0] == 2


def test_every_file_of_the_corpus_balances() -> None:
    """For every file: rows read = rows loaded + rows quarantined (manifest and tables)."""
    for name in sorted(CASES):
        con = duckdb.connect()
        ingest_all(con, CORPUS / name, loaded_at=NIGHT_1)
        for path, read, loaded, quarantined in con.execute(
            "select path, rows_read, rows_loaded, rows_quarantined from landing_manifest"
        ).fetchall():
            assert read == loaded + quarantined, (name, path)
            distinct = con.execute(
                "select count(distinct line) from landing_quarantine "
                "where file = ? and line is not null",
                [path],
            ).fetchone()[0]
            assert distinct == quarantined, (name, path)
