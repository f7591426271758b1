"""Write the deck content as a PPTX and a PDF."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.util import Inches  # noqa: E402

from orchestration.lib.deck.canvas import SLIDE_HEIGHT, SLIDE_WIDTH, PdfCanvas, PptxCanvas  # noqa: E402
from orchestration.lib.deck.content import DeckContent, load_content  # noqa: E402
from orchestration.lib.deck.fonts import resolve_language  # noqa: E402
from orchestration.lib.deck.restatements import load_restatement_lines, slides_for  # noqa: E402
from orchestration.lib.deck.slides import SLIDES, speaker_notes  # noqa: E402
from orchestration.lib.headline import reporting_currency  # noqa: E402

LOGGER = logging.getLogger(__name__)


def render_board_deck(
    warehouse: Path, month: date | None, out_dir: Path, language: str = "ko"
) -> tuple[Path, Path]:
    """Render the board deck of `month` (default: latest month in mart_mrr_bridge).

    Returns (pptx path, pdf path). Raises DeckDataError when the warehouse is missing or
    empty or the month has no bridge row."""
    language, font_families = resolve_language(language)
    currency = reporting_currency(Path(warehouse))
    content = load_content(Path(warehouse), month, language, currency)
    content = replace(
        content,
        restatements=load_restatement_lines(Path(warehouse), content.month, language, currency),
    )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"board_deck_{content.month:%Y-%m}"
    pptx_path = out_dir / f"{stem}.pptx"
    pdf_path = out_dir / f"{stem}.pdf"
    # English reads best in a Latin face; CJK families then supply Hangul/kanji glyphs.
    fonts = [*font_families, "DejaVu Sans"] if language == "ko" else ["DejaVu Sans", *font_families]
    # findfont warns for every semibold lookup the fallback font lacks; it picks a fine match.
    font_logger = logging.getLogger("matplotlib.font_manager")
    previous_level = font_logger.level
    font_logger.setLevel(logging.ERROR)
    try:
        with plt.rc_context({"font.family": fonts, "axes.unicode_minus": False}):
            _write_pptx(content, pptx_path)
            _write_pdf(content, pdf_path, fonts)
    finally:
        font_logger.setLevel(previous_level)
    LOGGER.info("board deck written: %s, %s", pptx_path, pdf_path)
    return pptx_path, pdf_path


def _write_pptx(content: DeckContent, path: Path) -> None:
    presentation = Presentation()
    presentation.slide_width = Inches(SLIDE_WIDTH)
    presentation.slide_height = Inches(SLIDE_HEIGHT)
    blank = presentation.slide_layouts[6]
    slides = slides_for(content, SLIDES)
    total = len(slides)
    for number, draw in enumerate(slides, start=1):
        slide = presentation.slides.add_slide(blank)
        draw(PptxCanvas(slide), content, number, total)
        notes = speaker_notes(draw, content.language)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    presentation.core_properties.title = f"Board deck {content.month:%Y-%m}"
    temporary = path.with_suffix(".pptx.tmp")
    presentation.save(str(temporary))
    temporary.replace(path)


def _write_pdf(content: DeckContent, path: Path, fonts: list[str]) -> None:
    temporary = path.with_suffix(".pdf.tmp")
    slides = slides_for(content, SLIDES)
    total = len(slides)
    with PdfPages(temporary, metadata={"Title": f"Board deck {content.month:%Y-%m}"}) as pdf:
        for number, draw in enumerate(slides, start=1):
            figure = plt.figure(figsize=(SLIDE_WIDTH, SLIDE_HEIGHT))
            try:
                draw(PdfCanvas(figure, fonts), content, number, total)
                pdf.savefig(figure)
            finally:
                plt.close(figure)
    temporary.replace(path)
