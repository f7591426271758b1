"""The landing contract (../shared/sources.md) as data.

One `SourceObject` per landed object. Ingestion, the Great Expectations suites, the raw
DDL and the dbt sources all read this module, so a field is declared exactly once.

Raw layer conventions (what dbt staging reads):
- schema `raw`, table `<source>__<object>` (e.g. `raw.salesforce__opportunity_history`).
- a raw column is the source field path, lower-cased, with `.` replaced by `_`
  (`SystemModstamp` -> `systemmodstamp`, `context.groupId` -> `context_groupid`,
  `metadata.crm_account_id` -> `metadata_crm_account_id`).
- values are typed at load: `timestamp` columns hold UTC wall time (offsets applied),
  Stripe `epoch` fields are converted from Unix seconds to UTC timestamps, `month`
  (`YYYY-MM`) becomes the first day of the month as a DATE. Currencies keep the source's
  case (Stripe is lower-case); staging upper-cases.
- every row carries `_file` (path relative to the landing root), `_line` (1-based line
  of the record in the file; for CSV the header is line 1), `_file_sha256`, `_loaded_at`.
- raw tables are append-only: every version of a record lands; staging picks the newest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SEEDS_DIR = Path(__file__).resolve().parents[3] / "seeds"

FieldType = Literal[
    "varchar", "bigint", "double", "boolean", "date", "timestamp", "epoch", "month", "json"
]

# DuckDB types the raw columns are created with.
RAW_SQL_TYPES: dict[str, str] = {
    "varchar": "VARCHAR",
    "bigint": "BIGINT",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "epoch": "TIMESTAMP",
    "month": "DATE",
    "json": "VARCHAR",
}

LOAD_METADATA_COLUMNS: dict[str, str] = {
    "_file": "VARCHAR",
    "_line": "BIGINT",
    "_file_sha256": "VARCHAR",
    "_loaded_at": "TIMESTAMP",
}

# ISO 4217 active codes (minus funds/metals). A currency outside this set is quarantined.
ISO_CURRENCIES: frozenset[str] = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
    FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR
    RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS
    TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER
    ZAR ZMW ZWG ZWL
    """.split()  # noqa: SIM905 (a block of codes reads better than a 160-item list)
)


@dataclass(frozen=True)
class Field:
    """One source field. `path` is the API name (dotted for nested JSON)."""

    path: str
    type: FieldType = "varchar"
    required: bool = True  # the column/key must be present in the file
    not_null: bool = False  # a row with an empty value is quarantined
    enum: tuple[str, ...] | None = None  # allowed values (case-sensitive, empty allowed)
    min_value: float | None = None  # inclusive lower bound
    max_value: float | None = None  # inclusive upper bound
    is_currency: bool = False  # ISO 4217 code (any case)
    # Allowed values come from a dbt seed: (seed file stem, column), e.g. cost categories.
    seed: tuple[str, str] | None = None
    # Derived JSON field: the sum of the numbers at this array path (`discount_amounts[*].amount`).
    sum_of: str | None = None
    # ... of the array elements whose key reads as the value only: ("tax_behavior", "inclusive").
    sum_where: tuple[str, str] | None = None

    @property
    def column(self) -> str:
        return self.path.lower().replace(".", "_")


@dataclass(frozen=True)
class SourceObject:
    """One landed object: where its files are, how they are read, and its fields."""

    source: str  # salesforce, stripe, contracts, segment, zendesk, nps, finance
    name: str  # object name as it appears in the landing path (Account, invoices, ...)
    directory: str  # relative to the landing root
    format: Literal["csv", "jsonl"]
    fields: tuple[Field, ...]
    primary_key: str  # field path of the record id (raw is append-only; staging dedupes)
    version_field: str | None = None  # newest version wins on this; else later file/line
    # JSON objects whose array is unnested into a child raw table, e.g. invoice lines.
    children: tuple[ChildObject, ...] = ()
    # Stripe `object` value of a record (a record saying otherwise is quarantined): a webhook
    # dump or list page may hold other objects.
    object_type: str | None = None

    @property
    def table(self) -> str:
        return f"{self.source}__{_snake(self.name)}"

    @property
    def qualified_table(self) -> str:
        return f"raw.{self.table}"


@dataclass(frozen=True)
class ChildObject:
    """An array inside a JSON record loaded as its own raw table (one row per element)."""

    name: str  # table suffix, e.g. invoice_lines -> raw.stripe__invoice_lines
    array_path: str  # e.g. lines.data
    parent_key_column: str  # column holding the parent's id, e.g. invoice_id
    fields: tuple[Field, ...]
    primary_key: str = "id"


