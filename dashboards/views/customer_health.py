"""Customer health: colour mix over time, red and yellow accounts with the component that
drags each down and what to do about it, open alerts with their age, ARR at risk; then
churn analysis by dimension (avoidable or not), expansion signals (CSQL) and CSM coverage
against the book's accounts-per-CSM guide (seed touch_tiers)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboards import charts_cs, data_cs, ui
from dashboards.formatting import MISSING, format_month
from dashboards.i18n import column_label, t

CSQL_SHOWN = 100
CHART_VALUES = 8
CHURN_DIMENSIONS = (
    "avoidability",
    "churn_reason",
    "industry",
    "size_band",
    "tenure_band",
    "country",
    "channel",
    "product",
    "owner",
)


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

    churn_analysis(language)
    expansion_signals(language)
    csm_coverage(language)


def churn_analysis(language: str) -> None:
    """Rows of mart_churn_analysis for one dimension in the sidebar's month range."""
    churn = data_cs.churn_analysis()
    st.subheader(t("cs.churn"))
    st.caption(t("cs.churn_note"))
    present = set(churn["dimension"])
    dimensions = [d for d in CHURN_DIMENSIONS if d in present] + sorted(
        present - set(CHURN_DIMENSIONS)
    )
    if not dimensions:
        st.info(t("cs.churn_none"))
        return
    dimension = ui.choose(
        t("cs.churn_dimension"),
        dimensions,
        lambda d: charts_cs.value_label("churn_dimension", d, language),
        default=dimensions[0],
        key="churn_dimension",
    )
    rows = ui.in_range(churn[churn["dimension"] == dimension])
    rows = rows[(rows["churned_logos"] > 0) | (rows["contracted_logos"] > 0)]
    if rows.empty:
        st.info(t("cs.churn_none"))
        return
    shown = rows.assign(
        dimension_value=[
            charts_cs.value_label(dimension, v, language) for v in rows["dimension_value"]
        ]
    )
    churned = shown[shown["churned_logos"] > 0]
    largest = churned.groupby("dimension_value")["churned_arr"].sum().nlargest(CHART_VALUES)
    if churned["dimension_value"].nunique() > CHART_VALUES:
        # Owners, channels: a legend of forty names hides the chart; the table has them all.
        churned = churned[churned["dimension_value"].isin(largest.index)]
        st.caption(t("cs.churn_largest", n=CHART_VALUES))
    if not churned.empty:
        st.plotly_chart(
            charts_cs.figure(
                "stacked_money",
                churned,
                "month",
                "churned_arr",
                "dimension_value",
                t("cs.churn_chart", language, dimension=t(f"churn_dimension.{dimension}")),
                language,
                ui.currency(),
            ),
            width="stretch",
            key="churn_chart",
        )
    ui.show_table(
        shown.sort_values(["month", "churned_arr"], ascending=[False, False])[
            [
                "month",
                "dimension_value",
                "churned_logos",
                "churned_arr",
                "contracted_logos",
                "contracted_arr",
                "first_year_churned_logos",
                "first_year_churned_arr",
            ]
        ],
        key="churn_table",
        file_name=f"churn_by_{dimension}",
        money=["churned_arr", "contracted_arr", "first_year_churned_arr"],
        counts=["churned_logos", "contracted_logos", "first_year_churned_logos"],
        months=["month"],
        height=320,
    )


