"""The default backend: pypdfium2, with words cut from per-character boxes.

pdfium gives characters, not words. For each character we take its *loose*
box: horizontally its advance (like pdfminer's), vertically the font's
ascent-to-descent band. The word's box uses the loose left, right and bottom
(baseline plus descent) and puts the top one font size above the bottom,
which is how pdfminer boxes characters, so both backends agree.

Speed: a page is one call for all its text plus one ctypes call per
non-space character for its box, written into one float array that is reused
from page to page with its out-pointers made once; font size and matrix are
read once per text object. A page-wide pass marks the characters
that surely continue a word, so most runs between spaces need no loop of their
own. Rules for cutting words are in ``base``.
"""

from __future__ import annotations

import ctypes
import math
import re
import sys
import threading
from collections import deque
from dataclasses import dataclass
from itertools import accumulate, chain, repeat, starmap
from operator import not_
from pathlib import Path
from typing import Any, cast

import pypdfium2
import pypdfium2.raw as pdfium_c

from ds160check.errors import CorruptPdfError, EncryptedPdfError, InputError
from ds160check.model import Page, Word
from ds160check.reading.base import (
    LINE_TOLERANCE_RATIO,
    SIZE_TOLERANCE,
    WORD_GAP_RATIO,
    check_page_count,
    clean_word_text,
    encrypted_error,
)

# pdfium marks a hyphen that ends a line and joins the word on the next one as
# U+0002 (per character) or U+FFFE (page text), and then adds no line break.
_TEXT_FIXES = str.maketrans({"\x02": "-", "\ufffe": "-", "\x00": " "})

_WORDS = re.compile(r"\S+")
_SPAN = re.Match.span

# A text matrix is upright (no rotation, no mirroring) when its shear terms
# are this close to zero relative to its scale.
_UPRIGHT_SHEAR = 1e-3

# A gap between two characters that surely is no word break, as a fraction of
# their loose box height: that height is at most about 3 em in real fonts, so
# this stays under WORD_GAP_RATIO; wider gaps get the exact check.
_SURE_GAP_OF_HEIGHT = 0.05

_FLOATS_PER_BOX = 4  # FS_RECTF is left, top, right, bottom (PDF space, y up)

# Not a text object handle (those are addresses or None): nothing styled yet.
_NO_OBJECT = -1