def _snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0 and not name[i - 1].isupper():
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def _f(path: str, type_: FieldType = "varchar", **kw: object) -> Field:
    return Field(path, type_, **kw)  # type: ignore[arg-type]


def _key(path: str = "Id", type_: FieldType = "varchar") -> Field:
    return Field(path, type_, not_null=True)


_BOOL = "boolean"
_TS = "timestamp"

SALESFORCE: tuple[SourceObject, ...] = (
    SourceObject(
        "salesforce",
        "Account",
        "crm/salesforce/Account",
        "csv",
        (
            _key(),
            _f("Name"),
            _f("ParentId"),
            _f("Industry"),
            _f("NumberOfEmployees", "bigint", min_value=0),
            _f("BillingCountry"),
            _f("OwnerId"),
            _f("CreatedDate", _TS),
            _f("SystemModstamp", _TS, not_null=True),
            _f("IsDeleted", _BOOL),
            _f("Budget_Owner__c", enum=("IT", "Operations", "Marketing", "Finance", "Executive")),
            _f("Decision_Structure__c", enum=("Single", "Committee")),
            _f("Security_Review__c", _BOOL),
        ),
        "Id",
        "SystemModstamp",
    ),
    SourceObject(
        "salesforce",
        "Contact",
        "crm/salesforce/Contact",
        "csv",
        (
            _key(),
            _f("AccountId"),
            _f("Email"),
            _f("Title"),
            _f("CreatedDate", _TS),
            _f("SystemModstamp", _TS, not_null=True),
            _f("IsDeleted", _BOOL),
        ),
        "Id",
        "SystemModstamp",
    ),
    SourceObject(
        "salesforce",
        "Lead",
        "crm/salesforce/Lead",
        "csv",
        (
            _key(),
            _f("Email"),
            _f("Company"),
            _f("Industry"),
            _f("NumberOfEmployees", "bigint", min_value=0),
            _f("LeadSource"),
            _f("Status"),
            _f("OwnerId"),
            _f("CreatedDate", _TS, not_null=True),  # a lead's cohort month (fct_leads)
            _f("IsConverted", _BOOL),
            _f("ConvertedDate", "date"),
            _f("ConvertedAccountId"),
            _f("ConvertedContactId"),
            _f("ConvertedOpportunityId"),
            _f("SQL_Date__c", "date"),
            _f("CHAMP_Challenges__c", _BOOL),
            _f("CHAMP_Authority__c", _BOOL),
            _f("CHAMP_Money__c", _BOOL),
            _f("CHAMP_Prioritization__c", _BOOL),
            _f("SystemModstamp", _TS, not_null=True),
            _f("IsDeleted", _BOOL),
        ),
        "Id",
        "SystemModstamp",
    ),
    SourceObject(
        "salesforce",
        "Opportunity",
        "crm/salesforce/Opportunity",
        "csv",
        (
            _key(),
            _f("AccountId"),
            _f("Name"),
            # Not an enum: Type maps through seeds/opportunity_types.csv (Salesforce's standard
            # picklist included); an unmapped Type is a dbt warning, never a lost deal.
            _f("Type"),
            _f("StageName"),  # not an enum: an unknown stage is a dbt warning, never a lost deal
            _f("Amount", "double", min_value=0),
            # Absent or empty in single-currency orgs: then the org currency (reporting_currency).
            _f("CurrencyIsoCode", is_currency=True, required=False),
            _f("CloseDate", "date"),
            _f("IsClosed", _BOOL),
            _f("IsWon", _BOOL),
            _f("LeadSource"),
            _f("CampaignId"),
            _f("OwnerId"),
            _f("Loss_Reason__c"),
            _f("CreatedDate", _TS),
            _f("SystemModstamp", _TS, not_null=True),
            _f("IsDeleted", _BOOL),
        ),
        "Id",
        "SystemModstamp",
    ),
    SourceObject(
        "salesforce",
        "OpportunityHistory",
        "crm/salesforce/OpportunityHistory",
        "csv",
        (
            _key(),
            _f("OpportunityId", not_null=True),
            _f("StageName", not_null=True),  # a change without a stage says nothing
            _f("Amount", "double", min_value=0),
            _f("CloseDate", "date"),
            _f("CreatedDate", _TS, not_null=True),
            _f("IsDeleted", _BOOL),
        ),
        "Id",
        None,
    ),
    SourceObject(
        "salesforce",
        "Task",
        "crm/salesforce/Task",
        "csv",
        (
            _key(),
            _f("WhoId"),
            _f("WhatId"),
            _f("AccountId"),
            _f("OwnerId"),
            _f("Type", enum=("Call", "Email", "Meeting")),
            _f("Subject"),
            _f("CreatedDate", _TS, not_null=True),
            _f("IsDeleted", _BOOL),
        ),
        "Id",
        None,
    ),
    SourceObject(
        "salesforce",
        "User",
        "crm/salesforce/User",
        "csv",
        (
            _key(),
            _f("Name"),
            _f("Department", enum=("Sales", "Marketing", "Customer Success")),
            _f("IsActive", _BOOL),
        ),
        "Id",
        None,
    ),
    SourceObject(
        "salesforce",
        "Campaign",
        "crm/salesforce/Campaign",
        "csv",
        (
            _key(),
            _f("Name"),
            _f("Type"),
            _f("Channel__c"),
            _f("StartDate", "date"),
            _f("EndDate", "date"),
        ),
        "Id",
        None,
    ),
    SourceObject(
        "salesforce",
        "CampaignMember",
        "crm/salesforce/CampaignMember",
        "csv",
        (
            _key(),
            _f("CampaignId"),
            _f("LeadId"),
            _f("ContactId"),
            _f("Status"),
            _f("HasResponded", _BOOL),
            _f("CreatedDate", _TS),
        ),
        "Id",
        None,
    ),
)

