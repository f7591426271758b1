"""Renewals: the 30/60/90/120-day calendar with ARR due and at risk, past renewal rates
with first renewals apart, the NPS trend and NPS by segment and touch tier; onboarding
(30-day activation by cohort and ICP segment, milestone reach), where renewals start."""

from __future__ import annotations

import streamlit as st

from dashboards import charts, charts_cs, data_cs, ui
from dashboards.i18n import t

NPS_DIMENSIONS = ("touch_tier", "icp_segment")


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

    nps_by_segment(language)
    onboarding(language)


def nps_by_segment(language: str) -> None:
    """NPS per month for each touch tier or ICP segment (rows of mart_nps_by_segment)."""
    frame = data_cs.nps_by_segment()
    st.subheader(t("cs.nps_segment"))
    present = set(frame["dimension"])
    dimensions = [d for d in NPS_DIMENSIONS if d in present]
    if not dimensions:
        st.info(t("cs.nps_segment_none"))
        return
    dimension = ui.choose(
        t("cs.nps_dimension"),
        dimensions,
        lambda d: charts_cs.value_label("churn_dimension", d, language),
        default=dimensions[0],
        key="nps_dimension",
    )
    rows = ui.in_range(frame[(frame["dimension"] == dimension) & (frame["responses"] > 0)])
    if rows.empty:
        st.info(t("cs.nps_segment_none"))
        return
    # Lines in the stored order (high, low, tech touch) and colours in both languages.
    labels = {v: charts_cs.value_label(dimension, v, language) for v in rows["dimension_value"]}
    st.plotly_chart(
        charts_cs.figure(
            "lines",
            rows,
            "month",
            "nps",
            "dimension_value",
            t("cs.nps_segment_chart", language, dimension=t(f"churn_dimension.{dimension}")),
            language,
            kind="number",
            labels=labels,
        ),
        width="stretch",
        key="nps_segment_chart",
    )
    rows = rows.assign(dimension_value=[labels[v] for v in rows["dimension_value"]])
    ui.show_table(
        rows.sort_values(["month", "dimension_value"], ascending=[False, True])[
            ["month", "dimension_value", "responses", "promoters", "passives", "detractors", "nps"]
        ],
        key="nps_segment_table",
        file_name=f"nps_by_{dimension}",
        counts=["responses", "promoters", "passives", "detractors", "nps"],
        months=["month"],
        height=320,
    )


def onboarding(language: str) -> None:
    """30-day activation by cohort and ICP segment (mart_onboarding) and milestone reach by
    cohort (mart_onboarding_milestones), cohorts in the sidebar's month range."""
    cohorts = ui.in_range(data_cs.onboarding(), "cohort_month")
    milestones = ui.in_range(data_cs.onboarding_milestones(), "cohort_month")
    st.subheader(t("cs.onboarding"))
    st.caption(t("cs.onboarding_note"))
    if cohorts.empty and milestones.empty:
        st.info(t("cs.onboarding_none"))
        return
    complete = cohorts[cohorts["is_activation_window_complete"].fillna(False).astype(bool)]
    if not complete.empty:
        st.plotly_chart(
            charts_cs.figure(
                "heatmap",
                complete,
                "cohort_month",
                "icp_segment",
                "activation_rate_30d",
                t("cs.activation_chart", language),
                language,
            ),
            width="stretch",
            key="activation_heatmap",
        )
    if not milestones.empty:
        labels = {
            m: charts_cs.value_label("milestone", m, language) for m in milestones["milestone"]
        }
        st.plotly_chart(
            charts_cs.figure(
                "lines",
                milestones,
                "cohort_month",
                "reach_rate",
                "milestone",
                t("cs.milestones_chart", language),
                language,
                labels=labels,
            ),
            width="stretch",
            key="milestones_chart",
        )
    if not cohorts.empty:
        st.markdown(f"**{t('cs.onboarding_table')}**")
        ui.show_table(
            cohorts.sort_values(["cohort_month", "accounts"], ascending=[False, False]),
            key="onboarding_table",
            file_name="onboarding",
            rates=["activation_rate_30d", "completion_rate"],
            counts=[
                "accounts",
                "activated_30d_accounts",
                "median_days_to_first_value",
                "completed_accounts",
            ],
            months=["cohort_month"],
            height=320,
        )
    if not milestones.empty:
        st.markdown(f"**{t('cs.milestones_table')}**")
        milestones = milestones.assign(
            milestone=[
                charts_cs.value_label("milestone", m, language) for m in milestones["milestone"]
            ]
        )
        ui.show_table(
            milestones.sort_values(["cohort_month", "milestone_order"], ascending=[False, True])[
                [
                    "cohort_month",
                    "milestone",
                    "accounts",
                    "reached_accounts",
                    "reach_rate",
                    "median_days_to_reach",
                ]
            ],
            key="milestones_table",
            file_name="onboarding_milestones",
            rates=["reach_rate"],
            counts=["accounts", "reached_accounts", "median_days_to_reach"],
            months=["cohort_month"],
            height=320,
        )


ui.guarded(render)
