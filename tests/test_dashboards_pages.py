"""AppTests of the executive boards: every page in both languages, KPI values against the
marts, filters, the missing/empty warehouse message and the Definitions page.

Runs on the warehouse the real pipeline builds from the small fixture landing
(tests/conftest.py `small_warehouse`), so the pages are tested on the marts dbt builds;
set DASHBOARD_TEST_WAREHOUSE to run the same checks on another built warehouse.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboards.formatting import (
    format_count,
    format_money,
    format_month,
    format_number,
    format_pct,
    format_pct_points,
)
from dashboards.i18n import t
from tests.board_warehouses import bare_copy, blank, empty_copy

APP = Path(__file__).resolve().parents[1] / "dashboards" / "app.py"
PAGES = {
    "overview": ("views/overview.py", "overview.title"),
    "mrr_bridge": ("views/mrr_bridge.py", "bridge.title"),
    "retention": ("views/retention.py", "retention.title"),
    "funnel_sales": ("views/funnel_sales.py", "funnel.title"),
    "unit_economics": ("views/unit_economics.py", "unit.title"),
    "segments": ("views/segments.py", "segments.title"),
    "customer_health": ("views/customer_health.py", "health.title"),
    "renewals": ("views/renewals.py", "renewals.title"),
    "account_360": ("views/account_360.py", "account.title"),
    "definitions": ("views/definitions.py", "definitions.title"),
}
LANGUAGES = ("ko", "en")


@pytest.fixture(scope="module")
def warehouse(request: pytest.FixtureRequest) -> Path:
    configured = os.environ.get("DASHBOARD_TEST_WAREHOUSE")
    if configured:
        return Path(configured)
    return request.getfixturevalue("small_warehouse").warehouse


@pytest.fixture
def use_warehouse(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    monkeypatch.delenv("REPORTING_CURRENCY", raising=False)
    return warehouse


def open_page(page: str, language: str = "ko", **state: Any) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["lang"] = language
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page != "overview":
        at.switch_page(PAGES[page][0]).run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def mart_rows(warehouse: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def month_values(warehouse: Path, month: date) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for mart in ("mart_mrr_bridge", "mart_retention_monthly", "mart_retention_trailing_12m"):
        rows = mart_rows(warehouse, f"select * from main.{mart} where month = ?", [month])
        values.update(rows[0] if rows else {})
    if "ending_mrr" in values and "ending_arr" not in values:
        values["ending_arr"] = float(values["ending_mrr"]) * 12
    return values


def latest_month(warehouse: Path) -> date:
    return mart_rows(warehouse, "select max(month) as m from main.mart_mrr_bridge")[0]["m"]


def shift(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


KPI_KINDS = {
    "kpi.ending_mrr": ("ending_mrr", "money"),
    "kpi.ending_arr": ("ending_arr", "money"),
    "kpi.ending_customers": ("ending_customers", "count"),
    "kpi.logo_churn_rate": ("logo_churn_rate", "rate"),
    "kpi.nrr": ("nrr", "rate"),
    "kpi.grr": ("grr", "rate"),
    "kpi.nrr_12m": ("nrr_12m", "rate"),
    "kpi.grr_12m": ("grr_12m", "rate"),
    "kpi.arpa": ("arpa", "money"),
    "kpi.quick_ratio": ("quick_ratio", "ratio"),
    "kpi.mrr_growth_rate": ("mrr_growth_rate", "rate"),
}


def expected_value(kind: str, value: Any, language: str) -> str:
    if kind == "money":
        return format_money(value, language, "KRW")
    if kind == "rate":
        return format_pct(value)
    if kind == "ratio":
        return format_number(value, 2)
    return format_count(value)


def expected_delta(kind: str, current: Any, other: Any, language: str) -> str | None:
    if current is None or other is None:
        return None
    change = float(current) - float(other)
    if kind == "money":
        return format_money(change, language, "KRW", signed=True)
    if kind == "rate":
        return format_pct_points(change, language)
    if kind == "ratio":
        return f"{change:+,.2f}"
    return format_count(change, signed=True)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders(use_warehouse: Path, page: str, language: str) -> None:
    at = open_page(page, language)
    assert_clean(at)
    assert at.title[0].value == t(PAGES[page][1], language)
    # Every label comes from the translation table: no raw mart column names as headers.
    for frame in at.dataframe:
        for column in frame.value.columns:
            assert column not in {"ending_mrr", "beginning_mrr", "mrr_change", "month"}, column


@pytest.mark.parametrize("language", LANGUAGES)
def test_overview_kpis_equal_the_marts(use_warehouse: Path, language: str) -> None:
    at = open_page("overview", language)
    assert_clean(at)
    month = latest_month(use_warehouse)
    current = month_values(use_warehouse, month)
    prior = month_values(use_warehouse, shift(month, -1))
    year_ago = month_values(use_warehouse, shift(month, -12))
    shown = {metric.label: metric for metric in at.metric}
    assert len(shown) == len(KPI_KINDS)
    for key, (column, kind) in KPI_KINDS.items():
        metric = shown[t(key, language)]
        assert metric.value == expected_value(kind, current.get(column), language), key
        delta = expected_delta(kind, current.get(column), prior.get(column), language)
        assert (metric.delta or None) == delta, key
    year_delta = expected_delta(
        "money", current["ending_mrr"], year_ago.get("ending_mrr"), language
    )
    captions = " ".join(caption.value for caption in at.caption)
    assert year_delta is None or year_delta in captions
    assert format_month(month, language, long=True) in captions


def test_overview_follows_the_month_range(use_warehouse: Path) -> None:
    month = shift(latest_month(use_warehouse), -3)
    start = shift(month, -6)
    at = open_page("overview", "en", month_range=(start, month))
    assert_clean(at)
    shown = {metric.label: metric.value for metric in at.metric}
    values = month_values(use_warehouse, month)
    assert shown[t("kpi.ending_mrr", "en")] == format_money(values["ending_mrr"], "en")
    assert shown[t("kpi.nrr", "en")] == format_pct(values["nrr"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_bridge_table_and_waterfall_equal_the_mart(use_warehouse: Path, language: str) -> None:
    at = open_page("mrr_bridge", language)
    assert_clean(at)
    month = latest_month(use_warehouse)
    row = month_values(use_warehouse, month)
    components = at.dataframe[0].value
    amounts = [float(v) for v in components[t("amount", language)]]
    assert amounts == [
        float(row["beginning_mrr"]),
        float(row["new_mrr"]),
        float(row["expansion_mrr"]),
        float(row["reactivation_mrr"]),
        -float(row["contraction_mrr"]),
        -float(row["churned_mrr"]),
        float(row["fx_adjustment_mrr"]),
        float(row["ending_mrr"]),
    ]
    assert at.selectbox(key="bridge_month").value == month
    assert any(button.label == t("download_csv", language) for button in at.get("download_button"))


def test_bridge_month_selection(use_warehouse: Path) -> None:
    at = open_page("mrr_bridge", "en")
    month = shift(latest_month(use_warehouse), -1)
    at.selectbox(key="bridge_month").set_value(month).run()
    assert_clean(at)
    amounts = at.dataframe[0].value[t("amount", "en")]
    assert float(amounts.iloc[-1]) == float(month_values(use_warehouse, month)["ending_mrr"])


def test_top_movements_follow_account_filters(use_warehouse: Path) -> None:
    at = open_page("mrr_bridge", "en", filter_countries=["KR"])
    assert_clean(at)
    top_header = t(
        "bridge.top", "en", month=format_month(latest_month(use_warehouse), "en", long=True)
    )
    assert any(header.value == top_header for header in at.subheader)
    for frame in at.dataframe:
        if t("col.country", "en") in frame.value.columns:
            assert set(frame.value[t("col.country", "en")]) <= {"KR"}


def test_retention_cohort_toggle(use_warehouse: Path) -> None:
    at = open_page("retention", "en")
    assert_clean(at)
    at.segmented_control(key="cohort_mode").set_value("logo_retention").run()
    assert_clean(at)
    assert at.segmented_control(key="cohort_mode").value == "logo_retention"


def test_account_360_search(use_warehouse: Path) -> None:
    names = [
        row["account_name"]
        for row in mart_rows(
            use_warehouse,
            "select account_name from main.dim_accounts where account_name is not null "
            "order by account_name desc limit 1",
        )
    ]
    needle = names[0][:6].lower()
    at = open_page("account_360", "en")
    assert_clean(at)
    at.text_input(key="account_search").set_value(needle).run()
    assert_clean(at)
    options = at.selectbox(key="account_pick").options
    assert options and all(needle in option.lower() for option in options)
    assert any(needle in header.value.lower() for header in at.header)
    at.text_input(key="account_search").set_value("no such account zzz").run()
    assert_clean(at)
    assert any(info.value == t("account.none", "en") for info in at.info)


def test_language_switch_translates_the_page(use_warehouse: Path) -> None:
    at = open_page("overview", "ko")
    assert at.title[0].value == t("overview.title", "ko")
    at.radio(key="_w_lang").set_value("en").run()
    assert_clean(at)
    assert at.title[0].value == t("overview.title", "en")


@pytest.mark.parametrize("page", list(PAGES))
def test_missing_warehouse_shows_how_to_build_it(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "absent.duckdb"))
    for language in LANGUAGES:
        at = open_page(page, language)
        assert not at.exception, [e.value for e in at.exception]
        warnings = " ".join(w.value for w in at.warning)
        assert "make run" in warnings, page


@pytest.mark.parametrize("kind", ["no_rows", "no_tables"])
def test_empty_warehouse_shows_how_to_build_it(
    warehouse: Path, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "empty.duckdb"
    empty = empty_copy(warehouse, target) if kind == "no_rows" else blank(target)
    monkeypatch.setenv("WAREHOUSE_PATH", str(empty))
    for page in PAGES:
        for language in LANGUAGES:
            at = open_page(page, language)
            assert not at.exception, (page, [e.value for e in at.exception])
            assert not at.error, (page, [e.value for e in at.error])
            assert "make run" in " ".join(w.value for w in at.warning), page


def test_pages_survive_missing_optional_columns(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = bare_copy(warehouse, tmp_path / "bare.duckdb")
    monkeypatch.setenv("WAREHOUSE_PATH", str(bare))
    for page in PAGES:
        at = open_page(page, "en")
        assert_clean(at)
    currencies = {
        row["currency"]
        for row in mart_rows(bare, "select distinct currency from main.fct_account_months")
    }
    chosen = sorted(c for c in currencies if c)[:1]
    at = open_page("account_360", "en", filter_currencies=chosen)
    assert_clean(at)
    assert at.selectbox(key="account_pick").options


def test_definitions_page_shows_the_dbt_docs(
    use_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marts = tmp_path / "models" / "marts" / "retention"
    marts.mkdir(parents=True)
    (marts / "_retention__docs.md").write_text(
        "{% docs nrr_definition %}\nNRR = (base + expansion - contraction - churn) / base.\n"
        "{% enddocs %}\n",
        encoding="utf-8",
    )
    (marts / "_retention__models.yml").write_text(
        "version: 2\nmodels:\n  - name: mart_retention_monthly\n"
        "    description: One row per month. Company-level retention.\n"
        "    columns:\n      - name: nrr\n        description: '{{ doc(\"nrr_definition\") }}'\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DBT_PROJECT_DIR", str(tmp_path))
    at = open_page("definitions", "en")
    assert_clean(at)
    text = " ".join(markdown.value for markdown in at.markdown)
    assert "NRR = (base + expansion - contraction - churn) / base." in text
    assert "One row per month. Company-level retention." in text
    assert "{{ doc(" not in text


def test_definitions_page_without_docs(
    use_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBT_PROJECT_DIR", str(tmp_path))
    at = open_page("definitions", "ko")
    assert_clean(at)
    assert at.info


def test_a_missing_mart_is_not_called_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warehouse without the marts (a failed build) says which table is missing."""
    import duckdb

    path = tmp_path / "unbuilt.duckdb"
    duckdb.connect(str(path)).execute("create table landing_quarantine (x int)").close()
    monkeypatch.setenv("WAREHOUSE_PATH", str(path))
    at = open_page("overview", "en")
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "has no table mart_mrr_bridge" in warning
    assert "no mart data" not in warning


