"""The CRM population: users (reps, marketers, CSMs) and accounts with their buying profile."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker

from .config import (
    BUDGET_OWNERS,
    COUNTRY_CURRENCY,
    DECISION_STRUCTURES,
    INDUSTRIES,
)
from .context import Ctx
from .timeutil import add_months

LOCALES = {"KR": "ko_KR", "JP": "ja_JP", "US": "en_US"}
TLDS = {"KR": "co.kr", "JP": "co.jp", "US": "com"}


@dataclass
class User:
    id: str
    name: str
    department: str  # Sales / Marketing / Customer Success
    country: str  # market the user covers
    is_active: bool = True


@dataclass
class Person:
    """A contact or lead person: name, email and title."""

    first: str
    last: str
    email: str
    title: str
    id: str = ""  # Salesforce Contact Id once the person is a contact

    @property
    def full_name(self) -> str:
        return f"{self.last}{self.first}" if self.first and self.last else self.first


@dataclass
class Account:
    idx: int
    id: str
    name: str
    country: str
    currency: str
    industry: str
    employees: int
    budget_owner: str
    decision_structure: str
    security_review: bool
    domain: str
    owner_id: str
    csm_id: str
    paying: bool
    sales_led: bool
    start: date | None  # first day of service (trial or paid); None for prospects
    seats: int  # seats at purchase
    tier: int  # index into TIERS at purchase
    parent_id: str | None = None
    deleted: bool = False
    contacts: list[Person] = field(default_factory=list)
    # Filled by later stages.
    created: date | None = None
    inbound: bool = False  # came through a marketing lead (else outbound/partner)


class Names:
    """Seeded Faker per locale for company and person names."""

    def __init__(self, seed: int) -> None:
        self.fakers: dict[str, Faker] = {}
        for country, locale in LOCALES.items():
            fk = Faker(locale)
            fk.seed_instance(seed + sum(map(ord, locale)))
            self.fakers[country] = fk
        self.en = self.fakers["US"]

    def person(self, country: str, domain: str, title: str, n: int) -> Person:
        fk = self.fakers[country]
        first, last = fk.first_name(), fk.last_name()
        local = self.en.user_name()
        return Person(first, last, f"{local}{n}@{domain}", title)


def build_users(ctx: Ctx, names: Names, n_accounts: int) -> list[User]:
    rng = ctx.rng("users")
    users: list[User] = []
    plan = (
        ("Sales", max(4, n_accounts // 40)),
        ("Marketing", max(2, n_accounts // 150)),
        ("Customer Success", max(3, n_accounts // 50)),
    )
    for department, count in plan:
        for i in range(count):
            # Every team covers all three markets; the JP and US desks are smaller.
            country = ("KR", "JP", "US")[i % 3] if i < 3 else rng.choice(("KR", "KR", "JP", "US"))
            fk = names.fakers[country if department == "Sales" else "KR"]
            users.append(User(ctx.ids.salesforce("005"), fk.name(), department, country))
    # A rep who left: still owns history, no longer active.
    sales = [u for u in users if u.department == "Sales"]
    sales[-1].is_active = False
    return users


def _start_months(ctx: Ctx, n: int, rng) -> list[int]:
    """Purchase month per paying account: a batch at the start, then exponential growth."""
    months = ctx.months
    weights = [math.exp(2.0 * i / max(months, 1)) for i in range(months)]
    total = sum(weights)
    out = []
    for _ in range(n):
        if rng.random() < ctx.cfg.initial_customer_share:
            out.append(0)
            continue
        x, acc = rng.random() * total, 0.0
        for i, w in enumerate(weights):
            acc += w
            if x <= acc:
                out.append(i)
                break
        else:
            out.append(months - 1)
    return out


def build_accounts(ctx: Ctx, names: Names, users: list[User], n: int) -> list[Account]:
    rng = ctx.rng("accounts")
    cfg = ctx.cfg
    reps = {c: [u for u in users if u.department == "Sales" and u.country == c] for c in LOCALES}
    csms = [u for u in users if u.department == "Customer Success"]
    countries = list(cfg.country_weights)
    cweights = list(cfg.country_weights.values())
    paying_flags = [rng.random() < cfg.paying_share for _ in range(n)]
    start_months = iter(_start_months(ctx, sum(paying_flags), rng))
    seen_names: set[str] = set()
    accounts: list[Account] = []
    for i in range(n):
        country = rng.choices(countries, cweights)[0]
        fk = names.fakers[country]
        name = fk.company()
        while name in seen_names:
            name = f"{fk.company()}"
            if name in seen_names:
                name = f"{name} {rng.randint(2, 99)}"
        seen_names.add(name)
        if rng.random() < 0.03:
            # Real CRM names carry commas (and so need RFC 4180 quoting).
            name = f"{name}, {'서울지점' if country == 'KR' else 'Holdings'}"
        employees = int(min(20_000, max(8, rng.lognormvariate(4.6, 1.2))))
        seats = int(max(3, min(400, employees * rng.uniform(0.05, 0.35))))
        tier = rng.choices((0, 1, 2), (0.45, 0.4, 0.15))[0]
        if employees > 800:
            tier = max(tier, 1)
        paying = paying_flags[i]
        start = None
        sales_led = False
        if paying:
            m = next(start_months)
            start = add_months(ctx.first_month, m) + timedelta(days=rng.randint(0, 27))
            # Big buyers with a committee tend to sign annual contracts outside Stripe.
            p = cfg.sales_led_share * (2.2 if employees > 500 else 0.6)
            sales_led = rng.random() < p
            if sales_led:
                tier = 2
        domain_word = names.en.domain_word().replace("-", "")
        accounts.append(
            Account(
                idx=i,
                id=ctx.ids.salesforce("001"),
                name=name,
                country=country,
                currency=COUNTRY_CURRENCY[country],
                industry=rng.choice(INDUSTRIES),
                employees=employees,
                budget_owner=rng.choices(BUDGET_OWNERS, (0.35, 0.2, 0.15, 0.1, 0.2))[0],
                decision_structure=(
                    "Committee"
                    if employees > 300 and rng.random() < 0.7
                    else rng.choice(DECISION_STRUCTURES)
                ),
                security_review=employees > 200 and rng.random() < 0.6 or rng.random() < 0.1,
                domain=f"{domain_word}{i}.{TLDS[country]}",
                owner_id=rng.choice(
                    reps[country] or [u for u in users if u.department == "Sales"]
                ).id,
                csm_id=rng.choice(csms).id,
                paying=paying,
                sales_led=sales_led,
                start=start,
                seats=seats,
                tier=tier,
            )
        )
    # Subsidiaries point at an earlier account of the same country.
    for acc in accounts[10:]:
        if rng.random() < cfg.subsidiary_share:
            parents = [
                a for a in accounts[: acc.idx] if a.country == acc.country and a.parent_id is None
            ]
            if parents:
                acc.parent_id = rng.choice(parents[-50:]).id
    return accounts
