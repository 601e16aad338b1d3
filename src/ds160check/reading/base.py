"""What every reading backend shares: its interface, word tolerances, text clean-up, errors.

Both backends cut characters into words by the same rules so that they agree
on ordinary text PDFs:

- whitespace ends a word;
- so does a horizontal gap wider than ``WORD_GAP_RATIO`` times the font size
  (text placed with explicit offsets instead of space characters);
- so does a move to another baseline (more than ``LINE_TOLERANCE_RATIO`` times
  the font size up or down) or to another font size.

Punctuation never ends a word: ``Label:VALUE`` stays one word and the parser
splits it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Protocol

from ds160check.errors import EncryptedPdfError, LimitExceededError
from ds160check.limits import DEFAULT_MAX_PAGES as DEFAULT_MAX_PAGES
from ds160check.model import Page

# The widest gap between two letters of one word, as a fraction of the font
# size. A space glyph is 0.25-0.33 em wide in text fonts; pdfium itself inserts
# a space for gaps of half a space (about 0.14 em), so this sits just above it.
WORD_GAP_RATIO = 0.15

# Characters whose baselines differ by more than this fraction of the font
# size are on different lines (sub- and superscripts move about 0.33 em).
LINE_TOLERANCE_RATIO = 0.3

# Font sizes closer than this (points) are the same size; sizes come out of
# matrix products and differ in the last bits.
SIZE_TOLERANCE = 0.01

# Typographic ligatures a PDF may carry as one character; pdfplumber's list.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE_TABLE = str.maketrans(LIGATURES)


class Backend(Protocol):
    """Reads every page of a PDF whose signature was already checked."""

    def __call__(self, path: Path, *, password: str | None, max_pages: int) -> list[Page]: ...


def clean_word_text(text: str) -> str:
    """Ligatures expanded, then NFC, so ``café`` typed two ways compares equal."""
    if text.isascii():
        return text  # the common case: nothing to expand or compose
    return unicodedata.normalize("NFC", text.translate(_LIGATURE_TABLE))


def check_page_count(path: Path, count: int, max_pages: int) -> None:
    if count > max_pages:
        raise LimitExceededError(
            path,
            f"the PDF has {count} pages, more than the limit of {max_pages}; "
            "raise it with --max-pages",
        )


def encrypted_error(path: Path, password: str | None) -> EncryptedPdfError:
    if password is None:
        return EncryptedPdfError(path, "the PDF is encrypted; pass --password")
    return EncryptedPdfError(path, "the password does not open this PDF")