def expansion_signals(language: str) -> None:
    """CSQL accounts per month and the latest month's CSQL accounts (mart_expansion_signals)."""
    by_month = ui.in_range(data_cs.csql_by_month())
    st.subheader(t("cs.csql"))
    st.caption(t("cs.csql_note"))
    if by_month.empty:
        st.info(t("cs.csql_none"))
        return
    month = max(by_month["month"])
    accounts = data_cs.csql_accounts(month)
    left, right = st.columns([1, 3])
    with left:
        st.metric(
            t("cs.csql_accounts", month=format_month(month, language)),
            ui.kpi_value("count", len(accounts)),
            border=True,
        )
        st.metric(
            t("cs.csql_arr", month=format_month(month, language)),
            ui.kpi_value("money", accounts["arr"].sum() if len(accounts) else 0),
            border=True,
        )
    with right:
        st.plotly_chart(
            charts_cs.figure(
                "lines",
                by_month,
                "month",
                "csql_accounts",
                None,
                t("cs.csql_chart", language),
                language,
                kind="count",
                height=300,
            ),
            width="stretch",
            key="csql_chart",
        )
    if accounts.empty:
        st.info(t("cs.csql_none"))
        return
    shown = accounts[
        [
            "account_name",
            "health_color",
            "active_users",
            "previous_active_users",
            "seats",
            "seat_utilisation",
            "arr",
            "is_seats_full",
            "is_green_and_growing",
        ]
    ]
    many = len(shown) > CSQL_SHOWN
    if many:
        st.caption(t("cs.csql_top", n=CSQL_SHOWN, total=len(shown)))
    ui.show_table(
        shown.head(CSQL_SHOWN),
        key="csql_table",
        file_name="csql_accounts_top",
        money=["arr"],
        rates=["seat_utilisation"],
        counts=["active_users", "previous_active_users", "seats"],
        translate_values={"health_color": "color"},
        height=320,
    )
    if many:
        # Styling every row costs a page a tenth of a second per 500: the full list is a CSV.
        st.download_button(
            t("cs.csql_download_all", n=len(shown)),
            data=shown.rename(columns=column_label).to_csv(index=False).encode("utf-8-sig"),
            file_name="csql_accounts.csv",
            mime="text/csv",
            key="download_csql_all",
            icon=":material/download:",
        )


def csm_coverage(language: str) -> None:
    """Each CSM's book (mart_csm_coverage) against the accounts-per-CSM guide of the seed."""
    coverage = data_cs.csm_coverage()
    st.subheader(t("cs.coverage"))
    if coverage.empty:
        st.info(t("cs.coverage_none"))
        return
    guide = data_cs.touch_tier_guide()
    st.caption(
        t("cs.coverage_note", month=format_month(coverage["month"].iloc[0], language, long=True))
        + " "
        + " · ".join(
            band
            for band in (charts_cs.guide_band(row, language) for row in guide.to_dict("records"))
            if band
        )
    )
    csms = coverage[coverage["csm_id"].notna()]
    if not csms.empty:
        st.plotly_chart(
            charts_cs.figure("csm_load", csms, guide, language), width="stretch", key="csm_chart"
        )
    table = coverage.copy()
    table["csm_name"] = [
        t("cs.unassigned") if pd.isna(i) else n
        for i, n in zip(table["csm_id"], table["csm_name"], strict=True)
    ]
    for tier in ("high_touch", "low_touch"):
        table[f"{tier}_load"] = [
            charts_cs.value_label(
                "load", MISSING if pd.isna(i) else _load(n, guide, tier), language
            )
            for i, n in zip(table["csm_id"], table[f"{tier}_accounts"], strict=True)
        ]
    ui.show_table(
        table[
            [
                "csm_name",
                "accounts",
                "arr",
                "high_touch_accounts",
                "high_touch_load",
                "low_touch_accounts",
                "low_touch_load",
                "tech_touch_accounts",
                "high_touch_arr",
                "red_accounts",
                "yellow_accounts",
            ]
        ],
        key="csm_table",
        file_name="csm_coverage",
        money=["arr", "high_touch_arr"],
        counts=[
            "accounts",
            "high_touch_accounts",
            "low_touch_accounts",
            "tech_touch_accounts",
            "red_accounts",
            "yellow_accounts",
        ],
        height=320,
    )


def _load(accounts: object, guide: pd.DataFrame, tier: str) -> str:
    """below / within / above the seed's accounts-per-CSM guide of the tier (a comparison of
    the mart's count with the seed, no metric)."""
    rows = guide[guide["touch_tier"] == tier]
    if rows.empty or pd.isna(rows["accounts_per_csm_min"].iloc[0]) or pd.isna(accounts):
        return MISSING
    if float(accounts) == 0:
        return MISSING  # no account of this tier: the guide does not apply
    low, high = rows["accounts_per_csm_min"].iloc[0], rows["accounts_per_csm_max"].iloc[0]
    if float(accounts) < float(low):
        return "below"
    if not pd.isna(high) and float(accounts) > float(high):
        return "above"
    return "within"


ui.guarded(render)
