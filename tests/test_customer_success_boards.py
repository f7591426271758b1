"""AppTests of the customer-success boards (Customer health, Renewals, Account 360's
customer-success section) in both languages, KPI values against the marts, CSV downloads,
and the message on a warehouse built before the customer-success marts existed.

The warehouse is the customer-success scenario (tests/fixtures/cs_scenario, hand-computed
in tests/test_customer_success_scenario.py) built by the real ingestion and dbt build
(tests/board_warehouses.py `cs_scenario`), so the pages read the marts dbt builds. Known
from the scenario on 2025-04-15: Risky Co (R1) is red; Contract Co's 12,000,000 KRW renews
in 16 days (30-day window) and Yankee Inc's 840,000 KRW (red) in 47 (60-day window);
March NPS is 0 (one promoter, one detractor).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboards.formatting import format_count, format_money
from dashboards.i18n import t
from tests.board_warehouses import cs_scenario, without_customer_success

APP = Path(__file__).resolve().parents[1] / "dashboards" / "app.py"
PAGES = {
    "customer_health": ("views/customer_health.py", "health.title"),
    "renewals": ("views/renewals.py", "renewals.title"),
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cs_scenario(tmp_path_factory.mktemp("cs_boards"))


@pytest.fixture
def use_warehouse(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    monkeypatch.delenv("REPORTING_CURRENCY", raising=False)
    return warehouse


def open_page(page: str, language: str = "ko", **state: Any) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["lang"] = language
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def mart_value(warehouse: Path, sql: str) -> Any:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql).fetchone()[0]


def account_name(warehouse: Path, account_id: str) -> str:
    return mart_value(
        warehouse, f"select account_name from main.dim_accounts where account_id = '{account_id}'"
    )


def metric(at: AppTest, label: str) -> str:
    values = [m.value for m in at.metric if m.label == label]
    assert values, [m.label for m in at.metric]
    return values[0]


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_pages_render_in_both_languages(use_warehouse: Path, page: str, language: str) -> None:
    at = open_page(PAGES[page][0], language)
    assert_clean(at)
    assert at.title[0].value == t(PAGES[page][1], language)
    headers = {column for frame in at.dataframe for column in frame.value.columns}
    assert headers, "a table is shown"
    assert not headers & {"health_color", "arr_due", "alert_type", "renewal_rate"}, headers


def test_customer_health_kpis_and_tables(use_warehouse: Path) -> None:
    at = open_page(PAGES["customer_health"][0], "en")
    assert_clean(at)
    current = "from main.mart_account_health_current"
    for color in ("green", "yellow", "red"):
        count = mart_value(
            use_warehouse, f"select count(*) {current} where health_color = '{color}'"
        )
        assert metric(at, t(f"health.{color}", "en")) == format_count(count)
    assert (
        mart_value(use_warehouse, f"select health_color {current} where account_id = 'R1'") == "red"
    )
    at_risk_arr = mart_value(
        use_warehouse,
        f"select coalesce(sum(arr), 0) {current} where health_color in ('red', 'yellow')",
    )
    assert metric(at, t("health.arr_at_risk", "en")) == format_money(at_risk_arr, "en", "KRW")
    open_alerts = mart_value(
        use_warehouse, "select count(*) from main.mart_account_alerts where is_open"
    )
    assert metric(at, t("health.open_alerts", "en")) == format_count(open_alerts)
    at_risk = at.dataframe[0].value
    names = set(at_risk[t("col.account_name", "en")])
    assert account_name(use_warehouse, "R1") in names
    assert account_name(use_warehouse, "H1") not in names  # green
    alerts = at.dataframe[1].value
    assert t("alert.invoice_overdue", "en") in set(alerts[t("col.alert_type", "en")])
    assert len(alerts) == open_alerts
    assert len(at.get("download_button")) >= 3


def test_renewals_kpis(use_warehouse: Path) -> None:
    at = open_page(PAGES["renewals"][0], "ko")
    assert_clean(at)
    assert metric(at, t("renewals.due_in", "ko", n=30)) == format_money(12_000_000, "ko", "KRW")
    assert metric(at, t("renewals.due_in", "ko", n=120)) == format_money(12_840_000, "ko", "KRW")
    assert metric(at, t("renewals.at_risk_90", "ko")) == format_money(840_000, "ko", "KRW")
    assert len(at.get("plotly_chart")) == 6  # and NPS by tier, activation, milestones


def test_account_360_shows_customer_success(use_warehouse: Path) -> None:
    at = open_page("views/account_360.py", "en")
    at.text_input(key="account_search").set_value(account_name(use_warehouse, "R1")).run()
    assert_clean(at)
    assert t("account.cs", "en") in [h.value for h in at.header]
    subheaders = [s.value for s in at.subheader]
    for key in ("account.health_history", "account.alerts", "account.tickets", "account.nps"):
        assert t(key, "en") in subheaders
    assert metric(at, t("col.health_color", "en")) == t("color.red", "en")


def test_pages_without_customer_success_marts(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = without_customer_success(warehouse, tmp_path / "old.duckdb")
    monkeypatch.setenv("WAREHOUSE_PATH", str(old))
    for page in PAGES.values():
        at = open_page(page[0], "en")
        assert_clean(at)
        assert any(info.value == t("cs.not_built", "en") for info in at.info)
    at = open_page("views/account_360.py", "en")
    assert_clean(at)
    assert t("account.cs", "en") not in [h.value for h in at.header]


def test_deck_customer_success_slide(warehouse: Path, tmp_path: Path) -> None:
    from pptx import Presentation

    from orchestration.lib.deck import render_board_deck

    pptx_path, pdf_path = render_board_deck(warehouse, None, tmp_path, "en")
    slide = Presentation(str(pptx_path)).slides[-1]
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    cells = [
        cell.text
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    counts = " / ".join(
        str(
            mart_value(
                warehouse,
                "select count(*) from main.mart_account_health_current "
                f"where health_color = '{color}'",
            )
        )
        for color in ("green", "yellow", "red")
    )
    assert t("deck.cs_title", "en") in texts
    assert format_money(840_000, "en", "KRW") in texts  # red and renewing within 90 days
    assert counts in texts  # green / yellow / red in the health month
    assert "0" in texts  # March NPS: one promoter, one detractor
    assert t("alert.invoice_overdue", "en") in cells
    assert pdf_path.stat().st_size > 0


# ---- issue 14: every customer-success mart reaches a page ------------------------------
# Scenario facts (mart rows of the cs_scenario build): H1 (Healthy Co) is a CSQL in March
# (seats 80 % used); CSMs Choi CSM (1 low-touch, 1 tech-touch account) and Park CSM (2
# tech-touch), one account without a CSM; March NPS of the tech-touch tier is 0; the
# 2025-01 cohort has 3 accounts of which 2 activated within 30 days.

NEW_SECTIONS = {
    "customer_health": ("cs.churn", "cs.csql", "cs.coverage"),
    "renewals": ("cs.nps_segment", "cs.onboarding"),
}


def frame_with(at: AppTest, label: str) -> Any:
    frames = [f.value for f in at.dataframe if label in f.value.columns]
    assert frames, [list(f.value.columns) for f in at.dataframe]
    return frames[0]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_customer_health_shows_csql_and_csm_coverage(use_warehouse: Path, language: str) -> None:
    at = open_page(PAGES["customer_health"][0], language)
    assert_clean(at)
    subheaders = [s.value for s in at.subheader]
    for key in NEW_SECTIONS["customer_health"]:
        assert t(key, language) in subheaders
    # No churn in the scenario: the section says so instead of an empty table.
    assert t("cs.churn_none", language) in [i.value for i in at.info]

    csql = frame_with(at, t("col.is_seats_full", language))
    expected = mart_value(
        use_warehouse,
        "select count(*) from main.mart_expansion_signals where is_csql "
        "and month = (select max(month) from main.mart_expansion_signals)",
    )
    assert len(csql) == expected
    assert account_name(use_warehouse, "H1") in set(csql[t("col.account_name", language)])

    coverage = frame_with(at, t("col.csm_name", language))
    names = list(coverage[t("col.csm_name", language)])
    assert {"Choi CSM", "Park CSM", t("cs.unassigned", language)} == set(names)
    rows = coverage.set_index(t("col.csm_name", language))
    # Choi CSM: 1 low-touch account, the seed's guide is 20-50 per CSM.
    assert rows.loc["Choi CSM", t("col.low_touch_load", language)] == t("load.below", language)
    assert rows.loc["Park CSM", t("col.low_touch_load", language)] == "–"  # none of that tier
    total = mart_value(use_warehouse, "select sum(accounts) from main.mart_csm_coverage")
    assert sum(int(v) for v in rows[t("col.accounts", language)]) == total
    caption = " ".join(c.value for c in at.caption)
    assert (
        t("cs.guide_band", language, tier=t("touch_tier.low_touch", language), low="20", high="50")
        in caption
    )


def test_csm_guide_comes_from_the_seed_table(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A company that changes seeds/touch_tiers sees its own guide: the page reads it."""
    import shutil

    changed = tmp_path / "guide.duckdb"
    shutil.copyfile(warehouse, changed)
    with duckdb.connect(str(changed)) as connection:
        connection.execute(
            "update seeds.touch_tiers set accounts_per_csm_min = 1, accounts_per_csm_max = 1 "
            "where touch_tier = 'low_touch'"
        )
    monkeypatch.setenv("WAREHOUSE_PATH", str(changed))
    at = open_page(PAGES["customer_health"][0], "en")
    assert_clean(at)
    rows = frame_with(at, t("col.csm_name", "en")).set_index(t("col.csm_name", "en"))
    assert rows.loc["Choi CSM", t("col.low_touch_load", "en")] == t("load.within", "en")
    caption = " ".join(c.value for c in at.caption)
    assert (
        t("cs.guide_band", "en", tier=t("touch_tier.low_touch", "en"), low="1", high="1") in caption
    )


