"""Marketing: campaigns, leads (with MQL rule scenarios, SQL and conversion), the website
behaviour that makes them MQLs, campaign members and the reps' follow-up tasks (SLA)."""

from __future__ import annotations

import heapq
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .company import Account, Names, Person, User
from .config import CAMPAIGN_CHANNELS, INDUSTRIES
from .context import Ctx
from .crm import SF, CrmPlan
from .timeutil import add_months, iso_utc, kst_epoch, month_key, sf_ts, ts_date_kst
from .writer import dumps, tf

DAY = 86400
# Scenario -> (rule, window seconds between first and completing behaviour); None = no MQL.
SCENARIOS: dict[str, tuple[str | None, int | None]] = {
    "r1": ("R1", None),
    "r2": ("R2", None),
    "r3": ("R3", None),
    "r1_exact": ("R1", 14 * DAY),
    "r1_past": (None, 14 * DAY + 1),
    "r2_exact": ("R2", 30 * DAY),
    "r2_past": (None, 30 * DAY + 1),
    "r3_exact": ("R3", 14 * DAY),
    "r3_past": (None, 14 * DAY + 1),
    "none": (None, None),
}
SCENARIO_WEIGHTS = {
    "r1": 12,
    "r2": 10,
    "r3": 8,
    "r1_exact": 2,
    "r1_past": 2,
    "r2_exact": 1,
    "r2_past": 1,
    "r3_exact": 1.5,
    "r3_past": 1.5,
    "none": 61,
}
BLOG = (
    "how-to-build-a-revenue-dashboard",
    "saas-metrics-101",
    "nrr-vs-grr",
    "data-warehouse-for-startups",
    "kpi-playbook",
    "churn-analysis-guide",
    "customer-health-score",
    "b2b-marketing-funnel",
)
SOURCE_BY_CHANNEL = {
    "naver": "Paid Search",
    "google": "Paid Search",
    "kakao": "Social",
    "linkedin": "Social",
    "events": "Event",
}
UTM = {
    "naver": ("naver", "cpc"),
    "google": ("google", "cpc"),
    "kakao": ("kakao", "display"),
    "linkedin": ("linkedin", "paid_social"),
    "events": ("webinar", "event"),
}


@dataclass
class Campaign:
    id: str
    name: str
    type: str
    channel: str
    start: date
    end: date


@dataclass
class Lead:
    idx: int
    id: str
    person: Person
    company: str
    industry: str
    employees: int
    country: str
    owner_id: str
    scenario: str
    created: int  # identify moment = lead creation
    t_complete: int  # moment of the behaviour that completes (or would complete) the rule
    window: int  # seconds between the rule's first and last behaviour
    anon: str
    source: str = "Web"
    campaign: Campaign | None = None
    mql_at: int | None = None
    mql_rule: str | None = None
    sql_date: date | None = None
    champ: tuple[bool, bool, bool, bool] = (False, False, False, False)
    converted: tuple[Account, str, str, int] | None = None  # account, contact, opp, ts
    deleted_at: int | None = None
    first_touch: int | None = None


