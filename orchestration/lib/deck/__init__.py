"""Nightly board deck: `render_board_deck(warehouse, month, out_dir, language)`.

Reads the public marts (read-only), writes board_deck_<YYYY-MM>.pptx (python-pptx) and
board_deck_<YYYY-MM>.pdf (matplotlib PdfPages, same slides and numbers). Korean needs a
Hangul font (Debian: fonts-noto-cjk); without one the deck is rendered in English and
the build summary says so.
"""

from __future__ import annotations

from orchestration.lib.deck.content import NO_BILLING_DATA, DeckDataError, NoBillingDataError
from orchestration.lib.deck.render import render_board_deck

__all__ = ["NO_BILLING_DATA", "DeckDataError", "NoBillingDataError", "render_board_deck"]