_INVOICE_LINE_FIELDS: tuple[Field, ...] = (
    _key("id"),
    _f("amount", "bigint"),  # may be negative (credits); minor units
    _f("currency", is_currency=True, required=False),
    _f("quantity", "bigint", required=False),
    _f("period.start", "epoch"),
    _f("period.end", "epoch"),
    # Sum of discount_amounts[].amount (minor units); the array itself is not kept.
    _f("discount_amounts_total", "bigint", required=False, sum_of="discount_amounts[*].amount"),
    # Tax included in `amount` (metrics.md: not revenue): current taxes[] with tax_behavior
    # inclusive, legacy tax_amounts[] with inclusive true. Exclusive tax is not in `amount`.
    _f(
        "inclusive_taxes_total",
        "bigint",
        required=False,
        sum_of="taxes[*].amount",
        sum_where=("tax_behavior", "inclusive"),
    ),
    _f(
        "inclusive_tax_amounts_total",
        "bigint",
        required=False,
        sum_of="tax_amounts[*].amount",
        sum_where=("inclusive", "true"),
    ),
    # Current API shape (2025-03-31+)
    _f("parent.type", required=False, enum=("subscription_item_details", "invoice_item_details")),
    _f("parent.subscription_item_details.subscription", required=False),
    _f("parent.subscription_item_details.subscription_item", required=False),
    _f("parent.subscription_item_details.proration", _BOOL, required=False),
    _f("pricing.price_details.price", required=False),
    # Legacy shape
    _f("type", required=False, enum=("subscription", "invoiceitem")),
    _f("proration", _BOOL, required=False),
    _f("subscription", required=False),
    _f("subscription_item", required=False),
    _f("price.id", required=False),
    _f("price.currency", required=False),
    _f("price.unit_amount", "bigint", required=False),
    _f("price.recurring.interval", required=False, enum=("day", "week", "month", "year")),
    _f("price.recurring.interval_count", "bigint", required=False, min_value=1),
    _f("price.recurring.usage_type", required=False, enum=("licensed", "metered")),
    # Legacy `plan` object instead of `price` (same interval fields, at the top of the plan)
    _f("plan.id", required=False),
    _f("plan.interval", required=False, enum=("day", "week", "month", "year")),
    _f("plan.interval_count", "bigint", required=False, min_value=1),
    _f("plan.usage_type", required=False, enum=("licensed", "metered")),
)