@pytest.mark.parametrize("language", ["ko", "en"])
def test_renewals_shows_nps_by_segment_and_onboarding(use_warehouse: Path, language: str) -> None:
    at = open_page(PAGES["renewals"][0], language)
    assert_clean(at)
    subheaders = [s.value for s in at.subheader]
    for key in NEW_SECTIONS["renewals"]:
        assert t(key, language) in subheaders
    nps = frame_with(at, t("col.dimension_value", language))
    assert t("touch_tier.tech_touch", language) in set(nps[t("col.dimension_value", language)])
    assert len(nps) == mart_value(
        use_warehouse,
        "select count(*) from main.mart_nps_by_segment "
        "where dimension = 'touch_tier' and responses > 0",
    )
    cohorts = frame_with(at, t("col.activation_rate_30d", language))
    january = cohorts[cohorts[t("col.accounts", language)] == 3]
    assert list(january[t("col.activated_30d_accounts", language)]) == [2]
    milestones = frame_with(at, t("col.reach_rate", language))
    assert t("milestone.first_core_feature", language) in set(
        milestones[t("col.milestone", language)]
    )
    # Calendar, renewal rates, NPS trend; then NPS by tier, activation heatmap, milestones.
    assert len(at.get("plotly_chart")) == 6


def test_nps_by_segment_switches_to_icp_segments(use_warehouse: Path) -> None:
    at = open_page(PAGES["renewals"][0], "en")
    at.segmented_control(key="nps_dimension").set_value("icp_segment").run()
    assert_clean(at)
    nps = frame_with(at, t("col.dimension_value", "en"))
    assert set(nps[t("col.dimension_value", "en")]) == {"smb_other"}


