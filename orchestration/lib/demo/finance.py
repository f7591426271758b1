"""Finance: daily FX rates (KRW per unit), marketing spend by channel, monthly costs."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import numpy as np

from .config import COST_CATEGORIES
from .context import Ctx
from .marketing import Campaign
from .timeutil import add_months, month_key

# currency -> (centre, low, high, daily volatility, decimals)
FX = {"USD": (1375.0, 1300.0, 1450.0, 0.004, 2), "JPY": (9.4, 8.8, 10.0, 0.005, 4)}


class FxTable:
    def __init__(self) -> None:
        self.daily: dict[str, dict[date, float]] = defaultdict(dict)

    def rate_on(self, currency: str, d: date) -> float:
        """Latest rate on or before d (KRW is 1)."""
        if currency == "KRW":
            return 1.0
        table = self.daily[currency]
        while d not in table:
            d -= timedelta(days=1)
        return table[d]


def write_fx(ctx: Ctx) -> FxTable:
    rng = ctx.rng("fx")
    fx = FxTable()
    start = add_months(ctx.first_month, -6)
    rows: dict[str, list[list[Any]]] = defaultdict(list)
    level = {c: math.log(v[0] * rng.uniform(0.98, 1.02)) for c, v in FX.items()}
    d = start
    while d < ctx.as_of:
        if d.weekday() < 5:  # banks publish on business days
            for cur, (centre, low, high, vol, dec) in FX.items():
                x = level[cur]
                x += 0.03 * (math.log(centre) - x) + rng.gauss(0, vol)
                x = min(max(x, math.log(low)), math.log(high))
                level[cur] = x
                rate = round(math.exp(x), dec)
                fx.daily[cur][d] = rate
                rows[ctx.file_month(d)].append([d.isoformat(), cur, f"{rate:.{dec}f}"])
        d += timedelta(days=1)
    ctx.writer.write_monthly_csv(
        "finance/fx_rates", "fx_rates", "finance.fx_rates", ("date", "currency", "rate"), rows
    )
    return fx


SPEND = {  # channel -> (KRW per day at 300 accounts, currency)
    "google_ads": (260_000, "USD"),
    "naver_search": (420_000, "KRW"),
    "kakao": (180_000, "KRW"),
    "linkedin": (150_000, "USD"),
}


def write_marketing_spend(ctx: Ctx, campaigns: list[Campaign], fx: FxTable) -> None:
    rng = ctx.rng("spend")
    scale = max(0.2, len_scale(ctx))
    by_channel: dict[str, list[Campaign]] = defaultdict(list)
    for c in campaigns:
        by_channel[c.channel].append(c)
    spend_campaign = {
        "google_ads": "google",
        "naver_search": "naver",
        "kakao": "kakao",
        "linkedin": "linkedin",
    }
    rows: dict[str, list[list[Any]]] = defaultdict(list)
    d = ctx.first_month
    n_days = (ctx.as_of - ctx.first_month).days
    i = 0
    while d < ctx.as_of:
        growth = 0.6 + 0.8 * i / max(1, n_days)
        for channel, (krw, cur) in SPEND.items():
            amount_krw = krw * scale * growth * rng.uniform(0.7, 1.3)
            if d.weekday() >= 5:
                amount_krw *= 0.6
            amount = amount_krw / fx.rate_on(cur, d) if cur != "KRW" else amount_krw
            live = [c for c in by_channel[spend_campaign[channel]] if c.start <= d <= c.end]
            cid = live[0].id if live and rng.random() < 0.8 else ""
            rows[month_key(d)].append([d.isoformat(), channel, cid, _fmt(amount, cur), cur])
        for c in by_channel["events"]:
            if c.end == d:
                cost = (12_000_000 if c.type == "Conference" else 1_500_000) * scale
                rows[month_key(d)].append(
                    [
                        d.isoformat(),
                        "events",
                        c.id,
                        _fmt(cost * rng.uniform(0.8, 1.2), "KRW"),
                        "KRW",
                    ]
                )
        if d.weekday() == 0:
            rows[month_key(d)].append(
                [
                    d.isoformat(),
                    "content",
                    "",
                    _fmt(rng.uniform(0.8, 2.5) * 1_000_000 * scale, "KRW"),
                    "KRW",
                ]
            )
        d += timedelta(days=1)
        i += 1
    ctx.writer.write_monthly_csv(
        "finance/marketing_spend",
        "marketing_spend",
        "finance.marketing_spend",
        ("date", "channel", "campaign_id", "amount", "currency"),
        rows,
    )


def len_scale(ctx: Ctx) -> float:
    return ctx.n_accounts / 300


def write_costs(ctx: Ctx, mrr_krw: np.ndarray) -> None:
    """Monthly costs; cost-to-serve tracks revenue so gross margin lands near 75-85 %."""
    rng = ctx.rng("costs")
    scale = max(0.2, len_scale(ctx))
    rows: dict[str, list[list[Any]]] = {}
    for mi in range(ctx.months):
        revenue = float(mrr_krw[mi])
        growth = 0.6 + 0.8 * mi / max(1, ctx.months)
        base = {
            "sales_payroll": 45_000_000 * scale * growth,
            "marketing_payroll": 22_000_000 * scale * growth,
            "sales_tools": 3_000_000 * scale,
            "marketing_tools": 2_500_000 * scale,
            "content_production": 4_000_000 * scale * growth,
            "hosting": 0.09 * revenue + 2_000_000 * scale,
            "support_payroll": 0.06 * revenue + 6_000_000 * scale,
            "cs_payroll": 0.05 * revenue + 8_000_000 * scale,
            "third_party_services": 0.02 * revenue + 500_000 * scale,
            "rnd_payroll": 90_000_000 * scale * growth,
            "g_and_a": 25_000_000 * scale * growth,
        }
        month = month_key(ctx.month_starts[mi])
        out = []
        for cat in COST_CATEGORIES:
            krw = base[cat] * rng.uniform(0.92, 1.08)
            if cat in ("hosting", "third_party_services"):
                usd = krw / 1375.0
                out.append([month, cat, _fmt(usd, "USD"), "USD"])
            else:
                out.append([month, cat, _fmt(krw, "KRW"), "KRW"])
        rows[month] = out
    ctx.writer.write_monthly_csv(
        "finance/costs", "costs", "finance.costs", ("month", "category", "amount", "currency"), rows
    )


def _fmt(amount: float, currency: str) -> str:
    return f"{amount:.2f}" if currency == "USD" else f"{round(amount)}"
