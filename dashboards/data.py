"""Data access for the boards: one read-only DuckDB connection, cached SELECTs on public marts.

Pages never write SQL and never compute a metric: they ask this module for a mart (or a
slice of one) and format what comes back. The marts are owned by dbt (see
/work/shared/metrics.md); columns listed there are a contract, anything else is optional
and looked up in the catalog before it is selected, so a missing optional column never
breaks a page.

Cache keys include a fingerprint of the warehouse file (path, inode, mtime, size): a build
publishes by replacing the file whole (orchestration/lib/publish.py), so the next page load
reads the new build without a restart. No connection outlives a query: each read opens the
file read-only and closes it, so an open board never holds the file a build needs.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WAREHOUSE = "data/warehouse.duckdb"
DEFAULT_SPARK_WAREHOUSE = "data/spark-warehouse"
SCHEMA = "main"

# Public marts and the columns metrics.md guarantees; the only tables this module reads.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "dim_accounts": (
        "account_id",
        "account_name",
        "parent_account_id",
        "industry",
        "country",
        "is_unmapped",
        "first_paid_month",
        "icp_segment",
    ),
    "fct_account_months": ("account_id", "month", "mrr", "mrr_local", "currency", "is_active"),
    "fct_mrr_movements": ("account_id", "month", "movement_type", "mrr_change"),
    "mart_mrr_bridge": (
        "month",
        "beginning_mrr",
        "new_mrr",
        "expansion_mrr",
        "reactivation_mrr",
        "contraction_mrr",
        "churned_mrr",
        "fx_adjustment_mrr",
        "ending_mrr",
        "beginning_customers",
        "new_customers",
        "churned_customers",
        "reactivated_customers",
        "ending_customers",
    ),
    "mart_retention_monthly": (
        "month",
        "beginning_mrr",
        "grr",
        "nrr",
        "logo_churn_rate",
        "revenue_churn_rate",
    ),
    "mart_retention_trailing_12m": (
        "month",
        "base_accounts",
        "base_mrr",
        "current_mrr",
        "nrr_12m",
        "grr_12m",
    ),
    "mart_cohort_retention": (
        "cohort_month",
        "months_since_start",
        "cohort_size",
        "cohort_starting_mrr",
        "active_accounts",
        "mrr",
        "logo_retention",
        "revenue_retention",
    ),
    "mart_restatements": (
        "month",
        "metric",
        "reported_value",
        "current_value",
        "difference",
        "reported_at",
    ),
}
# The counts and rates of a lead cohort, the same in the funnel by channel and by other cuts.
FUNNEL_MEASURES = (
    "leads",
    "mqls",
    "sqls",
    "opportunities",
    "won",
    "lead_to_mql_rate",
    "mql_to_sql_rate",
    "sql_to_opportunity_rate",
    "opportunity_to_won_rate",
    "lead_to_won_rate",
)

# Marts of the Funnel & sales, Unit economics and Segments pages (metrics.md "Funnel",
# "Unit economics", "GTM strategy") and MRR by plan. An older warehouse without one of
# them shows an empty state instead of failing.
MART_COLUMNS: dict[str, tuple[str, ...]] = {
    "mart_funnel": ("cohort_month", "channel", *FUNNEL_MEASURES),
    "mart_stage_conversion": (
        "stage_name",
        "stage_order",
        "opportunities_reached",
        "opportunities_advanced",
        "opportunities_lost_from_stage",
        "conversion_to_next_stage",
        "median_days_in_stage",
    ),
    "mart_win_rates": (
        "close_month",
        "type",
        "closed_opportunities",
        "won_opportunities",
        "win_rate",
        "win_rate_amount",
        "median_sales_cycle_days",
    ),
    "mart_sla_compliance": (
        "mql_week",
        "owner_id",
        "owner_name",
        "mqls",
        "mqls_sla_met",
        "sla_compliance_rate",
        "failed_at_step_1",
        "failed_at_step_2",
        "failed_at_step_3",
        "median_hours_to_first_touch",
    ),
    "mart_unit_economics": (
        "month",
        "window_start_month",
        "acquisition_cost",
        "new_customers",
        "cac",
        "gross_margin_pct",
        "cac_payback_months",
        "ltv",
        "ltv_to_cac",
    ),
    "mart_unit_economics_by_channel": (
        "month",
        "channel",
        "marketing_spend",
        "new_customers",
        "cac",
    ),
    "mart_icp_segments": (
        "icp_segment",
        "is_icp_fit",
        "accounts",
        "win_rate",
        "median_sales_cycle_days",
        "cac",
        "nrr_12m",
        "logo_churn_rate",
        "average_health_score",
        "green_health_share",
        "reference_customers",
    ),
    "mart_icp_reference_customers": (
        "account_id",
        "account_name",
        "icp_segment",
        "first_paid_month",
        "paying_months",
        "mrr",
        "health_score",
        "latest_nps_score",
    ),
    "mart_icp_red_flags": (
        "icp_segment",
        "reason_type",
        "reason",
        "occurrences",
        "share_of_type",
        "reason_rank",
    ),
    "mart_icp_pipeline_weekly": (
        "week_start",
        "icp_segment",
        "leads",
        "meetings",
        "proposals",
        "contracts",
    ),
    "mart_mrr_bridge_by_segment": (
        "month",
        "dimension",
        "dimension_value",
        "beginning_mrr",
        "new_mrr",
        "expansion_mrr",
        "reactivation_mrr",
        "contraction_mrr",
        "churned_mrr",
        "fx_adjustment_mrr",
        "ending_mrr",
        "beginning_customers",
        "churned_customers",
        "ending_customers",
        "grr",
        "nrr",
    ),
    "mart_mrr_by_plan": (
        "month",
        "product_id",
        "billing_interval",
        "mrr",
        "customers",
        "beginning_mrr",
        "new_mrr",
        "expansion_mrr",
        "contraction_mrr",
        "churned_mrr",
        "fx_adjustment_mrr",
    ),
    "mart_nrr_by_dimension": (
        "month",
        "dimension",
        "dimension_value",
        "base_mrr",
        "nrr",
        "grr",
        "base_accounts_12m",
        "base_mrr_12m",
        "current_mrr_12m",
        "nrr_12m",
        "grr_12m",
    ),
    "mart_funnel_by_dimension": (
        "cohort_month",
        "dimension",
        "dimension_value",
        *FUNNEL_MEASURES,
    ),
    "mart_sql_compliance": (
        "owner_id",
        "owner_name",
        "leads_marked_sql",
        "valid_sqls",
        "invalid_sqls",
        "invalid_sql_rate",
        "invalid_not_an_mql",
        "invalid_mql_after_sql_date",
        "invalid_champ_missing",
    ),
}
REQUIRED_COLUMNS.update(MART_COLUMNS)
# Read by one query each (a day of fct_lead_scores, never the whole daily history).
REQUIRED_COLUMNS.update(
    {
        "fct_lead_scores": ("lead_id", "score_date", "lead_score", "behaviours_to_date"),
        "fct_leads": (
            "lead_id",
            "company_name",
            "owner_name",
            "channel",
            "icp_segment",
            "lead_status",
            "is_mql",
        ),
    }
)
# Columns other engineers said may exist; selected only when the catalog has them.
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "dim_accounts": ("is_deleted_in_crm", "ultimate_parent_account_id", "currency"),
    "fct_account_months": ("fx_rate",),
    "mart_mrr_bridge": ("ending_arr", "arpa", "quick_ratio", "mrr_growth_rate"),
    "mart_restatements": ("value_kind", "landing_file_count", "landing_files"),
}
PUBLIC_MARTS = frozenset(REQUIRED_COLUMNS)
DATE_COLUMNS = (
    "month",
    "cohort_month",
    "first_paid_month",
    "close_month",
    "mql_week",
    "week_start",
    "window_start_month",
)


class WarehouseUnavailable(RuntimeError):
    """The warehouse cannot serve the boards; `reason` selects the user-facing message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class WarehouseState:
    ok: bool
    reason: str  # "ok" | "missing" | "absent" | "empty" | "busy" | "error"
    path: Path
    detail: str = ""


