"""Renewals: the 30/60/90/120-day calendar with ARR due and at risk, past renewal rates
with first renewals apart, and the NPS trend."""

from __future__ import annotations

import streamlit as st

from dashboards import charts, charts_cs, data_cs, ui
from dashboards.i18n import t


def render() -> None:
    language, currency = ui.lang(), ui.currency()
    st.title(t("renewals.title"))
    if not data_cs.available():
        st.info(t("cs.not_built"))
        return

    st.caption(t("renewals.as_of"))
    totals = data_cs.renewal_totals()
    tiles = st.columns(5)
    for tile, days in zip(tiles[:4], (30, 60, 90, 120), strict=True):
        with tile:
            st.metric(
                t("renewals.due_in", n=days),
                ui.kpi_value("money", totals.get(f"due_{days}")),
                border=True,
            )
    with tiles[4]:
        st.metric(
            t("renewals.at_risk_90"), ui.kpi_value("money", totals.get("at_risk_90")), border=True
        )

    upcoming = data_cs.renewals()
    if upcoming.empty:
        st.info(t("renewals.none"))
    else:
        st.plotly_chart(
            charts_cs.renewal_calendar(upcoming, language, currency),
            width="stretch",
            key="renewal_calendar",
        )
        st.subheader(t("renewals.table"))
        ui.show_table(
            upcoming[
                [
                    "account_name",
                    "source",
                    "renewal_date",
                    "days_to_renewal",
                    "window",
                    "arr_due",
                    "health_color",
                    "is_first_renewal",
                ]
            ],
            key="renewals_table",
            file_name="renewals",
            money=["arr_due"],
            counts=["days_to_renewal", "window"],
            translate_values={"health_color": "color", "source": "renewal_source"},
        )

    rates = data_cs.renewal_rates()
    rates = ui.in_range(rates) if not rates.empty else rates
    left, right = st.columns(2)
    with left:
        if not rates.empty:
            st.plotly_chart(
                charts_cs.rate_lines(
                    rates,
                    [
                        ("renewal_rate", t("col.renewal_rate"), charts.NAVY),
                        ("first_renewal_rate", t("col.first_renewal_rate"), charts.RED),
                    ],
                    t("renewals.rates"),
                ),
                width="stretch",
                key="renewal_rates",
            )
    nps = data_cs.nps()
    nps = ui.in_range(nps) if not nps.empty else nps
    with right:
        if not nps.empty:
            st.plotly_chart(
                charts_cs.rate_lines(
                    nps, [("nps", t("col.nps"), charts.TEAL)], t("renewals.nps"), percent=False
                ),
                width="stretch",
                key="nps_trend",
            )

    if not rates.empty:
        st.subheader(t("renewals.rates_table"))
        ui.show_table(
            rates[rates["arr_due"] > 0].sort_values("month", ascending=False),
            key="renewal_rates_table",
            file_name="renewal_rates",
            money=["arr_due", "arr_renewed", "first_renewal_arr_due"],
            rates=["renewal_rate", "first_renewal_rate"],
            months=["month"],
        )
    if not nps.empty:
        st.subheader(t("renewals.nps_table"))
        ui.show_table(
            nps[nps["responses"] > 0].sort_values("month", ascending=False),
            key="nps_table",
            file_name="nps",
            counts=["responses", "promoters", "passives", "detractors", "nps"],
            months=["month"],
        )


ui.guarded(render)
