"""Knobs of the demo data set: sizes, rates, prices and the vocabularies the generator uses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tier:
    name: str
    # Monthly list price per seat in each currency's major unit.
    monthly: dict[str, float]


TIERS: tuple[Tier, ...] = (
    Tier("Starter", {"KRW": 15_000, "JPY": 1_600, "USD": 12.0}),
    Tier("Growth", {"KRW": 39_000, "JPY": 4_200, "USD": 32.0}),
    Tier("Enterprise", {"KRW": 89_000, "JPY": 9_500, "USD": 69.0}),
)

COUNTRY_CURRENCY: dict[str, str] = {"KR": "KRW", "JP": "JPY", "US": "USD"}
# Stripe minor units: KRW and JPY are zero-decimal currencies.
MINOR_UNITS: dict[str, int] = {"KRW": 1, "JPY": 1, "USD": 100}

INDUSTRIES: tuple[str, ...] = (
    "Technology",
    "Manufacturing",
    "Retail",
    "Financial Services",
    "Healthcare",
    "Education",
    "Media",
    "Logistics",
    "Gaming",
    "Public Sector",
)
BUDGET_OWNERS: tuple[str, ...] = ("IT", "Operations", "Marketing", "Finance", "Executive")
DECISION_STRUCTURES: tuple[str, ...] = ("Single", "Committee")

CAMPAIGN_CHANNELS: tuple[str, ...] = ("naver", "kakao", "google", "linkedin", "events")
SPEND_CHANNELS: tuple[str, ...] = (
    "google_ads",
    "naver_search",
    "kakao",
    "linkedin",
    "events",
    "content",
)
# Campaign channel -> marketing_spend channel that pays for it.
CAMPAIGN_SPEND_CHANNEL: dict[str, str] = {
    "naver": "naver_search",
    "kakao": "kakao",
    "google": "google_ads",
    "linkedin": "linkedin",
    "events": "events",
}
LEAD_SOURCES: tuple[str, ...] = ("Web", "Paid Search", "Social", "Event", "Referral", "Partner")

OPEN_STAGES: tuple[str, ...] = (
    "Prospecting",
    "Qualification",
    "Needs Analysis",
    "Value Proposition",
    "Id. Decision Makers",
    "Perception Analysis",
    "Proposal/Price Quote",
    "Negotiation/Review",
)
LOSS_REASONS: tuple[str, ...] = (
    "Price",
    "Competitor",
    "No Decision",
    "Security Review Failed",
    "Timing",
    "Missing Feature",
)

COST_CATEGORIES: tuple[str, ...] = (
    "sales_payroll",
    "marketing_payroll",
    "sales_tools",
    "marketing_tools",
    "content_production",
    "hosting",
    "support_payroll",
    "cs_payroll",
    "third_party_services",
    "rnd_payroll",
    "g_and_a",
)

PRODUCT_EVENTS: tuple[tuple[str, float], ...] = (
    # (event name, relative frequency)
    ("Dashboard Viewed", 40.0),
    ("Report Viewed", 18.0),
    ("Report Created", 8.0),
    ("Report Shared", 4.0),
    ("Export Run", 6.0),
    ("Alert Configured", 2.0),
    ("Integration Connected", 0.6),
    ("User Invited", 0.8),
    ("Data Source Added", 0.8),
    ("Signed In", 20.0),
)


@dataclass(frozen=True)
class DemoConfig:
    """Rates and shares. Defaults give a plausible mid-size Korean B2B SaaS company."""

    country_weights: dict[str, float] = field(
        default_factory=lambda: {"KR": 0.62, "JP": 0.2, "US": 0.18}
    )
    paying_share: float = 0.82  # the rest are prospects that never buy (lost deals)
    sales_led_share: float = 0.15  # annual contracts outside Stripe
    initial_customer_share: float = 0.08  # accounts already live in the first month
    annual_share: float = 0.2
    quarterly_accounts: int = 3
    weekly_accounts: int = 4
    metered_accounts: int = 5
    trial_share: float = 0.3
    discount_share: float = 0.15
    subsidiary_share: float = 0.05
    upgrade_rate: float = 0.03  # per active account and month
    downgrade_rate: float = 0.012
    churn_rate: float = 0.012
    winback_share: float = 0.35  # of churned Stripe accounts
    fx_only_share: float = 0.25  # of JPY/USD Stripe accounts: local price never changes
    contract_terminate_share: float = 0.12
    contract_renew_share: float = 0.75
    # Product usage: track events per active seat per day. Drives the size of usage files.
    events_per_seat_day: float = 0.3
    active_user_share: tuple[float, float] = (0.55, 0.95)
    leads_per_account: float = 3.0
    tickets_per_seat_month: float = 0.015
    nps_response_rate: float = 0.35
    gzip_level: int = 6
    # Product events dominate the volume; fast compression keeps generation quick.
    events_gzip_level: int = 1