# ---- issue 14: acquisition, unit economics, segments and the new user's stumbles --------


def _frame_with(at: AppTest, column_label: str) -> Any:
    for frame in at.dataframe:
        if column_label in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with {column_label!r}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_funnel_page_shows_the_marts_rows(use_warehouse: Path, language: str) -> None:
    at = open_page("funnel_sales", language)
    assert_clean(at)
    end = latest_month(use_warehouse)
    first = mart_rows(use_warehouse, "select min(month) as m from main.mart_mrr_bridge")[0]["m"]
    start = max(first, shift(end, -23))
    expected = mart_rows(
        use_warehouse,
        "select count(*) as n, sum(leads) as leads from main.mart_funnel "
        "where cohort_month between ? and ?",
        [start, end],
    )[0]
    table = _frame_with(at, t("col.lead_to_mql_rate", language))
    assert len(table) == expected["n"]
    assert int(table[t("col.leads", language)].sum()) == int(expected["leads"])
    stages = mart_rows(use_warehouse, "select count(*) as n from main.mart_stage_conversion")
    assert len(_frame_with(at, t("col.stage_name", language))) == stages[0]["n"]
    assert _frame_with(at, t("col.failed_at_step_1", language)) is not None
    downloads = [b.label for b in at.get("download_button")]
    assert downloads.count(t("download_csv", language)) == 7


