"""Find a font with Hangul for matplotlib; without one the deck falls back to English."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager

LOGGER = logging.getLogger(__name__)

# Preferred first. Debian: fonts-noto-cjk (Noto Sans CJK: Hangul, kana and kanji, so
# Japanese account names render too) or fonts-nanum (NanumGothic: Hangul only).
CJK_FILE_HINTS: tuple[str, ...] = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKkr-Regular.otf",
    "NotoSansKR-Regular",
    "NanumGothic.ttf",
    "NanumBarunGothic.ttf",
)
# What the PPTX asks PowerPoint for (Windows and macOS resolve these, LibreOffice falls back).
PPTX_LATIN_FONT = "Arial"
PPTX_EAST_ASIAN_FONT = "Malgun Gothic"


@lru_cache(maxsize=1)
def cjk_font_families() -> tuple[str, ...]:
    """Installed CJK font families, registered with matplotlib, best first.

    Scans the system font folders instead of trusting matplotlib's font cache, which
    predates fonts installed after matplotlib first ran. Several families make a
    fallback chain: a glyph one font lacks is taken from the next."""
    files = {Path(path).name: path for path in font_manager.findSystemFonts()}
    families: list[str] = []
    for hint in CJK_FILE_HINTS:
        match = next((path for name, path in sorted(files.items()) if name.startswith(hint)), None)
        if match is None:
            continue
        try:
            # Register the family's other weights too (NanumGothicBold.ttf, -Bold.ttc),
            # so bold text is real bold rather than a synthetic fallback.
            stem = Path(match).name.replace("-Regular", "").split(".")[0]
            for name, path in files.items():
                if name.startswith(stem):
                    font_manager.fontManager.addfont(path)
            family = font_manager.FontProperties(fname=match).get_name()
        except (OSError, RuntimeError, ValueError):
            LOGGER.warning("could not load CJK font %s", match)
            continue
        if family not in families:
            families.append(family)
    return tuple(families)


def cjk_font_family() -> str | None:
    """The preferred CJK family, or None when no Hangul font is installed."""
    families = cjk_font_families()
    return families[0] if families else None


def font_warning(language: str) -> str | None:
    """What the build summary and `warehouse deck` print when Korean cannot be drawn."""
    if language != "ko" or cjk_font_family() is not None:
        return None
    return (
        "no Hangul font installed: the Korean board deck is rendered in English "
        "(install fonts-noto-cjk: sudo apt-get install -y fonts-noto-cjk)"
    )


def resolve_language(language: str) -> tuple[str, tuple[str, ...]]:
    """(language actually used, CJK font families). Korean needs a Hangul font."""
    family = cjk_font_family()
    if family is None:
        if language == "ko":
            LOGGER.warning(
                "no Hangul font found (install fonts-noto-cjk or fonts-nanum); "
                "rendering the board deck in English"
            )
        return "en" if language == "ko" else language, ()
    return language, cjk_font_families()
