"""One drawing vocabulary, two back ends: PPTX shapes (python-pptx) and a PDF page
(matplotlib). Slides are written once against `Canvas`, so both files carry the same text
and numbers. Coordinates are inches from the top-left of a 13.333 × 7.5 in (16:9) slide.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from typing import Protocol

import matplotlib.pyplot as plt
from lxml import etree
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from orchestration.lib.deck.content import Table
from orchestration.lib.deck.fonts import PPTX_EAST_ASIAN_FONT, PPTX_LATIN_FONT

SLIDE_WIDTH = 13.333
SLIDE_HEIGHT = 7.5
ChartFn = Callable[[Axes], None]


def shade_colour(value: float | None) -> str | None:
    """Cohort cell colour: red below 80 %, neutral near 100 %, teal above."""
    if value is None:
        return None
    if value >= 1.0:
        return "#cfe8e3" if value < 1.1 else "#9fd3c9"
    if value >= 0.9:
        return "#eef4f1"
    if value >= 0.8:
        return "#f7efe0"
    return "#f6d5da"


class Canvas(Protocol):
    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        *,
        size: float = 12,
        bold: bool = False,
        color: str = "#243447",
        align: str = "left",
    ) -> None: ...

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: str,
        line: str | None = None,
        rounded: bool = False,
    ) -> None: ...

    def chart(self, x: float, y: float, w: float, h: float, draw: ChartFn) -> None: ...

    def table(
        self,
        x: float,
        y: float,
        w: float,
        table: Table,
        *,
        size: float = 11,
        row_height: float = 0.34,
        widths: list[float] | None = None,
    ) -> None: ...


def _char_em(char: str) -> float:
    """Rough glyph width in em: Hangul/CJK are square, Latin about half."""
    return 1.0 if unicodedata.east_asian_width(char) in {"W", "F"} else 0.56


def wrap_text(text: str, width_inches: float, size: float) -> str:
    """Break lines to fit a box, as PowerPoint's word wrap does (matplotlib does not)."""
    limit = width_inches * 72 / size
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and sum(_char_em(c) for c in candidate) > limit:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


class PptxCanvas:
    def __init__(self, slide: Slide, dpi: int = 200) -> None:
        self.slide = slide
        self.dpi = dpi

    def _font(self, run: object, size: float, bold: bool, color: str) -> None:
        font = run.font
        font.size = Pt(size)
        font.bold = bold
        font.name = PPTX_LATIN_FONT
        font.color.rgb = _rgb(color)
        # Hangul is drawn with the East Asian font slot; python-pptx only sets the Latin one.
        r_pr = run._r.get_or_add_rPr()
        for tag in ("a:ea", "a:cs"):
            element = r_pr.find(qn(tag))
            if element is None:
                element = etree.SubElement(r_pr, qn(tag))
            element.set("typeface", PPTX_EAST_ASIAN_FONT)

    def text(self, x, y, w, h, text, *, size=12, bold=False, color="#243447", align="left"):  # noqa: ANN001
        shape = self.slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        for margin in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
            setattr(frame, margin, Emu(0))
        for index, line in enumerate(text.split("\n")):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = {
                "left": PP_ALIGN.LEFT,
                "center": PP_ALIGN.CENTER,
                "right": PP_ALIGN.RIGHT,
            }[align]
            run = paragraph.add_run()
            run.text = line
            self._font(run, size, bold, color)

    def box(self, x, y, w, h, *, fill, line=None, rounded=False):  # noqa: ANN001
        kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
        shape = self.slide.shapes.add_shape(kind, Inches(x), Inches(y), Inches(w), Inches(h))
        if rounded:
            shape.adjustments[0] = 0.06
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
        if line:
            shape.line.color.rgb = _rgb(line)
            shape.line.width = Pt(0.75)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False

    def chart(self, x, y, w, h, draw):  # noqa: ANN001
        figure = plt.figure(figsize=(w, h), dpi=self.dpi)
        try:
            axes = figure.add_axes((0.1, 0.14, 0.88, 0.76))
            draw(axes)
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=self.dpi, facecolor="white")
        finally:
            plt.close(figure)
        buffer.seek(0)
        self.slide.shapes.add_picture(buffer, Inches(x), Inches(y), Inches(w), Inches(h))

    def table(self, x, y, w, table, *, size=11, row_height=0.34, widths=None):  # noqa: ANN001
        rows = len(table.rows) + 1
        columns = len(table.columns)
        shape = self.slide.shapes.add_table(
            rows, columns, Inches(x), Inches(y), Inches(w), Inches(row_height * rows)
        )
        grid = shape.table
        widths = widths or [w / columns] * columns
        for index, width in enumerate(widths):
            grid.columns[index].width = Inches(width)
        for row_index in range(rows):
            grid.rows[row_index].height = Inches(row_height)
            for column_index in range(columns):
                header = row_index == 0
                value = (
                    table.columns[column_index]
                    if header
                    else table.rows[row_index - 1][column_index]
                )
                cell = grid.cell(row_index, column_index)
                cell.margin_left = cell.margin_right = Inches(0.08)
                cell.margin_top = cell.margin_bottom = Inches(0.02)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                frame = cell.text_frame
                paragraph = frame.paragraphs[0]
                paragraph.alignment = (
                    PP_ALIGN.RIGHT if table.numeric[column_index] else PP_ALIGN.LEFT
                )
                run = paragraph.add_run()
                run.text = value
                self._font(run, size, header, "#ffffff" if header else "#243447")
                fill = "#1f3a5f" if header else ("#ffffff" if row_index % 2 else "#f5f7fa")
                if not header and table.shades:
                    fill = shade_colour(table.shades[row_index - 1][column_index]) or fill
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(fill)


