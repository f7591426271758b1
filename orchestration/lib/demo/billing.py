"""Billing: Stripe customers, prices, subscriptions and invoices (streamed month by month)
and sales-led contracts. Keeps each account's local MRR exactly as the metric defines it,
so stories.json can say in which month every change shows."""

from __future__ import annotations

import bisect
import heapq
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from .company import Account
from .config import MINOR_UNITS, TIERS
from .context import Ctx
from .lifecycle import INTERVALS, ContractTerm, Lifecycle, SubPlan, at_risk
from .stripe_objects import Line, Price, invoice_obj
from .timeutil import kst_epoch, last_day, month_key, sf_ts
from .writer import tf

STRIPE_DIR = "billing/stripe"


class MrrTracker:
    """Local-currency MRR per account and complete month, by the metric's own rules."""

    def __init__(self, ctx: Ctx, n_accounts: int) -> None:
        # Month M's end instant: midnight Seoul starting M+1. A period [s, e) contains
        # the last instant of M iff s < end_M <= e.
        self.month_ends = [kst_epoch(m) for m in ctx.month_starts[1:]]
        self.mrr = np.zeros((n_accounts, ctx.months))
        self.by_sub: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))

    def months_covered(self, start: int, end: int) -> range:
        lo = bisect.bisect_right(self.month_ends, start)
        hi = bisect.bisect_right(self.month_ends, end)
        return range(lo, hi)

    def add_line(self, acc: int, sub: str, line: Line) -> None:
        p = line.price
        net = (line.amount - (line.discount[0] if line.discount else 0)) / MINOR_UNITS[p.currency]
        if p.interval == "month":
            monthly = net / p.interval_count
        elif p.interval == "year":
            monthly = net / (12 * p.interval_count)
        elif p.interval == "week":
            monthly = net * 52 / 12 / p.interval_count
        else:
            monthly = net * 365 / 12 / p.interval_count
        for i in self.months_covered(line.start, line.end):
            self.mrr[acc, i] += monthly
            self.by_sub[sub][i] += monthly

    def end_sub(self, acc: int, sub: str, ended_at: int) -> None:
        """A subscription ended before a month's end no longer counts in that month."""
        for i, amount in self.by_sub.pop(sub, {}).items():
            if ended_at < self.month_ends[i]:
                self.mrr[acc, i] -= amount

    def add_contract(self, acc: int, c: ContractTerm, months: list[date]) -> None:
        monthly = c.total_value / c.term_months
        for i, m in enumerate(months):
            end = last_day(m)
            if c.start <= end <= c.end and (c.terminated is None or end < c.terminated):
                self.mrr[acc, i] += monthly


@dataclass
class Catalog:
    prices: list[Price] = field(default_factory=list)
    licensed: dict[tuple[int, str, str], Price] = field(default_factory=dict)
    metered: dict[str, Price] = field(default_factory=dict)


def build_catalog(ctx: Ctx) -> Catalog:
    cat = Catalog()
    created = kst_epoch(ctx.first_month) - 90 * 86400
    for t, tier in enumerate(TIERS):
        product = ctx.ids.stripe("prod")
        for cur, monthly in tier.monthly.items():
            minor = MINOR_UNITS[cur]
            amounts = {
                "month": round(monthly * minor),
                "quarter": round(monthly * 3 * minor),
                "year": round(monthly * 10 * minor),  # two months free on annual
                "week": round(monthly * 12 / 52 * 1.1 * minor),
            }
            for plan_interval, amount in amounts.items():
                if plan_interval == "week" and t != 0:
                    continue
                interval, count = INTERVALS[plan_interval]
                price = Price(
                    ctx.ids.stripe("price"),
                    product,
                    cur,
                    amount,
                    interval,
                    count,
                    "licensed",
                    f"{tier.name} {plan_interval}ly {cur}",
                    created,
                )
                cat.prices.append(price)
                cat.licensed[(t, plan_interval, cur)] = price
    api = ctx.ids.stripe("prod")
    for cur, amount in (("KRW", 50), ("JPY", 5), ("USD", 4)):
        price = Price(
            ctx.ids.stripe("price"),
            api,
            cur,
            amount,
            "month",
            1,
            "metered",
            f"API calls per 1,000 {cur}",
            created,
        )
        cat.prices.append(price)
        cat.metered[cur] = price
    return cat