@pytest.mark.parametrize(("language", "cut"), [("ko", "industry"), ("en", "owner")])
def test_funnel_cuts_sql_marking_and_lead_scores_show_their_marts(
    use_warehouse: Path, language: str, cut: str
) -> None:
    at = open_page("funnel_sales", language, funnel_cut=cut)
    assert_clean(at)
    end = latest_month(use_warehouse)
    first = mart_rows(use_warehouse, "select min(month) as m from main.mart_mrr_bridge")[0]["m"]
    start = max(first, shift(end, -23))
    cut_rows = mart_rows(
        use_warehouse,
        "select count(*) as n, sum(leads) as leads from main.mart_funnel_by_dimension "
        "where dimension = ? and cohort_month between ? and ?",
        [cut, start, end],
    )[0]
    assert cut_rows["n"] > 0
    table = _frame_with(at, t("col.dimension_value", language))
    assert len(table) == cut_rows["n"]
    assert int(table[t("col.leads", language)].sum()) == int(cut_rows["leads"])

    marks = mart_rows(
        use_warehouse,
        "select count(*) as n, sum(invalid_sqls) as invalid from main.mart_sql_compliance",
    )[0]
    assert marks["n"] > 0
    table = _frame_with(at, t("col.invalid_champ_missing", language))
    assert len(table) == marks["n"]
    assert int(table[t("col.invalid_sqls", language)].sum()) == int(marks["invalid"])

    scored = mart_rows(
        use_warehouse,
        "select count(*) as n, max(scores.lead_score) as top from main.fct_lead_scores scores "
        "join main.fct_leads leads using (lead_id) where not leads.is_mql and "
        "scores.score_date = (select max(score_date) from main.fct_lead_scores)",
    )[0]
    assert scored["n"] > 0
    table = _frame_with(at, t("col.lead_score", language))
    assert len(table) == min(25, scored["n"])
    assert float(table[t("col.lead_score", language)].iloc[0]) == pytest.approx(scored["top"])