@dataclass
class MarketingPlan:
    campaigns: list[Campaign] = field(default_factory=list)
    leads: list[Lead] = field(default_factory=list)


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def build_campaigns(ctx: Ctx) -> list[Campaign]:
    out: list[Campaign] = []
    start = add_months(ctx.first_month, -6)
    start = start.replace(month=(start.month - 1) // 3 * 3 + 1)
    q = start
    names = {
        "naver": "네이버 검색광고",
        "kakao": "카카오 모먼트",
        "google": "Google Ads",
        "linkedin": "LinkedIn Ads",
    }
    while q < ctx.as_of:
        label = f"{q.year} Q{(q.month - 1) // 3 + 1}"
        q_end = add_months(q, 3) - timedelta(days=1)
        for ch in ("naver", "kakao", "google", "linkedin"):
            out.append(
                Campaign(
                    ctx.ids.salesforce("701"),
                    f"{label} {names[ch]}",
                    "Advertisement" if ch in ("naver", "google") else "Social",
                    ch,
                    q,
                    q_end,
                )
            )
        for k in range(3):
            m = add_months(q, k)
            day = m + timedelta(days=14)
            if day < ctx.as_of:
                out.append(
                    Campaign(
                        ctx.ids.salesforce("701"),
                        f'{month_key(m)} 월간 웨비나: 데이터로 보는 매출, "NRR" 편',
                        "Webinar",
                        "events",
                        day - timedelta(days=20),
                        day,
                    )
                )
        if q.month in (4, 10):
            out.append(
                Campaign(
                    ctx.ids.salesforce("701"),
                    f"{label} SaaS Summit 부스",
                    "Conference",
                    "events",
                    q + timedelta(days=40),
                    q + timedelta(days=41),
                )
            )
        q = add_months(q, 3)
    return out


def _pick_campaign(
    rng: random.Random, campaigns: list[Campaign], channel: str, d: date, webinar: bool = False
) -> Campaign | None:
    pool = [c for c in campaigns if c.channel == channel and (not webinar or c.type == "Webinar")]
    live = [c for c in pool if c.start <= d <= c.end + timedelta(days=20)]
    if live:
        return rng.choice(live)
    return min(pool, key=lambda c: abs((c.start - d).days)) if pool else None


def plan_marketing(
    ctx: Ctx, names: Names, accounts: list[Account], users: list[User], crm: CrmPlan
) -> MarketingPlan:
    rng = ctx.rng("leads")
    cfg = ctx.cfg
    plan = MarketingPlan(campaigns=build_campaigns(ctx))
    reps = [u for u in users if u.department == "Sales"]
    reps_by_country = {c: [u for u in reps if u.country == c] or reps for c in ("KR", "JP", "US")}

    def timing(scenario: str, t_c: int | None, lo: int) -> tuple[int, int, int]:
        """(identify ts, completion ts, window) for a scenario."""
        _rule, fixed = SCENARIOS[scenario]
        base = scenario.split("_")[0]
        if fixed is not None:
            window = fixed
        elif base == "r2":
            window = rng.randint(1, 29) * DAY + rng.randint(0, 80_000)
        else:
            window = rng.randint(3600, 13 * DAY)
        if t_c is None:
            t_c = lo + rng.randint(2 * DAY, 40 * DAY) + rng.randint(0, 86_399)
        if base == "r2":
            t_id = t_c - 30
        elif base == "r3":
            t_id = t_c - window - rng.randint(1, 5) * DAY
        elif base == "none":
            t_id = t_c
        else:
            t_id = t_c - rng.randint(300, max(301, min(window // 2, 3 * DAY)))
        return t_id, t_c, window

    def new_lead(
        scenario: str,
        person: Person,
        company: str,
        industry: str,
        employees: int,
        country: str,
        t_c: int | None,
        lo: int,
    ) -> Lead:
        t_id, t_c, window = timing(scenario, t_c, lo)
        lead = Lead(
            len(plan.leads),
            ctx.ids.salesforce("00Q"),
            person,
            company,
            industry,
            employees,
            country,
            rng.choice(reps_by_country[country]).id,
            scenario,
            t_id,
            t_c,
            window,
            _uuid(rng),
        )
        if scenario.startswith("r3"):
            channel = "events"
        elif rng.random() < 0.65:
            channel = rng.choice(CAMPAIGN_CHANNELS)
        else:
            channel = ""
        if channel:
            lead.campaign = _pick_campaign(
                rng, plan.campaigns, channel, ts_date_kst(t_id), webinar=scenario.startswith("r3")
            )
            lead.source = SOURCE_BY_CHANNEL[channel]
        else:
            lead.source = rng.choice(("Web", "Web", "Referral", "Partner"))
        rule = SCENARIOS[scenario][0]
        if rule and t_c < ctx.end_ts:
            lead.mql_at, lead.mql_rule = t_c, rule
        plan.leads.append(lead)
        return lead

    # Inbound deals start as leads that converted into the deal.
    for acc in accounts:
        opp = crm.new_business.get(acc.idx)
        if opp is None or not acc.contacts or rng.random() > (0.6 if acc.paying else 0.4):
            continue
        acc.inbound = True
        scenario = rng.choice(("r1", "r1", "r2", "r3", "r1_exact", "r2_exact", "r3_exact"))
        t_c = opp.created - rng.randint(2, 15) * DAY - rng.randint(0, 20_000)
        lead = new_lead(
            scenario, acc.contacts[0], acc.name, acc.industry, acc.employees, acc.country, t_c, 0
        )
        lead.owner_id = opp.owner_id
        days = max(1, (ts_date_kst(opp.created) - ts_date_kst(t_c)).days)
        lead.sql_date = ts_date_kst(t_c) + timedelta(days=rng.randint(1, days))
        lead.champ = (True, True, rng.random() < 0.7, True)
        lead.converted = (acc, acc.contacts[0].id, opp.id, opp.created)
        opp.lead_source = lead.source
        opp.campaign_id = lead.campaign.id if lead.campaign else ""

    # Leads that never became a deal: most never qualify, some break the process.
    n_other = max(10, int(len(accounts) * cfg.leads_per_account) - len(plan.leads))
    lo = kst_epoch(add_months(ctx.first_month, -1))
    span = ctx.end_ts - 3 * DAY - lo
    scen = list(SCENARIO_WEIGHTS)
    weights = list(SCENARIO_WEIGHTS.values())
    for _ in range(n_other):
        country = rng.choices(("KR", "JP", "US"), (0.65, 0.18, 0.17))[0]
        fk = names.fakers[country]
        domain = f"{names.en.domain_word().replace('-', '')}{rng.randint(1, 9999)}.com"
        person = names.person(country, domain, "", rng.randint(1, 9))
        scenario = rng.choices(scen, weights)[0]
        start = lo + rng.randint(0, max(1, span))
        lead = new_lead(
            scenario,
            person,
            fk.company(),
            rng.choice(INDUSTRIES),
            int(max(5, rng.lognormvariate(4.3, 1.2))),
            country,
            None,
            start,
        )
        if lead.mql_at is not None:
            x = rng.random()
            mql_day = ts_date_kst(lead.mql_at)
            if x < 0.35:
                lead.sql_date = mql_day + timedelta(days=rng.randint(1, 10))
                lead.champ = (True, True, rng.random() < 0.6, True)
            elif x < 0.39:
                lead.sql_date = mql_day - timedelta(days=rng.randint(2, 5))  # before the MQL
                lead.champ = (True, True, True, True)
            elif x < 0.43:
                lead.sql_date = mql_day + timedelta(days=rng.randint(1, 5))
                lead.champ = (True, False, True, True)  # authority never confirmed
        elif scenario == "none" and rng.random() < 0.01:
            lead.sql_date = ts_date_kst(lead.created) + timedelta(days=3)  # never an MQL
            lead.champ = (True, True, True, True)
        if lead.sql_date is not None and kst_epoch(lead.sql_date) + 10 * 3600 >= ctx.end_ts:
            lead.sql_date = None
            lead.champ = (False, False, False, False)
    # A few junk leads are deleted later.
    nones = [
        ld
        for ld in plan.leads
        if ld.scenario == "none"
        and ld.converted is None
        and ld.sql_date is None
        and ld.created < ctx.end_ts - 30 * DAY
    ]
    for ld in rng.sample(nones, min(3, len(nones))):
        ld.deleted_at = min(ctx.end_ts - 3600, ld.created + rng.randint(10, 25) * DAY)
    _plan_sla_tasks(ctx, plan, crm)
    return plan


def _plan_sla_tasks(ctx: Ctx, plan: MarketingPlan, crm: CrmPlan) -> None:
    rng = ctx.rng("sla")
    for lead in plan.leads:
        if lead.mql_at is None:
            continue
        m = lead.mql_at
        x = rng.random()
        if x < 0.68:
            t1 = m + rng.randint(300, 6900)
            t2 = t1 + rng.randint(3600, 82_800)
            touches = [t1, t2, rng.randint(t2 + 3600, m + 71 * 3600)]
        elif x < 0.74:
            touches = [m + 7200, m + 7200 + 86400, m + 72 * 3600]  # every limit exactly
        elif x < 0.82:
            t1 = m + 7201 if rng.random() < 0.4 else m + rng.randint(3 * 3600, 20 * 3600)
            touches = [t1, t1 + rng.randint(3600, 20 * 3600), m + 70 * 3600]
        elif x < 0.89:
            t1 = m + rng.randint(600, 7000)
            t2 = t1 + 86400 + rng.randint(1, 30 * 3600)
            touches = [t1, t2, t2 + 3600]
        elif x < 0.96:
            t1 = m + rng.randint(600, 7000)
            t2 = t1 + rng.randint(3600, 20 * 3600)
            touches = [t1, t2] + (
                [m + 72 * 3600 + rng.randint(1, 48 * 3600)] if rng.random() < 0.6 else []
            )
        else:
            touches = []
        for i, ts in enumerate(touches):
            kind = "Call" if i % 2 == 0 else "Email"
            subject = {"Call": "인바운드 리드 콜", "Email": "후속 안내 메일"}[kind]
            if i == 0:
                lead.first_touch = ts
            crm.tasks.append(
                [
                    ctx.ids.salesforce("00T"),
                    lead.id,
                    "",
                    "",
                    lead.owner_id,
                    kind,
                    subject,
                    "Completed",
                    ts_date_kst(ts).isoformat(),
                    ts,
                ]
            )


LEAD_HEADER = (
    "Id",
    "FirstName",
    "LastName",
    "Email",
    "Company",
    "Industry",
    "NumberOfEmployees",
    "Country",
    "LeadSource",
    "Status",
    "OwnerId",
    "CreatedDate",
    "IsConverted",
    "ConvertedDate",
    "ConvertedAccountId",
    "ConvertedContactId",
    "ConvertedOpportunityId",
    "SQL_Date__c",
    "CHAMP_Challenges__c",
    "CHAMP_Authority__c",
    "CHAMP_Money__c",
    "CHAMP_Prioritization__c",
    "SystemModstamp",
    "IsDeleted",
)
CAMPAIGN_HEADER = (
    "Id",
    "Name",
    "Type",
    "Channel__c",
    "Status",
    "StartDate",
    "EndDate",
    "BudgetedCost",
)
MEMBER_HEADER = ("Id", "CampaignId", "LeadId", "ContactId", "Status", "HasResponded", "CreatedDate")


def write_marketing(ctx: Ctx, plan: MarketingPlan) -> None:
    w = ctx.writer
    end = ctx.end_ts
    camp_rows: dict[str, list[list[Any]]] = defaultdict(list)
    for c in plan.campaigns:
        if c.start >= ctx.as_of:
            continue
        status = "Completed" if c.end < ctx.as_of else "In Progress"
        camp_rows[ctx.file_month(c.start)].append(
            [
                c.id,
                c.name,
                c.type,
                c.channel,
                status,
                c.start.isoformat(),
                c.end.isoformat(),
                5_000_000 if c.channel != "events" else 3_000_000,
            ]
        )
    w.write_monthly_csv(
        f"{SF}/Campaign", "Campaign", "salesforce.Campaign", CAMPAIGN_HEADER, camp_rows
    )
    lead_rows: dict[str, list[tuple[int, list[Any]]]] = defaultdict(list)
    member_rows: dict[str, list[list[Any]]] = defaultdict(list)
    for lead in plan.leads:
        if lead.created >= end:
            continue
        p = lead.person
        versions: list[tuple[int, str]] = [(lead.created, "Open - Not Contacted")]
        if lead.first_touch is not None and lead.first_touch < end:
            versions.append((lead.first_touch, "Working - Contacted"))
        sql_ts = kst_epoch(lead.sql_date) + 10 * 3600 if lead.sql_date else None
        if sql_ts is not None and sql_ts < end:
            versions.append((max(sql_ts, lead.created + 60), "Qualified"))
        if lead.converted and lead.converted[3] < end:
            versions.append((max(lead.converted[3], lead.created + 120), "Closed - Converted"))
        if lead.deleted_at is not None:
            versions.append((lead.deleted_at, "Closed - Not Converted"))
        for ts, status in versions:
            has_sql = sql_ts is not None and ts >= sql_ts
            conv = lead.converted if status == "Closed - Converted" else None
            champ = lead.champ if has_sql else (False, False, False, False)
            lead_rows[ctx.file_month(ts_date_kst(ts))].append(
                (
                    ts,
                    [
                        lead.id,
                        p.first,
                        p.last,
                        p.email,
                        lead.company,
                        lead.industry,
                        lead.employees,
                        lead.country,
                        lead.source,
                        status,
                        lead.owner_id,
                        sf_ts(lead.created),
                        tf(conv is not None),
                        ts_date_kst(conv[3]).isoformat() if conv else "",
                        conv[0].id if conv else "",
                        conv[1] if conv else "",
                        conv[2] if conv else "",
                        lead.sql_date.isoformat() if has_sql and lead.sql_date else "",
                        *(tf(v) for v in champ),
                        sf_ts(ts),
                        tf(ts == lead.deleted_at),
                    ],
                )
            )
        if lead.campaign is not None:
            member_rows[ctx.file_month(ts_date_kst(lead.created))].append(
                [
                    ctx.ids.salesforce("00v"),
                    lead.campaign.id,
                    lead.id,
                    "",
                    "Attended" if lead.scenario.startswith("r3") else "Responded",
                    "true",
                    sf_ts(lead.created),
                ]
            )
    w.write_monthly_csv(
        f"{SF}/Lead",
        "Lead",
        "salesforce.Lead",
        LEAD_HEADER,
        {k: [r for _ts, r in sorted(v, key=lambda x: x[0])] for k, v in lead_rows.items()},
    )
    w.write_monthly_csv(
        f"{SF}/CampaignMember",
        "CampaignMember",
        "salesforce.CampaignMember",
        MEMBER_HEADER,
        member_rows,
    )
    _write_web(ctx, plan)


# -- website behaviour ---------------------------------------------------------------------


def _page(rng: random.Random, lead: Lead, ts: int, path: str) -> dict[str, Any]:
    host = {"KR": "www.revenuelens.co.kr", "JP": "jp.revenuelens.io", "US": "revenuelens.io"}
    title = {
        "/": "Home",
        "/pricing": "Pricing",
        "/security": "Security",
        "/product": "Product",
        "/customers": "Customers",
        "/about": "About",
    }.get(path, "Blog" if path.startswith("/blog") else "Docs")
    return {
        "type": "page",
        "messageId": _uuid(rng),
        "timestamp": iso_utc(ts),
        "anonymousId": lead.anon,
        "name": title,
        "properties": {"path": path, "url": f"https://{host[lead.country]}{path}", "title": title},
        "context": _web_context(lead),
    }


def _track(
    rng: random.Random, lead: Lead, ts: int, event: str, props: dict[str, Any]
) -> dict[str, Any]:
    return {
        "type": "track",
        "messageId": _uuid(rng),
        "timestamp": iso_utc(ts),
        "anonymousId": lead.anon,
        "event": event,
        "properties": props,
        "context": _web_context(lead),
    }


def _web_context(lead: Lead) -> dict[str, Any]:
    ctx: dict[str, Any] = {
        "locale": {"KR": "ko-KR", "JP": "ja-JP", "US": "en-US"}[lead.country],
        "library": {"name": "analytics.js", "version": "4.1.0"},
    }
    if lead.campaign is not None:
        source, medium = UTM[lead.campaign.channel]
        ctx["campaign"] = {"source": source, "medium": medium, "name": lead.campaign.name}
    return ctx


def _read(rng: random.Random, lead: Lead, ts: int, pct: int) -> dict[str, Any]:
    slug = rng.choice(BLOG)
    return _track(
        rng, lead, ts, "Content Read", {"path": f"/blog/{slug}", "percent_read": pct, "title": slug}
    )


def lead_events(ctx: Ctx, lead: Lead) -> list[tuple[int, dict[str, Any]]]:
    """The lead's website messages; the rule's own behaviours sit at exact offsets."""
    rng = random.Random(f"{ctx.seed}:web:{lead.idx}")
    ev: list[tuple[int, dict[str, Any]]] = []
    t_id, t_c, win = lead.created, lead.t_complete, lead.window
    base = lead.scenario.split("_")[0]
    # Anonymous browsing before the identify, and some after it.
    for _ in range(rng.randint(2, 6)):
        ts = t_id - rng.randint(600, 40 * DAY)
        path = rng.choice(("/", "/", "/product", "/customers", f"/blog/{rng.choice(BLOG)}"))
        ev.append((ts, _page(rng, lead, ts, path)))
    for _ in range(rng.randint(0, 2)):
        ts = t_id - rng.randint(600, 30 * DAY)
        ev.append((ts, _read(rng, lead, ts, rng.randint(10, 70))))
    for _ in range(rng.randint(0, 4)):
        ts = t_id + rng.randint(600, 20 * DAY)
        ev.append((ts, _page(rng, lead, ts, rng.choice(("/", "/about", "/docs/getting-started")))))
    traits = {"email": lead.person.email, "name": lead.person.full_name, "company": lead.company}
    ev.append(
        (
            t_id,
            {
                "type": "identify",
                "messageId": _uuid(rng),
                "timestamp": iso_utc(t_id),
                "anonymousId": lead.anon,
                "traits": traits,
                "context": _web_context(lead),
            },
        )
    )
    if base == "r1":
        ev.append((t_c - win, _page(rng, lead, t_c - win, "/pricing")))
        ev.append((t_c, _page(rng, lead, t_c, "/security")))
    elif base == "r2":
        second = t_c - rng.randint(60, max(61, int(win * 0.8)))
        ev.append((t_c - win, _read(rng, lead, t_c - win, rng.randint(75, 100))))
        ev.append((second, _read(rng, lead, second, rng.choice((75, 80, 92, 100)))))
        ev.append(
            (
                t_c,
                _track(
                    rng, lead, t_c, "Form Submitted", {"path": "/contact", "form": "demo_request"}
                ),
            )
        )
    elif base == "r3":
        name = lead.campaign.name if lead.campaign else "웨비나"
        ev.append(
            (
                t_c - win,
                _track(
                    rng,
                    lead,
                    t_c - win,
                    "Webinar Attended",
                    {"webinar": name, "duration_minutes": rng.randint(20, 60)},
                ),
            )
        )
        ev.append(
            (t_c, _track(rng, lead, t_c, "CTA Clicked", {"path": "/pricing", "cta": "book_demo"}))
        )
    else:
        # Near misses: one piece of a rule at most, never a whole rule.
        x = rng.random()
        ts = t_id + rng.randint(60, 10 * DAY)
        if x < 0.3:
            ev.append((ts, _page(rng, lead, ts, "/pricing")))
        elif x < 0.5:
            ev.append((ts, _read(rng, lead, ts, rng.randint(75, 100))))
        elif x < 0.6:
            ev.append((ts, _track(rng, lead, ts, "CTA Clicked", {"path": "/", "cta": "trial"})))
        elif x < 0.7:
            ev.append(
                (
                    t_id,
                    _track(
                        rng,
                        lead,
                        t_id,
                        "Form Submitted",
                        {"path": "/newsletter", "form": "newsletter"},
                    ),
                )
            )
    return [(ts, e) for ts, e in ev if ts < ctx.end_ts]


def _write_web(ctx: Ctx, plan: MarketingPlan) -> None:
    """Monthly files, streamed: leads in creation order, a heap holds a few weeks ahead."""
    w = ctx.writer
    leads = sorted(plan.leads, key=lambda ld: (ld.created, ld.idx))
    bounds = [kst_epoch(m) for m in ctx.month_starts[1:]] + [ctx.end_ts]
    heap: list[tuple[int, int, str]] = []
    seq = 0
    li = 0
    lookahead = 45 * DAY  # no behaviour is more than 41 days before its identify
    for mi, key in enumerate(ctx.month_keys):
        bound = bounds[mi]
        while li < len(leads) and leads[li].created < bound + lookahead:
            for ts, e in lead_events(ctx, leads[li]):
                heapq.heappush(heap, (ts, seq, dumps(e)))
                seq += 1
            li += 1
        sink = w.jsonl(f"usage/segment/events_{key}_web.jsonl.gz")
        while heap and heap[0][0] < bound:
            _ts, _s, line = heapq.heappop(heap)
            sink.write_lines(line + "\n", 1)
        w.close_jsonl(sink, "segment.events")