def _unconverted(function: Any, restype: Any) -> Any:
    """The same C function, called with no argument conversion and without releasing the GIL.

    For the calls made once per character, word or text object: declared argument types cost a conversion
    per argument, and letting go of the GIL costs more than these short calls themselves.
    Callers pass ctypes objects for pointers (a ``c_void_p`` handle, ``byref`` out-pointers)
    and Python ints only where C takes an ``int``.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:  # pragma: no cover - a binding always has an address
        raise RuntimeError(f"pdfium function {function!r} has no address")
    return ctypes.PYFUNCTYPE(restype)(address)


# (handle, index, byref(FS_RECTF)), (handle, index), (handle, index), (handle, index,
# byref(FS_MATRIX)): see _unconverted
_LOOSE_BOX = _unconverted(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_TEXT_OBJECT = _unconverted(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_FONT_SIZE = _unconverted(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_MATRIX = _unconverted(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)


def read(path: Path, *, password: str | None, max_pages: int) -> list[Page]:
    """Read every page of ``path`` with pdfium."""
    document = _open(path, password)
    try:
        count = len(document)
        check_page_count(path, count, max_pages)
        return [_read_page(path, document, index) for index in range(count)]
    finally:
        document.close()


def _open(path: Path, password: str | None) -> Any:
    try:
        return pypdfium2.PdfDocument(path, password=password)
    except pypdfium2.PdfiumError as error:
        raise _open_error(path, password, getattr(error, "err_code", None)) from None
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror or error}") from None


def _open_error(path: Path, password: str | None, code: int | None) -> InputError:
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return encrypted_error(path, password)
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return EncryptedPdfError(path, "the PDF uses an encryption method that is not supported")
    if code == pdfium_c.FPDF_ERR_SUCCESS:
        return CorruptPdfError(path, "the PDF has no pages")
    return CorruptPdfError(path, "the PDF is damaged or truncated and cannot be read")


def _read_page(path: Path, document: Any, index: int) -> Page:
    try:
        page = document[index]
    except pypdfium2.PdfiumError:
        raise CorruptPdfError(path, f"page {index + 1} is damaged and cannot be read") from None
    try:
        frame = _Frame.of(page)
        textpage = page.get_textpage()
        try:
            words = _page_words(textpage.raw, frame)
        finally:
            textpage.close()
    except pypdfium2.PdfiumError:
        raise CorruptPdfError(path, f"the text of page {index + 1} cannot be read") from None
    finally:
        page.close()
    return Page(index + 1, frame.width, frame.height, words)


@dataclass(frozen=True, slots=True)
class _Frame:
    """The page as displayed: its size and how PDF space (y up) maps onto it.

    A displayed point is ``X = ax*x + cx*y + ex`` from the left and
    ``top = at*x + ct*y + et`` from the top. The numbers follow pdfminer's
    rotation matrices plus pdfplumber's MediaBox offsets, so that both backends
    report the same coordinates for every /Rotate. ``rotation`` is pdfminer's
    matrix without its offsets, to tell whether text reads upright on screen.
    """

    width: float
    height: float
    ax: float
    cx: float
    ex: float
    at: float
    ct: float
    et: float
    rotation: tuple[float, float, float, float]

    @staticmethod
    def of(page: Any) -> _Frame:
        # pdfium does not inherit /MediaBox from the page tree; its bounding
        # box (MediaBox within CropBox) does, and is the same on most PDFs.
        box = page.get_mediabox(fallback_ok=False) or page.get_bbox()
        return _Frame.for_box(box, page.get_rotation())

    @staticmethod
    def for_box(box: tuple[float, float, float, float], rotation: int) -> _Frame:
        x0, x1 = sorted((box[0], box[2]))
        y0, y1 = sorted((box[1], box[3]))
        turned = rotation in (90, 270)
        width, height = (y1 - y0, x1 - x0) if turned else (x1 - x0, y1 - y0)
        left, bottom = (y0, x0) if turned else (x0, y0)
        # pdfminer's matrix (a, b, c, d, e, f) for this rotation
        a, b, c, d, e, f = {
            90: (0, -1, 1, 0, -y0, x1),
            180: (-1, 0, 0, -1, x1, y1),
            270: (0, 1, -1, 0, y1, -x0),
        }.get(rotation, (1, 0, 0, 1, -x0, -y0))
        return _Frame(width, height, a, c, e + left, -b, -d, height - f - bottom, (a, b, c, d))

    @property
    def unturned(self) -> bool:
        """True when the displayed page is PDF space with y flipped (most pages).

        Without /Rotate the offsets cancel: pdfplumber adds back the MediaBox
        origin that pdfminer takes away.
        """
        return self.rotation == (1, 0, 0, 1)

    def turn(self, columns: _Columns) -> _Columns:
        """Boxes in PDF space to boxes on the displayed page, still y up (from its bottom)."""
        boxes = [self._turn_box(*box) for box in zip(*columns, strict=True)]
        lefts, tops, rights, bottoms = (list(column) for column in zip(*boxes, strict=True))
        return lefts, tops, rights, bottoms

    def _turn_box(self, left: float, top: float, right: float, bottom: float) -> _Box:
        xa = self.ax * left + self.cx * bottom + self.ex
        xb = self.ax * right + self.cx * top + self.ex
        ta = self.at * left + self.ct * bottom + self.et
        tb = self.at * right + self.ct * top + self.et
        return min(xa, xb), self.height - min(ta, tb), max(xa, xb), self.height - max(ta, tb)


_Box = tuple[float, float, float, float]

# lefts, tops, rights, bottoms of a page's characters, y up
_Columns = tuple[list[float], list[float], list[float], list[float]]


def _page_words(textpage: Any, frame: _Frame) -> tuple[Word, ...]:
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return ()
    text = _page_text(textpage, count).translate(_TEXT_FIXES)
    runs = list(map(_SPAN, _WORDS.finditer(text)))
    cutter = _WordCutter(textpage, _CharBoxes.read(textpage, count, runs, frame), frame)
    cutter.cut(text, runs)
    return tuple(cutter.words)


def _page_text(textpage: Any, count: int) -> str:
    """One character per pdfium character (its generated spaces and line breaks too)."""
    # Room for a surrogate pair per character: pdfium writes UTF-16.
    buffer = (ctypes.c_ushort * (2 * count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * max(written - 1, 0)).decode("utf-16-le", "replace")
    if len(text) == count:
        return text
    # Characters outside the BMP, or pdfium's text skipping some: ask one by one.
    return "".join(_char(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))


def _char(code: int) -> str:
    surrogate = 0xD800 <= code <= 0xDFFF
    return "\ufffd" if surrogate or code > sys.maxunicode else chr(code)


@dataclass(frozen=True, slots=True)
class _CharBoxes:
    """The loose box of every character of a page, y up, as columns.

    ``joins[i]`` is True when character ``i`` surely continues the word of
    character ``i - 1`` if the text is upright: same top and bottom (so same
    font, size and baseline), and no gap a word could hide in. Computed for the whole
    page at once, so that most runs between spaces need no loop of their own.
    """

    lefts: list[float]
    tops: list[float]
    rights: list[float]
    bottoms: list[float]
    joins: list[bool]

    @staticmethod
    def read(textpage: Any, count: int, runs: list[tuple[int, int]], frame: _Frame) -> _CharBoxes:
        """Boxes on the displayed page, measured from its bottom-left corner."""
        columns = _loose_boxes(textpage, count, runs)
        if not frame.unturned:
            columns = frame.turn(columns)
        return _CharBoxes(*columns, _joins(*columns))


class _BoxBuffer(threading.local):
    """Where pdfium writes a page's character boxes, reused from page to page, with one
    ready-made out-pointer per character: making a ``byref`` per character cost a third of the
    box calls. Per thread, as pages may be read in several; pages longer than
    ``_POINTERS_KEPT`` characters get a buffer of their own, not kept."""

    def __init__(self) -> None:
        self.size = 0
        self.boxes: Any = None
        self.pointers: list[Any] = []

    def for_page(self, count: int) -> tuple[Any, list[Any]]:
        if count <= self.size:
            return self.boxes, self.pointers
        boxes, pointers = _buffer(max(count, 2 * self.size))
        if count <= _POINTERS_KEPT:
            self.size, self.boxes, self.pointers = len(pointers), boxes, pointers
        return boxes, pointers


def _buffer(count: int) -> tuple[Any, list[Any]]:
    boxes = (ctypes.c_float * (_FLOATS_PER_BOX * count))()
    stride = ctypes.sizeof(ctypes.c_float) * _FLOATS_PER_BOX
    return boxes, list(map(ctypes.byref, repeat(boxes), range(0, stride * count, stride)))


# A page of the longest print-outs has ~4,000 characters; a pointer costs ~50 bytes.
_POINTERS_KEPT = 20_000
_BOX_BUFFER = _BoxBuffer()


def _loose_boxes(textpage: Any, count: int, runs: list[tuple[int, int]]) -> _Columns:
    """left, top, right, bottom of every character in ``runs`` (whitespace needs no box: its
    values are those a previous page left there)."""
    boxes, pointers = _BOX_BUFFER.for_page(count)
    handle = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    indices = list(chain.from_iterable(starmap(range, runs)))
    # One call per character, made by map rather than a Python loop: the loop cost as much.
    deque(map(_LOOSE_BOX, repeat(handle), indices, map(pointers.__getitem__, indices)), maxlen=0)
    # The columns straight from the buffer: a memoryview converts in C, twice as fast as ctypes.
    floats = memoryview(boxes).cast("B").cast("f")[: _FLOATS_PER_BOX * count]
    columns = [cast(list[float], floats[i::_FLOATS_PER_BOX].tolist()) for i in range(_FLOATS_PER_BOX)]
    lefts, tops, rights, bottoms = columns
    return lefts, tops, rights, bottoms


def _joins(
    lefts: list[float], tops: list[float], rights: list[float], bottoms: list[float]
) -> list[bool]:
    same, sure_gap = SIZE_TOLERANCE, _SURE_GAP_OF_HEIGHT
    # Top and bottom within SIZE_TOLERANCE; most neighbours have exactly the same ones, which one
    # comparison each tells (a difference of exactly 0.0 is within; NaN and inf go on to the test).
    return [False] + [
        left <= next_left <= right + sure_gap * (next_top - next_bottom)
        and ((next_top - top == 0.0 and next_bottom - bottom == 0.0)
             or (-same <= next_top - top <= same and -same <= next_bottom - bottom <= same))
        for left, next_left, right, top, next_top, bottom, next_bottom in zip(
            lefts, lefts[1:], rights, tops, tops[1:], bottoms, bottoms[1:], strict=False
        )
    ]


class _WordCutter:
    """Cuts runs of non-space characters into words at gaps, line and size changes."""

    def __init__(self, textpage: Any, chars: _CharBoxes, frame: _Frame) -> None:
        self._handle = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)  # see _unconverted
        self.chars = chars
        self.frame = frame
        self.words: list[Word] = []
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_out = ctypes.byref(self._matrix)
        self._styled_object: int | None = _NO_OBJECT
        self._style_of_object = (0.0, True)

    def cut(self, text: str, runs: list[tuple[int, int]]) -> None:
        """Add the words of every run of ``text`` without whitespace, in their order."""
        chars, words, height = self.chars, self.words, self.frame.height
        lefts, rights, bottoms = chars.lefts, chars.rights, chars.bottoms
        # breaks[i]: how many of characters 0..i do not surely continue a word; a run holds
        # no break after its first character when the count is the same at its ends.
        breaks = list(accumulate(map(not_, chars.joins)))
        handle, text_object, read_style = self._handle, _TEXT_OBJECT, self._read_style
        styled, (size, upright) = self._styled_object, self._style_of_object
        for start, end in runs:
            # Size and matrix belong to the text object: asked once per object.
            found = text_object(handle, start)
            if found != styled:
                styled, (size, upright) = found, read_style(start)
                self._styled_object, self._style_of_object = styled, (size, upright)
            if upright and breaks[end - 1] == breaks[start]:
                # The common case, one word on one baseline: its box needs no search. Its top
                # is one font size above baseline + descent (boxes y up, words y down).
                low = bottoms[start]
                piece = text[start:end]
                words.append(Word(
                    piece if piece.isascii() else clean_word_text(piece), lefts[start],
                    height - (low + size), rights[start] if end - start == 1 else max(rights[start:end]),
                    height - low, size,
                ))
            else:
                self._cut_slowly(text, start, end, size, upright)

    def _cut_slowly(self, text: str, start: int, end: int, size: float, upright: bool) -> None:
        """Walk the run character by character, starting a word where one ends."""
        first = start
        for index in range(start + 1, end):
            new_size, new_upright = self._style(index)
            if (
                new_upright != upright
                or abs(new_size - size) > SIZE_TOLERANCE
                or self._apart(index - 1, index, size, upright)
            ):
                self._add(text, first, index, size, upright)
                first, size, upright = index, new_size, new_upright
        self._add(text, first, end, size, upright)

    def _apart(self, prev: int, cur: int, size: float, upright: bool) -> bool:
        """Whether characters ``prev`` and ``cur`` (same size) belong to different words."""
        lefts, rights = self.chars.lefts, self.chars.rights
        gap = WORD_GAP_RATIO * size
        if upright:
            bottoms = self.chars.bottoms
            # Next to the last character on its right, or on its left: pdfium
            # gives right-to-left scripts in logical order, so x goes down.
            # Anything else (a jump back to the left, a gap) starts a new word.
            ltr = lefts[prev] <= lefts[cur] <= rights[prev] + gap
            rtl = lefts[prev] - gap <= rights[cur] <= rights[prev]
            off_line = abs(bottoms[cur] - bottoms[prev]) > LINE_TOLERANCE_RATIO * size
            return off_line or not (ltr or rtl)
        # Rotated or mirrored text: no reading direction to rely on, only distance.
        tops, bottoms = self.chars.tops, self.chars.bottoms
        return (
            lefts[cur] > rights[prev] + gap
            or lefts[prev] > rights[cur] + gap
            or bottoms[cur] > tops[prev] + gap
            or bottoms[prev] > tops[cur] + gap
        )

    def _style(self, index: int) -> tuple[float, bool]:
        """Font size in points (text matrix and CTM applied) and whether upright."""
        # Size and matrix belong to the text object: ask once per object.
        text_object = _TEXT_OBJECT(self._handle, index)
        if text_object != self._styled_object:
            self._styled_object = text_object
            self._style_of_object = self._read_style(index)
        return self._style_of_object

    def _read_style(self, index: int) -> tuple[float, bool]:
        font_size: float = _FONT_SIZE(self._handle, index)
        if not _MATRIX(self._handle, index, self._matrix_out):
            return font_size, True
        m = self._matrix
        ma, mb, mc, md = m.a, m.b, m.c, m.d
        # The character's matrix times the page's rotation: as seen on screen.
        ra, rb, rc, rd = self.frame.rotation
        a, b = ma * ra + mb * rc, ma * rb + mb * rd
        c, d = mc * ra + md * rc, mc * rb + md * rd
        scale = math.hypot(c, d)
        shear = _UPRIGHT_SHEAR * scale
        upright = a > 0 and d > 0 and abs(b) <= shear and abs(c) <= shear
        return font_size * scale, upright

    def _add(self, text: str, start: int, end: int, size: float, upright: bool) -> None:
        chars = self.chars
        bottoms = chars.bottoms[start:end]
        low = min(bottoms)
        # Upright: the top is one font size above baseline + descent, as
        # pdfminer boxes characters; otherwise the loose boxes' extent.
        high = max(bottoms) + size if upright else max(chars.tops[start:end])
        left, right = min(chars.lefts[start:end]), max(chars.rights[start:end])
        self._append(text, start, end, size, left, low, right, high)

    def _append(self, text: str, start: int, end: int, size: float, *box: float) -> None:
        x0, y0, x1, y1 = box
        height = self.frame.height  # boxes are y up from the bottom; words, y down
        word = Word(clean_word_text(text[start:end]), x0, height - y1, x1, height - y0, size)
        self.words.append(word)


# --- pages without a text layer ----------------------------------------------------------------


def scanned_pages(path: Path, indices: list[int], password: str | None) -> list[int]:
    """Of the pages ``indices`` (0-based, without words), those holding an image: a scan. A blank
    page, or one of vector drawings only, is not worth OCR."""
    document = _open(path, password)
    try:
        return [index for index in indices if _has_image(document, index)]
    finally:
        document.close()


def _has_image(document: Any, index: int) -> bool:
    page = document[index]
    try:
        return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))
    except pypdfium2.PdfiumError:
        return False
    finally:
        page.close()


def ocr_pages(path: Path, indices: list[int], password: str | None, engine: Any) -> dict[int, Page]:
    """The pages ``indices`` rendered and read by OCR (``ds160check.reading.ocr``)."""
    from ds160check.reading.ocr import read_pdf_page_images

    document = _open(path, password)
    try:
        return read_pdf_page_images(path, document, indices, engine)
    except pypdfium2.PdfiumError:
        raise CorruptPdfError(path, "a scanned page cannot be rendered") from None
    finally:
        document.close()