def _hm(d: date, hour: int, minute: int = 0) -> int:
    return kst_epoch(d) + hour * 3600 + minute * 60


class StripeAccount:
    """One Stripe customer's records in time order (a lazy stream)."""

    def __init__(
        self,
        ctx: Ctx,
        acc: Account,
        life: Lifecycle,
        cat: Catalog,
        tracker: MrrTracker,
        flags: dict[str, Any],
    ) -> None:
        self.ctx, self.acc, self.life, self.cat, self.tracker = ctx, acc, life, cat, tracker
        self.rng = random.Random(f"{ctx.seed}:stripe:{acc.idx}")
        self.flags = flags
        self.customer = ctx.ids.stripe("cus")
        self.subs = [
            (ctx.ids.stripe("sub"), ctx.ids.stripe("si"), ctx.ids.stripe("si"), s)
            for s in life.subs
        ]
        self._heap: list[tuple[int, int, str, dict[str, Any]]] = []
        self._seq = 0

    # -- records -------------------------------------------------------------------------
    def _customer(self, ts: int) -> dict[str, Any]:
        acc = self.acc
        metadata = {} if self.flags.get("unmapped") else {"crm_account_id": acc.id}
        return {
            "id": self.customer,
            "object": "customer",
            "balance": 0,
            "created": ts,
            "currency": acc.currency.lower(),
            "deleted": False,
            "description": None,
            "email": acc.contacts[0].email if acc.contacts else f"billing@{acc.domain}",
            "livemode": False,
            "metadata": metadata,
            "name": acc.name,
            "preferred_locales": [{"KR": "ko", "JP": "ja", "US": "en"}[acc.country]],
        }

    def _sub_obj(
        self,
        ids: tuple[str, str, str, SubPlan],
        tier: int,
        seats: int,
        status: str,
        period: tuple[int, int],
        *,
        canceled_at: int | None = None,
        cancel_at: int | None = None,
        ended_at: int | None = None,
    ) -> dict[str, Any]:
        sub_id, si, si_m, plan = ids
        price = self.cat.licensed[(tier, plan.interval, self.acc.currency)]
        created = _hm(plan.start, 10)
        items = [
            {
                "id": si,
                "object": "subscription_item",
                "created": created,
                "current_period_end": period[1],
                "current_period_start": period[0],
                "discounts": [],
                "metadata": {},
                "price": price.obj(),
                "quantity": seats,
                "subscription": sub_id,
            }
        ]
        if plan.metered:
            items.append(
                {
                    "id": si_m,
                    "object": "subscription_item",
                    "created": created,
                    "current_period_end": period[1],
                    "current_period_start": period[0],
                    "discounts": [],
                    "metadata": {},
                    "price": self.cat.metered[self.acc.currency].obj(),
                    "subscription": sub_id,
                }
            )
        trial = plan.trial_days > 0
        return {
            "id": sub_id,
            "object": "subscription",
            "billing_cycle_anchor": kst_epoch(plan.anchor),
            "cancel_at": cancel_at,
            "cancel_at_period_end": cancel_at is not None and ended_at is None,
            "canceled_at": canceled_at,
            "collection_method": "send_invoice",
            "created": created,
            "currency": self.acc.currency.lower(),
            "customer": self.customer,
            "days_until_due": 14,
            "ended_at": ended_at,
            "items": {
                "object": "list",
                "data": items,
                "has_more": False,
                "total_count": len(items),
                "url": f"/v1/subscription_items?subscription={sub_id}",
            },
            "livemode": False,
            "metadata": {},
            "start_date": created,
            "status": status,
            "trial_end": kst_epoch(plan.anchor) if trial else None,
            "trial_start": created if trial else None,
        }

    def _emit(self, ts: int, obj: str, rec: dict[str, Any]) -> None:
        heapq.heappush(self._heap, (ts, self._seq, obj, rec))
        self._seq += 1

    def stream(self) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """Yields (ts, object, record) in time order, only records before the extract."""
        end_ts = self.ctx.end_ts
        for ts, _seq, obj, rec in self._merged():
            if ts >= end_ts:
                return
            yield ts, obj, rec

    def _merged(self) -> Iterator[tuple[int, int, str, dict[str, Any]]]:
        for now in self._produce():
            while self._heap and self._heap[0][0] <= now:
                yield heapq.heappop(self._heap)
        while self._heap:
            yield heapq.heappop(self._heap)

    # -- simulation ----------------------------------------------------------------------
    def _produce(self) -> Iterator[int]:
        """Pushes records onto the heap; yields the simulation clock after each step."""
        first = self.life.subs[0]
        ts = _hm(first.start, 10) - 600
        self._emit(ts, "customers", self._customer(ts))
        yield ts
        for ids in self.subs:
            yield from self._produce_sub(ids)
            if self.flags.get("delete_customer_after") and ids is self.subs[-1]:
                plan = ids[3]
                end = plan.end_date()
                if end is not None:
                    ts = kst_epoch(end) + 45 * 86400
                    self._emit(
                        ts,
                        "customers",
                        {"id": self.customer, "object": "customer", "deleted": True},
                    )
                    yield ts

    def _produce_sub(self, ids: tuple[str, str, str, SubPlan]) -> Iterator[int]:
        sub_id, si, si_m, plan = ids
        ctx, rng, acc = self.ctx, self.rng, self.acc
        end_ts = ctx.end_ts
        cur = acc.currency
        created = _hm(plan.start, 10)
        tier, seats = plan.tier, plan.seats
        first_period = (kst_epoch(plan.period_start(0)), kst_epoch(plan.period_start(1)))
        status = "trialing" if plan.trial_days else "active"
        trial_period = (created, kst_epoch(plan.anchor))
        self._emit(
            created,
            "subscriptions",
            self._sub_obj(
                ids, tier, seats, status, trial_period if plan.trial_days else first_period
            ),
        )
        if plan.trial_days:
            price = self.cat.licensed[(tier, plan.interval, cur)]
            line = Line(
                ctx.ids.stripe("il"),
                0,
                cur,
                seats,
                created,
                kst_epoch(plan.anchor),
                f"Trial period for {TIERS[tier].name}",
                price,
                sub_id,
                si,
            )
            self._invoice(created + 60, sub_id, [line], "subscription_create", "paid")
            yield created
        # Cancellation: voluntary ends at period end; involuntary ends when the last invoice
        # is written off, part-way through its period.
        end_day = plan.end_date()
        cancel_day = plan.cancel_on
        ended_at = None
        last_k = None
        if cancel_day is not None:
            for k in range(10_000):
                if plan.period_start(k) <= cancel_day < plan.period_start(k + 1):
                    last_k = k
                    break
            if cancel_day < plan.anchor:
                last_k = -1
            if plan.involuntary and last_k is not None and last_k >= 0:
                ended_at = kst_epoch(plan.period_start(last_k)) + 32 * 86400 + 3600
                ended_at = min(ended_at, kst_epoch(plan.period_start(last_k + 1)) - 3600)
            else:
                ended_at = kst_epoch(end_day)
        changes = list(plan.changes)
        one_off_rate = 0.02
        k = 0
        while True:
            ps, pe = plan.period_start(k), plan.period_start(k + 1)
            s, e = kst_epoch(ps), kst_epoch(pe)
            if s >= end_ts or (last_k is not None and k > last_k):
                break
            # Downgrades asked for during the previous period apply from this one.
            changed = False
            while changes and changes[0].day < ps:
                ch = changes.pop(0)
                if (ch.tier, ch.seats) != (tier, seats):
                    tier, seats = ch.tier, ch.seats
                    changed = True
            if (k == 0 and plan.trial_days) or changed:
                self._emit(s, "subscriptions", self._sub_obj(ids, tier, seats, "active", (s, e)))
            price = self.cat.licensed[(tier, plan.interval, cur)]
            lines = [
                Line(
                    ctx.ids.stripe("il"),
                    price.unit_amount * seats,
                    cur,
                    seats,
                    s,
                    e,
                    f"{seats} × {TIERS[tier].name} ({plan.interval})",
                    price,
                    sub_id,
                    si,
                )
            ]
            if plan.discount_pct and (plan.discount_periods is None or k < plan.discount_periods):
                amount = lines[0].amount * plan.discount_pct // 100
                lines[0].discount = (amount, self.flags["discount_id"])
            if plan.metered and k > 0:
                mp = self.cat.metered[cur]
                usage = int(seats * rng.uniform(20, 120))
                ps_prev = kst_epoch(plan.period_start(k - 1))
                lines.append(
                    Line(
                        ctx.ids.stripe("il"),
                        mp.unit_amount * usage,
                        cur,
                        usage,
                        ps_prev,
                        s,
                        "API calls (thousands)",
                        mp,
                        sub_id,
                        si_m,
                    )
                )
            if (k == 0 and plan.onboarding_fee) or rng.random() < one_off_rate:
                fee = round(
                    {"KRW": 500_000, "JPY": 50_000, "USD": 400}[cur]
                    * MINOR_UNITS[cur]
                    * (1 if k == 0 else 0.5)
                )
                lines.append(
                    Line(
                        ctx.ids.stripe("il"),
                        fee,
                        cur,
                        1,
                        s,
                        s,
                        "온보딩 지원" if k == 0 else "추가 교육 세션",
                        price,
                        sub_id,
                        None,
                        invoice_item=ctx.ids.stripe("ii"),
                    )
                )
            status = "paid"
            if plan.involuntary and last_k is not None and k >= last_k - 1:
                status = "uncollectible"
            first_paid = k == 0 and not plan.trial_days
            reason = "subscription_create" if first_paid else "subscription_cycle"
            # A customer about to leave or shrink pays late (past the 30-day alert).
            late = at_risk(self.life, ps, 100, ctx.as_of) and rng.random() < 0.6
            self._invoice(s + 3600, sub_id, lines, reason, status, late=late)
            yield s
            # Upgrades take effect at once with prorations for the rest of the period.
            while changes and changes[0].day < pe and changes[0].kind == "upgrade":
                ch = changes.pop(0)
                u = _hm(ch.day, 14)
                if u >= end_ts or (ended_at is not None and u >= ended_at):
                    break
                old = self.cat.licensed[(tier, plan.interval, cur)]
                new = self.cat.licensed[(ch.tier, plan.interval, cur)]
                frac = (e - u) / (e - s)
                credit = -round(old.unit_amount * seats * frac)
                charge = round(new.unit_amount * ch.seats * frac)
                pl = [
                    Line(
                        ctx.ids.stripe("il"),
                        credit,
                        cur,
                        seats,
                        u,
                        e,
                        f"Unused time on {seats} × {TIERS[tier].name}",
                        old,
                        sub_id,
                        si,
                        proration=True,
                    ),
                    Line(
                        ctx.ids.stripe("il"),
                        charge,
                        cur,
                        ch.seats,
                        u,
                        e,
                        f"Remaining time on {TIERS[ch.tier].name}",
                        new,
                        sub_id,
                        si,
                        proration=True,
                    ),
                ]
                tier, seats = ch.tier, ch.seats
                self._emit(u, "subscriptions", self._sub_obj(ids, tier, seats, "active", (s, e)))
                self._invoice(u + 60, sub_id, pl, "subscription_update", "paid")
                yield u
            if cancel_day is not None and k == last_k:
                c = _hm(cancel_day, 11)
                if not plan.involuntary:
                    self._emit(
                        c,
                        "subscriptions",
                        self._sub_obj(
                            ids, tier, seats, "active", (s, e), canceled_at=c, cancel_at=ended_at
                        ),
                    )
                    yield c
            k += 1
        if ended_at is not None:
            cancel_ts = _hm(cancel_day, 11) if not plan.involuntary else ended_at
            if ended_at < end_ts:
                last = (
                    kst_epoch(plan.period_start(max(last_k, 0))),
                    kst_epoch(plan.period_start(max(last_k, 0) + 1)),
                )
                self._emit(
                    ended_at,
                    "subscriptions",
                    self._sub_obj(
                        ids,
                        tier,
                        seats,
                        "canceled",
                        last,
                        canceled_at=cancel_ts,
                        cancel_at=None if plan.involuntary else ended_at,
                        ended_at=ended_at,
                    ),
                )
                self.tracker.end_sub(acc.idx, sub_id, ended_at)
                yield ended_at

    def _invoice(
        self,
        created: int,
        sub_id: str,
        lines: list[Line],
        reason: str,
        status: str,
        late: bool = False,
    ) -> None:
        ctx, rng = self.ctx, self.rng
        inv_id = ctx.ids.stripe("in")
        number = f"{self.customer[4:12].upper()}-{ctx.ids.next('inv:' + self.customer):04d}"
        common = dict(
            customer=self.customer,
            currency=self.acc.currency,
            subscription=sub_id,
            lines=lines,
            billing_reason=reason,
            due_days=14,
        )
        counted = status in ("paid", "open", "uncollectible")
        age = ctx.end_ts - created
        x = rng.random()
        if x < 0.01:
            # Issued by mistake and voided; the real invoice follows.
            void_lines = [Line(**{**ln.__dict__, "id": ctx.ids.stripe("il")}) for ln in lines]
            self._emit(
                created - 1800,
                "invoices",
                invoice_obj(
                    id=ctx.ids.stripe("in"),
                    number=number + "V",
                    created=created - 1800,
                    status="void",
                    paid_at=None,
                    voided_at=created - 600,
                    legacy=False,
                    **{**common, "lines": void_lines},
                ),
            )
        elif x < 0.015:
            draft_lines = [Line(**{**ln.__dict__, "id": ctx.ids.stripe("il")}) for ln in lines]
            self._emit(
                created - 900,
                "invoices",
                invoice_obj(
                    id=ctx.ids.stripe("in"),
                    number=number,
                    created=created - 900,
                    status="draft",
                    paid_at=None,
                    voided_at=None,
                    legacy=False,
                    **{**common, "lines": draft_lines},
                ),
            )
        total = sum(ln.amount for ln in lines)
        if status == "uncollectible":
            self._emit(
                created,
                "invoices",
                invoice_obj(
                    id=inv_id,
                    number=number,
                    created=created,
                    status="open",
                    paid_at=None,
                    voided_at=None,
                    legacy=False,
                    **common,
                ),
            )
            self._emit(
                created + 30 * 86400,
                "invoices",
                invoice_obj(
                    id=inv_id,
                    number=number,
                    created=created,
                    status="uncollectible",
                    paid_at=None,
                    voided_at=None,
                    legacy=False,
                    **common,
                ),
            )
        elif status == "paid" and total > 0 and (age < 18 * 86400 or x > 0.86 or late):
            # Paid later (bank transfer): open first, re-sent as paid; some stay overdue.
            delay = rng.randint(2, 9) * 86400 if x < 0.985 else rng.randint(40, 80) * 86400
            if late:
                delay = rng.randint(46, 75) * 86400
            self._emit(
                created,
                "invoices",
                invoice_obj(
                    id=inv_id,
                    number=number,
                    created=created,
                    status="open",
                    paid_at=None,
                    voided_at=None,
                    legacy=False,
                    **common,
                ),
            )
            self._emit(
                created + delay,
                "invoices",
                invoice_obj(
                    id=inv_id,
                    number=number,
                    created=created,
                    status="paid",
                    paid_at=created + delay,
                    voided_at=None,
                    legacy=False,
                    **common,
                ),
            )
        else:
            self._emit(
                created,
                "invoices",
                invoice_obj(
                    id=inv_id,
                    number=number,
                    created=created,
                    status=status,
                    paid_at=created + 120 if status == "paid" else None,
                    voided_at=None,
                    legacy=False,
                    **common,
                ),
            )
        if counted and created < ctx.end_ts:
            for ln in lines:
                if not ln.proration and not ln.invoice_item and ln.price.usage_type == "licensed":
                    self.tracker.add_line(self.acc.idx, sub_id, ln)


