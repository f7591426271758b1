"""The demo generator's stories (landing/_demo/stories.json) told by fct_mrr_movements.

Each story account's classified movements (new / expansion / contraction / churn /
reactivation) must match the generator's events month for month, its local MRR must match
month by month, and an fx_only account shows nothing but fx_adjustment after it is new.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.test_revenue_scenario import RevenueWarehouse, build_revenue_warehouse, query

STORY_MOVEMENT = {
    "upgrade": "expansion",
    "downgrade": "contraction",
    "churn": "churn",
    "winback": "reactivation",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, RevenueWarehouse]:
    try:
        from orchestration.lib.demo import generate
    except ImportError as exc:  # pragma: no cover - the generator is written beside us
        pytest.skip(f"demo generator not importable yet: {exc}")
    workdir = tmp_path_factory.mktemp("revenue_stories")
    landing = workdir / "landing"
    # 150 accounts over 24 months holds every story type (winback included) for seed 11.
    generate(landing, accounts=150, months=24, seed=11, as_of=date(2026, 11, 15))
    stories = json.loads((landing / "_demo" / "stories.json").read_text(encoding="utf-8"))
    return stories, build_revenue_warehouse(landing, workdir, stories["as_of"])


def _movements(warehouse: Path, account_id: str) -> list[tuple[str, str]]:
    return query(
        warehouse,
        f"""
        select strftime(month, '%Y-%m'), movement_type from fct_mrr_movements
        where account_id = '{account_id}' order by month, movement_type""",
    )


def test_every_story_type_has_accounts(demo: tuple[dict, RevenueWarehouse]) -> None:
    stories, _ = demo
    present = {kind for kind, accounts in stories["stories"].items() if accounts}
    assert {"upgrade", "downgrade", "churn", "winback", "fx_only"} <= present, present


@pytest.mark.parametrize(
    "story",
    ["upgrade", "downgrade", "churn", "winback", "fx_only", "contract", "contract_terminated"],
)
def test_movements_tell_the_story(demo: tuple[dict, RevenueWarehouse], story: str) -> None:
    stories, built = demo
    accounts = stories["stories"].get(story, [])
    if not accounts:
        pytest.skip(f"the demo set has no {story} account")
    for entry in accounts:
        account = entry["account_id"]
        moves = _movements(built.path, account)
        classified = [(month[:7], kind) for month, kind in moves if kind != "fx_adjustment"]
        expected = [(e["month"][:7], e["movement"]) for e in entry["events"]]
        assert classified == expected, (story, account, moves)
        if story in STORY_MOVEMENT:
            assert STORY_MOVEMENT[story] in {k for _, k in classified}, (story, account)
        if story == "fx_only":
            assert classified[0][1] == "new" and len(classified) == 1, (account, moves)
            fx_months = [mo for mo, k in moves if k == "fx_adjustment"]
            assert all(mo > classified[0][0] for mo in fx_months), (account, moves)
        local = {
            r[0]: r[1]
            for r in query(
                built.path,
                f"""
            select strftime(month, '%Y-%m'), mrr_local from fct_account_months
            where account_id = '{account}'""",
            )
        }
        for month, value in entry["mrr_local_by_month"].items():
            assert local.get(month[:7]) == pytest.approx(value, abs=0.01), (account, month)