def test_funnel_channel_filter_keeps_only_that_channel(use_warehouse: Path) -> None:
    channel = mart_rows(
        use_warehouse, "select channel from main.mart_funnel group by 1 order by count(*) desc"
    )[0]["channel"]
    at = open_page("funnel_sales", "en", filter_channels=[channel])
    assert_clean(at)
    table = _frame_with(at, t("col.lead_to_mql_rate", "en"))
    assert set(table[t("col.channel", "en")]) == {channel}


@pytest.mark.parametrize("language", LANGUAGES)
def test_unit_economics_tiles_equal_the_mart(use_warehouse: Path, language: str) -> None:
    at = open_page("unit_economics", language)
    assert_clean(at)
    month = latest_month(use_warehouse)
    row = mart_rows(
        use_warehouse, "select * from main.mart_unit_economics where month = ?", [month]
    )[0]
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown[t("col.cac", language)] == format_money(row["cac"], language)
    assert shown[t("col.ltv", language)] == format_money(row["ltv"], language)
    assert shown[t("col.gross_margin_pct", language)] == format_pct(row["gross_margin_pct"])
    assert shown[t("col.ltv_to_cac", language)] == format_number(row["ltv_to_cac"], 1)
    assert shown[t("col.cac_payback_months", language)] == format_number(
        row["cac_payback_months"], 1
    )
    # The three-month window is stated on the page.
    window = t(
        "unit.window",
        language,
        month=format_month(month, language, long=True),
        start=format_month(row["window_start_month"], language, long=True),
    )
    assert any(window in info.value for info in at.info)


