"""Support and surveys: Zendesk organizations and tickets (with later updates), NPS."""

from __future__ import annotations

import heapq
import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from .company import Account
from .context import Ctx
from .lifecycle import Lifecycle, at_risk, seats_on, service_windows
from .timeutil import iso_utc, kst_epoch, sf_ts
from .writer import dumps

ZD = "support/zendesk"
SUBJECTS = (
    "대시보드 로딩이 느립니다",
    "CSV 내보내기 오류",
    "SSO 설정 문의",
    "청구서 재발행 요청",
    "사용자 초대 메일이 오지 않습니다",
    "API 호출 한도 문의",
    "데이터 동기화 지연",
    "権限設定について",
    "Report export fails",
    "Integration with Salesforce",
)
TYPES = ("question", "incident", "problem", "task")
COMMENTS = {
    "promoter": (
        "대시보드 덕분에 매주 회의 준비 시간이 절반으로 줄었습니다.",
        "지원팀 응답이 빠르고 정확해요, 추천합니다!",
        "도입 후 매출 지표를 한눈에 봅니다.\n팀 전체가 만족하고 있어요.",
    ),
    "passive": (
        "전반적으로 좋지만 리포트 커스터마이징이 더 필요합니다.",
        "가격이 조금 부담되지만, 기능은 괜찮습니다.",
        "",
    ),
    "detractor": (
        "데이터 동기화가 자주 늦어서 불편합니다.",
        "온보딩이 어려웠고, 담당자 연락이 잘 안 됩니다.",
        "필요한 기능이 없어 다른 솔루션을 검토 중입니다.\n가격 대비 가치가 낮아요.",
    ),
}


def _churn_day(life: Lifecycle, as_of: date) -> date | None:
    end = service_windows(life)[-1][1]
    return end if end is not None and end < as_of else None


