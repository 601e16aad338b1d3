"""Stage 1 of the pipeline: a PDF file in, the positioned words of each page out.

    >>> pages = read_pdf("new.pdf")
    >>> pages[0].words[0].text
    'Personal'

Two backends give the same words on ordinary text PDFs: ``pdfium`` (the
default, fast) and ``plumber`` (pdfplumber, the reference). A scanned PDF reads
as pages without words; ``ensure_text`` turns that into an error when the
caller needs text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ds160check.errors import NoTextLayerError
from ds160check.limits import check_size, current_limits
from ds160check.model import Page
from ds160check.reading import pdfium, plumber
from ds160check.reading.base import DEFAULT_MAX_PAGES, Backend
from ds160check.reading.sniff import check_pdf_file

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "DEFAULT_MAX_PAGES",
    "ensure_text",
    "has_text",
    "read_pdf",
]

BACKENDS: Mapping[str, Backend] = {"pdfium": pdfium.read, "plumber": plumber.read}
DEFAULT_BACKEND = "pdfium"


def read_pdf(
    path: str | Path,
    *,
    password: str | None = None,
    backend: str = DEFAULT_BACKEND,
    max_pages: int | None = None,
) -> list[Page]:
    """The words of every page of the PDF at ``path``, in content order.

    Raises an ``InputError`` subclass with a reason a user can act on when the
    file is missing, not a PDF, encrypted, damaged, or over the size or page
    limit (``max_pages``, else that of :func:`~ds160check.limits.current_limits`).
    """
    read = _backend(backend)
    limits = current_limits()
    check_size(path, limits)  # before anything opens the file
    file = check_pdf_file(path)
    return read(file, password=password, max_pages=max_pages or limits.max_pages)


def _backend(name: str) -> Backend:
    try:
        return BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise ValueError(f"unknown reading backend {name!r}; use one of: {known}") from None


def has_text(pages: Sequence[Page]) -> bool:
    """True if any page has a word: False for scans and photos saved as PDF."""
    return any(page.words for page in pages)


def ensure_text(path: str | Path, pages: Sequence[Page]) -> None:
    """Raise ``NoTextLayerError`` for a PDF without any text."""
    if not has_text(pages):
        raise NoTextLayerError(
            path, "the PDF has no text layer (a scan or photo?); OCR is not available yet"
        )