def _legacy(obj: str, rec: dict[str, Any]) -> dict[str, Any]:
    """Rewrites a current-shape record the way an older API version returned it."""
    if obj == "invoices":
        out = {k: v for k, v in rec.items() if k != "parent"}
        parent = rec.get("parent") or {}
        out["subscription"] = (parent.get("subscription_details") or {}).get("subscription")
        lines = []
        for ln in rec["lines"]["data"]:
            lp = ln["parent"]
            sid = lp["subscription_item_details"] or {}
            iid = lp["invoice_item_details"] or {}
            new = {k: v for k, v in ln.items() if k not in ("parent", "pricing")}
            new["type"] = "invoiceitem" if iid else "subscription"
            new["proration"] = bool(sid.get("proration", False))
            new["subscription"] = sid.get("subscription") or iid.get("subscription")
            new["subscription_item"] = sid.get("subscription_item")
            new["invoice_item"] = iid.get("invoice_item")
            new["price"] = _PRICE_BY_ID[ln["pricing"]["price_details"]["price"]].obj()
            lines.append(new)
        out["lines"] = {**rec["lines"], "data": lines}
        return out
    if obj == "subscriptions" and "items" in rec:
        out = dict(rec)
        items = rec["items"]["data"]
        out["plan"] = _PRICE_BY_ID[items[0]["price"]["id"]].legacy_plan()
        out["quantity"] = items[0].get("quantity")
        out["current_period_start"] = items[0]["current_period_start"]
        out["current_period_end"] = items[0]["current_period_end"]
        return out
    if obj == "customers" and not rec.get("deleted"):
        return {
            **rec,
            "account_balance": 0,
            "default_source": None,
            "sources": {"object": "list", "data": [], "has_more": False},
        }
    return rec


