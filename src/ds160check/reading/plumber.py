"""The reference backend: pdfplumber's own word extraction, mapped to ``Word``.

Slower than pdfium (pdfminer parses every page in Python) but long used on
real documents; tests hold the pdfium backend to its words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ds160check.errors import CorruptPdfError, EncryptedPdfError, InputError
from ds160check.model import Page, Word
from ds160check.reading.base import (
    LINE_TOLERANCE_RATIO,
    WORD_GAP_RATIO,
    check_page_count,
    clean_word_text,
    encrypted_error,
)

# use_text_flow keeps content-stream order, as pdfium does; size is an extra
# attribute, so that a change of size ends a word in both backends.
_WORD_SETTINGS: dict[str, Any] = {
    "x_tolerance_ratio": WORD_GAP_RATIO,
    "y_tolerance_ratio": LINE_TOLERANCE_RATIO,
    "keep_blank_chars": False,
    "use_text_flow": True,
    "extra_attrs": ["size"],
    "expand_ligatures": True,
}


def read(path: Path, *, password: str | None, max_pages: int) -> list[Page]:
    """Read every page of ``path`` with pdfplumber."""
    try:
        with pdfplumber.open(path, password=password) as pdf:
            if not pdf.pages:  # pdfminer found no page tree it could follow
                raise CorruptPdfError(path, "the PDF has no pages that can be read")
            check_page_count(path, len(pdf.pages), max_pages)
            return [_read_page(page) for page in pdf.pages]
    except InputError:
        raise
    except Exception as error:  # pdfminer raises anything on a broken file
        raise _error(path, password, error) from None


def _read_page(page: Any) -> Page:
    try:
        words = tuple(_word(word) for word in page.extract_words(**_WORD_SETTINGS))
        return Page(page.page_number, float(page.width), float(page.height), words)
    finally:
        page.close()  # drop pdfplumber's per-page caches


def _word(word: dict[str, Any]) -> Word:
    return Word(
        clean_word_text(word["text"]),
        float(word["x0"]),
        float(word["top"]),
        float(word["x1"]),
        float(word["bottom"]),
        float(word["size"]),
    )


def _error(path: Path, password: str | None, error: Exception) -> InputError:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFPasswordIncorrect):
        return encrypted_error(path, password)
    if isinstance(cause, PDFEncryptionError):
        return EncryptedPdfError(path, "the PDF uses an encryption method that is not supported")
    detail = str(cause) or type(cause).__name__
    return CorruptPdfError(path, f"the PDF is damaged and cannot be read ({detail})")
