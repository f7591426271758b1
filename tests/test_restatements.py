"""As reported vs restated: one warehouse built on two as-of dates with a late file between.

The revenue scenario's landing (tests/fixtures/revenue_scenario) is built with as_of_date
2025-03-15; then a late invoice (tests/fixtures/restatements/late, see its README) bills
customer A 12,000 KRW more for December 2024 and the same warehouse is built with as_of_date
2025-04-15. December's ending MRR is restated +12,000 and January's beginning MRR +12,000
(A falls back by a 12,000 contraction), while what the March report said stays as it was.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboards.i18n import t
from tests.dbt_runner import REPO, dbt_build, ingest_landing, query
from tests.test_revenue_scenario import LANDING

LATE = REPO / "tests" / "fixtures" / "restatements" / "late"
LATE_FILE = "billing/stripe/invoices/2025-03-20.jsonl"
FIRST_AS_OF, LATER_AS_OF = "2025-03-15", "2025-04-15"
SELECTION = "+path:models/marts/reporting"
DEC, JAN, FEB = date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1)


@dataclass(frozen=True)
class Builds:
    warehouse: Path
    workdir: Path
    landing: Path
    first_report: list[tuple]  # mart_reported_kpis after the first build
    first_rebuilt: list[tuple]  # ... after the same build again
    first_restatements: list[tuple]


def _build(builds_dir: Path, warehouse: Path, as_of: str, *extra: str) -> None:
    result = dbt_build(warehouse, builds_dir, as_of, SELECTION, extra=extra)
    assert result.returncode == 0, result.stdout[-6000:]


def _exact(warehouse: Path, sql: str) -> list[tuple]:
    """Rows as DuckDB returns them: DECIMAL stays Decimal, so differences compare exactly."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def _reported(warehouse: Path) -> list[tuple]:
    return _exact(
        warehouse,
        "select month, metric, value, reported_at, recorded_at from main.mart_reported_kpis "
        "order by reported_at, month, metric",
    )


