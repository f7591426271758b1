"""Salesforce: contacts, opportunities with stage history, accounts, users and tasks."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .company import Account, Names, User
from .config import LOSS_REASONS, OPEN_STAGES, TIERS
from .context import Ctx
from .lifecycle import Lifecycle
from .timeutil import kst_epoch, sf_ts, ts_date_kst
from .writer import tf

SF = "crm/salesforce"
TITLES = {
    "KR": (
        "대표이사",
        "CTO",
        "IT팀장",
        "마케팅팀장",
        "재무이사",
        "운영본부장",
        "데이터분석 매니저",
    ),
    "JP": ("代表取締役", "CTO", "情報システム部長", "マーケティング部長", "経理部長"),
    "US": ("CEO", "CTO", "VP Engineering", "Head of Marketing", "CFO", "Data Lead"),
}


@dataclass
class Opp:
    id: str
    account: Account
    type: str  # New Business / Expansion / Renewal
    amount: float
    created: int  # Unix seconds
    close: date
    stages: list[tuple[int, str]]  # (ts, stage) changes, first = creation
    won: bool | None  # None = still open
    owner_id: str
    loss_reason: str = ""
    lead_source: str = "Outbound"
    campaign_id: str = ""
    contact_email: str = ""

    @property
    def name(self) -> str:
        return f"{self.account.name} - {self.type}"


@dataclass
class CrmPlan:
    opps: list[Opp] = field(default_factory=list)
    new_business: dict[int, Opp] = field(default_factory=dict)  # account idx -> won/lost NB
    contract_opps: dict[tuple[int, int], str] = field(default_factory=dict)
    tasks: list[list[Any]] = field(default_factory=list)  # Task rows (without file month)


def _acv(acc: Account, tier: int, seats: int) -> float:
    value = TIERS[tier].monthly[acc.currency] * seats * 12
    return round(value, 2) if acc.currency == "USD" else float(round(value))


def _stage_path(
    rng: random.Random, created: int, close_ts: int, outcome: str, stop_at: int | None = None
) -> list[tuple[int, str]]:
    """Stage changes from creation to close; a few deals step back once."""
    n_open = len(OPEN_STAGES)
    last = n_open - 1 if stop_at is None else stop_at
    chosen = sorted(
        {0, last, *rng.sample(range(1, max(2, last)), k=min(max(0, last - 1), rng.randint(1, 4)))}
    )
    names = [OPEN_STAGES[i] for i in chosen]
    if len(names) > 3 and rng.random() < 0.12:
        # Regression: back to an earlier stage, then forward again.
        at = rng.randint(2, len(names) - 1)
        names = names[:at] + [names[at - 2]] + names[at - 1 :]
    if outcome == "won":
        names.append("Closed Won")
    elif outcome == "lost":
        names.append("Closed Lost")
    span = max(close_ts - created, 3600 * len(names))
    steps = len(names) - 1
    out = [(created, names[0])]
    for i, stage in enumerate(names[1:], start=1):
        if i == steps and outcome in ("won", "lost"):
            ts = close_ts
        else:
            ts = created + int(span * (i + rng.uniform(-0.3, 0.3)) / (steps + 0.5))
        out.append((max(ts, out[-1][0] + 600), stage))
    return out


def plan_contacts(ctx: Ctx, names: Names, accounts: list[Account]) -> None:
    rng = ctx.rng("contacts")
    for acc in accounts:
        n = 1 + min(4, acc.employees // 150) + rng.randint(0, 1)
        for k in range(n):
            title = rng.choice(TITLES[acc.country])
            person = names.person(acc.country, acc.domain, title, k + 1)
            person.id = ctx.ids.salesforce("003")
            acc.contacts.append(person)


def plan_opportunities(
    ctx: Ctx, accounts: list[Account], plans: dict[int, Lifecycle], users: list[User]
) -> CrmPlan:
    rng = ctx.rng("opportunities")
    plan = CrmPlan()
    end_ts = ctx.end_ts
    last_day = ctx.as_of - timedelta(days=1)
    reps = [u for u in users if u.department == "Sales"]
    for acc in accounts:
        life = plans.get(acc.idx)
        if acc.paying and life is not None:
            if life.contracts:
                first = life.contracts[0]
                close = first.start - timedelta(days=rng.randint(3, 20))
                cycle = rng.randint(45, 180)
                amount = round(first.total_value / first.term_months * 12, 2)
            else:
                sub = life.subs[0]
                close = sub.start - timedelta(days=rng.randint(0, 3))
                cycle = rng.randint(12, 75)
                amount = _acv(acc, sub.tier, sub.seats)
                if sub.interval == "year":
                    amount = round(amount * 10 / 12, 2)
            created = kst_epoch(close - timedelta(days=cycle)) + rng.randint(9, 17) * 3600
            close_ts = kst_epoch(close) + rng.randint(10, 18) * 3600
            opp = Opp(
                ctx.ids.salesforce("006"),
                acc,
                "New Business",
                amount,
                created,
                close,
                _stage_path(rng, created, close_ts, "won"),
                True,
                acc.owner_id,
            )
            plan.opps.append(opp)
            plan.new_business[acc.idx] = opp
            acc.created = ts_date_kst(created) - timedelta(days=rng.randint(0, 20))
            if life.contracts:
                plan.contract_opps[(acc.idx, 0)] = opp.id
                for ci, c in enumerate(life.contracts[1:], start=1):
                    prev = life.contracts[ci - 1]
                    r_close = c.start - timedelta(days=rng.randint(2, 15))
                    r_created = kst_epoch(prev.end - timedelta(days=rng.randint(90, 120))) + 36000
                    r = Opp(
                        ctx.ids.salesforce("006"),
                        acc,
                        "Renewal",
                        round(c.total_value / c.term_months * 12, 2),
                        r_created,
                        r_close,
                        _stage_path(rng, r_created, kst_epoch(r_close) + 50000, "won", 5),
                        True,
                        acc.owner_id,
                    )
                    plan.opps.append(r)
                    plan.contract_opps[(acc.idx, ci)] = r.id
                last_c = life.contracts[-1]
                if last_c.terminated is None and last_c.end < last_day:
                    # Not renewed: the renewal deal was lost.
                    r_created = kst_epoch(last_c.end - timedelta(days=100)) + 36000
                    r = Opp(
                        ctx.ids.salesforce("006"),
                        acc,
                        "Renewal",
                        round(last_c.total_value / last_c.term_months * 12, 2),
                        r_created,
                        last_c.end,
                        _stage_path(rng, r_created, kst_epoch(last_c.end) + 40000, "lost", 4),
                        False,
                        acc.owner_id,
                        loss_reason=rng.choice(("Price", "Competitor", "No Decision")),
                    )
                    plan.opps.append(r)
            for sub in life.subs:
                for ch in sub.changes:
                    if ch.kind == "upgrade" and rng.random() < 0.4:
                        close = ch.day
                        e_created = kst_epoch(close - timedelta(days=rng.randint(10, 40))) + 30000
                        delta = max(
                            0.0, _acv(acc, ch.tier, ch.seats) - _acv(acc, sub.tier, sub.seats)
                        )
                        e = Opp(
                            ctx.ids.salesforce("006"),
                            acc,
                            "Expansion",
                            round(delta, 2),
                            e_created,
                            close,
                            _stage_path(rng, e_created, kst_epoch(close) + 40000, "won", 6),
                            True,
                            acc.owner_id,
                        )
                        if kst_epoch(close) < end_ts:
                            plan.opps.append(e)
            # Open expansion deals on some live accounts (expansion signals exclude them).
            if not life.contracts and life.subs[-1].cancel_on is None and rng.random() < 0.06:
                e_created = end_ts - rng.randint(5, 60) * 86400
                close = ts_date_kst(end_ts) + timedelta(days=rng.randint(20, 90))
                e = Opp(
                    ctx.ids.salesforce("006"),
                    acc,
                    "Expansion",
                    round(_acv(acc, acc.tier, max(1, acc.seats // 3)), 2),
                    e_created,
                    close,
                    _stage_path(rng, e_created, end_ts - 3600, "open", rng.randint(1, 5)),
                    None,
                    acc.owner_id,
                )
                if e_created > kst_epoch(acc.start) + 86400 * 30:
                    plan.opps.append(e)
        else:
            # Prospect: a lost or still-open new business deal somewhere in history.
            horizon = (ctx.end_ts - kst_epoch(ctx.first_month)) // 86400
            created = kst_epoch(ctx.first_month) + rng.randint(0, max(1, horizon - 5)) * 86400
            created += rng.randint(9, 18) * 3600
            cycle = rng.randint(20, 150)
            close = ts_date_kst(created) + timedelta(days=cycle)
            close_ts = kst_epoch(close) + 40000
            amount = _acv(acc, acc.tier, acc.seats)
            if close_ts < end_ts:
                path = _stage_path(rng, created, close_ts, "lost", rng.randint(1, 7))
                opp = Opp(
                    ctx.ids.salesforce("006"),
                    acc,
                    "New Business",
                    amount,
                    created,
                    close,
                    path,
                    False,
                    acc.owner_id,
                    loss_reason=_loss_reason(rng, acc),
                )
            else:
                path = _stage_path(rng, created, end_ts - 7200, "open", rng.randint(1, 7))
                opp = Opp(
                    ctx.ids.salesforce("006"),
                    acc,
                    "New Business",
                    amount,
                    created,
                    close,
                    path,
                    None,
                    acc.owner_id,
                )
            plan.opps.append(opp)
            plan.new_business[acc.idx] = opp
            acc.created = ts_date_kst(created) - timedelta(days=rng.randint(0, 30))
        if rng.random() < 0.02 and reps:
            # Deal owner changed hands.
            acc.owner_id = rng.choice(reps).id
    return plan


def _loss_reason(rng: random.Random, acc: Account) -> str:
    if acc.security_review and rng.random() < 0.35:
        return "Security Review Failed"
    return rng.choice(LOSS_REASONS)


ACCOUNT_HEADER = (
    "Id",
    "Name",
    "ParentId",
    "Type",
    "Industry",
    "NumberOfEmployees",
    "BillingCountry",
    "BillingCity",
    "Website",
    "OwnerId",
    "CreatedDate",
    "SystemModstamp",
    "IsDeleted",
    "Budget_Owner__c",
    "Decision_Structure__c",
    "Security_Review__c",
    "CSM__c",
)
CONTACT_HEADER = (
    "Id",
    "AccountId",
    "FirstName",
    "LastName",
    "Email",
    "Title",
    "CreatedDate",
    "SystemModstamp",
    "IsDeleted",
)
USER_HEADER = ("Id", "Name", "Department", "Title", "IsActive", "CreatedDate")
OPP_HEADER = (
    "Id",
    "AccountId",
    "Name",
    "Type",
    "StageName",
    "Amount",
    "CurrencyIsoCode",
    "CloseDate",
    "Probability",
    "IsClosed",
    "IsWon",
    "LeadSource",
    "CampaignId",
    "OwnerId",
    "Loss_Reason__c",
    "CreatedDate",
    "SystemModstamp",
    "IsDeleted",
)
HISTORY_HEADER = (
    "Id",
    "OpportunityId",
    "StageName",
    "Amount",
    "CloseDate",
    "Probability",
    "CreatedDate",
    "IsDeleted",
)
TASK_HEADER = (
    "Id",
    "WhoId",
    "WhatId",
    "AccountId",
    "OwnerId",
    "Type",
    "Subject",
    "Status",
    "ActivityDate",
    "CreatedDate",
    "IsDeleted",
)
CITIES = {
    "KR": ("서울", "성남", "부산", "대전", "인천"),
    "JP": ("東京", "大阪", "福岡"),
    "US": ("San Francisco", "New York", "Seattle", "Austin"),
}
PROB = {s: p for s, p in zip(OPEN_STAGES, (10, 10, 20, 50, 60, 70, 75, 90), strict=True)}
PROB.update({"Closed Won": 100, "Closed Lost": 0})


def write_crm(
    ctx: Ctx, accounts: list[Account], users: list[User], plan: CrmPlan, deleted_account: int | None
) -> dict[int, list[str]]:
    """Writes Account, Contact, User, Opportunity, OpportunityHistory, Task files.
    Returns contact ids per account index."""
    rng = ctx.rng("crm-write")
    w = ctx.writer
    last_ts = ctx.end_ts - 3600
    contact_ids: dict[int, list[str]] = {}
    acc_rows: dict[str, list[list[Any]]] = defaultdict(list)
    con_rows: dict[str, list[list[Any]]] = defaultdict(list)
    for acc in accounts:
        created_d = acc.created or ctx.first_month
        created = kst_epoch(created_d) + rng.randint(9, 18) * 3600
        handover = kst_epoch(acc.start + timedelta(days=45)) + 10 * 3600 if acc.start else None

        def arow(
            mod: int,
            employees: int,
            deleted: bool = False,
            _a: Account = acc,
            _c: int = created,
            _h: int | None = handover,
        ) -> list[Any]:
            return [
                _a.id,
                _a.name,
                _a.parent_id or "",
                "Customer" if _a.paying else "Prospect",
                _a.industry,
                employees,
                _a.country,
                rng.choice(CITIES[_a.country]),
                f"https://www.{_a.domain}",
                _a.csm_id if _a.paying and _h is not None and mod >= _h else _a.owner_id,
                sf_ts(_c),
                sf_ts(mod),
                tf(deleted),
                _a.budget_owner,
                _a.decision_structure,
                tf(_a.security_review),
                _a.csm_id if _a.paying else "",
            ]

        acc_rows[ctx.file_month(created_d)].append(arow(created, acc.employees))
        # Handover: 45 days after the start the account's owner becomes its CSM.
        if acc.paying and handover is not None and created < handover < last_ts:
            acc_rows[ctx.file_month(ts_date_kst(handover))].append(arow(handover, acc.employees))
        if rng.random() < 0.12:
            mod = created + rng.randint(30, 700) * 86400
            if mod < last_ts:
                acc.employees = int(acc.employees * rng.uniform(1.05, 1.4))
                acc_rows[ctx.file_month(ts_date_kst(mod))].append(arow(mod, acc.employees))
        if acc.idx == deleted_account:
            mod = max(created + 86400, last_ts - rng.randint(5, 40) * 86400)
            acc_rows[ctx.file_month(ts_date_kst(mod))].append(
                arow(mod, acc.employees, deleted=True)
            )
        ids = []
        for k, p in enumerate(acc.contacts):
            cid = p.id
            ids.append(cid)
            c_created = created + k * 3600 * 24 * rng.randint(0, 20)
            c_created = min(c_created, last_ts - 86400)
            con_rows[ctx.file_month(ts_date_kst(c_created))].append(
                [
                    cid,
                    acc.id,
                    p.first,
                    p.last,
                    p.email,
                    p.title,
                    sf_ts(c_created),
                    sf_ts(c_created),
                    "false",
                ]
            )
            if rng.random() < 0.08:
                mod = c_created + rng.randint(60, 500) * 86400
                if mod < last_ts:
                    con_rows[ctx.file_month(ts_date_kst(mod))].append(
                        [
                            cid,
                            acc.id,
                            p.first,
                            p.last,
                            p.email,
                            rng.choice(TITLES[acc.country]),
                            sf_ts(c_created),
                            sf_ts(mod),
                            "false",
                        ]
                    )
        contact_ids[acc.idx] = ids
    w.write_monthly_csv(f"{SF}/Account", "Account", "salesforce.Account", ACCOUNT_HEADER, acc_rows)
    w.write_monthly_csv(f"{SF}/Contact", "Contact", "salesforce.Contact", CONTACT_HEADER, con_rows)

    first_ts = kst_epoch(ctx.first_month) - 400 * 86400
    user_rows = [
        [u.id, u.name, u.department, _user_title(u), "true", sf_ts(first_ts)] for u in users
    ]
    w.write_csv(
        f"{SF}/User/User_{ctx.month_keys[0]}.csv", "salesforce.User", USER_HEADER, user_rows
    )
    gone = [u for u in users if not u.is_active]
    w.write_csv(
        f"{SF}/User/User_{ctx.month_keys[len(ctx.month_keys) // 2]}.csv",
        "salesforce.User",
        USER_HEADER,
        [[u.id, u.name, u.department, _user_title(u), "false", sf_ts(first_ts)] for u in gone],
    )

    opp_rows: dict[str, list[list[Any]]] = defaultdict(list)
    hist_rows: dict[str, list[list[Any]]] = defaultdict(list)
    for opp in plan.opps:
        stages = [(ts, s) for ts, s in opp.stages if ts < ctx.end_ts]
        if not stages:
            continue
        acc = opp.account
        for i, (ts, stage) in enumerate(stages):
            is_closed = stage in ("Closed Won", "Closed Lost")
            if i == 0 or i == len(stages) - 1:
                opp_rows[ctx.file_month(ts_date_kst(ts))].append(
                    [
                        opp.id,
                        acc.id,
                        opp.name,
                        opp.type,
                        stage,
                        _amt(opp.amount),
                        acc.currency,
                        opp.close.isoformat(),
                        PROB[stage],
                        tf(is_closed),
                        tf(stage == "Closed Won"),
                        opp.lead_source,
                        opp.campaign_id,
                        opp.owner_id,
                        opp.loss_reason if stage == "Closed Lost" else "",
                        sf_ts(opp.created),
                        sf_ts(ts),
                        "false",
                    ]
                )
            hist_rows[ctx.file_month(ts_date_kst(ts))].append(
                [
                    ctx.ids.salesforce("008"),
                    opp.id,
                    stage,
                    _amt(opp.amount),
                    opp.close.isoformat(),
                    PROB[stage],
                    sf_ts(ts),
                    "false",
                ]
            )
        # Meetings logged against the deal.
        contacts = contact_ids.get(acc.idx) or [""]
        for ts, stage in stages[1:]:
            if rng.random() < 0.5:
                plan.tasks.append(
                    [
                        ctx.ids.salesforce("00T"),
                        rng.choice(contacts),
                        opp.id,
                        acc.id,
                        opp.owner_id,
                        "Meeting",
                        f"{stage} 미팅",
                        "Completed",
                        ts_date_kst(ts - 3600).isoformat(),
                        ts - 3600,
                    ]
                )
    w.write_monthly_csv(
        f"{SF}/Opportunity", "Opportunity", "salesforce.Opportunity", OPP_HEADER, opp_rows
    )
    w.write_monthly_csv(
        f"{SF}/OpportunityHistory",
        "OpportunityHistory",
        "salesforce.OpportunityHistory",
        HISTORY_HEADER,
        hist_rows,
    )
    task_rows: dict[str, list[list[Any]]] = defaultdict(list)
    for row in sorted(plan.tasks, key=lambda r: (r[-1], r[0])):
        ts = row[-1]
        if ts >= ctx.end_ts:
            continue
        task_rows[ctx.file_month(ts_date_kst(ts))].append([*row[:-1], sf_ts(ts), "false"])
    w.write_monthly_csv(f"{SF}/Task", "Task", "salesforce.Task", TASK_HEADER, task_rows)
    return contact_ids


def _amt(value: float) -> str:
    return f"{value:.2f}"


def _user_title(u: User) -> str:
    return {
        "Sales": "Account Executive",
        "Marketing": "Marketing Manager",
        "Customer Success": "Customer Success Manager",
    }[u.department]
