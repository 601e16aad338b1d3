"""Stage 1 of the pipeline: a PDF or an image in, the positioned words of each page out.

    >>> pages = read_pages("new.pdf")
    >>> pages[0].words[0].text
    'Personal'

Two backends give the same words on ordinary text PDFs: ``pdfium`` (the
default, fast) and ``plumber`` (pdfplumber, the reference). A page without a
text layer that holds an image (a scan saved as PDF) and every page of an
image file (PNG, JPEG, TIFF, HEIC) are read by OCR (:mod:`ds160check.reading.ocr`),
their words carrying the engine's confidence; text pages are never OCR'd.
Without an OCR engine a scanned page reads as a page without words, and
``ensure_text`` says why when the caller needs text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ds160check.errors import NoTextLayerError
from ds160check.files import is_image_head, read_head
from ds160check.limits import check_size, current_limits
from ds160check.model import Page
from ds160check.reading import ocr, pdfium
from ds160check.reading.base import DEFAULT_MAX_PAGES, Backend
from ds160check.reading.sniff import check_pdf_file

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "DEFAULT_MAX_PAGES",
    "ensure_text",
    "has_text",
    "read_pages",
    "read_pdf",
]


def _read_with_plumber(path: Path, *, password: str | None, max_pages: int) -> list[Page]:
    """The ``plumber`` backend, imported when asked for: pdfplumber and pdfminer cost ~50 ms
    at start-up, and the default backend does not need them."""
    from ds160check.reading import plumber

    return plumber.read(path, password=password, max_pages=max_pages)


BACKENDS: Mapping[str, Backend] = {"pdfium": pdfium.read, "plumber": _read_with_plumber}
DEFAULT_BACKEND = "pdfium"


def read_pdf(
    path: str | Path,
    *,
    password: str | None = None,
    backend: str = DEFAULT_BACKEND,
    max_pages: int | None = None,
    ocr_pages: int | None = None,
    read: Sequence[Page] = (),
) -> list[Page]:
    """The words of every page of the PDF at ``path``, in content order. ``ocr_pages``: OCR at
    most that many of the first scanned pages (the rest stay without words); ``read``: pages of
    this file OCR has read already (the first page, read to tell what the file is), taken as
    they are instead of read again.

    Raises an ``InputError`` subclass with a reason a user can act on when the
    file is missing, not a PDF, encrypted, damaged, or over the size or page
    limit (``max_pages``, else that of :func:`~ds160check.limits.current_limits`).
    """
    reader = _backend(backend)
    limits = current_limits()
    check_size(path, limits)  # before anything opens the file
    file = check_pdf_file(path)
    pages = reader(file, password=password, max_pages=max_pages or limits.max_pages)
    return _with_scanned_pages(file, pages, password, ocr_pages, read)


def read_pages(
    path: str | Path,
    *,
    password: str | None = None,
    backend: str = DEFAULT_BACKEND,
    max_pages: int | None = None,
    ocr_pages: int | None = None,
    read: Sequence[Page] = (),
) -> list[Page]:
    """The words of every page of the PDF or image at ``path`` (told apart by content);
    ``ocr_pages`` and ``read`` as for :func:`read_pdf`."""
    limits = current_limits()
    check_size(path, limits)
    file = Path(path)
    if is_image_head(read_head(file, "PDF file")):
        return ocr.read_image(file, max_pages=max_pages or limits.max_pages, ocr_pages=ocr_pages,
                              read=read)
    return read_pdf(file, password=password, backend=backend, max_pages=max_pages, ocr_pages=ocr_pages,
                    read=read)


def _with_scanned_pages(file: Path, pages: list[Page], password: str | None,
                        ocr_pages: int | None = None, read: Sequence[Page] = ()) -> list[Page]:
    """``pages`` with those that have no word but an image read by OCR, when it is installed
    (those of ``read`` that OCR read already as they were read)."""
    done = {page.number: page for page in read if page.words and page.words[0].confidence is not None}
    pages = [done.get(page.number, page) if not page.words else page for page in pages]
    blank = [page.number - 1 for page in pages if not page.words][:ocr_pages]
    if not blank:
        return pages  # a text PDF: nothing more to do, nothing more opened
    found = ocr.engine()
    if found is None:
        return pages
    scanned = pdfium.scanned_pages(file, blank, password)
    if not scanned:
        return pages
    by_ocr = pdfium.ocr_pages(file, scanned, password, found)
    return [by_ocr.get(page.number - 1, page) for page in pages]


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
    """Raise ``NoTextLayerError`` for a document of which no word could be read."""
    if has_text(pages):
        return
    if ocr.engine() is None:
        raise NoTextLayerError(path, "the PDF has no text layer (a scan or photo?) and OCR is not "
                                     "installed (pip install 'ds160check[ocr]')")
    raise NoTextLayerError(path, "the document has no text layer and OCR read no text from it (a blank "
                                 "page, or a photo too dark, blurred or small to read?)")
