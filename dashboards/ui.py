"""Shared page pieces: warehouse guard, sidebar filters, formatted tables with CSV download."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboards import data
from dashboards.formatting import (
    MISSING,
    format_count,
    format_money,
    format_month,
    format_number,
    format_pct,
    format_pct_points,
    is_missing,
)
from dashboards.i18n import LANGUAGE_NAMES, LANGUAGES, column_label, current_language, t

MONTH_RANGE_KEY = "month_range"
LONG_TABLE_ROWS = 500
DEFAULT_TREND_MONTHS = 24


def lang() -> str:
    return current_language()


def choose(
    label: str, options: Sequence[str], label_of: Callable[[str], str], default: str, key: str
) -> str:
    """One of `options` picked with a segmented control; the default when none is selected
    (clicking the selected segment again clears it)."""
    picked = st.segmented_control(
        label, options=list(options), format_func=label_of, default=default, key=key
    )
    return picked or default


def currency() -> str:
    return data.reporting_currency()


def widget_key(key: str) -> str:
    """Widget key for a setting that must survive pages that do not draw the widget.

    Streamlit forgets a widget's state when a run does not render it, so the value is
    mirrored in the plain session key `key` and handed back as the
    widget's `value`/`index`. The widget key itself is never written through the Session
    State API, which would clash with passing a value."""
    return f"_w_{key}"


def language_switch() -> None:
    if st.session_state.get("lang") not in LANGUAGES:
        requested = st.query_params.get("lang", "")
        st.session_state["lang"] = requested if requested in LANGUAGES else LANGUAGES[0]
    if "lang" in st.query_params:
        # A link may pick the language once (?lang=en); the sidebar switch owns it after
        # that, so the URL does not keep a value the switch no longer follows.
        del st.query_params["lang"]
    st.session_state["lang"] = st.radio(
        "Language · 언어",
        options=list(LANGUAGES),
        index=LANGUAGES.index(st.session_state["lang"]),
        format_func=LANGUAGE_NAMES.get,
        key=widget_key("lang"),
        horizontal=True,
        label_visibility="collapsed",
    )


def warehouse_message(state: data.WarehouseState, language: str | None = None) -> str:
    known = {"missing", "absent", "empty", "busy"}
    key = f"wh.{state.reason}" if state.reason in known else "wh.error"
    detail = (state.detail or state.reason).splitlines()[0][:200]
    return t(key, language, path=state.path, detail=detail)


def show_warehouse_problem(state: data.WarehouseState) -> None:
    st.warning(warehouse_message(state), icon=":material/database_off:")
    st.caption(t("wh.how"))
    st.code("make run", language="bash")


def require_warehouse() -> None:
    """Stop the page with a friendly message (never a stack trace) when data is missing."""
    state = data.warehouse_state()
    if not state.ok:
        show_warehouse_problem(state)
        st.stop()


def guarded(page: Callable[[], None]) -> None:
    """Run a page body; a warehouse that disappears or locks mid-run ends in the message."""
    require_warehouse()
    try:
        page()
    except data.WarehouseUnavailable as error:
        show_warehouse_problem(
            data.WarehouseState(False, error.reason, data.warehouse_path(), error.detail)
        )


def month_range_filter() -> None:
    months = data.months()
    if not months:
        return
    default = (months[max(0, len(months) - DEFAULT_TREND_MONTHS)], months[-1])
    saved = st.session_state.get(MONTH_RANGE_KEY)
    if not saved or saved[0] not in months or saved[1] not in months:
        saved = default
    if len(months) == 1:
        st.caption(f"{t('filter.months')}: {format_month(months[0])}")
        return
    chosen = st.select_slider(
        t("filter.months"),
        options=months,
        value=saved,
        format_func=format_month,
        key=widget_key(MONTH_RANGE_KEY),
    )
    st.session_state[MONTH_RANGE_KEY] = tuple(chosen)


def month_range() -> tuple[date, date]:
    months = data.months()
    saved = st.session_state.get(MONTH_RANGE_KEY)
    if saved and saved[0] in months and saved[1] in months:
        return saved[0], saved[1]
    return months[max(0, len(months) - DEFAULT_TREND_MONTHS)], months[-1]


def in_range(frame: pd.DataFrame, column: str = "month") -> pd.DataFrame:
    start, end = month_range()
    values = frame[column]
    return frame[(values >= start) & (values <= end)]


def account_filters(accounts: pd.DataFrame) -> dict[str, list[str]]:
    """Sidebar multiselects on account attributes -> kwargs for data.filter_accounts."""
    chosen: dict[str, list[str]] = {}
    with st.sidebar:
        st.subheader(t("filter.accounts"))
        st.caption(t("filter.accounts_help"))
        for name, column, label in (
            ("countries", "country", "filter.country"),
            ("industries", "industry", "filter.industry"),
            ("currencies", "account_currency", "filter.currency"),
        ):
            options = sorted(str(v) for v in accounts.get(column, pd.Series()).dropna().unique())
            key = f"filter_{name}"
            saved = [v for v in st.session_state.get(key, []) if v in options]
            chosen[name] = st.multiselect(
                t(label),
                options=options,
                default=saved,
                key=widget_key(key),
                placeholder=t("filter.all"),
            )
            st.session_state[key] = chosen[name]
    return chosen


def sidebar_multiselect(label_key: str, options: Iterable[str], key: str) -> list[str]:
    """A sidebar multiselect whose choice survives pages that do not draw it (empty = all)."""
    options = sorted({str(v) for v in options if isinstance(v, str) and v})
    saved = [v for v in st.session_state.get(key, []) if v in options]
    with st.sidebar:
        chosen = st.multiselect(
            t(label_key),
            options=options,
            default=saved,
            key=widget_key(key),
            placeholder=t("filter.all"),
        )
    st.session_state[key] = chosen
    return chosen


def pick(frame: pd.DataFrame, column: str, chosen: list[str]) -> pd.DataFrame:
    """Rows whose `column` is among `chosen` (all rows when nothing is chosen)."""
    return frame[frame[column].isin(chosen)] if chosen else frame


def in_week_range(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Weekly rows (Monday dates) whose week starts inside the month range."""
    start, end = month_range()
    end_exclusive = data.shift_month(end, 1)
    values = frame[column]
    return frame[(values >= start) & (values < end_exclusive)]


