"""Board deck: PPTX + PDF from the marts; KPI slide numbers equal the marts.

Runs on the warehouse the real pipeline builds from the small fixture landing
(tests/conftest.py); DASHBOARD_TEST_WAREHOUSE points it at another built one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pptx import Presentation

from dashboards.formatting import format_count, format_money, format_pct, format_pct_points
from dashboards.i18n import t
from orchestration.lib.deck import DeckDataError, render_board_deck
from orchestration.lib.deck import fonts as deck_fonts
from tests.board_warehouses import blank, empty_copy

SLIDE_COUNT = 12  # 11 + the customer-success slide
KPIS = (
    ("kpi.ending_mrr", "ending_mrr", "money"),
    ("kpi.ending_arr", "ending_arr", "money"),
    ("kpi.ending_customers", "ending_customers", "count"),
    ("kpi.logo_churn_rate", "logo_churn_rate", "rate"),
    ("kpi.nrr", "nrr", "rate"),
    ("kpi.grr", "grr", "rate"),
    ("kpi.nrr_12m", "nrr_12m", "rate"),
    ("kpi.grr_12m", "grr_12m", "rate"),
)


@pytest.fixture(scope="module")
def warehouse(request: pytest.FixtureRequest) -> Path:
    configured = os.environ.get("DASHBOARD_TEST_WAREHOUSE")
    if configured:
        return Path(configured)
    return request.getfixturevalue("small_warehouse").warehouse


def _values(warehouse: Path, month: date) -> dict[str, Any]:
    values: dict[str, Any] = {}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for mart in ("mart_mrr_bridge", "mart_retention_monthly", "mart_retention_trailing_12m"):
            cursor = connection.execute(f"select * from main.{mart} where month = ?", [month])
            row = cursor.fetchone()
            if row:
                values.update(zip([d[0] for d in cursor.description], row, strict=True))
    values.setdefault("ending_arr", float(values["ending_mrr"]) * 12)
    return values


def _latest(warehouse: Path) -> date:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute("select max(month) from main.mart_mrr_bridge").fetchone()[0]


def _shift(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


def _formatted(kind: str, value: Any, language: str) -> str:
    if kind == "money":
        return format_money(value, language, "KRW")
    if kind == "rate":
        return format_pct(value)
    return format_count(value)


def _change(kind: str, current: Any, other: Any, language: str) -> str:
    if current is None or other is None:
        return t("kpi.no_comparison", language)
    change = float(current) - float(other)
    if kind == "money":
        return format_money(change, language, "KRW", signed=True)
    if kind == "rate":
        return format_pct_points(change, language)
    return format_count(change, signed=True)


def _slide_texts(slide: Any) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return texts


def _slide(deck: Any, title: str) -> Any:
    """The slide whose frame title is `title` (slides are found by title, not position)."""
    for slide in deck.slides:
        if title in _slide_texts(slide):
            return slide
    raise AssertionError(f"no slide titled {title!r}")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_deck_kpis_equal_the_marts(warehouse: Path, tmp_path: Path, language: str) -> None:
    if language == "ko" and deck_fonts.cjk_font_family() is None:
        pytest.skip("no Hangul font installed (apt-get install -y fonts-nanum)")
    pptx_path, pdf_path = render_board_deck(warehouse, None, tmp_path, language)
    month = _latest(warehouse)
    assert pptx_path.name == f"board_deck_{month:%Y-%m}.pptx"
    assert pdf_path.name == f"board_deck_{month:%Y-%m}.pdf"

    deck = Presentation(str(pptx_path))
    assert len(deck.slides) == SLIDE_COUNT
    kpi_texts = _slide_texts(_slide(deck, t("deck.kpis", language)))
    current = _values(warehouse, month)
    prior = _values(warehouse, _shift(month, -1))
    year_ago = _values(warehouse, _shift(month, -12))
    for label_key, column, kind in KPIS:
        label = t(label_key, language)
        index = kpi_texts.index(label)
        # A KPI card is label, value, change vs prior month, change vs a year ago.
        value, vs_prior, vs_year = kpi_texts[index + 1 : index + 4]
        assert value == _formatted(kind, current.get(column), language), label
        expected_prior = _change(kind, current.get(column), prior.get(column), language)
        assert vs_prior == f"{t('kpi.vs_prior', language)}  {expected_prior}", label
        expected_year = _change(kind, current.get(column), year_ago.get(column), language)
        assert vs_year == f"{t('kpi.vs_year', language)}  {expected_year}", label

    bridge_texts = _slide_texts(_slide(deck, t("deck.bridge", language)))
    assert format_money(current["ending_mrr"], language, "KRW", compact=False) in bridge_texts
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf_path.read_bytes())) == SLIDE_COUNT


def test_pdf_shows_the_same_numbers(warehouse: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    _, pdf_path = render_board_deck(warehouse, None, tmp_path, "en")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    current = _values(warehouse, _latest(warehouse))
    for _, column, kind in KPIS:
        assert _formatted(kind, current.get(column), "en") in text, column


def test_deck_for_an_earlier_month(warehouse: Path, tmp_path: Path) -> None:
    month = _shift(_latest(warehouse), -2)
    pptx_path, _ = render_board_deck(warehouse, month, tmp_path, "en")
    assert pptx_path.name == f"board_deck_{month:%Y-%m}.pptx"
    deck = Presentation(str(pptx_path))
    texts = _slide_texts(_slide(deck, t("deck.kpis", "en")))
    assert format_money(_values(warehouse, month)["ending_mrr"], "en", "KRW") in texts


def test_korean_falls_back_to_english_without_a_hangul_font(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deck_fonts, "cjk_font_family", lambda: None)
    pptx_path, pdf_path = render_board_deck(warehouse, None, tmp_path, "ko")
    _slide(Presentation(str(pptx_path)), t("deck.kpis", "en"))
    assert pdf_path.exists()


def test_missing_warehouse_raises_a_clear_error(warehouse: Path, tmp_path: Path) -> None:
    with pytest.raises(DeckDataError, match="make run"):
        render_board_deck(tmp_path / "absent.duckdb", None, tmp_path, "en")
    for empty in (
        empty_copy(warehouse, tmp_path / "empty.duckdb"),
        blank(tmp_path / "blank.duckdb"),
    ):
        with pytest.raises(DeckDataError, match="make run"):
            render_board_deck(empty, None, tmp_path, "en")
    with pytest.raises(DeckDataError, match="not in mart_mrr_bridge"):
        render_board_deck(warehouse, date(1999, 1, 1), tmp_path, "en")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_executive_summary_is_written_from_the_marts(
    warehouse: Path, tmp_path: Path, language: str
) -> None:
    if language == "ko" and deck_fonts.cjk_font_family() is None:
        pytest.skip("no Hangul font installed (apt-get install -y fonts-noto-cjk)")
    pptx_path, _ = render_board_deck(warehouse, None, tmp_path, language)
    deck = Presentation(str(pptx_path))
    summary = _slide(deck, t("deck.summary", language))
    texts = _slide_texts(summary)
    month = _latest(warehouse)
    current = _values(warehouse, month)
    sentences = [
        text for text in texts if text.endswith(".") and text != t("deck.summary_note", language)
    ]
    assert 3 <= len(sentences) <= 5, sentences
    assert format_money(current["ending_mrr"], language, "KRW") in sentences[0]
    assert format_money(current["churned_mrr"], language, "KRW") in sentences[1]
    nrr = _values(warehouse, month)["nrr"]
    assert any(format_pct(nrr) in sentence for sentence in sentences)
    # Same marts, same words: the summary is templates, not generated prose.
    again, _ = render_board_deck(warehouse, None, tmp_path / "again", language)
    assert _slide_texts(_slide(Presentation(str(again)), t("deck.summary", language))) == texts


def test_every_slide_has_speaker_notes_with_its_definitions(
    warehouse: Path, tmp_path: Path
) -> None:
    pptx_path, _ = render_board_deck(warehouse, None, tmp_path, "en")
    deck = Presentation(str(pptx_path))
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    assert all(notes), notes
    assert t("deck.notes.kpis", "en") in notes
    assert t("deck.notes.unit_economics", "en") in notes


def test_deck_command_takes_a_language(warehouse: Path, tmp_path: Path) -> None:
    from orchestration.cli import main

    assert (
        main(["deck", "--warehouse", str(warehouse), "--out", str(tmp_path), "--language", "en"])
        == 0
    )
    deck = Presentation(str(next(tmp_path.glob("*.pptx"))))
    _slide(deck, t("deck.summary", "en"))


def test_missing_hangul_font_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deck_fonts, "cjk_font_family", lambda: None)
    assert "fonts-noto-cjk" in (deck_fonts.font_warning("ko") or "")
    assert deck_fonts.font_warning("en") is None
