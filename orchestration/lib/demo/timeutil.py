"""Calendar helpers. Billing and month ends are in Asia/Seoul (UTC+9, no DST)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta, timezone

KST = timezone(timedelta(hours=9), "Asia/Seoul")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def add_months(d: date, n: int) -> date:
    """Same day n months later, clamped to the month's last day."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_start(year_month: tuple[int, int]) -> date:
    return date(year_month[0], year_month[1], 1)


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def last_day(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def kst_midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=KST)


def epoch(dt: datetime) -> int:
    return int((dt - EPOCH).total_seconds())


def kst_epoch(d: date) -> int:
    """Unix seconds of midnight Asia/Seoul at the start of d."""
    return (d.toordinal() - 719163) * 86400 - 9 * 3600


def sf_ts(ts: int) -> str:
    """Salesforce API timestamp (UTC with offset) from Unix seconds."""
    dt = datetime.fromtimestamp(ts, UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def iso_utc(ts: float) -> str:
    """ISO-8601 UTC with milliseconds (Segment, Zendesk)."""
    dt = datetime.fromtimestamp(ts, UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(round((ts % 1) * 1000)) % 1000:03d}Z"


def ts_date_kst(ts: int) -> date:
    return datetime.fromtimestamp(ts, KST).date()


def ts_month_index(ts: int, first_month: date) -> int:
    """Index of the Seoul calendar month containing ts, relative to first_month."""
    d = ts_date_kst(ts)
    return (d.year - first_month.year) * 12 + d.month - first_month.month