STRIPE: tuple[SourceObject, ...] = (
    SourceObject(
        "stripe",
        "customers",
        "billing/stripe/customers",
        "jsonl",
        (
            _key("id"),
            _f("created", "epoch", required=False),
            _f("email", required=False),
            _f("name", required=False),
            _f("currency", is_currency=True, required=False),
            _f("metadata.crm_account_id", required=False),
            _f("deleted", _BOOL, required=False),
        ),
        "id",
        None,
        object_type="customer",
    ),
    SourceObject(
        "stripe",
        "prices",
        "billing/stripe/prices",
        "jsonl",
        (
            _key("id"),
            _f("currency", is_currency=True),
            _f("unit_amount", "bigint", min_value=0, required=False),
            _f("product", required=False),
            _f("recurring.interval", required=False, enum=("day", "week", "month", "year")),
            _f("recurring.interval_count", "bigint", required=False, min_value=1),
            _f("recurring.usage_type", required=False, enum=("licensed", "metered")),
            _f("created", "epoch", required=False),
        ),
        "id",
        None,
        object_type="price",
    ),
    SourceObject(
        "stripe",
        "subscriptions",
        "billing/stripe/subscriptions",
        "jsonl",
        (
            _key("id"),
            _f("customer", not_null=True),
            _f(
                "status",
                enum=(
                    "incomplete",
                    "incomplete_expired",
                    "trialing",
                    "active",
                    "past_due",
                    "canceled",
                    "unpaid",
                    "paused",
                ),
            ),
            _f("created", "epoch", required=False),
            _f("start_date", "epoch", required=False),
            _f("trial_start", "epoch", required=False),
            _f("trial_end", "epoch", required=False),
            _f("cancel_at", "epoch", required=False),
            _f("cancel_at_period_end", _BOOL, required=False),
            _f("canceled_at", "epoch", required=False),
            _f("ended_at", "epoch", required=False),
            _f("currency", is_currency=True, required=False),
        ),
        "id",
        None,
        children=(
            ChildObject(
                "subscription_items",
                "items.data",
                "subscription_id",
                (
                    _key("id"),
                    _f("quantity", "bigint", required=False, min_value=0),
                    _f("price.id", required=False),
                ),
            ),
        ),
        object_type="subscription",
    ),
    SourceObject(
        "stripe",
        "invoices",
        "billing/stripe/invoices",
        "jsonl",
        (
            _key("id"),
            _f("customer", not_null=True),
            _f("status", enum=("draft", "open", "paid", "uncollectible", "void"), not_null=True),
            _f("currency", is_currency=True, not_null=True),
            _f("created", "epoch"),
            _f("parent.subscription_details.subscription", required=False),
            _f("subscription", required=False),  # legacy shape
            _f("due_date", "epoch", required=False),
            _f("total", "bigint", required=False),
            _f("subtotal", "bigint", required=False),  # = the sum of its lines' amounts
            _f("lines.has_more", _BOOL, required=False),  # true: lines.data is truncated
            _f("amount_due", "bigint", required=False),
            _f("amount_paid", "bigint", required=False),
            _f("amount_remaining", "bigint", required=False),
            _f("status_transitions.paid_at", "epoch", required=False),
        ),
        "id",
        None,
        children=(ChildObject("invoice_lines", "lines.data", "invoice_id", _INVOICE_LINE_FIELDS),),
        object_type="invoice",
    ),
)

CONTRACTS = SourceObject(
    "contracts",
    "contracts",
    "billing/contracts",
    "csv",
    (
        _key("contract_id"),
        _f("crm_account_id", not_null=True),
        _f("opportunity_id"),
        _f("start_date", "date", not_null=True),
        _f("end_date", "date", not_null=True),
        _f("currency", is_currency=True, not_null=True),
        _f("total_contract_value", "double", min_value=0, not_null=True),
        _f("billing_frequency", enum=("monthly", "quarterly", "annual", "upfront")),
        _f("seats", "bigint", min_value=0),
        _f("status", enum=("active", "terminated", "expired")),
        _f("terminated_date", "date"),
        _f("updated_at", _TS, not_null=True),
    ),
    "contract_id",
    "updated_at",
)

SEGMENT = SourceObject(
    "segment",
    "events",
    "usage/segment",
    "jsonl",
    (
        _key("messageId"),
        _f("type", enum=("track", "identify", "group", "page", "screen", "alias"), not_null=True),
        _f("timestamp", _TS, not_null=True),
        _f("userId", required=False),
        _f("anonymousId", required=False),
        _f("event", required=False),
        _f("name", required=False),
        _f("properties.path", required=False),
        _f("properties.url", required=False),
        _f("context.page.url", required=False),
        _f("groupId", required=False),  # group call: ties userId to this CRM Account Id
        _f("properties.percent_read", "double", required=False, min_value=0, max_value=100),
        _f("traits.email", required=False),
        _f("context.groupId", required=False),
        _f("properties", "json", required=False),
        _f("traits", "json", required=False),
    ),
    "messageId",
    None,
)

