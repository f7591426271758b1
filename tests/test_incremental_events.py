"""The event-sized incremental models read only what is new on a nightly run, even minutes
after the build before it, and end where a --full-refresh ends.

stg_segment__events and int_cs_product_event_days used to re-read every load of the last
incremental_lookback_days days: a nightly right after a full build re-read every event.
Now an incremental run picks the loads after the newest one kept and the events dated after
the newest event kept (events an earlier as-of day left out). Here the later files land ten
minutes after the first build; among them a retry of a message kept already (the first copy
stays), and the first landing holds an event dated after its as-of day (it counts once the
as-of day reaches it).
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from tests.dbt_runner import REPO, compiled_rows, dbt_build, ingest_landing, query

FIXTURE = REPO / "tests" / "fixtures" / "cs_scenario"
AS_OF = "2025-04-15"
LATER_AS_OF = "2025-05-15"
FIRST_LOAD = datetime(2025, 4, 15, 6, 0)
NEXT_LOAD = FIRST_LOAD + timedelta(minutes=10)
STG = "stg_segment__events"
DAYS = "int_cs_product_event_days"
SEGMENT = Path("usage/segment")
APRIL_EVENTS = FIXTURE / "landing_part2" / SEGMENT / "2025-04-30.jsonl"

FUTURE_EVENT = {
    "type": "track",
    "messageId": "m-future",
    "timestamp": "2025-04-20T01:00:00Z",
    "userId": "H1-u0",
    "event": "Report Created",
    "context": {"groupId": "H1"},
}


def _events(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def nightly(tmp_path_factory: pytest.TempPathFactory) -> dict:
    workdir = tmp_path_factory.mktemp("incremental_events")
    landing = workdir / "landing"
    shutil.copytree(FIXTURE / "landing_part1", landing)
    (landing / SEGMENT / "2025-04-14-late-dated.jsonl").write_text(json.dumps(FUTURE_EVENT) + "\n")
    warehouse = workdir / "warehouse.duckdb"
    selection = f"{STG} {DAYS}"
    ingest_landing(warehouse, landing, FIRST_LOAD)
    result = dbt_build(warehouse, workdir, AS_OF, selection, indirect_selection="empty")
    assert result.returncode == 0, result.stdout[-6000:]
    before = _counts(warehouse)

    # Ten minutes later: April's files, a retry of a kept message with another event name.
    shutil.copytree(FIXTURE / "landing_part2", landing, dirs_exist_ok=True)
    first = _events(FIXTURE / "landing_part1" / SEGMENT / "2025-04-01.jsonl")[0]
    retry = {**first, "event": "Retried Copy"}
    (landing / SEGMENT / "2025-04-30-retry.jsonl").write_text(json.dumps(retry) + "\n")
    ingest_landing(warehouse, landing, NEXT_LOAD)

    picked = {STG: compiled_rows(workdir, warehouse, STG, LATER_AS_OF)}
    result = dbt_build(warehouse, workdir, LATER_AS_OF, STG, indirect_selection="empty")
    assert result.returncode == 0, result.stdout[-6000:]
    picked[DAYS] = compiled_rows(workdir, warehouse, DAYS, LATER_AS_OF)
    result = dbt_build(warehouse, workdir, LATER_AS_OF, DAYS, indirect_selection="empty")
    assert result.returncode == 0, result.stdout[-6000:]
    after = _counts(warehouse)
    again = {m: compiled_rows(workdir, warehouse, m, LATER_AS_OF) for m in (STG, DAYS)}
    return {
        "workdir": workdir,
        "warehouse": warehouse,
        "selection": selection,
        "before": before,
        "after": after,
        "picked": picked,
        "again": again,
        "first": first,
        "april_ids": {e["messageId"] for e in _events(APRIL_EVENTS)},
    }


def _relation_names(nightly: dict) -> tuple[str, str]:
    return f"staging.{STG}", f"intermediate.{DAYS}"


def _counts(warehouse: Path) -> dict[str, int]:
    return {
        model: query(warehouse, f"select count(*) from {schema}.{model}")[0][0]
        for schema, model in (("staging", STG), ("intermediate", DAYS))
    }


def test_the_nightly_picks_only_the_new_messages(nightly: dict) -> None:
    # new: April's messages and the event its as-of day reaches; not the retry, not March
    new_messages = len(nightly["april_ids"]) + 1
    assert nightly["picked"][STG] == new_messages
    assert nightly["after"][STG] - nightly["before"][STG] == new_messages
    assert nightly["picked"][DAYS] == nightly["after"][DAYS] - nightly["before"][DAYS] > 0
    # a second run right after reads nothing
    assert nightly["again"] == {STG: 0, DAYS: 0}


def test_a_later_retry_keeps_the_first_copy_and_the_late_dated_event_counts(
    nightly: dict,
) -> None:
    stg, days = _relation_names(nightly)
    first = nightly["first"]
    assert query(
        nightly["warehouse"],
        f"select event_name, loaded_at from {stg} where message_id = '{first['messageId']}'",
    ) == [(first["event"], FIRST_LOAD)]
    assert query(
        nightly["warehouse"], f"select count(*) from {days} where message_id = 'm-future'"
    ) == [(1,)]


def test_the_nightly_equals_a_full_refresh(nightly: dict) -> None:
    stg, days = _relation_names(nightly)
    sqls = (
        f"select message_id, message_type, event_at, user_id, account_id, event_name, "
        f"source_file, loaded_at from {stg} order by all",
        f"select * from {days} order by all",
    )
    incremental = [query(nightly["warehouse"], sql) for sql in sqls]
    result = dbt_build(
        nightly["warehouse"], nightly["workdir"], LATER_AS_OF, nightly["selection"],
        indirect_selection="empty", extra=("--full-refresh",),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:]
    assert [query(nightly["warehouse"], sql) for sql in sqls] == incremental


def test_the_nightly_key_test_catches_a_new_copy_of_a_kept_message(nightly: dict) -> None:
    """unique_in_append_only looks up only the newest load's ids: a row of it whose id is
    kept already fails it, as a duplicate among the new rows would."""
    copy = nightly["workdir"] / "duplicated.duckdb"
    shutil.copyfile(nightly["warehouse"], copy)
    stg, _ = _relation_names(nightly)
    con = duckdb.connect(str(copy))
    try:
        con.execute(
            f"insert into {stg} select * replace ((select max(loaded_at) from {stg}) as loaded_at)"
            f" from {stg} where message_id = ?",
            [nightly["first"]["messageId"]],
        )
    finally:
        con.close()
    result = dbt_build(copy, nightly["workdir"], LATER_AS_OF, STG, indirect_selection="cautious")
    assert result.returncode != 0
    assert "unique_in_append_only_stg_segment__events_message_id" in result.stdout
    assert "FAIL 1 unique_in_append_only_stg_segment__events_message_id" in result.stdout
