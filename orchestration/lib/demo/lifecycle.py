"""Each paying account's story, decided up front: subscriptions, changes, churn, win-back,
or a chain of sales-led contracts. Billing, usage and support all read these plans."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from .company import Account
from .config import MINOR_UNITS, TIERS
from .context import Ctx
from .timeutil import add_months

INTERVALS = {  # plan interval -> (Stripe interval, interval_count)
    "month": ("month", 1),
    "quarter": ("month", 3),
    "year": ("year", 1),
    "week": ("week", 1),
}


@dataclass
class Change:
    day: date
    kind: str  # upgrade (mid-period, prorated) / downgrade (from the next period)
    tier: int
    seats: int


@dataclass
class SubPlan:
    start: date
    interval: str  # key of INTERVALS
    tier: int
    seats: int
    trial_days: int = 0
    discount_pct: int = 0
    discount_periods: int | None = None  # None = forever
    metered: bool = False
    onboarding_fee: bool = False
    changes: list[Change] = field(default_factory=list)
    cancel_on: date | None = None  # asked to cancel; the subscription ends at period end
    involuntary: bool = False  # final invoices uncollectible, then canceled

    @property
    def anchor(self) -> date:
        return self.start + timedelta(days=self.trial_days)

    def period_start(self, k: int) -> date:
        """Start of the k-th paid period (k=0 is the first after the trial)."""
        a = self.anchor
        if self.interval == "week":
            return a + timedelta(days=7 * k)
        step = {"month": 1, "quarter": 3, "year": 12}[self.interval]
        return add_months(a, step * k)

    def periods(self) -> Iterator[tuple[date, date]]:
        k = 0
        while True:
            yield self.period_start(k), self.period_start(k + 1)
            k += 1

    def end_date(self) -> date | None:
        """Day the subscription ends (end of the period in which cancellation was asked)."""
        if self.cancel_on is None:
            return None
        if self.cancel_on < self.anchor:
            return self.anchor
        for start, end in self.periods():
            if start <= self.cancel_on < end:
                return end
        raise AssertionError("unreachable")


@dataclass
class ContractTerm:
    start: date
    term_months: int
    seats: int
    total_value: float  # major units of the account's currency
    billing_frequency: str
    terminated: date | None = None

    @property
    def end(self) -> date:
        return add_months(self.start, self.term_months) - timedelta(days=1)


@dataclass
class Lifecycle:
    subs: list[SubPlan] = field(default_factory=list)
    contracts: list[ContractTerm] = field(default_factory=list)
    fx_only: bool = False


def _round_money(value: float, currency: str) -> float:
    return round(value, 2) if MINOR_UNITS[currency] > 1 else float(round(value))


def _plan_changes(ctx: Ctx, rng: random.Random, sub: SubPlan, last_day: date) -> None:
    cfg = ctx.cfg
    tier, seats = sub.tier, sub.seats
    month = add_months(sub.anchor.replace(day=1), 2)
    while month <= last_day:
        day = month + timedelta(days=rng.randint(0, 27))
        if day >= last_day:
            break
        x = rng.random()
        if x < cfg.churn_rate:
            sub.cancel_on = day
            sub.involuntary = rng.random() < 0.2
            return
        x -= cfg.churn_rate
        if sub.interval != "week" and x < cfg.upgrade_rate:
            if tier < 2 and rng.random() < 0.3:
                tier += 1
            else:
                seats = seats + max(1, int(seats * rng.uniform(0.15, 0.6)))
            sub.changes.append(Change(day, "upgrade", tier, seats))
        elif sub.interval != "week" and x < cfg.upgrade_rate + cfg.downgrade_rate:
            if tier > 0 and rng.random() < 0.25:
                tier -= 1
            elif seats > 2:
                seats = max(1, int(seats * rng.uniform(0.55, 0.85)))
            else:
                month = add_months(month, 1)
                continue
            sub.changes.append(Change(day, "downgrade", tier, seats))
        month = add_months(month, 1)


def plan_lifecycles(ctx: Ctx, accounts: list[Account]) -> dict[int, Lifecycle]:
    """Lifecycle per paying account index."""
    rng = ctx.rng("lifecycle")
    cfg = ctx.cfg
    last_day = ctx.as_of - timedelta(days=1)
    plans: dict[int, Lifecycle] = {}
    stripe_accounts = [a for a in accounts if a.paying and not a.sales_led]
    # A handful of accounts get the rarer billing set-ups, spread over the population.
    special: dict[int, str] = {}
    pool = [a for a in stripe_accounts if a.start and a.start < add_months(last_day, -3)]
    rng.shuffle(pool)
    for a in pool[: cfg.weekly_accounts]:
        special[a.idx] = "week"
    for a in pool[cfg.weekly_accounts : cfg.weekly_accounts + cfg.quarterly_accounts]:
        special[a.idx] = "quarter"
    metered = {a.idx for a in pool[-cfg.metered_accounts :]} if pool else set()
    for acc in accounts:
        if not acc.paying or acc.start is None:
            continue
        if acc.sales_led:
            plans[acc.idx] = Lifecycle(contracts=_plan_contracts(ctx, rng, acc, last_day))
            continue
        interval = special.get(acc.idx) or ("year" if rng.random() < cfg.annual_share else "month")
        life = Lifecycle()
        life.fx_only = (
            acc.currency != "KRW"
            and interval == "month"
            and acc.idx not in metered
            and rng.random() < cfg.fx_only_share
        )
        seats = acc.seats if interval != "week" else min(acc.seats, 10)
        sub = SubPlan(acc.start, interval, acc.tier if interval != "week" else 0, seats)
        if not life.fx_only:
            if rng.random() < cfg.trial_share and interval in ("month", "year"):
                sub.trial_days = 14
            if rng.random() < cfg.discount_share and interval != "week":
                sub.discount_pct = rng.choice((10, 15, 20))
                sub.discount_periods = rng.choice((3, None))
            sub.metered = acc.idx in metered
            sub.onboarding_fee = rng.random() < 0.15
            _plan_changes(ctx, rng, sub, last_day)
        life.subs.append(sub)
        # Win-back: a new subscription some months after the old one ended.
        end = sub.end_date()
        if end is not None and rng.random() < cfg.winback_share:
            restart = end + timedelta(days=rng.randint(60, 300))
            restart = restart.replace(day=min(restart.day, 28))
            if restart < add_months(last_day, -1):
                tier = rng.choice((0, 1, 1, 2))
                again = SubPlan(restart, "month", tier, max(2, int(seats * rng.uniform(0.5, 1.2))))
                _plan_changes(ctx, rng, again, last_day)
                again.cancel_on = None  # a won-back customer stays in the demo
                life.subs.append(again)
        plans[acc.idx] = life
    _ensure_termination(rng, plans, last_day)
    return plans


def _ensure_termination(rng: random.Random, plans: dict[int, Lifecycle], last_day: date) -> None:
    """Small demos still get one contract terminated early (a story the warehouse tells)."""
    contracts = [p for p in plans.values() if p.contracts]
    if not contracts or any(c.terminated for p in contracts for c in p.contracts):
        return
    for life in contracts:
        first = life.contracts[0]
        room = min(first.term_months * 30 - 20, (last_day - first.start).days)
        if room > 95:
            first.terminated = first.start + timedelta(days=rng.randint(95, room))
            life.contracts = [first]
            return


def _plan_contracts(
    ctx: Ctx, rng: random.Random, acc: Account, last_day: date
) -> list[ContractTerm]:
    cfg = ctx.cfg
    unit = TIERS[2].monthly[acc.currency] * rng.uniform(0.7, 0.9)
    start = acc.start.replace(day=1) if rng.random() < 0.7 else acc.start
    seats = max(10, acc.seats)
    out: list[ContractTerm] = []
    while True:
        term = rng.choice((12, 12, 12, 12, 24, 36))
        freq = rng.choices(("annual", "quarterly", "monthly", "upfront"), (0.5, 0.2, 0.15, 0.15))[0]
        value = _round_money(unit * seats * term, acc.currency)
        c = ContractTerm(start, term, seats, value, freq)
        out.append(c)
        if rng.random() < cfg.contract_terminate_share:
            day = start + timedelta(days=rng.randint(95, term * 30 - 20))
            if day <= last_day:
                c.terminated = day
                break
        if c.end >= last_day or rng.random() > cfg.contract_renew_share:
            break
        start = c.end + timedelta(days=1)
        seats = max(5, int(seats * rng.uniform(0.85, 1.4)))
        unit *= rng.uniform(1.0, 1.08)
    return out


def service_windows(life: Lifecycle) -> list[tuple[date, date | None, SubPlan | ContractTerm]]:
    """Periods in which the account uses the product: (first day, end day or None, plan)."""
    out: list[tuple[date, date | None, SubPlan | ContractTerm]] = []
    for sub in life.subs:
        out.append((sub.start, sub.end_date(), sub))
    for c in life.contracts:
        end = c.terminated if c.terminated else c.end + timedelta(days=1)
        out.append((c.start, end, c))
    return out


def seats_on(plan: SubPlan | ContractTerm, d: date) -> int:
    if isinstance(plan, ContractTerm):
        return plan.seats
    seats = plan.seats
    for ch in plan.changes:
        if ch.day <= d:
            seats = ch.seats
    return seats


# -- customer-success stories ------------------------------------------------------------
# A CSM recognises the months before a loss: usage falls, tickets burst, survey answers
# turn to detractors and invoices are paid late. Each loss below is a "risk day"; usage,
# support, surveys and billing all read the same days, so the warning signs precede the
# churn or contraction that follows within about three months.


def risk_days(life: Lifecycle, as_of: date) -> list[date]:
    """Days a customer is lost or shrinks: end of service (churn, a renewal lost before
    as_of), a downgrade, a contract renewed with fewer seats."""
    days: list[date] = []
    for sub in life.subs:
        end = sub.end_date()
        if end is not None:
            days.append(end)
        days.extend(ch.day for ch in sub.changes if ch.kind == "downgrade")
    for i, c in enumerate(life.contracts):
        nxt = life.contracts[i + 1] if i + 1 < len(life.contracts) else None
        if c.terminated is not None:
            days.append(c.terminated)
        elif nxt is None and c.end < as_of:
            days.append(c.end + timedelta(days=1))
        elif nxt is not None and nxt.seats < c.seats:
            days.append(nxt.start)
    return sorted(days)


def days_to_risk(life: Lifecycle, d: date, as_of: date) -> int | None:
    """Days from d to the next risk day (None when none follows)."""
    ahead = [(r - d).days for r in risk_days(life, as_of) if r >= d]
    return min(ahead) if ahead else None


def at_risk(life: Lifecycle, d: date, horizon: int, as_of: date) -> bool:
    left = days_to_risk(life, d, as_of)
    return left is not None and left < horizon


def expanding_soon(life: Lifecycle, d: date, horizon: int = 90) -> bool:
    """An upgrade follows within `horizon` days: the account has outgrown its seats."""
    return any(
        0 <= (ch.day - d).days < horizon
        for sub in life.subs
        for ch in sub.changes
        if ch.kind == "upgrade"
    ) or any(
        0 <= (nxt.start - d).days < horizon and nxt.seats > c.seats
        for c, nxt in zip(life.contracts, life.contracts[1:], strict=False)
    )
