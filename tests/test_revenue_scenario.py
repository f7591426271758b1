"""A hand-computed revenue scenario, end to end: landing files -> ingestion -> dbt -> marts.

The landing files in tests/fixtures/revenue_scenario/landing tell this story (KRW is the
reporting currency, months are Asia/Seoul months, as_of_date 2025-03-15 so the last complete
month is 2025-02):

- A  001A  KRW monthly 100,000; upgraded to 150,000 from 2024-10 (a proration line and a
           one-off item are billed but never count; a void May invoice of 999,999 never
           counts; Sep 2024 extracted first open then paid; Feb 2025 still open: counts).
- B  001B  USD, legacy line shape, periods at UTC midnight: $100 to 2024-09, then $70 with a
           $10 discount ($60) from 2024-10. USD rate 1300, 1350 from 2024-03-29 (restated in a
           later file from 1340), 1450 from 2025-01-31, 1460 from 2025-02-28.
- C  001C  KRW annual 1,200,000 from 2024-02 (100,000 a month); subscription ended
           2024-11-10 (mid-period) -> churn in 2024-11; win-back monthly 80,000 from 2025-01.
- D  001D  contract KRW 2,400,000 for 2024 (200,000 a month), terminated 2024-10-15 -> the
           October month end is not before the termination: churn in 2024-10.
- E  stripe:cus_E  unmapped customer, trial in 2024-02 billed 0, then 50,000 from 2024-03.
- F  001F  KRW 30,000 from 2024-04; deleted in the CRM later (still counts, flagged).
- G  001G  JPY (zero-decimal) 10,000 from 2024-07 at 9.0 = 90,000; child of 001A; its
           Stripe customer was deleted later (revenue stays).
- H  001H  EUR 50 from 2024-04, but no EUR rate before 2024-05-31 (1500): April is left out
           and listed; cancelled 2025-02-10 mid-period -> churn in 2025-02.

October 2024 is the glossary's NRR example (reference/001, line 336): existing revenue
780,000, upsell 50,000 (A), downsell 54,000 (B: 135,000 -> 81,000 at an unchanged rate),
churn 200,000 (D): NRR = (780,000 + 50,000 - 54,000 - 200,000) / 780,000 = 576/780.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.dbt_runner import REPO, dbt_build, ingest_landing, query

LANDING = REPO / "tests" / "fixtures" / "revenue_scenario" / "landing"
AS_OF = "2025-03-15"

# Everything the revenue models need and their tests; other areas are not built here so the
# revenue tests do not depend on models being written beside them.
REVENUE_SELECTION = (
    "currencies path:models/staging/stripe path:models/staging/contracts "
    "stg_finance__fx_rates path:models/intermediate/finance stg_salesforce__accounts icp_rules "
    "int_account_icp_segments "
    "path:models/intermediate/revenue "
    "path:models/marts/revenue path:models/marts/retention path:tests/dbt/revenue"
)


@dataclass(frozen=True)
class RevenueWarehouse:
    path: Path
    workdir: Path
    build_output: str


def build_revenue_warehouse(landing: Path, workdir: Path, as_of: str) -> RevenueWarehouse:
    warehouse = workdir / "warehouse.duckdb"
    ingest_landing(warehouse, landing, datetime(2025, 3, 2))
    result = dbt_build(warehouse, workdir, as_of, REVENUE_SELECTION)
    assert result.returncode == 0, result.stdout[-6000:]
    return RevenueWarehouse(warehouse, workdir, result.stdout)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> RevenueWarehouse:
    return build_revenue_warehouse(LANDING, tmp_path_factory.mktemp("revenue_scenario"), AS_OF)


def m(text: str) -> date:
    return date.fromisoformat(text + "-01")


# month: beginning, new, expansion, reactivation, contraction, churned, fx, ending,
#        beginning customers, new, churned, reactivated, ending customers
EXPECTED_BRIDGE = {
    "2024-01": (0, 430_000, 0, 0, 0, 0, 0, 430_000, 0, 3, 0, 0, 3),
    "2024-02": (430_000, 100_000, 0, 0, 0, 0, 0, 530_000, 3, 1, 0, 0, 4),
    "2024-03": (530_000, 50_000, 0, 0, 0, 0, 5_000, 585_000, 4, 1, 0, 0, 5),
    "2024-04": (585_000, 30_000, 0, 0, 0, 0, 0, 615_000, 5, 1, 0, 0, 6),
    "2024-05": (615_000, 75_000, 0, 0, 0, 0, 0, 690_000, 6, 1, 0, 0, 7),
    "2024-06": (690_000, 0, 0, 0, 0, 0, 0, 690_000, 7, 0, 0, 0, 7),
    "2024-07": (690_000, 90_000, 0, 0, 0, 0, 0, 780_000, 7, 1, 0, 0, 8),
    "2024-08": (780_000, 0, 0, 0, 0, 0, 0, 780_000, 8, 0, 0, 0, 8),
    "2024-09": (780_000, 0, 0, 0, 0, 0, 0, 780_000, 8, 0, 0, 0, 8),
    "2024-10": (780_000, 0, 50_000, 0, 54_000, 200_000, 0, 576_000, 8, 0, 1, 0, 7),
    "2024-11": (576_000, 0, 0, 0, 0, 100_000, 0, 476_000, 7, 0, 1, 0, 6),
    "2024-12": (476_000, 0, 0, 0, 0, 0, 0, 476_000, 6, 0, 0, 0, 6),
    "2025-01": (476_000, 0, 0, 80_000, 0, 0, 6_000, 562_000, 6, 0, 0, 1, 7),
    "2025-02": (562_000, 0, 0, 0, 0, 75_000, 600, 487_600, 7, 0, 1, 0, 6),
}


def test_mrr_bridge_matches_hand_computation(scenario: RevenueWarehouse) -> None:
    rows = query(
        scenario.path,
        """
        select month, beginning_mrr, new_mrr, expansion_mrr, reactivation_mrr, contraction_mrr,
               churned_mrr, fx_adjustment_mrr, ending_mrr, beginning_customers, new_customers,
               churned_customers, reactivated_customers, ending_customers
        from mart_mrr_bridge order by month""",
    )
    assert [r[0] for r in rows] == [m(k) for k in EXPECTED_BRIDGE]
    for row, (month, expected) in zip(rows, EXPECTED_BRIDGE.items(), strict=True):
        assert row[1:9] == pytest.approx(expected[:8], abs=0.005), month
        assert row[9:] == expected[8:], month


# month: base (beginning + fx), grr, nrr, logo churn rate, revenue churn rate
EXPECTED_RETENTION = {
    "2024-02": (430_000, 1.0, 1.0, 0.0, 0.0),
    "2024-03": (535_000, 1.0, 1.0, 0.0, 0.0),
    # the glossary example: (780,000 + 50,000 - 54,000 - 200,000) / 780,000
    "2024-10": (780_000, 526 / 780, 576 / 780, 1 / 8, 254 / 780),
    "2024-11": (576_000, 476 / 576, 476 / 576, 1 / 7, 100 / 576),
    # base = 476,000 + 6,000 fx: FX moves neither ratio, the reactivation is not in NRR
    "2025-01": (482_000, 1.0, 1.0, 0.0, 0.0),
    "2025-02": (562_600, 487_600 / 562_600, 487_600 / 562_600, 1 / 7, 75_000 / 562_600),
}


def test_monthly_retention_matches_hand_computation(scenario: RevenueWarehouse) -> None:
    rows = {
        r[0]: r[1:]
        for r in query(
            scenario.path,
            """
        select month, base_mrr, grr, nrr, logo_churn_rate, revenue_churn_rate
        from mart_retention_monthly""",
        )
    }
    for month, expected in EXPECTED_RETENTION.items():
        assert rows[m(month)] == pytest.approx(expected, abs=1e-9), month
    assert rows[m("2024-01")][1:] == (None, None, None, None)  # nothing at the beginning


def test_glossary_nrr_example(scenario: RevenueWarehouse) -> None:
    existing, upsell, downsell, churn = query(
        scenario.path,
        """
        select beginning_mrr + fx_adjustment_mrr, expansion_mrr, contraction_mrr, churned_mrr
        from mart_mrr_bridge where month = date '2024-10-01'""",
    )[0]
    assert (existing, upsell, downsell, churn) == pytest.approx((780_000, 50_000, 54_000, 200_000))
    nrr = query(
        scenario.path, "select nrr from mart_retention_monthly where month = date '2024-10-01'"
    )[0][0]
    assert nrr == pytest.approx((existing + upsell - downsell - churn) / existing)
    assert nrr == pytest.approx(0.7384615384615385)


def test_trailing_12m_matches_hand_computation(scenario: RevenueWarehouse) -> None:
    rows = query(
        scenario.path,
        """
        select month, base_accounts, base_mrr, current_mrr, nrr_12m, grr_12m
        from mart_retention_trailing_12m order by month""",
    )
    # 2025-01: base = A, B, D of 2024-01 at 2025-01 rates: 100,000 + $100 x 1450 + 200,000.
    #   now A 150,000, B $60 x 1450 = 87,000, D 0. GRR: 100,000 + 87,000 + 0.
    # 2025-02: base = A, B, C, D of 2024-02 (E was in trial: 0) at 2025-02 rates.
    assert rows == [
        (
            m("2025-01"),
            3,
            pytest.approx(445_000),
            pytest.approx(237_000),
            pytest.approx(237 / 445),
            pytest.approx(187 / 445),
        ),
        (
            m("2025-02"),
            4,
            pytest.approx(546_000),
            pytest.approx(317_600),
            pytest.approx(317_600 / 546_000),
            pytest.approx(267_600 / 546_000),
        ),
    ]


def test_cohort_table_matches_hand_computation(scenario: RevenueWarehouse) -> None:
    rows = query(
        scenario.path,
        """
        select cohort_month, months_since_start, cohort_size, cohort_starting_mrr,
               active_accounts, mrr, logo_retention, revenue_retention
        from mart_cohort_retention order by cohort_month, months_since_start""",
    )
    table = {(r[0], r[1]): r[2:] for r in rows}
    jan = m("2024-01")  # A, B, D: 430,000 to start; B's rate moves in March; D churns in Oct
    for k, (active, mrr) in enumerate(
        [(3, 430_000), (3, 430_000)]
        + [(3, 435_000)] * 7
        + [(2, 231_000)] * 3
        + [(2, 237_000), (2, 237_600)]
    ):
        assert table[(jan, k)] == pytest.approx(
            (3, 430_000, active, mrr, active / 3, mrr / 430_000)
        ), k
    feb = m("2024-02")  # C: churned in Nov (k=9), won back at 80,000 in Jan 2025 (k=11)
    for k, (active, mrr) in enumerate([(1, 100_000)] * 9 + [(0, 0)] * 2 + [(1, 80_000)] * 2):
        assert table[(feb, k)] == pytest.approx((1, 100_000, active, mrr, active, mrr / 100_000)), k
    starts = {c: v[1] for (c, k), v in table.items() if k == 0}
    assert starts == pytest.approx(
        {
            jan: 430_000,
            feb: 100_000,
            m("2024-03"): 50_000,
            m("2024-04"): 30_000,
            m("2024-05"): 75_000,
            m("2024-07"): 90_000,
        }
    )
    assert all(v[4] == 1 and v[5] == 1 for (c, k), v in table.items() if k == 0)


def test_movements_tell_each_accounts_story(scenario: RevenueWarehouse) -> None:
    rows = query(
        scenario.path,
        """
        select account_id, strftime(month, '%Y-%m'), movement_type, round(mrr_change, 2)
        from fct_mrr_movements order by account_id, month, movement_type""",
    )
    by_account: dict[str, list[tuple[str, str, float]]] = {}
    for account, month, kind, change in rows:
        by_account.setdefault(account, []).append((month, kind, change))
    assert by_account["001A"] == [("2024-01", "new", 100_000), ("2024-10", "expansion", 50_000)]
    assert by_account["001B"] == [
        ("2024-01", "new", 130_000),
        ("2024-03", "fx_adjustment", 5_000),
        ("2024-10", "contraction", -54_000),
        ("2025-01", "fx_adjustment", 6_000),
        ("2025-02", "fx_adjustment", 600),
    ]
    assert by_account["001C"] == [
        ("2024-02", "new", 100_000),
        ("2024-11", "churn", -100_000),
        ("2025-01", "reactivation", 80_000),
    ]
    assert by_account["001D"] == [("2024-01", "new", 200_000), ("2024-10", "churn", -200_000)]
    assert by_account["stripe:cus_E"] == [("2024-03", "new", 50_000)]
    assert by_account["001H"] == [("2024-05", "new", 75_000), ("2025-02", "churn", -75_000)]


def test_accounts_flags_and_hierarchy(scenario: RevenueWarehouse) -> None:
    rows = {
        r[0]: r[1:]
        for r in query(
            scenario.path,
            """
        select account_id, account_name, ultimate_parent_account_id, is_unmapped,
               is_deleted_in_crm, first_paid_month
        from dim_accounts""",
        )
    }
    assert rows["stripe:cus_E"] == ("Epsilon (no CRM)", "stripe:cus_E", True, False, m("2024-03"))
    assert rows["001F"] == ("Foxtrot Ltd", "001F", False, True, m("2024-04"))
    assert rows["001G"] == ("Golf KK", "001A", False, False, m("2024-07"))
    assert rows["001Z"][4] is None  # a CRM account never billed is still an account
    assert "001E" not in rows


def test_missing_fx_rate_is_listed_not_guessed(scenario: RevenueWarehouse) -> None:
    assert query(
        scenario.path,
        "select account_id, month, currency, mrr_local "
        "from intermediate.int_revenue_missing_fx_rates",
    ) == [("001H", m("2024-04"), "EUR", 50.0)]
    assert "WARN 1 assert_no_revenue_without_fx_rate" in scenario.build_output


def test_account_months_run_to_last_complete_month(scenario: RevenueWarehouse) -> None:
    rows = query(
        scenario.path,
        """
        select account_id, min(month), max(month), count(*),
               max(case when month = date '2025-02-01' then mrr end),
               max(case when month = date '2025-02-01' then currency end)
        from fct_account_months group by account_id order by account_id""",
    )
    assert {r[0]: r[1:] for r in rows}["001D"] == (m("2024-01"), m("2025-02"), 14, 0.0, "KRW")
    assert all(r[2] == m("2025-02") for r in rows)


def test_incremental_run_is_idempotent_and_takes_new_versions(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(LANDING, landing)
    built = build_revenue_warehouse(landing, tmp_path, AS_OF)
    bridge = "select * from mart_mrr_bridge order by month"
    before = query(built.path, bridge)
    lines = "select count(*), sum(net_amount) from staging.stg_stripe__invoice_lines"
    lines_before = query(built.path, lines)

    again = dbt_build(built.path, tmp_path, AS_OF, REVENUE_SELECTION)
    assert again.returncode == 0, again.stdout[-4000:]
    assert query(built.path, bridge) == before
    assert query(built.path, lines) == lines_before

    # A new extract voids A's open February invoice: after an incremental run February
    # loses A's 150,000 (a churn), and nothing else moves.
    source = landing / "billing/stripe/invoices/2025-03-01.jsonl"
    a_feb = next(line for line in source.read_text().splitlines() if '"in_A_202502"' in line)
    (landing / "billing/stripe/invoices/2025-03-03.jsonl").write_text(
        a_feb.replace('"status": "open"', '"status": "void"') + "\n"
    )
    ingest_landing(built.path, landing, datetime(2025, 3, 3))
    third = dbt_build(built.path, tmp_path, AS_OF, REVENUE_SELECTION)
    assert third.returncode == 0, third.stdout[-4000:]
    after = query(
        built.path,
        "select month, ending_mrr, churned_mrr from mart_mrr_bridge "
        "where month >= date '2025-01-01' order by month",
    )
    assert after == [(m("2025-01"), 562_000, 0), (m("2025-02"), 337_600, 225_000)]
    assert query(built.path, lines) == lines_before
    status = query(
        built.path,
        "select status from staging.stg_stripe__invoices where invoice_id = 'in_A_202502'",
    )
    assert status == [("void",)]