SEGMENT_KEY = "segment"
SEGMENT_LABELS = {
    "industry": "filter.industry",
    "country": "filter.country",
    "icp_segment": "filter.icp_segment",
}


def segment_label(dimension: str, value: str, language: str | None = None) -> str:
    return f"{t(SEGMENT_LABELS.get(dimension, dimension), language)}: {value}"


def segment_picker() -> tuple[str, str] | None:
    """Sidebar choice of one segment (dimension and value) for the bridge and retention;
    None = the whole company. The rows come from mart_mrr_bridge_by_segment."""
    values = data.segment_values()
    if not any(values.values()):
        return None
    options = ["all"] + [f"{d}={v}" for d, vs in values.items() for v in vs]
    saved = st.session_state.get(SEGMENT_KEY, "all")
    # format_func may run outside the script run (AppTest): bind the language now.
    language = lang()
    with st.sidebar:
        st.subheader(t("filter.segment"))
        chosen = st.selectbox(
            t("filter.segment_pick"),
            options=options,
            index=options.index(saved) if saved in options else 0,
            format_func=lambda o: (
                t("filter.whole_company", language)
                if o == "all"
                else segment_label(*o.split("=", 1), language)
            ),
            key=widget_key(SEGMENT_KEY),
        )
    st.session_state[SEGMENT_KEY] = chosen
    if chosen == "all":
        return None
    dimension, value = chosen.split("=", 1)
    return dimension, value


# ---- tables --------------------------------------------------------------------------


def format_fx_rate(value: Any) -> str:
    if is_missing(value):
        return MISSING
    return f"{float(value):,.4f}".rstrip("0").rstrip(".")


def _money_full(language: str, reporting: str) -> Callable[[Any], str]:
    """The full-amount formatter of one table: language and currency are read once per
    table, not once per cell (each read is a cached warehouse query)."""
    return lambda value: format_money(value, language, reporting, compact=False)


