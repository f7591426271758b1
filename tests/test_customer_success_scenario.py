"""A hand-computed customer-success scenario: landing files -> ingestion -> dbt -> CS marts,
then later files land and every past month stays as it was.

tests/fixtures/cs_scenario/landing_part1 (as_of 2025-04-15, last complete month March 2025,
KRW reporting currency, Asia/Seoul days):

- H1 Healthy Co: 10 seats x 10,000 KRW a month from 2025-01; 8 users on 10 days a month
  using three core features; NPS 10 in March; invoices paid on time; a Zendesk org with no
  tickets. March: every component 100 (growth has no MRR 12 months ago) -> 100, green.
- R1 Risky Co: same plan. Active users 8, 8, then 4 in March: 4 <= 0.75 x (0 + 8 + 8) / 3
  -> usage_drop on 03-31 (utilisation 0.4 -> 50, one core feature -> 50, 4 days -> 50;
  trend 0.75 -> 50). Five tickets on Seoul days 03-04..03-07 and 2025-03-09 15:30 UTC
  (= 03-10 in Seoul) -> ticket_burst fires 03-10 (03-09 in UTC would be wrong); 5 tickets
  per 10 seats -> 0, urgent share 0/5 -> 100, bad ratings 2/3 -> 0: support 25. A high
  ticket created 2025-02-19 15:30 UTC (02-20 in Seoul) still open -> urgent_ticket_open on
  03-03 (created day + 11; 03-02 in UTC would be wrong). NPS 3 on 03-20 -> detractor,
  survey 0. The March invoice due 03-15 is open at the
  month end (16 days overdue -> billing 50) -> invoice_overdue on 04-15 (= as_of).
  Health = (25 x 50 + 15 x 50 + 20 x 25 + 15 x 0 + 15 x 50) / 90 = 36.11 -> red.
- I1 Idle Co: 5 seats; one event on 2025-01-10 -> inactive on 03-12 (open).
- C1 Contract Co: contract 2024-05-01..2025-04-30, 12,000,000 KRW, 20 seats, 15 users ->
  adoption and engagement 100, support / survey / billing / growth missing -> 100, green;
  renewal 2025-05-01: 16 days, window 30, ARR due 12,000,000, first renewal.
- U1 Yankee Inc: USD annual subscription, 5 seats x USD 120 a year, terms from 2023-06-01
  and 2024-06-01 -> renewal 2025-06-01 (47 days, window 60), ARR due USD 600 at the latest
  rate on or before as_of (1,400; 1,500 lands later) = 840,000; the June 2024 renewal was
  renewed in full (rate 1, a first renewal). No product events -> inactive on 2023-08-01.
- NPS March: one promoter, one detractor -> 0.

landing_part2 lands later (as_of 2025-05-15): April invoices, R1's March invoice paid on
04-20, the high ticket solved on 04-20, April events, an April NPS answer matched by email,
a later USD rate. Every month up to March must stay exactly as it was.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.dbt_runner import REPO, dbt_build, ingest_landing
from tests.dbt_runner import query as run_query

FIXTURE = REPO / "tests" / "fixtures" / "cs_scenario"
AS_OF = "2025-04-15"
LATER_AS_OF = "2025-05-15"

CS_SELECTION = (
    "+path:models/marts/customer_success path:models/intermediate/customer_success "
    "path:models/marts/customer_success path:seeds"
)


@dataclass(frozen=True)
class CsWarehouse:
    path: Path
    landing: Path
    workdir: Path


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> CsWarehouse:
    workdir = tmp_path_factory.mktemp("cs_scenario")
    landing = workdir / "landing"
    shutil.copytree(FIXTURE / "landing_part1", landing)
    warehouse = workdir / "warehouse.duckdb"
    ingest_landing(warehouse, landing, datetime(2025, 4, 15))
    result = dbt_build(warehouse, workdir, AS_OF, CS_SELECTION, indirect_selection="empty")
    assert result.returncode == 0, result.stdout[-6000:]
    return CsWarehouse(warehouse, landing, workdir)


def query(wh: CsWarehouse, sql: str) -> list[tuple]:
    return run_query(wh.path, sql)


def health(wh: CsWarehouse, account: str, month: str) -> dict:
    cols = (
        "health_score, health_color, adoption_score, engagement_score, support_score, "
        "survey_score, billing_score, growth_score, missing_components"
    )
    rows = query(
        wh,
        f"select {cols} from main.mart_account_health "
        f"where account_id = '{account}' and month = date '{month}'",
    )
    assert len(rows) == 1, rows
    return dict(zip([c.strip() for c in cols.split(",")], rows[0], strict=True))


def test_healthy_account_is_green_with_growth_missing(scenario: CsWarehouse) -> None:
    h = health(scenario, "H1", "2025-03-01")
    assert h["health_score"] == 100
    assert h["health_color"] == "green"
    assert h["growth_score"] is None
    assert h["missing_components"] == "growth"


def test_risky_account_components_by_hand(scenario: CsWarehouse) -> None:
    h = health(scenario, "R1", "2025-03-01")
    assert h["adoption_score"] == 50
    assert h["engagement_score"] == 50
    assert h["support_score"] == 25
    assert h["survey_score"] == 0
    assert h["billing_score"] == 50
    assert h["health_score"] == pytest.approx(36.111111, abs=1e-6)
    assert h["health_color"] == "red"
    assert h["missing_components"] == "growth"


def test_contract_account_renormalises_missing_sources(scenario: CsWarehouse) -> None:
    h = health(scenario, "C1", "2025-03-01")
    assert h["missing_components"] == "support, survey, billing, growth"
    assert h["health_score"] == 100
    assert h["health_color"] == "green"


def test_alerts_fire_on_seoul_days(scenario: CsWarehouse) -> None:
    rows = query(
        scenario,
        "select account_id, alert_type, fired_on, is_open from main.mart_account_alerts "
        "where account_id in ('R1', 'I1') order by account_id, fired_on, alert_type",
    )
    assert rows == [
        ("I1", "usage_drop", date(2025, 2, 28), False),
        ("I1", "inactive", date(2025, 3, 12), True),
        ("I1", "usage_drop", date(2025, 3, 31), True),
        ("R1", "urgent_ticket_open", date(2025, 3, 3), True),
        ("R1", "ticket_burst", date(2025, 3, 10), False),
        ("R1", "detractor", date(2025, 3, 20), True),
        ("R1", "usage_drop", date(2025, 3, 31), True),
        ("R1", "invoice_overdue", date(2025, 4, 15), True),
    ]
    assert query(
        scenario,
        "select fired_on, is_open from main.mart_account_alerts "
        "where account_id = 'U1' and alert_type = 'inactive'",
    ) == [(date(2023, 8, 1), True)]


def test_renewals_windows_and_fx(scenario: CsWarehouse) -> None:
    rows = query(
        scenario,
        'select account_id, source, renewal_date, days_to_renewal, "window", arr_due, '
        "health_color, is_first_renewal from main.mart_renewals order by renewal_date",
    )
    assert rows == [
        ("C1", "contract", date(2025, 5, 1), 16, 30, Decimal("12000000"), "green", True),
        ("U1", "subscription", date(2025, 6, 1), 47, 60, Decimal("840000"), "red", False),
    ]
    june = query(
        scenario,
        "select arr_due, arr_renewed, renewal_rate, first_renewal_rate "
        "from main.mart_renewal_rates where month = date '2024-06-01'",
    )
    assert june == [(Decimal("780000"), Decimal("780000"), Decimal("1"), Decimal("1"))]


def test_nps_month(scenario: CsWarehouse) -> None:
    assert query(
        scenario,
        "select responses, promoters, passives, detractors, nps from main.mart_nps "
        "where month = date '2025-03-01'",
    ) == [(2, 1, 0, 1, Decimal("0"))]


def test_later_files_never_change_a_past_month(scenario: CsWarehouse) -> None:
    """Build, add the later files, rebuild: every month up to March is identical."""
    health_sql = (
        "select * from main.mart_account_health where month <= date '2025-03-01' "
        "order by account_id, month"
    )
    alerts_sql = (
        "select account_id, alert_type, fired_on, source_id from main.mart_account_alerts "
        f"where fired_on <= date '{AS_OF}' order by all"
    )
    before_health = query(scenario, health_sql)
    before_alerts = query(scenario, alerts_sql)
    assert len(before_health) > 20

    later = scenario.workdir / "later"
    later.mkdir()
    shutil.copytree(scenario.path.parent / "landing", later / "landing")
    shutil.copytree(FIXTURE / "landing_part2", later / "landing", dirs_exist_ok=True)
    # A late March event of a new user: March is rolled up again, whole (not just the event).
    (later / "landing" / "usage" / "segment" / "2025-04-30-late.jsonl").write_text(
        json.dumps(LATE_MARCH_EVENT) + "\n"
    )
    shutil.copy(scenario.path, later / "warehouse.duckdb")
    warehouse = later / "warehouse.duckdb"
    ingest_landing(warehouse, later / "landing", datetime(2025, 5, 15))
    result = dbt_build(warehouse, later, LATER_AS_OF, CS_SELECTION, indirect_selection="empty")
    assert result.returncode == 0, result.stdout[-6000:]

    assert run_query(warehouse, health_sql) == before_health
    assert run_query(warehouse, alerts_sql) == before_alerts
    # The later files did change the present: April is scored, the ticket and the invoice
    # are no longer open, the email-matched answer counts for H1.
    april = run_query(
        warehouse,
        "select count(*) from main.mart_account_health where month = date '2025-04-01'",
    )
    assert april[0][0] >= 3
    open_now = run_query(
        warehouse,
        "select alert_type, is_open from main.mart_account_alerts where account_id = 'R1' "
        "and alert_type in ('urgent_ticket_open', 'invoice_overdue') order by alert_type",
    )
    assert open_now == [("invoice_overdue", False), ("urgent_ticket_open", False)]
    assert run_query(
        warehouse,
        "select survey_score from main.mart_account_health "
        "where account_id = 'H1' and month = date '2025-04-01'",
    ) == [(Decimal("50"),)]


LATE_MARCH_EVENT = {
    "type": "track",
    "messageId": "m-late-march",
    "timestamp": "2025-03-05T02:00:00Z",
    "userId": "H1-late",
    "event": "Report Created",
    "context": {"groupId": "H1"},
}

# Kept incrementally, and what the models read from them: a nightly must end where a
# --full-refresh of the same landing ends.
INCREMENTAL_USAGE = (
    "int_cs_usage_account_days",
    "int_cs_usage_user_months",
    "int_cs_usage_event_months",
    "int_cs_account_usage_months",
    "int_account_onboarding_milestones",
    "int_cs_alerts_inactive",
)


def test_incremental_product_events_equal_a_full_refresh(scenario: CsWarehouse) -> None:
    """int_cs_product_event_days and the usage rollups over it are kept incrementally (only
    the new loads are converted, only the account-months they touch are rolled up again):
    after the later files, what they hold, the product events view and the usage, onboarding
    and inactive-alert models equal a --full-refresh build of the same landing."""
    events_sql = "select * from intermediate.int_cs_product_events order by all"
    days_sql = (
        "select message_id, account_id, event_date, event_month "
        "from intermediate.int_cs_product_event_days order by all"
    )
    usage_sqls = [f"select * from intermediate.{model} order by all" for model in INCREMENTAL_USAGE]
    later = scenario.workdir / "incremental_events"
    later.mkdir()
    shutil.copytree(scenario.path.parent / "landing", later / "landing")
    shutil.copytree(FIXTURE / "landing_part2", later / "landing", dirs_exist_ok=True)
    # A late March event of a new user: March is rolled up again, whole (not just the event).
    (later / "landing" / "usage" / "segment" / "2025-04-30-late.jsonl").write_text(
        json.dumps(LATE_MARCH_EVENT) + "\n"
    )
    shutil.copy(scenario.path, later / "warehouse.duckdb")
    warehouse = later / "warehouse.duckdb"
    before = run_query(warehouse, days_sql)
    march_users_sql = (
        "select active_users from intermediate.int_cs_account_usage_months "
        "where account_id = 'H1' and month = date '2025-03-01'"
    )
    [(march_users,)] = run_query(warehouse, march_users_sql)
    ingest_landing(warehouse, later / "landing", datetime(2025, 5, 15))
    result = dbt_build(warehouse, later, LATER_AS_OF, CS_SELECTION, indirect_selection="empty")
    assert result.returncode == 0, result.stdout[-6000:]
    incremental = run_query(warehouse, events_sql), run_query(warehouse, days_sql)
    assert len(incremental[1]) > len(before) > 0  # April's events arrived
    assert set(before) <= set(incremental[1])
    usage = [run_query(warehouse, sql) for sql in usage_sqls]
    assert all(usage[:3]), "the rollups hold rows"
    assert run_query(warehouse, march_users_sql) == [(march_users + 1,)]

    result = dbt_build(
        warehouse, later, LATER_AS_OF, CS_SELECTION, indirect_selection="empty",
        extra=("--full-refresh",),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:]
    assert (run_query(warehouse, events_sql), run_query(warehouse, days_sql)) == incremental
    for model, sql, rows in zip(INCREMENTAL_USAGE, usage_sqls, usage, strict=True):
        assert run_query(warehouse, sql) == rows, model