@pytest.mark.parametrize("language", LANGUAGES)
def test_segments_page_shows_every_segment(use_warehouse: Path, language: str) -> None:
    at = open_page("segments", language)
    assert_clean(at)
    segments = mart_rows(
        use_warehouse, "select icp_segment, reference_customers from main.mart_icp_segments"
    )
    table = _frame_with(at, t("col.reference_customers", language))
    assert sorted(table[t("col.icp_segment", language)]) == sorted(
        r["icp_segment"] for r in segments
    )
    captions = " ".join(c.value for c in at.caption)
    assert "3-5" in captions


def test_segment_filter_narrows_every_section(use_warehouse: Path) -> None:
    segment = mart_rows(
        use_warehouse, "select icp_segment from main.mart_icp_segments order by accounts desc"
    )[0]["icp_segment"]
    at = open_page("segments", "en", filter_icp=[segment])
    assert_clean(at)
    for frame in at.dataframe:
        if t("col.icp_segment", "en") in frame.value.columns:
            assert set(frame.value[t("col.icp_segment", "en")]) <= {segment}


def test_overview_shows_the_growth_kpis_and_trend_range(use_warehouse: Path) -> None:
    month = shift(latest_month(use_warehouse), -1)
    start = shift(month, -5)
    at = open_page("overview", "en", month_range=(start, month))
    assert_clean(at)
    row = month_values(use_warehouse, month)
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown[t("kpi.arpa", "en")] == format_money(row["arpa"], "en")
    assert shown[t("kpi.mrr_growth_rate", "en")] == format_pct(row["mrr_growth_rate"])
    heading = t(
        "overview.trend",
        "en",
        start=format_month(start, "en", long=True),
        end=format_month(month, "en", long=True),
    )
    assert heading in [h.value for h in at.subheader]


def test_bridge_history_uses_the_components_sign(use_warehouse: Path) -> None:
    at = open_page("mrr_bridge", "en")
    assert_clean(at)
    history = _frame_with(at, t("col.reactivation_mrr", "en"))
    churn = [float(v) for v in history[t("col.churned_mrr", "en")]]
    assert all(v <= 0 for v in churn) and any(v < 0 for v in churn)


def test_bridge_plan_table_adds_up_to_ending_mrr(use_warehouse: Path) -> None:
    at = open_page("mrr_bridge", "en")
    assert_clean(at)
    month = latest_month(use_warehouse)
    plans = _frame_with(at, t("col.billing_interval", "en"))
    total = sum(float(v) for v in plans[t("col.mrr", "en")])
    assert abs(total - float(month_values(use_warehouse, month)["ending_mrr"])) < 0.01


def test_account_360_opens_on_the_largest_account(use_warehouse: Path) -> None:
    largest = mart_rows(
        use_warehouse,
        "select account_id from main.fct_account_months where month = "
        "(select max(month) from main.fct_account_months) order by mrr desc limit 1",
    )[0]["account_id"]
    at = open_page("account_360", "en")
    assert_clean(at)
    assert at.selectbox(key="account_pick").value == largest
    assert "paying in the latest month" in " ".join(c.value for c in at.caption)


def test_one_account_is_singular(use_warehouse: Path) -> None:
    name = mart_rows(
        use_warehouse,
        "select account_name from main.dim_accounts where account_name is not null "
        "order by length(account_name) desc limit 1",
    )[0]["account_name"]
    at = open_page("account_360", "en")
    at.text_input(key="account_search").set_value(name).run()
    assert_clean(at)
    captions = " ".join(c.value for c in at.caption)
    assert "1 account " in captions or captions.startswith("1 account")
    assert "1 accounts" not in captions


def test_language_link_is_consumed_once(use_warehouse: Path) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert_clean(at)
    assert at.title[0].value == t("overview.title", "en")
    assert "lang" not in at.query_params


