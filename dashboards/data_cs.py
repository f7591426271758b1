"""Data access for the customer-success boards: SELECTs on the customer-success marts.

Same rules as dashboards/data.py (whose read-only connection and cache it uses): pages never
write SQL or compute a metric. A warehouse built before the customer-success marts existed
has none of these tables: every function then returns an empty frame with its columns, and
`available()` tells the page to say so.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboards import data

CS_MARTS: dict[str, tuple[str, ...]] = {
    "mart_account_health": (
        "account_id",
        "month",
        "health_score",
        "health_color",
        "adoption_score",
        "engagement_score",
        "support_score",
        "survey_score",
        "billing_score",
        "growth_score",
        "missing_components",
    ),
    "mart_account_health_current": (
        "account_id",
        "account_name",
        "month",
        "health_score",
        "health_color",
        "weakest_component",
        "weakest_component_score",
        "missing_components",
        "arr",
        "open_alerts",
        "oldest_open_alert_days",
        "next_renewal_date",
    ),
    "mart_account_alerts": ("account_id", "alert_type", "fired_on", "is_open", "age_days"),
    "mart_renewals": (
        "account_id",
        "source",
        "source_id",
        "renewal_date",
        "days_to_renewal",
        '"window"',
        "arr_due",
        "health_color",
        "is_first_renewal",
    ),
    "mart_renewal_rates": (
        "month",
        "arr_due",
        "arr_renewed",
        "renewal_rate",
        "first_renewal_arr_due",
        "first_renewal_rate",
    ),
    "mart_nps": ("month", "responses", "promoters", "passives", "detractors", "nps"),
    "mart_health_validation_summary": (
        "health_color",
        "account_months",
        "churned_accounts",
        "churn_rate",
    ),
    "fct_nps_responses": ("response_id", "account_id", "submitted_date", "score", "nps_class"),
    "fct_support_tickets": (
        "ticket_id",
        "account_id",
        "created_date",
        "priority",
        "ticket_status",
        "satisfaction_score",
        "solved_date",
    ),
    "fct_account_usage_months": (
        "account_id",
        "month",
        "active_users",
        "seats",
        "seat_utilisation",
    ),
    "mart_churn_analysis": (
        "month",
        "dimension",
        "dimension_value",
        "churned_logos",
        "churned_arr",
        "contracted_logos",
        "contracted_arr",
        "first_year_churned_logos",
        "first_year_churned_arr",
    ),
    "mart_csm_coverage": (
        "csm_id",
        "csm_name",
        "month",
        "accounts",
        "arr",
        "high_touch_accounts",
        "low_touch_accounts",
        "tech_touch_accounts",
        "high_touch_arr",
        "red_accounts",
        "yellow_accounts",
    ),
    "mart_expansion_signals": (
        "account_id",
        "month",
        "health_color",
        "active_users",
        "previous_active_users",
        "seats",
        "seat_utilisation",
        "arr",
        "is_seats_full",
        "is_green_and_growing",
        "has_open_expansion_opportunity",
        "is_csql",
    ),
    "mart_onboarding": (
        "cohort_month",
        "icp_segment",
        "accounts",
        "activated_30d_accounts",
        "activation_rate_30d",
        "median_days_to_first_value",
        "completed_accounts",
        "completion_rate",
        "is_activation_window_complete",
    ),
    "mart_onboarding_milestones": (
        "cohort_month",
        "milestone",
        "milestone_order",
        "accounts",
        "reached_accounts",
        "reach_rate",
        "median_days_to_reach",
    ),
    "mart_nps_by_segment": (
        "month",
        "dimension",
        "dimension_value",
        "responses",
        "promoters",
        "passives",
        "detractors",
        "nps",
    ),
}


def _tables() -> set[str]:
    frame = data._query(
        "select table_name from information_schema.tables where table_schema = ?", (data.SCHEMA,)
    )
    return set(frame["table_name"])


def available() -> bool:
    """The warehouse holds the customer-success marts."""
    return {"mart_account_health", "mart_account_alerts", "mart_renewals"} <= _tables()


def _select(mart: str, order_by: str, where: str = "", params: tuple = ()) -> pd.DataFrame:
    columns = CS_MARTS[mart]
    names = [c.strip('"') for c in columns]
    if mart not in _tables():
        return pd.DataFrame(columns=names)
    where_sql = f" where {where}" if where else ""
    return data._query(
        f"select {', '.join(columns)} from {data.SCHEMA}.{mart}{where_sql} order by {order_by}",
        params,
    )


def health_history() -> pd.DataFrame:
    return _select("mart_account_health", "month, account_id")


def health_mix() -> pd.DataFrame:
    """Accounts and ARR per month and colour (counts of mart rows, no metric)."""
    if "mart_account_health" not in _tables():
        return pd.DataFrame(columns=["month", "health_color", "accounts", "arr"])
    return data._query(
        f"select health.month, health.health_color, count(*) as accounts, "
        f"sum(months.mrr) * 12 as arr "
        f"from {data.SCHEMA}.mart_account_health as health "
        f"left join {data.SCHEMA}.fct_account_months as months "
        f"on health.account_id = months.account_id and health.month = months.month "
        f"where health.health_color is not null "
        f"group by health.month, health.health_color order by health.month",
    )


def health_current() -> pd.DataFrame:
    return _select("mart_account_health_current", "health_score, account_id")


def open_alerts() -> pd.DataFrame:
    frame = _select("mart_account_alerts", "fired_on desc, account_id", "is_open")
    return _with_names(frame)


def renewals() -> pd.DataFrame:
    return _with_names(_select("mart_renewals", "renewal_date, account_id"))


def renewal_rates() -> pd.DataFrame:
    return _select("mart_renewal_rates", "month")


def nps() -> pd.DataFrame:
    return _select("mart_nps", "month")


def validation() -> pd.DataFrame:
    return _select("mart_health_validation_summary", "churn_rate")


def churn_analysis() -> pd.DataFrame:
    """Churned and contracted logos and ARR per month, dimension and value (mart rows)."""
    return _select("mart_churn_analysis", "month, dimension, dimension_value")


def csm_coverage() -> pd.DataFrame:
    """One row per CSM in the latest complete month; the unassigned row last."""
    return _select("mart_csm_coverage", "csm_id is null, accounts desc, csm_name")


def touch_tier_guide() -> pd.DataFrame:
    """The book's accounts-per-CSM guide per touch tier, as the seed `touch_tiers` holds it
    (empty when the warehouse has no seed table)."""
    columns = ["touch_tier", "tier_order", "accounts_per_csm_min", "accounts_per_csm_max"]
    tables = data._query(
        "select table_name from information_schema.tables "
        "where table_schema = 'seeds' and table_name = 'touch_tiers'"
    )
    if tables.empty:
        return pd.DataFrame(columns=columns)
    return data._query(f"select {', '.join(columns)} from seeds.touch_tiers order by tier_order")


def csql_accounts(month: date) -> pd.DataFrame:
    """The CSQL accounts (expansion signal, no open Expansion opportunity) of one month."""
    frame = _select(
        "mart_expansion_signals", "arr desc, account_id", "month = ? and is_csql", (month,)
    )
    return _with_names(frame)


def csql_by_month() -> pd.DataFrame:
    """CSQL accounts per month (a count of mart rows with is_csql)."""
    if "mart_expansion_signals" not in _tables():
        return pd.DataFrame(columns=["month", "csql_accounts"])
    return data._query(
        f"select month, count(*) filter (where is_csql) as csql_accounts "
        f"from {data.SCHEMA}.mart_expansion_signals group by month order by month"
    )


def onboarding() -> pd.DataFrame:
    return _select("mart_onboarding", "cohort_month, icp_segment")


def onboarding_milestones() -> pd.DataFrame:
    return _select("mart_onboarding_milestones", "cohort_month, milestone_order")


def nps_by_segment() -> pd.DataFrame:
    return _select("mart_nps_by_segment", "month, dimension, dimension_value")


def health_totals() -> dict[str, float]:
    """Accounts per colour and ARR of red and yellow accounts in the latest month."""
    if "mart_account_health_current" not in _tables():
        return {}
    frame = data._query(
        f"select count(*) filter (where health_color = 'green') as green, "
        f"count(*) filter (where health_color = 'yellow') as yellow, "
        f"count(*) filter (where health_color = 'red') as red, "
        f"coalesce(sum(arr) filter (where health_color in ('red', 'yellow')), 0) as arr_at_risk "
        f"from {data.SCHEMA}.mart_account_health_current"
    )
    return frame.iloc[0].to_dict()


def renewal_totals() -> dict[str, float]:
    """ARR due within 30 / 60 / 90 / 120 days and red or yellow ARR within 90 days."""
    if "mart_renewals" not in _tables():
        return {}
    frame = data._query(
        f"select "
        f'coalesce(sum(arr_due) filter (where "window" <= 30), 0) as due_30, '
        f'coalesce(sum(arr_due) filter (where "window" <= 60), 0) as due_60, '
        f'coalesce(sum(arr_due) filter (where "window" <= 90), 0) as due_90, '
        f"coalesce(sum(arr_due), 0) as due_120, "
        f'coalesce(sum(arr_due) filter (where "window" <= 90 '
        f"and health_color in ('red', 'yellow')), 0) as at_risk_90 "
        f"from {data.SCHEMA}.mart_renewals"
    )
    return frame.iloc[0].to_dict()


def account_health(account_id: str) -> pd.DataFrame:
    return _select("mart_account_health", "month", "account_id = ?", (account_id,))


def account_alerts(account_id: str) -> pd.DataFrame:
    return _select("mart_account_alerts", "fired_on desc", "account_id = ?", (account_id,))


def account_tickets(account_id: str) -> pd.DataFrame:
    return _select("fct_support_tickets", "created_date desc", "account_id = ?", (account_id,))


def account_nps(account_id: str) -> pd.DataFrame:
    return _select("fct_nps_responses", "submitted_date desc", "account_id = ?", (account_id,))


def account_usage(account_id: str) -> pd.DataFrame:
    return _select("fct_account_usage_months", "month", "account_id = ?", (account_id,))


def account_renewals(account_id: str) -> pd.DataFrame:
    return _select("mart_renewals", "renewal_date", "account_id = ?", (account_id,))


def account_open_opportunities(account_id: str) -> pd.DataFrame:
    columns = ["opportunity_id", "type", "stage", "amount", "created_date", "close_date"]
    if "fct_opportunities" not in _tables():
        return pd.DataFrame(columns=columns)
    return data._query(
        f"select {', '.join(columns)} from {data.SCHEMA}.fct_opportunities "
        f"where account_id = ? and not is_closed order by close_date",
        (account_id,),
    )


def _with_names(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty or "dim_accounts" not in _tables():
        frame["account_name"] = frame.get("account_id")
        return frame
    names = data._query(f"select account_id, account_name from {data.SCHEMA}.dim_accounts")
    merged = frame.merge(names, on="account_id", how="left")
    merged["account_name"] = merged["account_name"].fillna(merged["account_id"])
    return merged


def latest_month(frame: pd.DataFrame) -> date | None:
    return None if frame.empty else max(frame["month"])