def write_support(ctx: Ctx, accounts: list[Account], plans: dict[int, Lifecycle]) -> None:
    rng = ctx.rng("zendesk")
    cfg = ctx.cfg
    w = ctx.writer
    customers = [a for a in accounts if a.idx in plans]
    org_ids = {a.idx: 360_000_000_000 + 17 * (i + 1) for i, a in enumerate(customers)}
    # Organizations: created when the account starts, some renamed later.
    org_rows: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for a in customers:
        created = kst_epoch(a.start) + 11 * 3600
        rec = {
            "id": org_ids[a.idx],
            "name": a.name,
            "external_id": a.id,
            "created_at": iso_utc(created),
            "updated_at": iso_utc(created),
            "domain_names": [a.domain],
            "tags": [a.country.lower()],
        }
        org_rows[ctx.file_month(a.start)].append((created, rec))
        if rng.random() < 0.1:
            upd = created + rng.randint(30, 600) * 86400
            if upd < ctx.end_ts:
                rec2 = {**rec, "updated_at": iso_utc(upd), "tags": [a.country.lower(), "vip"]}
                org_rows[ctx.file_month(a.start + timedelta(days=(upd - created) // 86400))].append(
                    (upd, rec2)
                )
    internal = kst_epoch(ctx.first_month) + 3600
    org_rows[ctx.month_keys[0]].append(
        (
            internal,
            {
                "id": 360_000_000_001,
                "name": "내부 테스트",
                "external_id": None,
                "created_at": iso_utc(internal),
                "updated_at": iso_utc(internal),
                "domain_names": [],
                "tags": ["internal"],
            },
        )
    )
    for key in sorted(org_rows):
        w.write_jsonl(
            f"{ZD}/organizations/organizations_{key}.jsonl.gz",
            "zendesk.organizations",
            [r for _t, r in sorted(org_rows[key], key=lambda x: x[0])],
        )
    # Tickets: versions pushed into a heap, written in the month they happen.
    heap: list[tuple[int, int, str]] = []
    seq = 0
    ticket_id = 10_000
    bounds = [kst_epoch(m) for m in ctx.month_starts[1:]] + [ctx.end_ts]
    windows = {a.idx: service_windows(plans[a.idx]) for a in customers}
    churn = {a.idx: _churn_day(plans[a.idx], ctx.as_of) for a in customers}
    storm = {a.idx for a in rng.sample(customers, max(1, len(customers) // 40))}
    for mi, key in enumerate(ctx.month_keys):
        m_start = ctx.month_starts[mi]
        m_end = ctx.month_starts[mi + 1] if mi + 1 < len(ctx.month_starts) else ctx.as_of
        for a in customers:
            for w_start, w_end, plan in windows[a.idx]:
                lo, hi = max(m_start, w_start), min(m_end, w_end or m_end)
                if hi <= lo:
                    continue
                seats = seats_on(plan, lo)
                lam = seats * cfg.tickets_per_seat_month * (hi - lo).days / 30
                # Tickets pile up in the months before a churn or a contraction.
                unhappy = at_risk(plans[a.idx], lo, 120, ctx.as_of)
                if unhappy:
                    lam *= 2.5
                n = _poisson(rng, lam)
                if (a.idx in storm and rng.random() < 0.08) or (unhappy and rng.random() < 0.25):
                    n += 6  # a burst: five or more tickets within a week
                span = max(1, (hi - lo).days)
                burst_day = rng.randrange(span)
                for j in range(n):
                    ticket_id += 1
                    day = (
                        burst_day + rng.randint(0, 4)
                        if j >= n - 6 and n >= 6
                        else rng.randrange(span)
                    )
                    created = (
                        kst_epoch(lo)
                        + min(day, span - 1) * 86400
                        + rng.randint(9 * 3600, 19 * 3600)
                    )
                    for ts, rec in _ticket_versions(
                        rng, ticket_id, org_ids[a.idx], a, created, unhappy
                    ):
                        if ts < ctx.end_ts:
                            heapq.heappush(heap, (ts, seq, dumps(rec)))
                            seq += 1
        sink = w.jsonl(f"{ZD}/tickets/tickets_{key}.jsonl.gz")
        while heap and heap[0][0] < bounds[mi]:
            sink.write_lines(heapq.heappop(heap)[2] + "\n", 1)
        w.close_jsonl(sink, "zendesk.tickets")
    _write_nps(ctx, customers, plans, churn)


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method is fine for the small rates used here.
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, lam**0.5)))
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _ticket_versions(
    rng: random.Random, tid: int, org_id: int, a: Account, created: int, unhappy: bool
) -> list[tuple[int, dict[str, Any]]]:
    priority = rng.choices(("low", "normal", "high", "urgent"), (0.25, 0.5, 0.18, 0.07))[0]
    base = {
        "id": tid,
        "url": f"https://revenuelens.zendesk.com/api/v2/tickets/{tid}.json",
        "organization_id": org_id,
        "subject": rng.choice(SUBJECTS),
        "type": rng.choice(TYPES),
        "priority": priority,
        "status": "new",
        "created_at": iso_utc(created),
        "updated_at": iso_utc(created),
        "requester_email": a.contacts[0].email if a.contacts else None,
        "satisfaction_rating": {"score": "unoffered"},
        "tags": [],
    }
    out = []
    first = {**base, "status": "open"}
    out.append((created, first))
    hours = {"urgent": 6, "high": 30, "normal": 72, "low": 150}[priority]
    solve = created + int(hours * 3600 * rng.uniform(0.3, 2.5))
    if priority in ("urgent", "high") and rng.random() < 0.08:
        solve = created + rng.randint(11, 25) * 86400  # left open past ten days
    score = rng.choices(
        ("good", "bad", "offered", "unoffered"),
        (0.45, 0.35, 0.15, 0.05) if unhappy else (0.7, 0.08, 0.17, 0.05),
    )[0]
    out.append(
        (
            solve,
            {
                **base,
                "status": "solved",
                "updated_at": iso_utc(solve),
                "satisfaction_rating": {"score": score},
            },
        )
    )
    closed = solve + 4 * 86400
    out.append(
        (
            closed,
            {
                **base,
                "status": "closed",
                "updated_at": iso_utc(closed),
                "satisfaction_rating": {"score": score},
            },
        )
    )
    return out


NPS_HEADER = ("response_id", "submitted_at", "email", "crm_account_id", "score", "comment")


def _write_nps(
    ctx: Ctx, customers: list[Account], plans: dict[int, Lifecycle], churn: dict[int, date | None]
) -> None:
    rng = ctx.rng("nps")
    n = 0
    for mi, key in enumerate(ctx.month_keys[:-1]):
        m = ctx.month_starts[mi]
        if m.month % 3 != 0:
            continue
        survey_day = m + timedelta(days=9)
        rows = []
        for a in customers:
            active = any(
                s <= survey_day and (e is None or survey_day < e)
                for s, e, _p in service_windows(plans[a.idx])
            )
            if not active or (survey_day - a.start).days < 45:
                continue
            risky = at_risk(plans[a.idx], survey_day, 150, ctx.as_of)
            for p in a.contacts:
                if rng.random() > ctx.cfg.nps_response_rate:
                    continue
                if risky:
                    score = rng.choices(range(11), (4, 4, 5, 6, 7, 8, 8, 6, 4, 2, 1))[0]
                else:
                    score = rng.choices(range(11), (1, 1, 1, 1, 2, 2, 4, 8, 14, 16, 12))[0]
                kind = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
                n += 1
                ts = kst_epoch(survey_day) + rng.randint(0, 12 * 86400)
                rows.append(
                    (
                        ts,
                        [
                            f"nps_{n:07d}",
                            sf_ts(ts),
                            p.email,
                            a.id if rng.random() > 0.03 else "",
                            score,
                            rng.choice(COMMENTS[kind]),
                        ],
                    )
                )
        rows.sort(key=lambda r: r[0])
        if rows:
            ctx.writer.write_csv(
                f"surveys/nps/nps_{key}.csv", "nps.responses", NPS_HEADER, [r for _t, r in rows]
            )
