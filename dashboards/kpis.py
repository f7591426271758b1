"""The headline KPIs, in the order the Overview page and the board deck show them."""

from __future__ import annotations

# (i18n label key, value kind for formatting, mart column, lower is better)
HEADLINE_KPIS: tuple[tuple[str, str, str, bool], ...] = (
    ("kpi.ending_mrr", "money", "ending_mrr", False),
    ("kpi.ending_arr", "money", "ending_arr", False),
    ("kpi.ending_customers", "count", "ending_customers", False),
    ("kpi.logo_churn_rate", "rate", "logo_churn_rate", True),
    ("kpi.nrr", "rate", "nrr", False),
    ("kpi.grr", "rate", "grr", False),
    ("kpi.nrr_12m", "rate", "nrr_12m", False),
    ("kpi.grr_12m", "rate", "grr_12m", False),
)

# The KPIs ChartMogul and Baremetrics show beside them (mart_mrr_bridge columns); the
# Overview draws them as a second row.
GROWTH_KPIS: tuple[tuple[str, str, str, bool], ...] = (
    ("kpi.arpa", "money", "arpa", False),
    ("kpi.quick_ratio", "ratio", "quick_ratio", False),
    ("kpi.mrr_growth_rate", "rate", "mrr_growth_rate", False),
)