ZENDESK: tuple[SourceObject, ...] = (
    SourceObject(
        "zendesk",
        "organizations",
        "support/zendesk/organizations",
        "jsonl",
        (
            _key("id", "bigint"),
            _f("name", required=False),
            _f("external_id", required=False),
            _f("updated_at", _TS, not_null=True),
        ),
        "id",
        "updated_at",
    ),
    SourceObject(
        "zendesk",
        "tickets",
        "support/zendesk/tickets",
        "jsonl",
        (
            _key("id", "bigint"),
            _f("organization_id", "bigint", required=False),
            _f("status", enum=("new", "open", "pending", "hold", "solved", "closed")),
            _f("priority", required=False, enum=("low", "normal", "high", "urgent")),
            _f("type", required=False, enum=("problem", "incident", "question", "task")),
            _f("created_at", _TS, not_null=True),
            _f("updated_at", _TS, not_null=True),
            _f(
                "satisfaction_rating.score",
                required=False,
                enum=("good", "bad", "offered", "unoffered"),
            ),
        ),
        "id",
        "updated_at",
    ),
)

NPS = SourceObject(
    "nps",
    "responses",
    "surveys/nps",
    "csv",
    (
        _key("response_id"),
        _f("submitted_at", _TS, not_null=True),
        _f("email"),
        _f("crm_account_id"),
        _f("score", "bigint", not_null=True, min_value=0, max_value=10),
        _f("comment"),
    ),
    "response_id",
    None,
)

FINANCE: tuple[SourceObject, ...] = (
    SourceObject(
        "finance",
        "fx_rates",
        "finance/fx_rates",
        "csv",
        (
            _f("date", "date", not_null=True),
            _f("currency", is_currency=True, not_null=True),
            _f("rate", "double", not_null=True, min_value=0),
        ),
        "date",
        None,
    ),  # key is (date, currency); staging dedupes on both
    SourceObject(
        "finance",
        "marketing_spend",
        "finance/marketing_spend",
        "csv",
        (
            _f("date", "date", not_null=True),
            _f("channel", not_null=True),
            _f("campaign_id"),
            _f("amount", "double", min_value=0, not_null=True),
            _f("currency", is_currency=True, not_null=True),
        ),
        "date",
        None,
    ),
    # category is checked against seeds/cost_categories.csv at load (unknown -> quarantine)
    SourceObject(
        "finance",
        "costs",
        "finance/costs",
        "csv",
        (
            _f("month", "month", not_null=True),
            _f("category", not_null=True, seed=("cost_categories", "category")),
            _f("amount", "double", min_value=0, not_null=True),
            _f("currency", is_currency=True, not_null=True),
        ),
        "month",
        None,
    ),
)

ALL_OBJECTS: tuple[SourceObject, ...] = (
    *SALESFORCE,
    *STRIPE,
    CONTRACTS,
    SEGMENT,
    *ZENDESK,
    NPS,
    *FINANCE,
)

SOURCES: tuple[str, ...] = tuple(dict.fromkeys(o.source for o in ALL_OBJECTS))


def objects_of(source: str) -> tuple[SourceObject, ...]:
    """The landed objects of one source system, in contract order."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; expected one of {', '.join(SOURCES)}")
    return tuple(o for o in ALL_OBJECTS if o.source == source)


def child_table(obj: SourceObject, child: ChildObject) -> str:
    """Qualified raw table of a child array, e.g. raw.stripe__invoice_lines."""
    return f"raw.{obj.source}__{child.name}"


def seed_values(seed: tuple[str, str], seeds_dir: Path = SEEDS_DIR) -> frozenset[str]:
    """The values of one column of a dbt seed CSV (e.g. the known cost categories)."""
    import csv

    stem, column = seed
    with (seeds_dir / f"{stem}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return frozenset(row[column] for row in csv.DictReader(fh) if row.get(column))


def raw_tables() -> dict[str, dict[str, str]]:
    """Every raw table with its columns and DuckDB types, children included."""
    tables: dict[str, dict[str, str]] = {}
    for obj in ALL_OBJECTS:
        tables[obj.qualified_table] = {
            **{f.column: RAW_SQL_TYPES[f.type] for f in obj.fields},
            **LOAD_METADATA_COLUMNS,
        }
        for child in obj.children:
            tables[child_table(obj, child)] = {
                child.parent_key_column: "VARCHAR",
                **{f.column: RAW_SQL_TYPES[f.type] for f in child.fields},
                **LOAD_METADATA_COLUMNS,
            }
    return tables


def create_raw_tables_sql() -> list[str]:
    """DDL that creates the raw schema and every raw table (empty), idempotently."""
    statements = ["create schema if not exists raw"]
    for table, columns in raw_tables().items():
        cols = ",\n    ".join(f'"{name}" {sql_type}' for name, sql_type in columns.items())
        statements.append(f"create table if not exists {table} (\n    {cols}\n)")
    return statements