def warehouse_path() -> Path:
    """WAREHOUSE_PATH (relative paths are taken from the repository root, like dbt's).

    With WAREHOUSE_TARGET=spark: the DuckDB catalog of the Spark warehouse directory
    SPARK_WAREHOUSE_DIR (default data/spark-warehouse), whose views read the marts'
    Parquet folders, so the same pages show what Spark built."""
    if (os.environ.get("WAREHOUSE_TARGET") or "").strip().lower() == "spark":
        spark_dir = os.environ.get("SPARK_WAREHOUSE_DIR") or DEFAULT_SPARK_WAREHOUSE
        path = Path(spark_dir).expanduser() / "catalog.duckdb"
        return path if path.is_absolute() else REPO_ROOT / path
    path = Path(os.environ.get("WAREHOUSE_PATH") or DEFAULT_WAREHOUSE).expanduser()
    return path if path.is_absolute() else REPO_ROOT / path


def reporting_currency() -> str:
    """The build's reporting currency as the warehouse records it (build_settings, the dbt
    var reporting_currency); the var's default of dbt_project.yml before any build did."""
    try:
        frame = _query(f"select reporting_currency from {SCHEMA}.build_settings")
    except WarehouseUnavailable:
        frame = pd.DataFrame()
    if len(frame) and frame["reporting_currency"].iloc[0]:
        return str(frame["reporting_currency"].iloc[0]).upper()
    return default_reporting_currency()