def test_new_sections_without_their_marts(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warehouse built before these marts and the seed existed: the pages still run and
    each section says it has nothing."""
    import shutil

    old = tmp_path / "older.duckdb"
    shutil.copyfile(warehouse, old)
    with duckdb.connect(str(old)) as connection:
        for table in (
            "mart_churn_analysis",
            "mart_csm_coverage",
            "mart_expansion_signals",
            "mart_onboarding",
            "mart_onboarding_milestones",
            "mart_nps_by_segment",
        ):
            connection.execute(f"drop table if exists main.{table} cascade")
            connection.execute(f"drop view if exists main.{table} cascade")
        connection.execute("drop table seeds.touch_tiers")
    monkeypatch.setenv("WAREHOUSE_PATH", str(old))
    for language in ("ko", "en"):
        at = open_page(PAGES["customer_health"][0], language)
        assert_clean(at)
        infos = [i.value for i in at.info]
        for key in ("cs.churn_none", "cs.csql_none", "cs.coverage_none"):
            assert t(key, language) in infos
        at = open_page(PAGES["renewals"][0], language)
        assert_clean(at)
        infos = [i.value for i in at.info]
        for key in ("cs.nps_segment_none", "cs.onboarding_none"):
            assert t(key, language) in infos


@pytest.fixture(scope="module")
def fixture_build(small_warehouse: Any) -> Path:
    """The small fixture landing through the real pipeline: it has churn and contraction."""
    return small_warehouse.warehouse


@pytest.mark.parametrize("language", ["ko", "en"])
def test_churn_analysis_shows_the_marts_rows(
    fixture_build: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(fixture_build))
    monkeypatch.delenv("REPORTING_CURRENCY", raising=False)
    at = open_page(PAGES["customer_health"][0], language)
    assert_clean(at)
    # Default cut: avoidable or not; every row of the mart for that cut in the month range.
    table = frame_with(at, t("col.churned_arr", language))
    start, end = at.session_state["month_range"]  # the sidebar's range
    where = (
        "dimension = 'avoidability' and (churned_logos > 0 or contracted_logos > 0) "
        f"and month between '{start}' and '{end}'"
    )
    assert len(table) == mart_value(
        fixture_build, f"select count(*) from main.mart_churn_analysis where {where}"
    )
    assert len(table) > 0
    labels = {t(f"avoidability.{v}", language) for v in ("avoidable", "unavoidable", "unknown")}
    assert set(table[t("col.dimension_value", language)]) <= labels
    assert len(at.get("plotly_chart")) >= 4  # health mix, churned ARR, CSQL, CSM load

    at.segmented_control(key="churn_dimension").set_value("industry").run()
    assert_clean(at)
    table = frame_with(at, t("col.churned_arr", language))
    with duckdb.connect(str(fixture_build), read_only=True) as connection:
        industries = connection.execute(
            "select count(*), count(distinct dimension_value) from main.mart_churn_analysis "
            "where dimension = 'industry' and (churned_logos > 0 or contracted_logos > 0) "
            f"and month between '{start}' and '{end}'"
        ).fetchone()
    assert len(table) == industries[0]
    assert table[t("col.dimension_value", language)].nunique() == industries[1]