_PRICE_BY_ID: dict[str, Price] = {}


def write_stripe(
    ctx: Ctx, accounts: list[Account], plans: dict[int, Lifecycle], tracker: MrrTracker
) -> set[int]:
    """Writes all Stripe files; returns the account indices with unusual customers
    (unmapped, deleted later) that stories leave out."""
    rng = ctx.rng("stripe")
    cat = build_catalog(ctx)
    _PRICE_BY_ID.clear()
    _PRICE_BY_ID.update({p.id: p for p in cat.prices})
    w = ctx.writer
    keys = ctx.month_keys
    # The first extract of every object comes from an older API version (legacy shape).
    legacy_month = keys[0]
    w.write_jsonl(
        f"{STRIPE_DIR}/prices/prices_{legacy_month}.jsonl.gz",
        "stripe.prices",
        [p.obj() for p in cat.prices if p.interval != "week"],
    )
    w.write_jsonl(
        f"{STRIPE_DIR}/prices/prices_{keys[1]}.jsonl.gz",
        "stripe.prices",
        [p.obj() for p in cat.prices if p.interval == "week"],
    )
    stripe_accs = [a for a in accounts if a.idx in plans and plans[a.idx].subs]
    discount_ids = {a.idx: ctx.ids.stripe("di") for a in stripe_accs}
    # Two customers without the CRM mapping; one churned customer deleted later.
    flags: dict[int, dict[str, Any]] = {
        a.idx: {"discount_id": discount_ids[a.idx]} for a in stripe_accs
    }
    candidates = [
        a
        for a in stripe_accs
        if len(plans[a.idx].subs) == 1
        and plans[a.idx].subs[0].cancel_on is not None
        and not plans[a.idx].fx_only
    ]
    if candidates:
        flags[rng.choice(candidates).idx]["delete_customer_after"] = True
    plain = [a for a in stripe_accs if not plans[a.idx].fx_only]
    for a in rng.sample(plain, min(2, len(plain))):
        flags[a.idx]["unmapped"] = True
    streams = [StripeAccount(ctx, a, plans[a.idx], cat, tracker, flags[a.idx]) for a in stripe_accs]
    iters = [s.stream() for s in streams]
    heads: list[tuple[int, str, dict[str, Any]] | None] = [next(it, None) for it in iters]
    bounds = [kst_epoch(m) for m in ctx.month_starts[1:]] + [ctx.end_ts]
    for mi, key in enumerate(keys):
        bound = bounds[mi]
        sinks = {
            obj: w.jsonl(f"{STRIPE_DIR}/{obj}/{obj}_{key}.jsonl.gz")
            for obj in ("customers", "subscriptions", "invoices")
        }
        for j, it in enumerate(iters):
            head = heads[j]
            while head is not None and head[0] < bound:
                _ts, obj, rec = head
                sinks[obj].write(_legacy(obj, rec) if key == legacy_month else rec)
                head = next(it, None)
            heads[j] = head
        for obj, sink in sinks.items():
            w.close_jsonl(sink, f"stripe.{obj}")
    return {i for i, f in flags.items() if f.get("unmapped") or f.get("delete_customer_after")}


