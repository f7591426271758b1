"""MRR bridge: waterfall of one month, its components, history, and top account movements."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboards import charts, data, ui
from dashboards.formatting import format_month
from dashboards.i18n import t

COMPONENTS: list[tuple[str, str, int]] = [
    # (label key, mart column, sign in the bridge identity)
    ("comp.beginning", "beginning_mrr", 1),
    ("comp.new", "new_mrr", 1),
    ("comp.expansion", "expansion_mrr", 1),
    ("comp.reactivation", "reactivation_mrr", 1),
    ("comp.contraction", "contraction_mrr", -1),
    ("comp.churn", "churned_mrr", -1),
    ("comp.fx", "fx_adjustment_mrr", 1),
    ("comp.ending", "ending_mrr", 1),
]


def render() -> None:
    language, currency = ui.lang(), ui.currency()
    accounts = data.accounts()
    filters = ui.account_filters(accounts)
    st.title(t("bridge.title"))

    segment = ui.segment_picker()
    if segment:
        st.info(t("segment.showing", segment=ui.segment_label(*segment)))
        bridge = ui.in_range(data.segment_bridge(*segment))
        if bridge.empty:
            st.info(t("gtm.empty"))
            return
    else:
        bridge = ui.in_range(data.bridge())
    months = list(bridge["month"])[::-1]
    month = st.selectbox(
        t("bridge.month"),
        options=months,
        format_func=lambda m: format_month(m, language, long=True),
        key="bridge_month",
    )
    row = bridge[bridge["month"] == month].iloc[0].to_dict()

    figure = charts.waterfall(row, language, currency)
    st.plotly_chart(figure, width="stretch", key="waterfall")
    notes = [t("bridge.identity")]
    if not charts.waterfall_starts_at_zero(figure):
        notes.append(t("bridge.axis_note"))
    st.caption(" · ".join(notes))

    st.subheader(t("bridge.table"))
    components = pd.DataFrame(
        {
            "component": [t(label) for label, _, _ in COMPONENTS],
            # Contraction and churn are positive in the mart; shown with the bridge's sign.
            "amount": [sign * row[column] for _, column, sign in COMPONENTS],
        }
    )
    ui.show_table(
        components.rename(columns={"component": t("component"), "amount": t("amount")}),
        key="bridge_components",
        file_name=f"mrr_bridge_{format_month(month)}",
        signed_money=[t("amount")],
        unsigned_rows=[0, len(COMPONENTS) - 1],
    )

    st.subheader(t("bridge.top", month=format_month(month, language, long=True)))
    top = data.top_movements(month, limit=15, **filters)
    if top.empty:
        st.info(t("bridge.top_empty"))
    else:
        ui.show_table(
            top[
                [
                    "account_name",
                    "movement_type",
                    "mrr_change",
                    "country",
                    "industry",
                    "account_currency",
                ]
            ],
            key="bridge_top",
            file_name=f"top_movements_{format_month(month)}",
            signed_money=["mrr_change"],
            translate_values={"movement_type": "movement"},
        )

    _by_plan(month, language, currency)

    st.subheader(t("bridge.history"))
    st.caption(t("bridge.sign_convention"))
    history = bridge.sort_values("month", ascending=False)[
        ["month", *(c for _, c, _ in COMPONENTS)]
    ]
    # One sign convention on the page: losses carry the bridge's minus, as in the components.
    for _, column, sign in COMPONENTS:
        history[column] = sign * history[column]
    levels = ["beginning_mrr", "ending_mrr"]
    ui.show_table(
        history,
        key="bridge_history",
        file_name="mrr_bridge_history",
        money=levels,
        signed_money=[c for _, c, _ in COMPONENTS if c not in levels],
        months=["month"],
    )


def _by_plan(month: object, language: str, currency: str) -> None:
    """MRR by product and billing interval (mart_mrr_by_plan): rows picked, never summed
    into a metric; the product filter narrows the rows."""
    plans = data.mart("mart_mrr_by_plan")
    products = ui.sidebar_multiselect("filter.product", plans["product_id"], "filter_products")
    plans = ui.pick(ui.in_range(plans), "product_id", products)
    if plans.empty:
        return
    st.subheader(t("bridge.by_plan", month=format_month(month, language, long=True)))
    st.caption(t("bridge.by_plan_note"))
    plans = plans.assign(plan=plans["product_id"] + " · " + plans["billing_interval"])
    current = plans[plans["month"] == month].sort_values(
        ["mrr", "plan"], ascending=[False, True], kind="stable"
    )
    left, right = st.columns([2, 3])
    with left:
        st.plotly_chart(
            charts.bars(
                list(current["plan"]),
                list(current["mrr"]),
                t("col.mrr"),
                language,
                "money",
                currency,
                horizontal=True,
            ),
            width="stretch",
            key="plan_bars",
        )
    with right:
        st.plotly_chart(
            charts.stacked_money(
                plans, "month", "mrr", "plan", t("bridge.by_plan_trend"), language, currency
            ),
            width="stretch",
            key="plan_trend",
        )
    table = current[list(data.MART_COLUMNS["mart_mrr_by_plan"])].copy()
    # The page's one sign convention: losses carry the bridge's minus.
    for column in ("contraction_mrr", "churned_mrr"):
        table[column] = -table[column]
    ui.show_table(
        table,
        key="plan_table",
        file_name=f"mrr_by_plan_{format_month(month)}",
        money=["mrr", "beginning_mrr"],
        signed_money=[
            "new_mrr",
            "expansion_mrr",
            "contraction_mrr",
            "churned_mrr",
            "fx_adjustment_mrr",
        ],
        counts=["customers"],
        months=["month"],
    )


ui.guarded(render)
