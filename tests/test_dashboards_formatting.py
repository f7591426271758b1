"""Money/rate formatting, the translation table, the dbt docs reader and the data guard."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dashboards import data, dbt_docs
from dashboards.formatting import (
    format_count,
    format_money,
    format_month,
    format_pct,
    format_pct_points,
    nice_money_ticks,
)
from dashboards.i18n import LANGUAGES, TEXT, t

DASHBOARDS = Path(__file__).resolve().parents[1] / "dashboards"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1_234_567_890, "₩12.3억"),
        (45_600_000, "₩4,560만"),
        (209_650_000, "₩2.10억"),
        (357_697_087, "₩3.58억"),
        (2_515_800_000, "₩25.2억"),
        (12_345_678_901_234, "₩12.3조"),
        (9_999, "₩9,999"),
        (0, "₩0"),
        (-22_150_000, "-₩2,215만"),
        (None, "–"),
    ],
)
def test_korean_money_uses_man_and_eok(value: float | None, expected: str) -> None:
    assert format_money(value, "ko") == expected


@pytest.mark.parametrize(
    ("value", "compact", "expected"),
    [
        (1_234_567_890, False, "₩1,234,567,890"),
        (1_234_567_890, True, "₩1.23B"),
        (209_650_000, True, "₩210M"),
        (22_150_000, True, "₩22.1M"),
        (-1_500_000, False, "-₩1,500,000"),
    ],
)
def test_english_money_uses_separators(value: float, compact: bool, expected: str) -> None:
    assert format_money(value, "en", compact=compact) == expected


def test_signed_money_and_other_currencies() -> None:
    assert format_money(13_300_000, "ko", signed=True) == "+₩1,330만"
    assert format_money(25_000, "en", "USD", compact=False) == "$25,000"


def test_rates_and_counts() -> None:
    assert format_pct(0.97345) == "97.3%"
    assert format_pct(1.0) == "100.0%"
    assert format_pct(None) == "–"
    assert format_pct_points(-0.125, "ko") == "-12.5%p"
    assert format_pct_points(0.129, "en") == "+12.9 pp"
    assert format_count(1234) == "1,234"
    assert format_count(3, signed=True) == "+3"
    assert format_month(date(2025, 2, 1)) == "2025-02"
    assert format_month(date(2025, 2, 1), "ko", long=True) == "2025년 2월"
    assert format_month(date(2025, 2, 1), "en", long=True) == "February 2025"


def test_axis_ticks_are_round_money() -> None:
    ticks, labels = nice_money_ticks(0, 210_000_000, "ko")
    assert ticks[0] == 0 and ticks[-1] + (ticks[1] - ticks[0]) > 210_000_000
    assert labels[1] == "₩5,000만"


def test_translation_table_is_complete() -> None:
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGUAGES), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in entry.items()}
        assert placeholders["ko"] == placeholders["en"], key


def test_every_label_used_in_code_exists() -> None:
    used: set[str] = set()
    for path in [
        *DASHBOARDS.rglob("*.py"),
        *(DASHBOARDS.parent / "orchestration/lib/deck").rglob("*.py"),
    ]:
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(key for key in used if key not in TEXT)
    assert not missing, missing
    assert t("nav.overview", "en") == "Overview"


def test_dbt_docs_resolve_doc_references(tmp_path: Path) -> None:
    marts = tmp_path / "models" / "marts" / "revenue"
    marts.mkdir(parents=True)
    (tmp_path / "models" / "shared.md").write_text(
        "{% docs arr %}ARR = 12 × MRR{% enddocs %}\n"
        "{%- docs grain_month -%}One row per month.{%- enddocs -%}",
        encoding="utf-8",
    )
    (marts / "_revenue__models.yml").write_text(
        "version: 2\nmodels:\n  - name: mart_mrr_bridge\n"
        "    description: \"{{ doc('grain_month') }} The MRR bridge.\"\n"
        "    columns:\n      - name: ending_arr\n        description: \"{{ doc('arr') }}\"\n"
        "      - name: ending_mrr\n",
        encoding="utf-8",
    )
    (marts / "broken.yml").write_text("models: [\n", encoding="utf-8")
    docs = dbt_docs.load(tmp_path)
    (model,) = docs.models
    assert model.description == "One row per month. The MRR bridge."
    assert [(c.name, c.description) for c in model.columns] == [
        ("ending_arr", "ARR = 12 × MRR"),
        ("ending_mrr", ""),
    ]
    assert docs.unreadable == ["models/marts/revenue/broken.yml"]


def test_dbt_docs_absent(tmp_path: Path) -> None:
    docs = dbt_docs.load(tmp_path)
    assert docs.empty and not docs.unreadable


def test_data_module_reads_only_public_marts() -> None:
    with pytest.raises(ValueError, match="public mart"):
        data._columns("raw_stripe_invoices")
    with pytest.raises(ValueError, match="SELECT"):
        data._select.__wrapped__("x", "y", "delete from main.dim_accounts", ())
    source = (DASHBOARDS / "data.py").read_text(encoding="utf-8")
    assert "read_only=True" in source
    assert source.count("duckdb.connect(") == 1


def test_a_gap_in_a_nullable_integer_column_is_missing() -> None:
    """pd.NA (nullable Int64 columns, e.g. oldest_open_alert_days) reads "–", not a crash."""
    import pandas as pd

    from dashboards.formatting import MISSING, format_count, format_pct, is_missing

    assert is_missing(pd.NA) and is_missing(pd.NaT)
    assert format_count(pd.NA) == MISSING
    assert format_pct(pd.NA) == MISSING
    assert not is_missing(0)
