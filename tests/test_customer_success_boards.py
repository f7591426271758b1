"""AppTests of the customer-success boards (Customer health, Renewals, Account 360's
customer-success section) in both languages, KPI values against the marts, CSV downloads,
and the message on a warehouse built before the customer-success marts existed.

The fixture is the boards' tiny revenue warehouse (tests/dashboard_fixture.py) plus
customer-success marts written here with the columns of metrics.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboards.formatting import format_count, format_money
from dashboards.i18n import t
from tests.dashboard_fixture import build_fixture

APP = Path(__file__).resolve().parents[1] / "dashboards" / "app.py"
PAGES = {
    "customer_health": ("views/customer_health.py", "health.title"),
    "renewals": ("views/renewals.py", "renewals.title"),
}

CS_TABLES = """
create table main.mart_account_health as
select * from (values
    ('ACC-001', date '2025-01-01', 92.0, 'green', 100.0, 100.0, 80.0, 100.0, 100.0, null, 'growth'),
    ('ACC-001', date '2025-02-01', 78.0, 'yellow', 60.0, 50.0, 80.0, 100.0, 100.0, null, 'growth'),
    ('ACC-002', date '2025-02-01', 40.0, 'red', 20.0, 0.0, 25.0, 0.0, 50.0, 100.0, ''),
    ('ACC-003', date '2025-02-01', 96.0, 'green', 100.0, 100.0, 90.0, 100.0, 100.0, 100.0, '')
) as t(account_id, month, health_score, health_color, adoption_score, engagement_score,
       support_score, survey_score, billing_score, growth_score, missing_components);

create table main.mart_account_health_current as
select * from (values
    ('ACC-001', '한빛물류', date '2025-02-01', 78.0, 'yellow', 'engagement', 50.0, 'growth',
     960000000.0, 1, 12, date '2025-04-01', 960000000.0),
    ('ACC-002', '서울핀테크', date '2025-02-01', 40.0, 'red', 'engagement', 0.0, '',
     336000000.0, 3, 40, null, null),
    ('ACC-003', 'Acme Corp', date '2025-02-01', 96.0, 'green', 'support', 90.0, '',
     400000000.0, 0, null, null, null)
) as t(account_id, account_name, month, health_score, health_color, weakest_component,
       weakest_component_score, missing_components, arr, open_alerts, oldest_open_alert_days,
       next_renewal_date, arr_due_120d);

create table main.mart_account_alerts as
select * from (values
    ('a1', 'ACC-001', 'usage_drop', date '2025-02-28', true, 12),
    ('a2', 'ACC-002', 'invoice_overdue', date '2025-02-01', true, 40),
    ('a3', 'ACC-002', 'detractor', date '2025-02-20', true, 21),
    ('a4', 'ACC-002', 'ticket_burst', date '2025-01-10', false, 62)
) as t(alert_id, account_id, alert_type, fired_on, is_open, age_days);

create table main.mart_renewals as
select * from (values
    ('ACC-001', 'contract', 'CT-1', date '2025-04-01', 20, 30, 960000000.0, 'yellow', true),
    ('ACC-003', 'subscription', 'sub_3', date '2025-05-20', 69, 90, 400000000.0, 'green', false)
) as t(account_id, source, source_id, renewal_date, days_to_renewal, "window", arr_due,
       health_color, is_first_renewal);

create table main.mart_renewal_rates as
select * from (values
    (date '2024-12-01', 500000000.0, 450000000.0, 0.9, 200000000.0, 0.75),
    (date '2025-01-01', 0.0, 0.0, null, 0.0, null),
    (date '2025-02-01', 300000000.0, 300000000.0, 1.0, 0.0, null)
) as t(month, arr_due, arr_renewed, renewal_rate, first_renewal_arr_due, first_renewal_rate);

create table main.mart_nps as
select * from (values
    (date '2024-12-01', 10, 5, 3, 2, 30.0),
    (date '2025-01-01', 0, 0, 0, 0, null),
    (date '2025-02-01', 4, 1, 1, 2, -25.0)
) as t(month, responses, promoters, passives, detractors, nps);

create table main.mart_health_validation_summary as
select * from (values ('green', 120, 2, 0.016667), ('red', 30, 9, 0.3))
    as t(health_color, account_months, churned_accounts, churn_rate);

create table main.fct_nps_responses as
select * from (values ('N1', 'ACC-002', date '2025-02-20', 3, 'detractor'))
    as t(response_id, account_id, submitted_date, score, nps_class);

create table main.fct_support_tickets as
select * from (values (101, 'ACC-002', date '2025-01-08', 'high', 'open', 'bad', null))
    as t(ticket_id, account_id, created_date, priority, ticket_status, satisfaction_score,
         solved_date);

create table main.fct_account_usage_months as
select * from (values
    ('ACC-002', date '2025-01-01', 8, 10, 0.8), ('ACC-002', date '2025-02-01', 3, 10, 0.3)
) as t(account_id, month, active_users, seats, seat_utilisation);
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_fixture(tmp_path_factory.mktemp("cs_boards") / "warehouse.duckdb")
    con = duckdb.connect(str(path))
    try:
        con.execute(CS_TABLES)
    finally:
        con.close()
    return path


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
    assert metric(at, t("health.red", "en")) == format_count(1)
    assert metric(at, t("health.yellow", "en")) == format_count(1)
    assert metric(at, t("health.arr_at_risk", "en")) == format_money(1296000000, "en", "KRW")
    assert metric(at, t("health.open_alerts", "en")) == format_count(3)
    at_risk = at.dataframe[0].value
    assert list(at_risk[t("col.account_name", "en")]) == ["서울핀테크", "한빛물류"]
    assert set(at_risk[t("col.action", "en")]) == {t("action.engagement", "en")}
    alerts = at.dataframe[1].value
    assert set(alerts[t("col.alert_type", "en")]) == {
        t("alert.usage_drop", "en"),
        t("alert.invoice_overdue", "en"),
        t("alert.detractor", "en"),
    }
    assert len(at.get("download_button")) >= 3


def test_renewals_kpis(use_warehouse: Path) -> None:
    at = open_page(PAGES["renewals"][0], "ko")
    assert_clean(at)
    assert metric(at, t("renewals.due_in", "ko", n=30)) == format_money(960000000, "ko", "KRW")
    assert metric(at, t("renewals.due_in", "ko", n=120)) == format_money(1360000000, "ko", "KRW")
    assert metric(at, t("renewals.at_risk_90", "ko")) == format_money(960000000, "ko", "KRW")
    assert len(at.get("plotly_chart")) == 3


def test_account_360_shows_customer_success(use_warehouse: Path) -> None:
    at = open_page("views/account_360.py", "en")
    at.text_input(key="account_search").set_value("서울핀테크").run()
    assert_clean(at)
    assert t("account.cs", "en") in [h.value for h in at.header]
    subheaders = [s.value for s in at.subheader]
    for key in ("account.health_history", "account.alerts", "account.tickets", "account.nps"):
        assert t(key, "en") in subheaders
    assert metric(at, t("col.health_color", "en")) == t("color.red", "en")


def test_pages_without_customer_success_marts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(build_fixture(tmp_path / "old.duckdb")))
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
    assert t("deck.cs_title", "en") in texts
    assert format_money(960000000, "en", "KRW") in texts  # renewing in 90 days = at risk
    assert "1 / 1 / 1" in texts  # green / yellow / red in the health month
    assert "-25" in texts  # NPS of February
    assert t("alert.invoice_overdue", "en") in cells
    assert pdf_path.stat().st_size > 0