@pytest.mark.parametrize("language", LANGUAGES)
def test_definitions_are_written_for_executives_in_both_languages(
    use_warehouse: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboards import dbt_docs

    monkeypatch.delenv("DBT_PROJECT_DIR", raising=False)
    docs = dbt_docs.load()
    at = open_page("definitions", language)
    assert_clean(at)
    text = " ".join(markdown.value for markdown in at.markdown)
    for mart, column in (
        ("mart_retention_monthly", "nrr"),
        ("mart_unit_economics", "cac"),
        ("mart_mrr_bridge", "quick_ratio"),
    ):
        _, executive = dbt_docs.executive_text(docs, mart, column, language)
        assert executive, (mart, column, language)
        assert executive.replace("$", "\\$") in text
    other = "en" if language == "ko" else "ko"
    _, foreign = dbt_docs.executive_text(docs, "mart_retention_monthly", "nrr", other)
    assert foreign not in text


def test_segment_choice_shows_the_segment_rows(use_warehouse: Path) -> None:
    month = latest_month(use_warehouse)
    row = mart_rows(
        use_warehouse,
        "select * from main.mart_mrr_bridge_by_segment where month = ? and dimension = 'country' "
        "order by ending_mrr desc limit 1",
        [month],
    )[0]
    choice = f"country={row['dimension_value']}"
    at = open_page("mrr_bridge", "en", segment=choice)
    assert_clean(at)
    amounts = [float(v) for v in at.dataframe[0].value[t("amount", "en")]]
    assert amounts[0] == pytest.approx(float(row["beginning_mrr"]))
    assert amounts[-1] == pytest.approx(float(row["ending_mrr"]))
    at = open_page("retention", "en", segment=choice)
    assert_clean(at)
    table = _frame_with(at, t("col.nrr", "en"))
    shown = table.iloc[0][t("col.nrr", "en")]
    # A column with gaps is shown as text ("–" for the gaps), else as the number.
    if isinstance(shown, str):
        assert shown == format_pct(row["nrr"])
    else:
        assert float(shown) == pytest.approx(float(row["nrr"]))


def _nrr_rows(warehouse: Path, dimension: str) -> list[dict[str, Any]]:
    return mart_rows(
        warehouse,
        "select * from main.mart_nrr_by_dimension where month = ? and dimension = ? "
        "order by base_mrr_12m desc, dimension_value",
        [latest_month(warehouse), dimension],
    )


def _shown_rate(table: Any, column: str, row: int) -> Any:
    shown = table.iloc[row][column]
    return shown if isinstance(shown, str) else format_pct(shown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_segments_page_shows_nrr_by_product(use_warehouse: Path, language: str) -> None:
    at = open_page("segments", language)
    assert_clean(at)
    rows = _nrr_rows(use_warehouse, "product")
    assert rows, "the demo has product rows"
    table = _frame_with(at, t("col.base_accounts_12m", language))
    assert list(table[t("col.dimension_value", language)]) == [r["dimension_value"] for r in rows]
    for index, row in enumerate(rows):
        assert _shown_rate(table, t("col.nrr_12m", language), index) == format_pct(row["nrr_12m"])
        assert _shown_rate(table, t("col.nrr", language), index) == format_pct(row["nrr"])


def test_nrr_filters_pick_the_rows_of_the_dimension(use_warehouse: Path) -> None:
    product = _nrr_rows(use_warehouse, "product")[0]["dimension_value"]
    at = open_page("segments", "en", filter_products=[product])
    assert_clean(at)
    table = _frame_with(at, t("col.base_accounts_12m", "en"))
    assert list(table[t("col.dimension_value", "en")]) == [product]
    at.segmented_control(key="nrr_dimension").set_value("country").run()
    assert_clean(at)
    table = _frame_with(at, t("col.base_accounts_12m", "en"))
    countries = [r["dimension_value"] for r in _nrr_rows(use_warehouse, "country")]
    assert list(table[t("col.dimension_value", "en")]) == countries
    at = open_page("segments", "en", filter_countries=countries[:1])
    at.segmented_control(key="nrr_dimension").set_value("country").run()
    assert_clean(at)
    table = _frame_with(at, t("col.base_accounts_12m", "en"))
    assert list(table[t("col.dimension_value", "en")]) == countries[:1]
