"""fct_lead_scores on a nightly: every lead gets its new days, only the leads whose scored
behaviours changed are rescored whole, and the table ends where a --full-refresh ends.

The go-to-market scenario (tests/fixtures/gtm_scenario) is built for 2025-04-15. The next
night's files bring a late-dated /pricing view of L2 (2025-02-20, which changes L2's
history: 10 points then, and a repeat visit on a new day) and L3 deleted in the CRM; L1 is
untouched. The nightly is built for 2025-04-20, then a restatement for 2025-04-10.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.dbt_runner import REPO, compiled_rows, dbt_build, ingest_landing, query

FIXTURE = REPO / "tests" / "fixtures" / "gtm_scenario" / "landing"
MODEL = "fct_lead_scores"
SELECTION = f"+{MODEL}"
AS_OF, NIGHTLY_AS_OF, EARLIER_AS_OF = "2025-04-15", "2025-04-20", "2025-04-10"
LEAD_FILE = Path("crm/salesforce/Lead")

LATE_PRICING_VIEW = {
    "type": "page",
    "messageId": "m-late-pricing",
    "timestamp": "2025-02-20T03:00:00Z",
    "anonymousId": "anon2",
    "name": "Pricing",
    "properties": {"path": "/pricing"},
}
ALL_ROWS = f"select * from main.{MODEL} order by all"


def _build(state: dict, as_of: str, *extra: str) -> None:
    result = dbt_build(
        state["warehouse"], state["workdir"], as_of, SELECTION, indirect_selection="empty",
        extra=extra,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:]


def _delete_lead(landing: Path, lead_id: str) -> None:
    """The next CRM extract: the lead's newest row again, marked deleted."""
    [latest] = sorted((FIXTURE / LEAD_FILE).glob("*.csv"))[-1:]
    lines = latest.read_text().splitlines()
    [row] = [line for line in lines[1:] if line.startswith(f"{lead_id},")]
    fields = row.split(",")
    fields[-2] = "2025-04-16T00:00:00.000+0000"  # SystemModstamp
    fields[-1] = "true"  # IsDeleted
    (landing / LEAD_FILE / "2025-04-16.csv").write_text(lines[0] + "\n" + ",".join(fields) + "\n")


@pytest.fixture(scope="module")
def nightly(tmp_path_factory: pytest.TempPathFactory) -> dict:
    workdir = tmp_path_factory.mktemp("incremental_lead_scores")
    landing = workdir / "landing"
    shutil.copytree(FIXTURE, landing)
    state = {"workdir": workdir, "warehouse": workdir / "warehouse.duckdb"}
    ingest_landing(state["warehouse"], landing, datetime(2025, 4, 1))
    _build(state, AS_OF)
    state["before"] = query(state["warehouse"], ALL_ROWS)
    state["rerun_picks"] = compiled_rows(workdir, state["warehouse"], MODEL, AS_OF)

    (landing / "usage/segment/2025-04-16.jsonl").write_text(json.dumps(LATE_PRICING_VIEW) + "\n")
    _delete_lead(landing, "L3")
    ingest_landing(state["warehouse"], landing, datetime(2025, 4, 16, 6))
    # the segment and CRM staging first, so the compile sees the changed behaviours
    _build(state, NIGHTLY_AS_OF, "--exclude", MODEL)
    state["nightly_picks"] = compiled_rows(workdir, state["warehouse"], MODEL, NIGHTLY_AS_OF)
    _build(state, NIGHTLY_AS_OF)
    state["after"] = query(state["warehouse"], ALL_ROWS)
    state["again_picks"] = compiled_rows(workdir, state["warehouse"], MODEL, NIGHTLY_AS_OF)
    return state


def _rows_of(rows: list[tuple], lead_id: str) -> dict[date, tuple]:
    return {row[2]: row[3:] for row in rows if row[1] == lead_id}


def test_a_rerun_with_nothing_new_picks_nothing(nightly: dict) -> None:
    assert nightly["rerun_picks"] == 0
    assert nightly["again_picks"] == 0


def test_only_changed_leads_are_rescored_and_the_rest_get_their_new_days(nightly: dict) -> None:
    after = nightly["after"]
    l2_days = len(_rows_of(after, "L2"))
    new_days_of_others = sum(
        1 for row in after if row[1] != "L2" and row[2] > date.fromisoformat(AS_OF)
    )
    assert new_days_of_others == 5 * len({row[1] for row in after if row[1] != "L2"}) > 0
    assert nightly["nightly_picks"] == l2_days + new_days_of_others


def test_changed_and_deleted_leads_are_scored_from_their_new_behaviours(nightly: dict) -> None:
    before, after = nightly["before"], nightly["after"]
    assert _rows_of(before, "L3") and not _rows_of(after, "L3")
    l2_before, l2_after = _rows_of(before, "L2"), _rows_of(after, "L2")
    # (lead_score, undecayed_points, behaviours_to_date): the late /pricing view adds 10
    # points and one behaviour from 02-20 (a repeat visit on a new day may add 3 more)
    day = date(2025, 2, 20)
    assert l2_after[day][1] - l2_before[day][1] in (10, 13)
    assert l2_after[date(2025, 2, 19)] == l2_before[date(2025, 2, 19)]
    # L1's kept days are the ones the first build wrote
    l1_before, l1_after = _rows_of(before, "L1"), _rows_of(after, "L1")
    assert {d: v for d, v in l1_after.items() if d in l1_before} == l1_before
    assert max(l1_after) == date.fromisoformat(NIGHTLY_AS_OF)


def test_the_nightly_and_an_earlier_day_equal_a_full_refresh(nightly: dict) -> None:
    _build(nightly, NIGHTLY_AS_OF, "--full-refresh")
    assert query(nightly["warehouse"], ALL_ROWS) == nightly["after"]

    _build(nightly, EARLIER_AS_OF)  # incremental, for a day before the last build's
    restated = query(nightly["warehouse"], ALL_ROWS)
    assert max(row[2] for row in restated) == date.fromisoformat(EARLIER_AS_OF)
    _build(nightly, EARLIER_AS_OF, "--full-refresh")
    assert query(nightly["warehouse"], ALL_ROWS) == restated
