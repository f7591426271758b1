"""Definitions: every mart and metric column with its formula in words, from the dbt docs."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboards import data, dbt_docs, ui
from dashboards.i18n import t

# Public marts first, in the order of the metric dictionary.
ORDER = list(data.REQUIRED_COLUMNS)


@st.cache_data(show_spinner=False, ttl=600)
def _docs(fingerprint: tuple[tuple[str, int], ...], project: str) -> dbt_docs.DbtDocs:
    del fingerprint  # cache key only: reread when a docs file changes
    return dbt_docs.load(Path(project))


def _md(text: str) -> str:
    # A `$` in a formula would start LaTeX in Streamlit markdown.
    return text.replace("$", "\\$")


def _matches(query: str, *texts: str) -> bool:
    return not query or any(query in text.lower() for text in texts)


# The numbers on the boards, each with the mart column whose dbt description defines it.
BOARD_METRICS: list[tuple[str, str, str]] = [
    ("kpi.ending_mrr", "mart_mrr_bridge", "ending_mrr"),
    ("kpi.ending_arr", "mart_mrr_bridge", "ending_arr"),
    ("kpi.ending_customers", "mart_mrr_bridge", "ending_customers"),
    ("kpi.nrr", "mart_retention_monthly", "nrr"),
    ("kpi.grr", "mart_retention_monthly", "grr"),
    ("kpi.logo_churn_rate", "mart_retention_monthly", "logo_churn_rate"),
    ("col.revenue_churn_rate", "mart_retention_monthly", "revenue_churn_rate"),
    ("kpi.nrr_12m", "mart_retention_trailing_12m", "nrr_12m"),
    ("kpi.grr_12m", "mart_retention_trailing_12m", "grr_12m"),
    ("col.logo_retention", "mart_cohort_retention", "logo_retention"),
    ("col.revenue_retention", "mart_cohort_retention", "revenue_retention"),
    ("col.mrr_change", "fct_mrr_movements", "mrr_change"),
    ("kpi.arpa", "mart_mrr_bridge", "arpa"),
    ("kpi.quick_ratio", "mart_mrr_bridge", "quick_ratio"),
    ("kpi.mrr_growth_rate", "mart_mrr_bridge", "mrr_growth_rate"),
    ("bridge.by_plan_trend", "mart_mrr_by_plan", "mrr"),
    ("col.lead_to_won_rate", "mart_funnel", "lead_to_won_rate"),
    ("col.win_rate", "mart_win_rates", "win_rate"),
    ("col.median_sales_cycle_days", "mart_win_rates", "median_sales_cycle_days"),
    ("col.sla_compliance_rate", "mart_sla_compliance", "sla_compliance_rate"),
    ("col.cac", "mart_unit_economics", "cac"),
    ("col.cac_payback_months", "mart_unit_economics", "cac_payback_months"),
    ("col.ltv", "mart_unit_economics", "ltv"),
    ("col.ltv_to_cac", "mart_unit_economics", "ltv_to_cac"),
    ("col.gross_margin_pct", "mart_unit_economics", "gross_margin_pct"),
    ("col.reference_customers", "mart_icp_segments", "reference_customers"),
]


def _board_metrics(docs: dbt_docs.DbtDocs, query: str) -> int:
    """Each board number in plain words in the board's language (executive definitions
    from the dbt docs), with the exact formula of its mart column underneath."""
    language = ui.lang()
    described = {
        (model.name, column.name): column.description
        for model in docs.models
        for column in model.columns
        if column.description
    }
    shown = 0
    for label, mart, column in BOARD_METRICS:
        formula = described.get((mart, column))
        meta_label, executive = dbt_docs.executive_text(docs, mart, column, language)
        title = meta_label or t(label)
        if not (formula or executive) or not _matches(
            query, title, mart, column, formula or "", executive or ""
        ):
            continue
        if not shown:
            st.subheader(t("definitions.board_metrics"))
            st.caption(t("definitions.board_metrics_note"))
        shown += 1
        st.markdown(f"**{title}**  \n{_md(executive or formula or '')}")
        if formula and executive:
            st.caption(f"{t('definitions.formula')} · `{mart}.{column}`: {_md(formula)}")
    return shown


def _model(model: dbt_docs.ModelDoc, query: str) -> bool:
    columns = [c for c in model.columns if _matches(query, model.name, c.name, c.description)]
    if not columns and not _matches(query, model.name, model.description):
        return False
    with st.expander(f"`{model.name}`", expanded=bool(query)):
        if model.description:
            st.markdown(_md(model.description))
        for column in columns or model.columns:
            st.markdown(f"**`{column.name}`** — {_md(column.description) or '–'}")
        st.caption(model.path)
    return True


def render() -> None:
    st.title(t("definitions.title"))
    state = data.warehouse_state()
    if not state.ok:
        ui.show_warehouse_problem(state)
    st.caption(t("definitions.intro"))

    project = dbt_docs.project_dir()
    docs = _docs(dbt_docs.files_fingerprint(project), str(project))
    if docs.unreadable:
        st.warning(t("definitions.parse_error", files=", ".join(docs.unreadable)))
    if docs.empty:
        st.info(t("definitions.missing", path=docs.marts_dir))
        return

    query = st.text_input(t("definitions.search"), key="definitions_search").strip().lower()
    shown = _board_metrics(docs, query)

    public = [m for m in docs.models if m.name in ORDER]
    public.sort(key=lambda m: ORDER.index(m.name))
    others = sorted((m for m in docs.models if m.name not in ORDER), key=lambda m: m.name)
    for header, models in (
        ("definitions.public_marts", public),
        ("definitions.other_models", others),
    ):
        if not models:
            continue
        st.subheader(t(header))
        shown += sum(_model(model, query) for model in models)

    blocks = {
        name: body
        for name, body in sorted(docs.blocks.items())
        if not name.startswith("exec__") and _matches(query, name, body)
    }
    if blocks:
        st.subheader(t("definitions.docs_blocks"))
        with st.expander(t("definitions.docs_blocks_count", n=len(blocks)), expanded=bool(query)):
            for name, body in blocks.items():
                st.markdown(f"**`{name}`**  \n{_md(body)}")
        shown += len(blocks)
    if not shown:
        st.info(t("definitions.no_match"))


render()