def _restatements(warehouse: Path) -> list[tuple]:
    return _exact(
        warehouse,
        "select month, metric, reported_value, current_value, difference, reported_at, "
        "landing_file_count, landing_files from main.mart_restatements order by month, metric",
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    workdir = tmp_path_factory.mktemp("restatements")
    landing = workdir / "landing"
    shutil.copytree(LANDING, landing)
    warehouse = workdir / "warehouse.duckdb"

    ingest_landing(warehouse, landing, datetime(2025, 3, 2))
    _build(workdir, warehouse, FIRST_AS_OF)
    first_report = _reported(warehouse)
    # the same build again: nothing new to load, the as-of date already reported
    ingest_landing(warehouse, landing, datetime(2025, 3, 2, 1))
    _build(workdir, warehouse, FIRST_AS_OF)
    first_rebuilt = _reported(warehouse)
    first_restatements = _restatements(warehouse)

    shutil.copytree(LATE, landing, dirs_exist_ok=True)
    ingest_landing(warehouse, landing, datetime(2025, 4, 2))
    _build(workdir, warehouse, LATER_AS_OF)
    return Builds(warehouse, workdir, landing, first_report, first_rebuilt, first_restatements)


def _by_key(rows: list[tuple]) -> dict[tuple[date, str], tuple]:
    return {(row[0], row[1]): row for row in rows}


def test_first_report_records_every_kpi_of_every_month(builds: Builds) -> None:
    months = {row[0] for row in builds.first_report}
    metrics = {row[1] for row in builds.first_report}
    assert months == {date(2024, m, 1) for m in range(1, 13)} | {JAN, FEB}
    bridge_columns = {
        "beginning_mrr", "new_mrr", "expansion_mrr", "reactivation_mrr", "contraction_mrr",
        "churned_mrr", "fx_adjustment_mrr", "ending_mrr", "beginning_customers",
        "new_customers", "churned_customers", "reactivated_customers", "ending_customers",
    }  # fmt: skip
    retention_columns = {"grr", "nrr", "logo_churn_rate", "revenue_churn_rate"}
    assert bridge_columns | retention_columns | {"nrr_12m", "grr_12m"} <= metrics
    assert {row[3] for row in builds.first_report} == {date(2025, 3, 15)}
    values = _by_key(builds.first_report)
    assert values[(DEC, "ending_mrr")][2] == Decimal("476000")
    assert values[(FEB, "ending_mrr")][2] == Decimal("487600")
    assert values[(FEB, "logo_churn_rate")][2] == Decimal(1 / 7).quantize(Decimal("1e-12"))
    # every month reports every bridge and monthly retention column
    for month in months:
        assert {m for (mo, m) in values if mo == month} >= bridge_columns | retention_columns


def test_the_same_build_twice_adds_nothing(builds: Builds) -> None:
    assert builds.first_rebuilt == builds.first_report
    assert builds.first_restatements == []


def test_a_reported_value_is_never_overwritten(builds: Builds) -> None:
    rows = _reported(builds.warehouse)
    first = [row for row in rows if row[3] == date(2025, 3, 15)]
    assert first == builds.first_report
    later = _by_key([row for row in rows if row[3] == date(2025, 4, 15)])
    assert later[(DEC, "ending_mrr")][2] == Decimal("488000")
    assert later[(date(2025, 3, 1), "ending_mrr")] is not None  # the new month is reported


def test_restatement_has_the_exact_difference_and_the_late_file(builds: Builds) -> None:
    rows = _by_key(_restatements(builds.warehouse))
    ending = rows[(DEC, "ending_mrr")]
    assert ending[2:6] == (
        Decimal("476000"),
        Decimal("488000"),
        Decimal("12000"),
        date(2025, 3, 15),
    )
    assert ending[6:] == (1, LATE_FILE)
    assert rows[(DEC, "expansion_mrr")][4] == Decimal("12000")
    assert rows[(DEC, "ending_arr")][4] == Decimal("144000")
    assert rows[(DEC, "expansion_customers")][4] == Decimal("1")
    assert rows[(JAN, "beginning_mrr")][2:5] == (
        Decimal("476000"),
        Decimal("488000"),
        Decimal("12000"),
    )
    assert rows[(JAN, "contraction_mrr")][4] == Decimal("12000")
    assert rows[(JAN, "beginning_mrr")][7] == LATE_FILE
    # January's ending did not move: no row; GRR moved from 1 to (494,000 - 12,000) / 494,000
    assert (JAN, "ending_mrr") not in rows
    grr = rows[(JAN, "grr")]
    assert grr[2] == Decimal(1)
    assert grr[3] == Decimal(482_000 / 494_000).quantize(Decimal("1e-12"))


def test_a_month_that_did_not_change_has_no_row(builds: Builds) -> None:
    months = {row[0] for row in _restatements(builds.warehouse)}
    assert months == {DEC, JAN}


def test_the_later_build_again_with_full_refresh_adds_nothing(builds: Builds) -> None:
    """The same build again, even with --full-refresh, keeps every reported row as it was."""
    reported = _reported(builds.warehouse)
    restated = _restatements(builds.warehouse)
    files_sql = "select * from main.mart_reported_landing_files order by path"
    files = query(builds.warehouse, files_sql)
    assert (LATE_FILE, date(2025, 4, 15)) in {(row[0], row[4]) for row in files}
    ingest_landing(builds.warehouse, builds.landing, datetime(2025, 4, 2, 1))
    _build(builds.workdir, builds.warehouse, LATER_AS_OF, "--full-refresh")
    assert _reported(builds.warehouse) == reported
    assert _restatements(builds.warehouse) == restated
    assert query(builds.warehouse, files_sql) == files


# ---- the Overview and the deck ---------------------------------------------------------

LATE_PATH = LATE_FILE
MONTHS_SQL = "select month from main.mart_mrr_bridge order by month"


@pytest.fixture(scope="module")
def restated_warehouse(builds: Builds, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two builds above with every other model built too (the Overview and the deck
    read more than the reporting marts): December and January restated by the late file."""
    workdir = tmp_path_factory.mktemp("restated")
    warehouse = workdir / "warehouse.duckdb"
    shutil.copyfile(builds.warehouse, warehouse)
    result = dbt_build(warehouse, workdir, LATER_AS_OF, "path:models path:seeds")
    assert result.returncode == 0, result.stdout[-6000:]
    assert _restatements(warehouse) == _restatements(builds.warehouse)
    return warehouse


def test_restatement_sentences_in_both_languages() -> None:
    from dashboards.restatements import restatement_lines

    frame = pd.DataFrame(
        [
            {"month": DEC, "metric": "ending_mrr", "value_kind": "money",
             "reported_value": 476_000.0, "current_value": 488_000.0, "difference": 12_000.0,
             "reported_at": date(2025, 3, 15), "landing_file_count": 1,
             "landing_files": LATE_PATH},
        ]
    )  # fmt: skip
    assert restatement_lines(frame, "en", "KRW") == [
        "December 2024 Ending MRR restated +₩12,000 (₩476,000 → ₩488,000, first reported "
        f"2025-03-15): late invoice in {LATE_PATH}"
    ]
    assert restatement_lines(frame, "ko", "KRW") == [
        "2024년 12월 기말 MRR +₩12,000 정정 (₩476,000 → ₩488,000, 최초 보고 2025-03-15): "
        f"늦게 들어온 인보이스 {LATE_PATH}"
    ]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_overview_shows_the_restatements_of_its_months(
    restated_warehouse: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    from tests.test_dashboards_pages import assert_clean, open_page

    monkeypatch.setenv("WAREHOUSE_PATH", str(restated_warehouse))
    monkeypatch.delenv("REPORTING_CURRENCY", raising=False)
    at = open_page("overview", language)
    assert_clean(at)
    assert t("restated.title", language) in [header.value for header in at.subheader]
    text = " ".join(markdown.value for markdown in at.markdown)
    assert "+₩12,000" in text and LATE_FILE in text
    # January's revenue churn rate moved, but it is not a headline KPI: table only
    assert (JAN, "revenue_churn_rate") in _by_key(_restatements(restated_warehouse))
    assert t("col.revenue_churn_rate", language) not in text
    table = at.dataframe[-1].value
    assert len(table) == len(_restatements(restated_warehouse))
    # a month range before the restated months shows none
    first, second = (row[0] for row in query(restated_warehouse, MONTHS_SQL)[:2])
    at = open_page("overview", language, month_range=(first, second))
    assert_clean(at)
    assert t("restated.none", language) in [caption.value for caption in at.caption]


def test_a_second_late_file_is_counted() -> None:
    from dashboards.restatements import cause

    files = f"finance/fx_rates/2025-03-20.csv, {LATE_PATH}"
    assert cause(files, 2, "en").endswith(t("restated.more_files", "en", n=1))
    assert t("restated.more_files", "en", n=1) not in cause(LATE_PATH, 1, "en")


def test_deck_adds_a_restatements_slide(restated_warehouse: Path, tmp_path: Path) -> None:
    from pptx import Presentation

    from orchestration.lib.deck import render_board_deck
    from tests.test_deck import SLIDE_COUNT, _slide_texts

    pptx_path, pdf_path = render_board_deck(restated_warehouse, None, tmp_path, "en")
    deck = Presentation(str(pptx_path))
    assert len(deck.slides) == SLIDE_COUNT + 1
    texts = " ".join(_slide_texts(deck.slides[-1]))
    assert t("deck.restatements", "en") in texts
    assert "+₩12,000" in texts and LATE_FILE in texts
    assert t("col.revenue_churn_rate", "en") not in texts
    assert pdf_path.stat().st_size > 0


def test_deck_without_restatements_keeps_its_slides(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from pptx import Presentation

    from orchestration.lib.deck import render_board_deck
    from tests.test_deck import SLIDE_COUNT

    warehouse = request.getfixturevalue("small_warehouse").warehouse  # one build: none
    assert query(warehouse, "select count(*) from main.mart_restatements") == [(0,)]
    pptx_path, _ = render_board_deck(warehouse, None, tmp_path, "en")
    assert len(Presentation(str(pptx_path)).slides) == SLIDE_COUNT