class PdfCanvas:
    """Draws on a matplotlib figure the size of the slide (vector output via PdfPages)."""

    def __init__(self, figure: Figure, fonts: list[str]) -> None:
        self.figure = figure
        # A list, so a glyph one font lacks (−, kanji in Nanum) comes from the next.
        self.font = {"family": fonts}

    def _fx(self, x: float) -> float:
        return x / SLIDE_WIDTH

    def _fy(self, y: float) -> float:
        return 1 - y / SLIDE_HEIGHT

    def text(self, x, y, w, h, text, *, size=12, bold=False, color="#243447", align="left"):  # noqa: ANN001
        anchor = {"left": x, "center": x + w / 2, "right": x + w}[align]
        self.figure.text(
            self._fx(anchor),
            self._fy(y),
            wrap_text(text, w, size),
            ha=align,
            va="top",
            fontsize=size,
            fontweight="semibold" if bold else "normal",
            color=color,
            linespacing=1.25,
            **self.font,
        )

    def box(self, x, y, w, h, *, fill, line=None, rounded=False):  # noqa: ANN001
        common = {
            "transform": self.figure.transFigure,
            "facecolor": fill,
            "edgecolor": line or fill,
            "linewidth": 0.75 if line else 0,
        }
        if rounded:
            patch = FancyBboxPatch(
                (self._fx(x), self._fy(y + h)),
                w / SLIDE_WIDTH,
                h / SLIDE_HEIGHT,
                boxstyle="round,pad=0,rounding_size=0.008",
                **common,
            )
        else:
            patch = Rectangle(
                (self._fx(x), self._fy(y + h)), w / SLIDE_WIDTH, h / SLIDE_HEIGHT, **common
            )
        self.figure.patches.append(patch)

    def chart(self, x, y, w, h, draw):  # noqa: ANN001
        # Same inner margins as the PNG the PPTX embeds, so both look alike.
        left = x + 0.1 * w
        bottom = y + h - 0.14 * h
        axes = self.figure.add_axes(
            (self._fx(left), self._fy(bottom), 0.88 * w / SLIDE_WIDTH, 0.76 * h / SLIDE_HEIGHT)
        )
        draw(axes)

    def table(self, x, y, w, table, *, size=11, row_height=0.34, widths=None):  # noqa: ANN001
        columns = len(table.columns)
        widths = widths or [w / columns] * columns
        for row_index in range(len(table.rows) + 1):
            header = row_index == 0
            values = table.columns if header else table.rows[row_index - 1]
            top = y + row_index * row_height
            left = x
            for column_index, value in enumerate(values):
                width = widths[column_index]
                fill = "#1f3a5f" if header else ("#ffffff" if row_index % 2 else "#f5f7fa")
                if not header and table.shades:
                    fill = shade_colour(table.shades[row_index - 1][column_index]) or fill
                self.box(left, top, width, row_height, fill=fill, line="#e1e5eb")
                numeric = table.numeric[column_index]
                self.figure.text(
                    self._fx(left + width - 0.08 if numeric else left + 0.08),
                    self._fy(top + row_height / 2),
                    value,
                    ha="right" if numeric else "left",
                    va="center",
                    fontsize=size,
                    fontweight="semibold" if header else "normal",
                    color="#ffffff" if header else "#243447",
                    **self.font,
                )
                left += width
