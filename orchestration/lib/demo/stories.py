"""stories.json: accounts whose revenue story the warehouse must tell, with the exact month
(month end in Asia/Seoul) at which each change shows in MRR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .company import Account
from .context import Ctx
from .lifecycle import Lifecycle
from .timeutil import month_key

PER_STORY = 5


def movements(series: np.ndarray) -> list[tuple[int, str, float, float]]:
    """(month index, movement, prior local MRR, current local MRR), as the bridge classifies."""
    out = []
    paid_before = False
    prior = 0.0
    for i, cur in enumerate(series.tolist()):
        cur = round(cur, 6)
        if prior == 0 and cur > 0:
            out.append((i, "reactivation" if paid_before else "new", prior, cur))
        elif prior > 0 and cur == 0:
            out.append((i, "churn", prior, cur))
        elif prior > 0 and cur > prior + 1e-6:
            out.append((i, "expansion", prior, cur))
        elif prior > 0 and cur < prior - 1e-6:
            out.append((i, "contraction", prior, cur))
        paid_before = paid_before or cur > 0
        prior = cur
    return out


def write_stories(
    ctx: Ctx,
    accounts: list[Account],
    plans: dict[int, Lifecycle],
    mrr: np.ndarray,
    excluded: set[int],
    path: Path,
) -> dict[str, Any]:
    months = [month_key(m) for m in ctx.month_starts[: ctx.months]]
    picks: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "upgrade",
            "downgrade",
            "churn",
            "winback",
            "fx_only",
            "contract",
            "contract_terminated",
        )
    }
    for acc in accounts:
        life = plans.get(acc.idx)
        if life is None or acc.idx in excluded:
            continue
        series = mrr[acc.idx]
        moves = movements(series)
        if not moves:
            continue
        kinds = {m[1] for m in moves}
        stories: list[str] = []
        if life.contracts:
            if any(c.terminated for c in life.contracts):
                stories.append("contract_terminated")
            else:
                stories.append("contract")
        else:
            if life.fx_only and kinds == {"new"}:
                stories.append("fx_only")
            if "expansion" in kinds and len(life.subs) == 1 and life.subs[0].discount_pct == 0:
                stories.append("upgrade")
            if "contraction" in kinds and life.subs[0].discount_pct == 0:
                stories.append("downgrade")
            if "churn" in kinds and "reactivation" not in kinds:
                stories.append("churn")
            if "reactivation" in kinds:
                stories.append("winback")
        for story in stories:
            if len(picks[story]) >= PER_STORY:
                continue
            first = next(i for i, v in enumerate(series) if v > 0)
            entry: dict[str, Any] = {
                "account_id": acc.id,
                "account_name": acc.name,
                "currency": acc.currency,
                "source": "contracts" if life.contracts else "stripe",
                "first_paid_month": months[first],
                "events": [
                    {
                        "month": months[i],
                        "movement": kind,
                        "mrr_local_before": round(before, 6),
                        "mrr_local_after": round(after, 6),
                    }
                    for i, kind, before, after in moves
                ],
                "mrr_local_by_month": {
                    months[i]: round(float(series[i]), 6) for i in range(first, ctx.months)
                },
            }
            if life.contracts:
                entry["contracts"] = [
                    {
                        "start_date": c.start.isoformat(),
                        "end_date": c.end.isoformat(),
                        "term_months": c.term_months,
                        "total_contract_value": c.total_value,
                        "terminated_date": c.terminated.isoformat() if c.terminated else None,
                    }
                    for c in life.contracts
                ]
            if not life.contracts:
                entry["billing_interval"] = life.subs[0].interval
            picks[story].append(entry)
    doc = {
        "seed": None,  # filled by generate()
        "as_of": ctx.as_of.isoformat(),
        "first_month": months[0],
        "last_complete_month": months[-1],
        "timezone": "Asia/Seoul",
        "month_rule": "MRR of month M is measured at the last instant of M in Asia/Seoul; "
        "each event's month is the first month-end at which the change shows",
        "stories": picks,
    }
    return doc


def dump(doc: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8"
    )
