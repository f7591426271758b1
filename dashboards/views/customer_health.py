"""Customer health: colour mix over time, red and yellow accounts with the component that
drags each down and what to do about it, open alerts with their age, ARR at risk."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboards import charts_cs, data_cs, ui
from dashboards.formatting import format_month
from dashboards.i18n import t


def render() -> None:
    language = ui.lang()
    st.title(t("health.title"))
    if not data_cs.available():
        st.info(t("cs.not_built"))
        return

    current = data_cs.health_current()
    alerts = data_cs.open_alerts()
    mix = data_cs.health_mix()
    if current.empty:
        st.info(t("health.none_at_risk"))
        return
    month = current["month"].iloc[0]
    st.caption(t("health.as_of", month=format_month(month, language, long=True)))

    totals = data_cs.health_totals()
    at_risk = current[current["health_color"].isin(["red", "yellow"])]
    tiles = st.columns(5)
    for tile, color in zip(tiles[:3], ("green", "yellow", "red"), strict=True):
        with tile:
            st.metric(t(f"health.{color}"), ui.kpi_value("count", totals.get(color)), border=True)
    with tiles[3]:
        st.metric(
            t("health.arr_at_risk"), ui.kpi_value("money", totals.get("arr_at_risk")), border=True
        )
    with tiles[4]:
        st.metric(t("health.open_alerts"), ui.kpi_value("count", len(alerts)), border=True)

    if not mix.empty:
        st.plotly_chart(
            charts_cs.health_mix(ui.in_range(mix), language), width="stretch", key="health_mix"
        )

    st.subheader(t("health.at_risk"))
    if at_risk.empty:
        st.info(t("health.none_at_risk"))
    else:
        table = at_risk.copy()
        table["action"] = [
            t(f"action.{c}") if isinstance(c, str) else None for c in table["weakest_component"]
        ]
        table["next_renewal_date"] = [
            str(d) if d is not None and not pd.isna(d) else "–" for d in table["next_renewal_date"]
        ]
        ui.show_table(
            table[
                [
                    "account_name",
                    "health_color",
                    "health_score",
                    "weakest_component",
                    "weakest_component_score",
                    "action",
                    "arr",
                    "open_alerts",
                    "oldest_open_alert_days",
                    "next_renewal_date",
                ]
            ],
            key="health_at_risk",
            file_name="accounts_at_risk",
            money=["arr"],
            counts=[
                "health_score",
                "weakest_component_score",
                "open_alerts",
                "oldest_open_alert_days",
            ],
            translate_values={"health_color": "color", "weakest_component": "component"},
        )

    st.subheader(t("health.alerts"))
    if alerts.empty:
        st.info(t("health.no_alerts"))
    else:
        ui.show_table(
            alerts[["account_name", "alert_type", "fired_on", "age_days"]],
            key="health_alerts",
            file_name="open_alerts",
            counts=["age_days"],
            translate_values={"alert_type": "alert"},
        )

    validation = data_cs.validation()
    if not validation.empty:
        st.subheader(t("health.validation"))
        ui.show_table(
            validation,
            key="health_validation",
            file_name="health_validation",
            counts=["account_months", "churned_accounts"],
            rates=["churn_rate"],
            translate_values={"health_color": "color"},
        )


ui.guarded(render)
