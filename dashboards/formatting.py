"""Number formatting for the boards and the board deck (no Streamlit import).

Korean boards read money in 만/억/조 units (₩12.3억, ₩4,560만); English boards read
thousands separators (₩1,234,567,890) or B/M/K (₩1.23B). Rates are fractions in the
marts and shown as percentages with one decimal. Formatting only: no metric logic.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

import pandas as pd

CURRENCY_SYMBOLS: dict[str, str] = {
    "KRW": "₩",
    "USD": "$",
    "EUR": "€",
    "JPY": "¥",
    "GBP": "£",
    "CNY": "CN¥",
}

MISSING = "–"

_KO_UNITS: tuple[tuple[float, str], ...] = ((1e12, "조"), (1e8, "억"), (1e4, "만"))
_EN_UNITS: tuple[tuple[float, str], ...] = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        # pd.NA: a gap in a nullable integer column (e.g. oldest_open_alert_days)
        return True
    try:
        return bool(math.isnan(float(value)))
    except (TypeError, ValueError):
        return False


def currency_symbol(currency: str) -> str:
    return CURRENCY_SYMBOLS.get(currency.upper(), f"{currency.upper()} ")


def _sign(value: float, signed: bool) -> str:
    if value < 0:
        return "-"
    return "+" if signed and value > 0 else ""


def _ko_compact(amount: float) -> str:
    """Magnitude in 만/억/조 with three significant digits (₩3.58억, ₩12.3억, ₩4,560만)."""
    for size, unit in _KO_UNITS:
        if amount >= size * 0.99995:
            scaled = amount / size
            # 만 reads as a whole number (4,560만); 억/조 keep three significant digits.
            if unit == "만" or scaled >= 100:
                return f"{scaled:,.0f}{unit}"
            return f"{scaled:,.2f}{unit}" if scaled < 10 else f"{scaled:,.1f}{unit}"
    return f"{amount:,.0f}"


def _en_compact(amount: float) -> str:
    for size, unit in _EN_UNITS:
        if amount >= size * 0.9995:
            scaled = amount / size
            if scaled >= 100:
                return f"{scaled:,.0f}{unit}"
            return f"{scaled:,.2f}{unit}" if scaled < 10 else f"{scaled:,.1f}{unit}"
    return f"{amount:,.0f}"


def format_money(
    value: Any,
    language: str = "ko",
    currency: str = "KRW",
    *,
    compact: bool = True,
    signed: bool = False,
) -> str:
    """Money for display: ko compact ₩12.3억, en compact ₩1.23B, full ₩1,234,567,890."""
    if is_missing(value):
        return MISSING
    number = float(value)
    symbol = currency_symbol(currency)
    amount = abs(number)
    if round(amount) == 0:
        return f"{symbol}0"
    if not compact:
        body = f"{amount:,.0f}"
    elif language == "ko":
        body = _ko_compact(amount)
    else:
        body = _en_compact(amount)
    return f"{_sign(number, signed)}{symbol}{body}"


def format_pct(value: Any, *, signed: bool = False) -> str:
    """A fraction (0.973) as a percentage with one decimal (97.3%)."""
    if is_missing(value):
        return MISSING
    number = float(value) * 100
    if round(number, 1) == 0:
        number = 0.0
    return f"{'+' if signed and number > 0 else ''}{number:,.1f}%"


def format_pct_points(value: Any, language: str = "ko") -> str:
    """A change between two rates (fractions) in percentage points: +1.2%p / +1.2 pp."""
    if is_missing(value):
        return MISSING
    number = round(float(value) * 100, 1)
    if number == 0:
        number = 0.0
    suffix = "%p" if language == "ko" else " pp"
    return f"{'+' if number > 0 else ''}{number:,.1f}{suffix}"


def format_count(value: Any, *, signed: bool = False) -> str:
    if is_missing(value):
        return MISSING
    number = round(float(value))
    return f"{'+' if signed and number > 0 else ''}{number:,d}"


def format_month(value: Any, language: str = "ko", *, long: bool = False) -> str:
    """A month (first-of-month date) as 2025-01, or long: 2025년 1월 / January 2025."""
    if is_missing(value):
        return MISSING
    month = value if isinstance(value, date) else _to_date(value)
    if not long:
        return f"{month.year:04d}-{month.month:02d}"
    if language == "ko":
        return f"{month.year}년 {month.month}월"
    return month.strftime("%B %Y")


def _to_date(value: Any) -> date:
    if hasattr(value, "date"):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def nice_money_ticks(
    low: float,
    high: float,
    language: str = "ko",
    currency: str = "KRW",
    count: int = 5,
    *,
    include_zero: bool = True,
) -> tuple[list[float], list[str]]:
    """Round tick positions and their money labels for a chart axis (plotly or matplotlib)."""
    low, high = float(low), float(high)
    if include_zero:
        low, high = min(0.0, low), max(0.0, high)
    if high == low:
        return [0.0], [format_money(0, language, currency)]
    raw_step = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    first = math.ceil(low / step) * step if not include_zero else math.floor(low / step) * step
    ticks: list[float] = []
    tick = first
    while tick <= high + step * 0.5:
        ticks.append(round(tick, 6))
        tick += step
    return ticks, [trim_zeros(format_money(value, language, currency)) for value in ticks]


def trim_zeros(label: str) -> str:
    """Axis ticks read ₩3억 and ₩2.5억, not ₩3.00억 and ₩2.50억."""
    return re.sub(r"\.(\d*?)0+(?=\D*$)", lambda m: f".{m.group(1)}" if m.group(1) else "", label)


def format_number(value: Any, decimals: int = 1, suffix: str = "") -> str:
    """A plain quantity (days, months, a multiple): 11.7, 46, 12.1×."""
    if is_missing(value):
        return MISSING
    return f"{float(value):,.{decimals}f}{suffix}"
