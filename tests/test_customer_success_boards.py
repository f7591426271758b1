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
    assert len(at.get("plotly_chart")) == 3


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