def show_table(
    frame: pd.DataFrame,
    *,
    key: str,
    file_name: str,
    money: Iterable[str] = (),
    rates: Iterable[str] = (),
    counts: Iterable[str] = (),
    months: Iterable[str] = (),
    translate_values: dict[str, str] | None = None,
    local_money: tuple[str, str] | None = None,
    rates_fx: Iterable[str] = (),
    signed_money: Iterable[str] = (),
    unsigned_rows: Iterable[int] = (),
    height: int | None = None,
    numbers: dict[str, int] | None = None,
) -> None:
    """A table with translated headers and formatted numbers, plus a CSV download.

    The CSV keeps raw numbers (for spreadsheets) under the same translated headers.
    `translate_values` maps a column to an i18n prefix ("movement" -> movement.churn).
    `local_money` = (amount column, currency column) for amounts in the account's currency;
    `rates_fx` are exchange rates (up to 4 decimals); `signed_money` columns are changes
    (+₩1,234) except in `unsigned_rows` (levels such as beginning and ending MRR).
    """
    frame = frame.reset_index(drop=True).copy()
    months = tuple(months)
    language, reporting = lang(), currency()
    money_full = _money_full(language, reporting)
    for column in [*money, *rates, *counts, *(numbers or {})]:
        # None in a numeric column (a rate with no denominator) reads "–", not "None".
        if column in frame.columns and frame[column].dtype == object:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column, prefix in (translate_values or {}).items():
        if column in frame.columns:
            frame[column] = [t(f"{prefix}.{v}") if isinstance(v, str) else v for v in frame[column]]
    formatters: dict[str, Callable[[Any], str]] = {}
    for column in money:
        formatters[column] = money_full
    for column in rates:
        formatters[column] = lambda v: format_pct(v)
    for column in counts:
        formatters[column] = lambda v: format_count(v)
    for column in months:
        formatters[column] = lambda v: format_month(v)
    for column in rates_fx:
        formatters[column] = format_fx_rate
    for column, decimals in (numbers or {}).items():
        formatters[column] = lambda v, d=decimals: format_number(v, d)
    display = frame.copy()
    for column in frame.columns:
        # st.dataframe draws booleans as checkboxes; a board reads Yes/No (예/아니오).
        if frame[column].dtype == bool:
            display[column] = [t("yes") if v else t("no") for v in frame[column]]
    if local_money and local_money[0] in frame.columns:
        amount, code = local_money
        display[amount] = [
            format_money(v, language, c or reporting, compact=False)
            for v, c in zip(frame[amount], frame.get(code, [None] * len(frame)), strict=True)
        ]
    # Shown as text, right-aligned: a column with gaps (st.dataframe shows an empty cell as
    # "None" whatever the Styler says) and every column of a long table (the Styler builds
    # a dict per cell: a second for a few thousand rows). The CSV keeps the numbers.
    long_table = len(frame) > LONG_TABLE_ROWS
    as_text = [
        column
        for column in formatters
        if column in frame.columns and (long_table or frame[column].isna().any())
    ]
    for column in as_text:
        formatter = formatters.pop(column)
        display[column] = [formatter(v) for v in frame[column]]
    labels = {column: column_label(column) for column in frame.columns}
    shown = display.rename(columns=labels)
    right = {
        labels[c]: st.column_config.Column(alignment="right") for c in as_text if c not in months
    }
    signed_columns = [labels[c] for c in signed_money if c in labels]
    if not formatters and not signed_columns:
        st.dataframe(
            shown, hide_index=True, width="stretch", height=height or "auto", column_config=right
        )
        _csv_download(frame.rename(columns=labels), file_name, key)
        return
    styled = shown.style.format(
        {labels[c]: f for c, f in formatters.items() if c in labels},
        na_rep=MISSING,
    )
    if signed_columns:
        levels = set(unsigned_rows)
        change_rows = [i for i in range(len(shown)) if i not in levels]
        styled = styled.format(
            lambda v: format_money(v, language, reporting, compact=False, signed=True),
            subset=pd.IndexSlice[change_rows, signed_columns],
            na_rep=MISSING,
        )
        if levels:
            styled = styled.format(
                money_full, subset=pd.IndexSlice[sorted(levels), signed_columns], na_rep=MISSING
            )
    st.dataframe(
        styled, hide_index=True, width="stretch", height=height or "auto", column_config=right
    )
    _csv_download(frame.rename(columns=labels), file_name, key)


def _csv_download(frame: pd.DataFrame, file_name: str, key: str) -> None:
    st.download_button(
        t("download_csv"),
        data=frame.to_csv(index=False).encode("utf-8-sig"),
        file_name=f"{file_name}.csv",
        mime="text/csv",
        key=f"download_{key}",
        icon=":material/download:",
    )


# ---- KPI tiles ------------------------------------------------------------------------


def kpi_delta(kind: str, current: Any, other: Any) -> str | None:
    """Change between two mart values, formatted like the value (points for rates)."""
    if is_missing(current) or is_missing(other):
        return None
    change = float(current) - float(other)
    if kind == "money":
        return format_money(change, lang(), currency(), signed=True)
    if kind == "rate":
        return format_pct_points(change, lang())
    if kind == "ratio":
        return f"{change:+,.2f}"
    return format_count(change, signed=True)


def kpi_value(kind: str, value: Any) -> str:
    if kind == "money":
        return format_money(value, lang(), currency())
    if kind == "rate":
        return format_pct(value)
    if kind == "ratio":
        return format_number(value, 2)
    return format_count(value)


def kpi_tile(
    label: str,
    kind: str,
    rows: dict[str, dict[str, Any]],
    column: str,
    *,
    lower_is_better: bool = False,
) -> None:
    current = rows["current"].get(column)
    mom = kpi_delta(kind, current, rows["prior"].get(column))
    yoy = kpi_delta(kind, current, rows["year_ago"].get(column))
    st.metric(
        label,
        kpi_value(kind, current),
        delta=mom,
        # A change that rounds to zero gets no colour (Streamlit would call "0.0%p" up).
        delta_color="off"
        if mom and not any(ch in "123456789" for ch in mom)
        else "inverse"
        if lower_is_better
        else "normal",
        border=True,
    )
    if yoy is None:
        st.caption(f"{t('kpi.vs_year')}: {t('kpi.no_comparison')}")
        return
    good = not yoy.startswith("-")
    if yoy.lstrip("+-").startswith(("₩0", "0.0", "0")) and not any(ch in "123456789" for ch in yoy):
        colour = "gray"
    else:
        colour = "green" if good != lower_is_better else "red"
    st.caption(f"{t('kpi.vs_year')}: :{colour}[{yoy}]")


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
