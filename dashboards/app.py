"""Entry point of the executive boards: `streamlit run dashboards/app.py`.

Language switch, page navigation and the month-range filter live here; each page under
views/ draws one topic from the public marts (see dashboards/data.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts only this folder on sys.path; the pages import the package.
_REPO_ROOT = str(Path(__file__).resolve().parents[1])
if _REPO_ROOT not in sys.path:
    sys.path.insert(0, _REPO_ROOT)

import streamlit as st  # noqa: E402

from dashboards import data, ui  # noqa: E402
from dashboards.i18n import t  # noqa: E402

st.set_page_config(
    page_title="Revenue boards",
    page_icon=":material/monitoring:",
    layout="wide",
    initial_sidebar_state="expanded",
)

with st.sidebar:
    ui.language_switch()

OVERVIEW = st.Page(
    "views/overview.py",
    title=t("nav.overview"),
    icon=":material/dashboard:",
    # The default page is served at the root URL; its own path is reserved but unused,
    # so /overview gets a hidden page that forwards to the root (no "Page not found").
    url_path="home",
    default=True,
)


def _to_overview() -> None:
    st.switch_page(OVERVIEW)


PAGES = [
    OVERVIEW,
    st.Page(
        "views/mrr_bridge.py",
        title=t("nav.mrr_bridge"),
        icon=":material/waterfall_chart:",
        url_path="mrr_bridge",
    ),
    st.Page(
        "views/retention.py",
        title=t("nav.retention"),
        icon=":material/autorenew:",
        url_path="retention",
    ),
    st.Page(
        "views/funnel_sales.py",
        title=t("nav.funnel"),
        icon=":material/filter_alt:",
        url_path="funnel",
    ),
    st.Page(
        "views/unit_economics.py",
        title=t("nav.unit_economics"),
        icon=":material/savings:",
        url_path="unit_economics",
    ),
    st.Page(
        "views/segments.py",
        title=t("nav.segments"),
        icon=":material/target:",
        url_path="segments",
    ),
    st.Page(
        "views/customer_health.py",
        title=t("nav.customer_health"),
        icon=":material/favorite:",
        url_path="customer_health",
    ),
    st.Page(
        "views/renewals.py",
        title=t("nav.renewals"),
        icon=":material/event_repeat:",
        url_path="renewals",
    ),
    st.Page(
        "views/account_360.py",
        title=t("nav.account_360"),
        icon=":material/apartment:",
        url_path="account_360",
    ),
    st.Page(
        "views/definitions.py",
        title=t("nav.definitions"),
        icon=":material/menu_book:",
        url_path="definitions",
    ),
    st.Page(_to_overview, title=t("nav.overview"), url_path="overview", visibility="hidden"),
]

page = st.navigation(PAGES)
st.set_page_config(page_title=f"{page.title} · {t('app.title')}")

state = data.warehouse_state()
if state.ok and page.url_path != "definitions":
    with st.sidebar:
        st.subheader(t("filter.header"))
        ui.month_range_filter()

page.run()

with st.sidebar:
    st.divider()
    st.caption(
        t("app.caption", currency=data.reporting_currency(), path=data.warehouse_path().name)
    )
    if state.ok:
        build = data.published_build()
        if build:
            st.caption(
                t(
                    "app.build",
                    build=build["build_id"],
                    as_of=build["as_of_date"] or "-",
                    finished=build["finished_at"],
                )
            )