def default_reporting_currency() -> str:
    """The dbt var reporting_currency as dbt_project.yml sets it."""
    project = yaml.safe_load((REPO_ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    return str(project["vars"]["reporting_currency"]).upper()


def fingerprint(path: Path | None = None) -> str:
    path = path or warehouse_path()
    try:
        stat = path.stat()
    except OSError:
        return f"{path}|missing"
    return f"{path}|{stat.st_ino}|{stat.st_mtime_ns}|{stat.st_size}"


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as `datetime.date`, DECIMAL money as float, so pages format one way."""
    for column in frame.columns:
        series = frame[column]
        if column in DATE_COLUMNS or pd.api.types.is_datetime64_any_dtype(series):
            frame[column] = [
                None if pd.isna(value) else pd.Timestamp(value).date() for value in series
            ]
            continue
        first = next((value for value in series if value is not None), None)
        if isinstance(first, Decimal):
            frame[column] = pd.to_numeric(series.astype("float64"), errors="coerce")
    return frame


@st.cache_data(show_spinner=False, ttl=3600, max_entries=512)
def _select(path: str, file_fingerprint: str, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    statement = sql.lstrip().lower()
    if not statement.startswith(("select", "with")):
        raise ValueError("the boards only run SELECT statements")
    del file_fingerprint  # part of the cache key only
    try:
        # Opened per query and closed at once: a board never holds the file between reads.
        connection = duckdb.connect(path, read_only=True)
        try:
            frame = connection.execute(sql, list(params)).df()
        finally:
            connection.close()
    except duckdb.IOException as error:
        # Another process (dbt during `make run`) holds the write lock.
        raise WarehouseUnavailable("busy", str(error)) from error
    except duckdb.Error as error:
        raise WarehouseUnavailable("error", str(error)) from error
    return _normalise(frame)


def _query(sql: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
    path = warehouse_path()
    if not path.is_file():
        raise WarehouseUnavailable("missing", str(path))
    # Copy: callers may add display columns without touching the cached frame.
    return _select(str(path), fingerprint(path), sql, params).copy()


def _catalog() -> dict[str, frozenset[str]]:
    path = warehouse_path()
    if not path.is_file():
        raise WarehouseUnavailable("missing", str(path))
    return _catalog_of(str(path), fingerprint(path))


@functools.lru_cache(maxsize=8)
def _catalog_of(path: str, file_fingerprint: str) -> dict[str, frozenset[str]]:
    """Columns of the board tables in one version of the file (a page asks a few dozen
    times per run; the fingerprint changes with every build)."""
    frame = _select(
        path,
        file_fingerprint,
        "select table_name, column_name from information_schema.columns where table_schema = ?",
        (SCHEMA,),
    )
    catalog: dict[str, set[str]] = {}
    for table, column in zip(frame["table_name"], frame["column_name"], strict=True):
        if table in PUBLIC_MARTS:
            catalog.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in catalog.items()}


def available_columns(mart: str) -> frozenset[str]:
    return _catalog().get(mart, frozenset())


def _columns(mart: str, extra: tuple[str, ...] = ()) -> list[str]:
    if mart not in PUBLIC_MARTS:
        raise ValueError(f"{mart} is not a public mart")
    present = available_columns(mart)
    missing = [column for column in REQUIRED_COLUMNS[mart] if column not in present]
    if missing:
        raise WarehouseUnavailable("error", f"{mart} lacks columns: {', '.join(missing)}")
    optional = OPTIONAL_COLUMNS.get(mart, ()) + extra
    return list(REQUIRED_COLUMNS[mart]) + [c for c in optional if c in present]


def _select_mart(
    mart: str, order_by: str, where: str = "", params: tuple[Any, ...] = ()
) -> pd.DataFrame:
    columns = ", ".join(_columns(mart))
    where_sql = f" where {where}" if where else ""
    return _query(f"select {columns} from {SCHEMA}.{mart}{where_sql} order by {order_by}", params)


def warehouse_state() -> WarehouseState:
    """Whether the boards can render, and if not, why (missing file, empty, locked)."""
    path = warehouse_path()
    if not path.is_file():
        return WarehouseState(False, "missing", path)
    try:
        catalog = _catalog()
        absent = sorted(
            mart for mart in ("mart_mrr_bridge", "mart_retention_monthly") if mart not in catalog
        )
        if absent:
            # tables the build did not create: not the same as marts with no rows
            return WarehouseState(False, "absent", path, ", ".join(absent))
        rows = _query(f"select count(*) as n from {SCHEMA}.mart_mrr_bridge")["n"].iloc[0]
        if int(rows) == 0:
            return WarehouseState(False, "empty", path, "mart_mrr_bridge has no rows")
    except WarehouseUnavailable as error:
        return WarehouseState(False, error.reason, path, error.detail)
    return WarehouseState(True, "ok", path)


def published_build() -> dict[str, Any]:
    """The build the boards show (`warehouse_builds`, newest row); {} when not recorded."""
    frame = _query(
        "select count(*) as n from information_schema.tables "
        "where table_schema = ? and table_name = 'warehouse_builds'",
        (SCHEMA,),
    )
    if int(frame["n"].iloc[0]) == 0:
        return {}
    rows = _query(
        f"select build_id, as_of_date, finished_at from {SCHEMA}.warehouse_builds "
        "order by finished_at desc limit 1"
    )
    return {} if rows.empty else rows.iloc[0].to_dict()


# ---- company-level marts -------------------------------------------------------------


def bridge() -> pd.DataFrame:
    return _select_mart("mart_mrr_bridge", "month")


def retention_monthly() -> pd.DataFrame:
    return _select_mart("mart_retention_monthly", "month")


def retention_trailing_12m() -> pd.DataFrame:
    if "mart_retention_trailing_12m" not in _catalog():
        return pd.DataFrame(columns=list(REQUIRED_COLUMNS["mart_retention_trailing_12m"]))
    return _select_mart("mart_retention_trailing_12m", "month")


def cohort_retention() -> pd.DataFrame:
    if "mart_cohort_retention" not in _catalog():
        return pd.DataFrame(columns=list(REQUIRED_COLUMNS["mart_cohort_retention"]))
    return _select_mart("mart_cohort_retention", "cohort_month, months_since_start")


def restatements(start: date, end: date) -> pd.DataFrame:
    """mart_restatements rows of the months start..end (none when the mart is not built)."""
    if "mart_restatements" not in _catalog():
        return pd.DataFrame(columns=list(REQUIRED_COLUMNS["mart_restatements"]))
    return _select_mart(
        "mart_restatements", "month desc, metric", "month between ? and ?", (start, end)
    )


def mart(name: str) -> pd.DataFrame:
    """One of MART_COLUMNS as dbt built it (empty when not built yet)."""
    if name not in MART_COLUMNS:
        raise ValueError(f"{name} is not a board mart")
    if name not in _catalog():
        return pd.DataFrame(columns=list(MART_COLUMNS[name]))
    return _select_mart(name, ", ".join(MART_COLUMNS[name][:2]))


def top_lead_scores(limit: int) -> pd.DataFrame:
    """The `limit` highest fct_lead_scores of leads not yet MQL on the latest score day,
    with the lead's company, owner, channel and segment from fct_leads."""
    columns = (
        "score_date",
        "company_name",
        "owner_name",
        "channel",
        "icp_segment",
        "lead_status",
        "lead_score",
        "behaviours_to_date",
    )
    if not {"fct_lead_scores", "fct_leads"} <= _catalog().keys():
        return pd.DataFrame(columns=list(columns))
    for table in ("fct_lead_scores", "fct_leads"):
        _columns(table)  # raises naming any column the board needs and the table lacks
    return _query(
        f"select scores.score_date, leads.company_name, leads.owner_name, leads.channel, "
        f"leads.icp_segment, leads.lead_status, scores.lead_score, scores.behaviours_to_date "
        f"from {SCHEMA}.fct_lead_scores as scores "
        f"join {SCHEMA}.fct_leads as leads on scores.lead_id = leads.lead_id "
        f"where scores.score_date = (select max(score_date) from {SCHEMA}.fct_lead_scores) "
        "and not coalesce(leads.is_mql, false) "
        "order by scores.lead_score desc, scores.lead_id limit ?",
        (limit,),
    )


SEGMENT_DIMENSIONS = ("industry", "country", "icp_segment")


def segment_values() -> dict[str, list[str]]:
    """Values of each segment dimension in mart_mrr_bridge_by_segment (empty when absent)."""
    frame = mart("mart_mrr_bridge_by_segment")
    return {
        dimension: sorted(set(frame.loc[frame["dimension"] == dimension, "dimension_value"]))
        for dimension in SEGMENT_DIMENSIONS
    }


def segment_bridge(dimension: str, value: str) -> pd.DataFrame:
    """The bridge and NRR / GRR rows of one segment, as mart_mrr_bridge_by_segment holds them."""
    frame = mart("mart_mrr_bridge_by_segment")
    rows = frame[(frame["dimension"] == dimension) & (frame["dimension_value"] == value)]
    return rows.sort_values("month").reset_index(drop=True)


def months() -> list[date]:
    return list(bridge()["month"])


def arr_column(frame: pd.DataFrame) -> pd.Series:
    """ARR as the mart gives it, else the dictionary's ARR = 12 × MRR (a unit, not a metric)."""
    if "ending_arr" in frame.columns:
        return frame["ending_arr"]
    return frame["ending_mrr"] * 12


# ---- account-level marts -------------------------------------------------------------


def accounts() -> pd.DataFrame:
    """dim_accounts plus `account_currency` (dim's own column, else the latest billed one)."""
    frame = _select_mart("dim_accounts", "account_name, account_id")
    if "currency" in frame.columns:
        frame["account_currency"] = frame["currency"]
        return frame
    latest = _query(
        "select account_id, arg_max(currency, month) as account_currency "
        f"from {SCHEMA}.fct_account_months group by account_id"
    )
    return frame.merge(latest, on="account_id", how="left")


def latest_account_mrr() -> pd.DataFrame:
    """account_id, mrr of the latest month in fct_account_months (accounts that ever paid)."""
    return _query(
        f"select account_id, mrr as latest_mrr from {SCHEMA}.fct_account_months "
        f"where month = (select max(month) from {SCHEMA}.fct_account_months)"
    )


def account_months(account_id: str) -> pd.DataFrame:
    return _select_mart("fct_account_months", "month", "account_id = ?", (account_id,))


def account_movements(account_id: str) -> pd.DataFrame:
    return _select_mart(
        "fct_mrr_movements", "month desc, movement_type", "account_id = ?", (account_id,)
    )


def month_movements(month: date) -> pd.DataFrame:
    """Every account movement of one month with the account's name and attributes."""
    movements = _select_mart(
        "fct_mrr_movements", "account_id, movement_type", "month = ?", (month,)
    )
    attributes = accounts()[
        ["account_id", "account_name", "country", "industry", "account_currency"]
    ]
    return movements.merge(attributes, on="account_id", how="left")


def filter_accounts(
    frame: pd.DataFrame,
    countries: list[str] | None = None,
    industries: list[str] | None = None,
    currencies: list[str] | None = None,
) -> pd.DataFrame:
    """Keep rows whose account attributes match the sidebar filters (empty = no filter)."""
    mask = pd.Series(True, index=frame.index)
    for column, chosen in (
        ("country", countries),
        ("industry", industries),
        ("account_currency", currencies),
    ):
        if chosen and column in frame.columns:
            mask &= frame[column].isin(chosen)
    return frame[mask]


def top_movements(month: date, limit: int = 10, **filters: list[str] | None) -> pd.DataFrame:
    """The month's largest business movements (by size), after the account filters.

    FX adjustments are revaluation, not customer behaviour; they stay in the bridge."""
    frame = filter_accounts(month_movements(month), **filters)
    frame = frame[
        (frame["mrr_change"].fillna(0) != 0) & (frame["movement_type"] != "fx_adjustment")
    ]
    frame = frame.assign(_size=frame["mrr_change"].abs())
    frame = frame.sort_values(["_size", "account_id"], ascending=[False, True], kind="stable")
    return frame.drop(columns="_size").head(limit).reset_index(drop=True)


# ---- headline KPIs -------------------------------------------------------------------


def _row(frame: pd.DataFrame, month: date | None) -> dict[str, Any]:
    if month is None or frame.empty:
        return {}
    match = frame[frame["month"] == month]
    return {} if match.empty else match.iloc[0].to_dict()


def kpi_rows(month: date) -> dict[str, dict[str, Any]]:
    """Mart rows for `month`, the month before and the month a year before, keyed
    "current" / "prior" / "year_ago": values exactly as the marts hold them."""
    bridge_frame = bridge()
    bridge_frame = bridge_frame.assign(ending_arr=arr_column(bridge_frame))
    monthly = retention_monthly()
    trailing = retention_trailing_12m()
    prior = _shift(month, -1)
    year_ago = _shift(month, -12)
    result: dict[str, dict[str, Any]] = {}
    for key, when in (("current", month), ("prior", prior), ("year_ago", year_ago)):
        row: dict[str, Any] = {}
        bridge_row = _row(bridge_frame, when)
        row.update(
            {
                k: bridge_row.get(k)
                for k in (
                    "ending_mrr",
                    "ending_arr",
                    "ending_customers",
                    "arpa",
                    "quick_ratio",
                    "mrr_growth_rate",
                )
            }
        )
        monthly_row = _row(monthly, when)
        row.update({k: monthly_row.get(k) for k in ("nrr", "grr", "logo_churn_rate")})
        trailing_row = _row(trailing, when)
        row.update({k: trailing_row.get(k) for k in ("nrr_12m", "grr_12m")})
        result[key] = row
    return result


def _shift(month: date, months_delta: int) -> date:
    index = month.year * 12 + month.month - 1 + months_delta
    return date(index // 12, index % 12 + 1, 1)


def shift_month(month: date, months_delta: int) -> date:
    return _shift(month, months_delta)
