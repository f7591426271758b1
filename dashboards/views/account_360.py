"""Account 360: find an account by name; its MRR history, movements and attributes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboards import charts, charts_cs, data, data_cs, ui
from dashboards.formatting import format_month
from dashboards.i18n import t

ATTRIBUTES = [
    "account_id",
    "account_name",
    "country",
    "industry",
    "account_currency",
    "icp_segment",
    "first_paid_month",
    "parent_account_id",
    "ultimate_parent_account_id",
    "is_unmapped",
    "is_deleted_in_crm",
]


def _is_true(value: object) -> bool:
    return isinstance(value, bool | np.bool_) and bool(value)


def _attribute_value(value: object) -> str:
    if isinstance(value, bool | np.bool_):
        return t("yes") if value else t("no")
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if hasattr(value, "year") and hasattr(value, "month"):
        return format_month(value)
    return str(value)


def render() -> None:
    language, currency = ui.lang(), ui.currency()
    accounts = data.accounts()
    filters = ui.account_filters(accounts)
    st.title(t("account.title"))

    listed = data.filter_accounts(accounts, **filters)
    search = st.text_input(t("account.search"), key="account_search").strip()
    if search:
        listed = listed[
            listed["account_name"].fillna("").str.contains(search, case=False, regex=False)
        ]
    # Largest paying account first (not the alphabetically first one).
    listed = listed.merge(data.latest_account_mrr(), on="account_id", how="left")
    listed = listed.sort_values(
        ["latest_mrr", "account_name"], ascending=[False, True], na_position="last"
    )
    paying = int((listed["latest_mrr"].fillna(0) > 0).sum())
    st.caption(
        t("account.count_one" if len(listed) == 1 else "account.count", n=len(listed))
        + " · "
        + t("account.paying", paying=paying)
    )
    if listed.empty:
        st.info(t("account.none"))
        return

    names = dict(zip(listed["account_id"], listed["account_name"], strict=True))
    account_id = st.selectbox(
        t("account.pick"),
        options=list(names),
        format_func=lambda a: f"{names[a]} · {a}",
        key="account_pick",
    )
    account = listed[listed["account_id"] == account_id].iloc[0].to_dict()
    history = data.account_months(account_id)
    movements = data.account_movements(account_id)

    st.header(str(account["account_name"]))
    if _is_true(account.get("is_deleted_in_crm")):
        st.warning(t("account.deleted"))
    if _is_true(account.get("is_unmapped")):
        st.info(t("account.unmapped"))

    latest = history.iloc[-1].to_dict() if not history.empty else {}
    tiles = st.columns(4)
    with tiles[0]:
        st.metric(
            t("account.current_mrr") + (f" ({format_month(latest['month'])})" if latest else ""),
            ui.kpi_value("money", latest.get("mrr")),
            border=True,
        )
    with tiles[1]:
        st.metric(
            t("col.first_paid_month"),
            _attribute_value(account.get("first_paid_month")),
            border=True,
        )
    with tiles[2]:
        st.metric(
            t("col.account_currency"),
            _attribute_value(account.get("account_currency")),
            border=True,
        )
    with tiles[3]:
        st.metric(t("col.country"), _attribute_value(account.get("country")), border=True)

    left, right = st.columns([3, 2])
    with left:
        if not history.empty:
            st.plotly_chart(
                charts.account_history(history, language, currency),
                width="stretch",
                key="account_history",
            )
    with right:
        st.subheader(t("account.attributes"))
        attributes = pd.DataFrame(
            {
                t("attribute"): [t(f"col.{name}") for name in ATTRIBUTES if name in account],
                t("value"): [
                    _attribute_value(account[name]) for name in ATTRIBUTES if name in account
                ],
            }
        )
        st.dataframe(
            attributes, hide_index=True, width="stretch", height=35 * (len(attributes) + 1) + 3
        )

    _customer_success(account_id, language)

    st.subheader(t("account.movements"))
    if movements.empty:
        st.info(t("account.movements_empty"))
    else:
        ui.show_table(
            movements[["month", "movement_type", "mrr_change"]],
            key="account_movements",
            file_name=f"movements_{account_id}",
            signed_money=["mrr_change"],
            months=["month"],
            translate_values={"movement_type": "movement"},
        )

    st.subheader(t("account.history_table"))
    columns = [
        c for c in ("month", "mrr", "mrr_local", "currency", "fx_rate", "is_active") if c in history
    ]
    ui.show_table(
        history[columns].sort_values("month", ascending=False),
        key="account_history_table",
        file_name=f"mrr_history_{account_id}",
        money=["mrr"],
        months=["month"],
        local_money=("mrr_local", "currency"),
        rates_fx=["fx_rate"],
    )


def _customer_success(account_id: str, language: str) -> None:
    """Health history with components, alerts, tickets, NPS answers, usage trend, renewal
    date and open opportunities (the customer-success marts; absent on older warehouses)."""
    if not data_cs.available():
        return
    st.header(t("account.cs"))
    health = data_cs.account_health(account_id)
    renewals = data_cs.account_renewals(account_id)
    tiles = st.columns(3)
    latest = health.iloc[-1].to_dict() if not health.empty else {}
    with tiles[0]:
        st.metric(
            t("account.health_now", month=format_month(latest["month"]) if latest else "–"),
            _attribute_value(latest.get("health_score") and round(latest["health_score"], 1)),
            border=True,
        )
    with tiles[1]:
        color = latest.get("health_color")
        st.metric(
            t("col.health_color"),
            t(f"color.{color}") if isinstance(color, str) else "–",
            border=True,
        )
    with tiles[2]:
        st.metric(
            t("account.next_renewal"),
            str(renewals["renewal_date"].iloc[0]) if not renewals.empty else "–",
            border=True,
        )

    usage = data_cs.account_usage(account_id)
    left, right = st.columns(2)
    with left:
        if not health.empty:
            st.plotly_chart(
                charts_cs.account_health(health, language), width="stretch", key="cs_health"
            )
    with right:
        if not usage.empty:
            st.plotly_chart(
                charts_cs.account_usage(usage, language), width="stretch", key="cs_usage"
            )

    if not health.empty:
        st.subheader(t("account.health_history"))
        ui.show_table(
            health.drop(columns=["account_id"]).sort_values("month", ascending=False),
            key="cs_health_table",
            file_name=f"health_{account_id}",
            counts=[c for c in health.columns if c.endswith("_score")],
            months=["month"],
            translate_values={"health_color": "color"},
            height=min(300, 35 * (len(health) + 1) + 3),
        )
    sections = [
        ("account.alerts", data_cs.account_alerts(account_id), {"alert_type": "alert"}, "alerts"),
        ("account.tickets", data_cs.account_tickets(account_id), {}, "tickets"),
        ("account.nps", data_cs.account_nps(account_id), {"nps_class": "nps_class"}, "nps"),
        ("account.opportunities", data_cs.account_open_opportunities(account_id), {}, "opps"),
    ]
    for title, frame, translate, key in sections:
        st.subheader(t(title))
        if frame.empty:
            st.caption(t("account.cs_none"))
            continue
        ui.show_table(
            frame.drop(columns=["account_id"], errors="ignore"),
            key=f"cs_{key}",
            file_name=f"{key}_{account_id}",
            money=["amount"],
            translate_values=translate,
            height=min(240, 35 * (len(frame) + 1) + 3),
        )


ui.guarded(render)