CONTRACT_HEADER = (
    "contract_id",
    "crm_account_id",
    "opportunity_id",
    "start_date",
    "end_date",
    "currency",
    "total_contract_value",
    "billing_frequency",
    "seats",
    "status",
    "terminated_date",
    "updated_at",
)


def write_contracts(
    ctx: Ctx,
    accounts: list[Account],
    plans: dict[int, Lifecycle],
    tracker: MrrTracker,
    contract_opps: dict[tuple[int, int], str],
) -> None:
    rng = ctx.rng("contracts")
    buckets: dict[str, list[list[Any]]] = defaultdict(list)
    last = ctx.as_of - timedelta(days=1)
    n = 0
    for acc in accounts:
        life = plans.get(acc.idx)
        if life is None or not life.contracts:
            continue
        for ci, c in enumerate(life.contracts):
            tracker.add_contract(acc.idx, c, ctx.month_starts[: ctx.months])
            n += 1
            cid = f"CTR-{n:06d}"
            signed = c.start - timedelta(days=rng.randint(3, 20))

            def row(
                status: str,
                updated: date,
                seats: int,
                _c: ContractTerm = c,
                _cid: str = cid,
                _ci: int = ci,
                terminated: date | None = None,
                hour: int = 10,
                _a: Account = acc,
            ) -> list[Any]:
                return [
                    _cid,
                    _a.id,
                    contract_opps[(_a.idx, _ci)],
                    _c.start.isoformat(),
                    _c.end.isoformat(),
                    _a.currency,
                    _money(_c.total_value, _a.currency),
                    _c.billing_frequency,
                    seats,
                    status,
                    terminated.isoformat() if terminated else "",
                    sf_ts(kst_epoch(updated) + hour * 3600),
                ]

            if signed >= ctx.as_of:
                continue
            buckets[ctx.file_month(signed)].append(row("active", signed, c.seats))
            if rng.random() < 0.2:
                # Seats corrected after signing: re-sent with a newer updated_at.
                fix = signed + timedelta(days=rng.randint(10, 40))
                if fix <= last:
                    c.seats += rng.choice((-2, 2, 5))
                    buckets[ctx.file_month(fix)].append(row("active", fix, c.seats))
            if c.terminated is not None and c.terminated <= last:
                buckets[ctx.file_month(c.terminated)].append(
                    row("terminated", c.terminated, c.seats, terminated=c.terminated)
                )
            elif c.end < last:
                expired = c.end + timedelta(days=1)
                buckets[ctx.file_month(expired)].append(row("expired", expired, c.seats))
    ctx.writer.write_monthly_csv(
        "billing/contracts", "contracts", "contracts.contracts", CONTRACT_HEADER, buckets
    )


def _money(value: float, currency: str) -> str:
    return f"{value:.2f}" if MINOR_UNITS[currency] > 1 else f"{int(value)}"


def month_label(ctx: Ctx, i: int) -> str:
    return month_key(ctx.month_starts[i])


__all__ = ["MrrTracker", "write_stripe", "write_contracts", "tf"]
