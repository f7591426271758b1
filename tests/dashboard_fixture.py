"""Hand-written marts for the customer-success and restatement board tests (which add their
own marts on top); the main page tests read the real pipeline's warehouse (board_warehouses).

A tiny warehouse with the public revenue marts, for the board and deck tests.

Ten hand-picked accounts over 26 months (2023-01 .. 2025-02) in KRW, USD, JPY and EUR,
with new business, expansion, contraction, churn, reactivation and FX moves. The account
MRR paths below are the only inputs; every mart is derived from them here with the
definitions of /work/shared/metrics.md (in Decimal, rounded to the unit of 0.01), so the
marts agree with each other: bridge identity, ending(M) = beginning(M+1), retention from
the bridge, cohorts from the account months. Test code may compute; the boards may not.

    python tests/dashboard_fixture.py /tmp/fixture.duckdb
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb

FIRST_MONTH = date(2023, 1, 1)
MONTH_COUNT = 26
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Account:
    account_id: str
    account_name: str
    country: str | None
    industry: str | None
    currency: str
    icp_segment: str
    # first month of each price level, local currency per month; 0 = churned
    schedule: dict[date, int]
    parent_account_id: str | None = None
    is_unmapped: bool = False
    is_deleted_in_crm: bool = False


# fmt: off
ACCOUNTS: tuple[Account, ...] = (
    Account("ACC-001", "한빛물류", "KR", "Logistics", "KRW", "Enterprise",
            {date(2023, 1, 1): 50_000_000, date(2024, 3, 1): 80_000_000}),
    Account("ACC-002", "서울핀테크", "KR", "Financial Services", "KRW", "Mid-market",
            {date(2023, 2, 1): 30_000_000, date(2024, 6, 1): 25_000_000,
             date(2025, 2, 1): 28_000_000}),
    Account("ACC-003", "Acme Corp", "US", "Software", "USD", "Enterprise",
            {date(2023, 3, 1): 20_000, date(2024, 9, 1): 25_000}),
    Account("ACC-004", "부산리테일", "KR", "Retail", "KRW", "SMB",
            {date(2023, 4, 1): 12_000_000, date(2024, 2, 1): 0, date(2024, 8, 1): 10_000_000}),
    Account("ACC-005", "Tokyo Games", "JP", "Media", "JPY", "Mid-market",
            {date(2023, 6, 1): 2_000_000, date(2025, 1, 1): 0}),
    Account("ACC-006", "Nordic Health GmbH", "DE", "Healthcare", "EUR", "Mid-market",
            {date(2024, 5, 1): 15_000, date(2025, 2, 1): 18_000}),
    Account("ACC-007", "대전바이오", "KR", "Healthcare", "KRW", "SMB",
            {date(2024, 11, 1): 8_000_000}),
    Account("ACC-008", "cus_Q9XU2 (Stripe)", None, None, "KRW", "Unknown",
            {date(2023, 7, 1): 3_000_000, date(2023, 12, 1): 0}, is_unmapped=True),
    Account("ACC-009", "Globex Korea", "KR", "Software", "KRW", "Mid-market",
            {date(2023, 9, 1): 15_000_000, date(2024, 12, 1): 11_000_000},
            parent_account_id="ACC-003", is_deleted_in_crm=True),
    Account("ACC-010", "Initech", "US", "Software", "USD", "SMB",
            {date(2025, 2, 1): 10_000}),
)
# fmt: on


def month_at(index: int) -> date:
    total = FIRST_MONTH.year * 12 + FIRST_MONTH.month - 1 + index
    return date(total // 12, total % 12 + 1, 1)


MONTHS: tuple[date, ...] = tuple(month_at(i) for i in range(MONTH_COUNT))


def fx_rate(currency: str, index: int) -> Decimal:
    """KRW per unit at month end: hand-made wiggles so FX adjustments are never all zero."""
    if currency == "KRW":
        return Decimal(1)
    if currency == "USD":
        return Decimal(1300 + 10 * ((index * 3) % 8))
    if currency == "EUR":
        return Decimal(1400 + 10 * ((index * 5) % 6))
    if currency == "JPY":
        return Decimal("9.0") + Decimal("0.1") * ((index * 2) % 5)
    raise ValueError(currency)


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def local_mrr(account: Account, index: int) -> Decimal:
    if index < 0:
        return Decimal(0)
    month = MONTHS[index]
    amount = 0
    for start, level in sorted(account.schedule.items()):
        if start <= month:
            amount = level
    return Decimal(amount)


def first_paid_index(account: Account) -> int:
    return MONTHS.index(min(account.schedule))


def _derive() -> dict[str, list[tuple]]:
    account_months: list[tuple] = []
    movements: list[tuple] = []
    bridge: list[tuple] = []
    retention: list[tuple] = []
    trailing: list[tuple] = []
    mrr: dict[tuple[str, int], Decimal] = {}
    for account in ACCOUNTS:
        for index in range(first_paid_index(account), MONTH_COUNT):
            rate = fx_rate(account.currency, index)
            value = money(local_mrr(account, index) * rate)
            mrr[(account.account_id, index)] = value
            account_months.append(
                (
                    account.account_id,
                    MONTHS[index],
                    float(value),
                    float(local_mrr(account, index)),
                    account.currency,
                    value > 0,
                    float(rate),
                )
            )

    previous_ending = Decimal(0)
    for index, month in enumerate(MONTHS):
        sums = dict.fromkeys(
            ("new", "expansion", "reactivation", "contraction", "churn", "fx_adjustment"),
            Decimal(0),
        )
        counts = {"beginning": 0, "new": 0, "churn": 0, "reactivation": 0, "ending": 0}
        for account in ACCOUNTS:
            prior_local = local_mrr(account, index - 1)
            current = mrr.get((account.account_id, index), Decimal(0))
            prior_now = money(prior_local * fx_rate(account.currency, index))
            prior_then = mrr.get((account.account_id, index - 1), Decimal(0))
            counts["beginning"] += prior_local > 0
            counts["ending"] += current > 0
            changes: list[tuple[str, Decimal]] = []
            if prior_local > 0 and prior_now != prior_then:
                changes.append(("fx_adjustment", prior_now - prior_then))
            paid_before = any(
                mrr.get((account.account_id, i), Decimal(0)) > 0 for i in range(index)
            )
            if prior_now == 0 and current > 0:
                kind = "reactivation" if paid_before else "new"
                changes.append((kind, current))
                counts[kind] += 1
            elif prior_now > 0 and current == 0:
                changes.append(("churn", -prior_now))
                counts["churn"] += 1
            elif prior_now > 0 and current != prior_now:
                changes.append(
                    ("expansion" if current > prior_now else "contraction", current - prior_now)
                )
            for kind, change in changes:
                sums[kind] += change
                movements.append((account.account_id, month, kind, float(change)))
        beginning = previous_ending
        ending = sum((mrr.get((a.account_id, index), Decimal(0)) for a in ACCOUNTS), Decimal(0))
        contraction, churn = -sums["contraction"], -sums["churn"]
        assert (
            beginning
            + sums["new"]
            + sums["expansion"]
            + sums["reactivation"]
            - contraction
            - churn
            + sums["fx_adjustment"]
            == ending
        ), month
        bridge.append(
            (
                month,
                beginning,
                sums["new"],
                sums["expansion"],
                sums["reactivation"],
                contraction,
                churn,
                sums["fx_adjustment"],
                ending,
                counts["beginning"],
                counts["new"],
                counts["churn"],
                counts["reactivation"],
                counts["ending"],
            )
        )
        base = beginning + sums["fx_adjustment"]
        if base > 0:
            retention.append(
                (
                    month,
                    beginning,
                    float((base - contraction - churn) / base),
                    float((base + sums["expansion"] - contraction - churn) / base),
                    counts["churn"] / counts["beginning"],
                    float((churn + contraction) / base),
                )
            )
        else:
            retention.append((month, beginning, None, None, None, None))
        previous_ending = ending

        if index >= 12:
            base_accounts = [a for a in ACCOUNTS if local_mrr(a, index - 12) > 0]
            rate_now = {a.account_id: fx_rate(a.currency, index) for a in base_accounts}
            base_values = {
                a.account_id: money(local_mrr(a, index - 12) * rate_now[a.account_id])
                for a in base_accounts
            }
            base_mrr = sum(base_values.values(), Decimal(0))
            current_mrr = sum(
                (mrr.get((a.account_id, index), Decimal(0)) for a in base_accounts), Decimal(0)
            )
            kept = sum(
                (
                    min(mrr.get((a.account_id, index), Decimal(0)), base_values[a.account_id])
                    for a in base_accounts
                ),
                Decimal(0),
            )
            trailing.append(
                (
                    month,
                    len(base_accounts),
                    base_mrr,
                    current_mrr,
                    float(current_mrr / base_mrr),
                    float(kept / base_mrr),
                )
            )

    cohorts: list[tuple] = []
    for cohort_index, cohort_month in enumerate(MONTHS):
        members = [a for a in ACCOUNTS if first_paid_index(a) == cohort_index]
        if not members:
            continue
        start = sum((mrr[(a.account_id, cohort_index)] for a in members), Decimal(0))
        for k in range(MONTH_COUNT - cohort_index):
            values = [mrr[(a.account_id, cohort_index + k)] for a in members]
            active = sum(1 for v in values if v > 0)
            total = sum(values, Decimal(0))
            cohorts.append(
                (
                    cohort_month,
                    k,
                    len(members),
                    start,
                    active,
                    total,
                    active / len(members),
                    float(total / start),
                )
            )

    dim = [
        (
            a.account_id,
            a.account_name,
            a.parent_account_id,
            a.industry,
            a.country,
            a.is_unmapped,
            MONTHS[first_paid_index(a)],
            a.icp_segment,
            a.is_deleted_in_crm,
            a.parent_account_id or a.account_id,
            a.currency,
        )
        for a in ACCOUNTS
    ]
    return {
        "dim_accounts": dim,
        "fct_account_months": account_months,
        "fct_mrr_movements": movements,
        "mart_mrr_bridge": bridge,
        "mart_retention_monthly": retention,
        "mart_retention_trailing_12m": trailing,
        "mart_cohort_retention": cohorts,
    }


DDL: dict[str, str] = {
    "dim_accounts": """(account_id varchar, account_name varchar, parent_account_id varchar,
        industry varchar, country varchar, is_unmapped boolean, first_paid_month date,
        icp_segment varchar, is_deleted_in_crm boolean, ultimate_parent_account_id varchar,
        currency varchar)""",
    "fct_account_months": """(account_id varchar, month date, mrr double, mrr_local double,
        currency varchar, is_active boolean, fx_rate double)""",
    "fct_mrr_movements": """(account_id varchar, month date, movement_type varchar,
        mrr_change double)""",
    "mart_mrr_bridge": """(month date, beginning_mrr decimal(18,2), new_mrr decimal(18,2),
        expansion_mrr decimal(18,2), reactivation_mrr decimal(18,2),
        contraction_mrr decimal(18,2), churned_mrr decimal(18,2),
        fx_adjustment_mrr decimal(18,2), ending_mrr decimal(18,2),
        beginning_customers integer, new_customers integer, churned_customers integer,
        reactivated_customers integer, ending_customers integer)""",
    "mart_retention_monthly": """(month date, beginning_mrr decimal(18,2), grr double,
        nrr double, logo_churn_rate double, revenue_churn_rate double)""",
    "mart_retention_trailing_12m": """(month date, base_accounts integer,
        base_mrr decimal(18,2), current_mrr decimal(18,2), nrr_12m double, grr_12m double)""",
    "mart_cohort_retention": """(cohort_month date, months_since_start integer,
        cohort_size integer, cohort_starting_mrr decimal(18,2), active_accounts integer,
        mrr decimal(18,2), logo_retention double, revenue_retention double)""",
}
OPTIONAL = {
    "dim_accounts": ("is_deleted_in_crm", "ultimate_parent_account_id", "currency"),
    "fct_account_months": ("fx_rate",),
}


def build_fixture(path: Path, *, optional_columns: bool = True, empty: bool = False) -> Path:
    """Write the fixture warehouse to `path` (replaced if it exists) and return the path.

    optional_columns=False leaves out the columns metrics.md does not guarantee, so the
    boards' defensive queries are exercised; empty=True creates the marts with no rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    rows = _derive()
    connection = duckdb.connect(str(path))
    try:
        for table, ddl in DDL.items():
            connection.execute(f"create table main.{table} {ddl}")
            if not empty and rows[table]:
                marks = ", ".join("?" for _ in rows[table][0])
                connection.executemany(f"insert into main.{table} values ({marks})", rows[table])
            if not optional_columns:
                for column in OPTIONAL.get(table, ()):
                    connection.execute(f"alter table main.{table} drop column {column}")
    finally:
        connection.close()
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "data/warehouse.duckdb")
    print(build_fixture(target))
