"""Product usage in Segment: track events per account and month, vectorised with numpy and
written as pre-formatted JSON lines, plus identify/group calls for users and accounts."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from .company import Account
from .config import PRODUCT_EVENTS, TIERS
from .context import Ctx
from .lifecycle import Lifecycle, days_to_risk, expanding_soon, seats_on, service_windows
from .timeutil import iso_utc, kst_epoch
from .writer import dumps

_EVENT_NAMES = [e for e, _w in PRODUCT_EVENTS]
_EVENT_P = np.array([w for _e, w in PRODUCT_EVENTS]) / sum(w for _e, w in PRODUCT_EVENTS)


class _AccountUsage:
    """Per-account usage traits and the windows in which it uses the product."""

    def __init__(self, ctx: Ctx, acc: Account, life: Lifecycle, rng: np.random.Generator):
        self.acc = acc
        self.life = life
        self.as_of = ctx.as_of
        self.windows = service_windows(life)
        self.active_share = float(rng.uniform(*ctx.cfg.active_user_share))
        self.identified = 0  # users 0..identified-1 already sent an identify
        self.grouped = False
        last_end = self.windows[-1][1]
        self.churn_day = last_end if last_end is not None and last_end < ctx.as_of else None
        # A few live accounts go quiet for their last couple of months (a risk alert).
        self.dark_from: date | None = None
        if self.churn_day is None and rng.random() < 0.03:
            self.dark_from = ctx.as_of - timedelta(days=int(rng.integers(61, 90)))
        self.user_prefix = f"usr_{acc.idx:05d}"


def _multiplier(u: _AccountUsage, start: date, mid: date) -> float:
    age = (mid - start).days
    m = 0.45 if age < 30 else 0.75 if age < 60 else 1.0
    # Usage fades in the hundred days before a churn, a lost renewal or a downgrade.
    left = days_to_risk(u.life, mid, u.as_of)
    if left is not None and left < 100:
        m *= max(0.15, left / 100)
    return m


def write_product_events(ctx: Ctx, accounts: list[Account], plans: dict[int, Lifecycle]) -> int:
    cfg = ctx.cfg
    rng = ctx.np_rng("product-events")
    w = ctx.writer
    users: list[_AccountUsage] = [
        _AccountUsage(ctx, a, plans[a.idx], rng)
        for a in accounts
        if a.idx in plans and (plans[a.idx].subs or plans[a.idx].contracts)
    ]
    n_events = 0
    bounds = ctx.month_starts[1:] + [ctx.as_of]
    for mi, key in enumerate(ctx.month_keys):
        m_start, m_end = ctx.month_starts[mi], bounds[mi]
        if m_end <= m_start:
            continue
        sink = w.jsonl(f"usage/segment/events_{key}_product.jsonl.gz", cfg.events_gzip_level)
        for u in users:
            chunks: list[str] = []
            count = 0
            for wi, (w_start, w_end, plan) in enumerate(u.windows):
                lo = max(m_start, w_start)
                hi = min(m_end, w_end) if w_end is not None else m_end
                if u.dark_from is not None:
                    hi = min(hi, u.dark_from)
                if hi <= lo:
                    continue
                mid = lo + (hi - lo) / 2
                seats = seats_on(plan, mid)
                tier = getattr(plan, "tier", 2)
                mult = _multiplier(u, w_start, mid)
                n_active = max(1, int(round(seats * u.active_share * min(1.0, mult + 0.2))))
                if expanding_soon(u.life, mid):
                    # Outgrowing its seats: nearly every licence in use before the upgrade.
                    n_active = max(n_active, int(round(seats * 0.92)))
                if n_active > u.identified or not u.grouped:
                    text, k = _identify_group(ctx, u, seats, tier, n_active, kst_epoch(lo))
                    chunks.append(text)
                    count += k
                days = (hi - lo).days
                lam = seats * cfg.events_per_seat_day * days * mult
                n = int(rng.poisson(lam))
                if n == 0:
                    continue
                text, k = _tracks(
                    rng, u, lo, days, n, n_active, TIERS[tier].name, f"{mi:03x}{wi:x}"
                )
                chunks.append(text)
                count += k
            if count:
                sink.write_lines("".join(chunks), count)
                n_events += count
        w.close_jsonl(sink, "segment.events")
    return n_events


def _identify_group(
    ctx: Ctx, u: _AccountUsage, seats: int, tier: int, n_active: int, ts: int
) -> tuple[str, int]:
    acc = u.acc
    lines = []
    t = ts + 9 * 3600
    if not u.grouped:
        lines.append(
            dumps(
                {
                    "type": "group",
                    "messageId": f"grp-{acc.idx:05x}-{t:x}",
                    "timestamp": iso_utc(t),
                    "userId": f"{u.user_prefix}0000",
                    "groupId": acc.id,
                    "traits": {
                        "name": acc.name,
                        "plan": TIERS[tier].name,
                        "seats": seats,
                        "country": acc.country,
                    },
                    "context": {"groupId": acc.id},
                }
            )
        )
        u.grouped = True
    for k in range(u.identified, n_active):
        email = acc.contacts[k].email if k < len(acc.contacts) else f"user{k:03d}@{acc.domain}"
        lines.append(
            dumps(
                {
                    "type": "identify",
                    "messageId": f"idn-{acc.idx:05x}-{k:x}",
                    "timestamp": iso_utc(t + k),
                    "userId": f"{u.user_prefix}{k:04d}",
                    "traits": {"email": email, "company": acc.name},
                    "context": {"groupId": acc.id},
                }
            )
        )
    u.identified = max(u.identified, n_active)
    return "".join(line + "\n" for line in lines), len(lines)


def _tracks(
    rng: np.random.Generator,
    u: _AccountUsage,
    lo: date,
    days: int,
    n: int,
    n_active: int,
    plan_name: str,
    part: str,
) -> tuple[str, int]:
    # Weekdays carry most of the use; power users (low indices) do most of it.
    day_idx = np.arange(days)
    weekday = (np.array([lo.weekday()]) + day_idx) % 7
    p = np.where(weekday < 5, 1.0, 0.15)
    day = rng.choice(days, size=n, p=p / p.sum())
    hour = np.clip(rng.normal(14.0, 3.0, n), 0.0, 23.99)
    ms = (kst_epoch(lo) + day * 86400) * 1000 + (hour * 3_600_000).astype(np.int64)
    ms.sort()
    stamps = np.datetime_as_string(ms.astype("datetime64[ms]"), unit="ms").tolist()
    users = (n_active * rng.random(n) ** 1.8).astype(np.int64).tolist()
    events = rng.choice(len(_EVENT_NAMES), size=n, p=_EVENT_P).tolist()
    # Everything after the userId is fixed per event name within an account-month.
    tails = [
        f'","event":"{name}","properties":{{"plan":"{plan_name}"}},"context":'
        f'{{"groupId":"{u.acc.id}","library":{{"name":"analytics-python",'
        f'"version":"2.3.3"}}}}}}\n'
        for name in _EVENT_NAMES
    ]
    uids = [f"{u.user_prefix}{k:04d}" for k in range(n_active)]
    mid = f'{{"type":"track","messageId":"{u.acc.idx:05x}-{part}-'
    lines = [
        f'{mid}{i:06x}","timestamp":"{s}Z","userId":"{uids[k]}{tails[e]}'
        for i, (s, k, e) in enumerate(zip(stamps, users, events, strict=True))
    ]
    # Segment retries: a few messages delivered twice with the same messageId.
    if n > 200:
        for j in rng.integers(0, n, size=max(1, n // 1000)).tolist():
            lines.append(lines[j])
    return "".join(lines), len(lines)
