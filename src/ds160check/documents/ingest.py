"""A supporting document (PDF or DOCX) in, text spans that remember where they came from.

    >>> doc = load_document("letter.docx")
    >>> doc.spans[0]
    TextSpan(text='Embassy of the United States of America', page=None, paragraph=1, box=None,
             part='header')

The format is decided by the file's first bytes, never by its name: a letter
saved as ``letter.pdf`` that really is a Word file reads as DOCX.

- **PDF**: the positioned words of :func:`ds160check.reading.read_pdf`, grouped
  into lines by baseline; a line is cut where a wide gap separates two columns
  (a letterhead's left and right blocks), and each piece is one span with its
  page and box.
- **DOCX**: one span per paragraph that has text, in the order headers, body,
  footers. Besides body paragraphs and table cells python-docx's ``paragraphs``
  would give, the XML is walked for what it misses: headers and footers of every
  section, text boxes (``w:txbxContent``) and content controls (``w:sdt``). Word
  stores each text box twice (a DrawingML shape and a VML fallback for old
  readers); only the first is read, so no text appears twice. Deleted tracked
  changes and content controls still showing their placeholder prompt are not
  text of the document and are left out.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from ds160check.container import open_zip
from ds160check.errors import (
    CorruptDocumentError,
    InputError,
    LimitExceededError,
    NotADocumentError,
)
from ds160check.files import file_sha256, kind_of_head, read_head
from ds160check.isolation import run_limited
from ds160check.layout import CELL_GAP_EM, group_lines
from ds160check.limits import DEFAULT_LIMITS, Limits, current_limits
from ds160check.model import Box, Page, Word
from ds160check.reading import ensure_text, read_pages, read_pdf

if TYPE_CHECKING:
    from docx.parts.document import DocumentPart

__all__ = [
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_DOCX_XML_BYTES",
    "DocumentFormat",
    "SpanPart",
    "TextDocument",
    "TextSpan",
    "load_document",
]

DocumentFormat = Literal["pdf", "docx", "image"]
SpanPart = Literal["body", "table", "header", "footer", "textbox", "sdt"]

_MB: Final = 1024 * 1024
# Zip-bomb guards, checked on the sizes the ZIP directory declares before
# anything is unpacked (Python's zipfile never inflates a member past its
# declared size). A long letter's XML is well under 1 MB. These are the
# defaults; `--max-unpacked` (Limits.max_unpacked_mb) raises both.
MAX_DOCX_XML_BYTES: Final = DEFAULT_LIMITS.max_xml_bytes
# python-docx loads every part into memory, pictures included.
MAX_DOCX_UNPACKED_BYTES: Final = DEFAULT_LIMITS.max_unpacked_bytes
# docProps/app.xml is read with plain zipfile; a real one is a few kB.
_MAX_APP_PROPS_BYTES: Final = _MB
# XML parts are scanned for a DTD in pieces of this size.
_SCAN_CHUNK: Final = _MB

OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A reason quoted from a library exception is cut to this many characters.
_MAX_QUOTED_REASON: Final = 120

_XML_SUFFIXES: Final = (".xml", ".rels")
_APP_PROPS: Final = "docProps/app.xml"
_APP_PAGES: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages"

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
W_P, W_TBL, W_SDT, W_TXBX = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}txbxContent"
_W_SDT_PR, _W_PLACEHOLDER_SHOWN = f"{_W}sdtPr", f"{_W}showingPlcHdr"
_W_SECT_PR, _W_BR, _W_TYPE = f"{_W}sectPr", f"{_W}br", f"{_W}type"
_W_HEADER_REF, _W_FOOTER_REF = f"{_W}headerReference", f"{_W}footerReference"

# Run content that is text, and what it reads as.
_TEXT_MARKS: Final = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
                      f"{_W}noBreakHyphen": "-"}
_W_T: Final = f"{_W}t"
# Elements whose content is never text of the paragraph being read: properties,
# deleted or moved-away revisions, old-reader fallbacks, and nested paragraphs
# (a text box inside a run is read as its own paragraph).
_NOT_RUN_TEXT: Final = frozenset({
    f"{_W}pPr", f"{_W}rPr", _W_SDT_PR, f"{_W}sdtEndPr", f"{_W}del", f"{_W}moveFrom",
    _MC_FALLBACK, W_P,
})

# What a zip's member names say it is when it is not a Word document.
_OTHER_PACKAGES: Final = (
    ("xl/", "an XLSX (Excel) file"),
    ("ppt/", "a PPTX (PowerPoint) file"),
    ("content.xml", "an OpenDocument (ODT/ODS) file"),
)
_SAVE_AS: Final = "save it as DOCX or PDF"
# Text a document keeps: twice what the analysis reads (evidence.flat.MAX_ANALYSED_CHARS), so that
# what recognises a refusal letter or a CEAC page sees more than that (~200 pages of text).
MAX_KEPT_CHARS: Final = 400_000
# And at most this many spans (lines of a PDF, paragraphs of a DOCX): a 200-page bank statement
# has ~10,000; a hostile DOCX of 400,000 one-letter paragraphs would hold ~50 MB of them.
MAX_KEPT_SPANS: Final = 50_000
# "<!DOCTYPE" in the encodings an XML parser detects without a declaration.
_DOCTYPE_MARKERS: Final = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of text and where it came from.

    PDF: ``page`` (1-based) and ``box`` (a line, or one column of a line);
    ``paragraph`` is None and ``part`` is ``"body"``. DOCX: ``paragraph`` is
    the 1-based index of the paragraph in its part (the body, or one header or
    footer), ``page`` and ``box`` are None, and ``part`` says where the text sits:
    ``textbox`` or ``sdt`` (content control) first, then ``header``/``footer``,
    then ``table``, else ``body``.
    """

    text: str
    page: int | None
    paragraph: int | None
    box: Box | None
    part: SpanPart
    ocr_confidence: float | None = None  # read by OCR: its least sure word's confidence (0-100)


@dataclass(frozen=True, slots=True)
class TextDocument:
    """The text of one supporting document, span by span in reading order.

    ``pages`` is exact for a PDF; for a DOCX it is the page count Word stored
    when it last saved the file, or one more than the hard page breaks.
    """

    path: Path
    sha256: str
    format: DocumentFormat
    pages: int
    spans: list[TextSpan]
    # The text went on past MAX_KEPT_CHARS: only the spans before that point are kept.
    truncated: bool = False

    @property
    def full_text(self) -> str:
        """Every span's text, one span a line."""
        return "\n".join(span.text for span in self.spans)


def load_document(path: str | Path, *, password: str | None = None) -> TextDocument:
    """Read the PDF or DOCX at ``path`` as text spans.

    ``password`` opens an encrypted PDF. Raises an ``InputError`` subclass with
    a one-line reason when the file is missing, neither a PDF nor a DOCX,
    encrypted, damaged, or over a limit of
    :func:`~ds160check.limits.current_limits` (size, pages, unpacked size,
    time, memory): the reading runs in a child process (see
    :mod:`ds160check.isolation`).
    """
    _import_docx_for(Path(path))
    return run_limited(path, _load_document, path, password=password)


def _import_docx_for(file: Path) -> None:
    """Import python-docx here, before the reading child is forked, when ``file`` is a DOCX.

    Its import (with lxml and typing_extensions) costs ~50 ms of CPU: a command without a DOCX does
    not pay it, and the children reading a command's DOCX files share one import.
    """
    try:
        is_docx = kind_of_head(read_head(file, "document")) == "docx"
    except (InputError, OSError):
        return  # the child reports it, as it always did
    if is_docx:
        import_docx()


def import_docx() -> None:
    """Import python-docx and lxml (a batch does it before its workers fork, which then share it)."""
    import docx.package  # noqa: F401
    import docx.parts.document  # noqa: F401
    import lxml.etree  # noqa: F401


def _load_document(path: str | Path, *, password: str | None) -> TextDocument:
    file = Path(path)
    head = read_head(file, "document")
    kind = kind_of_head(head)
    if kind == "pdf":
        return _load_pdf(file, password)
    if kind == "docx":
        return _load_docx(file)
    if kind == "image":
        return _load_image(file)
    raise NotADocumentError(file, _not_a_document_reason(head))


# --- the file ---------------------------------------------------------------


def _not_a_document_reason(head: bytes) -> str:
    if not head:
        return "the file is empty"
    if head.startswith(OLE_SIGNATURE):
        # Old .doc files and password-protected Office files share this container.
        return f"this is an old Word .doc file or a password-protected Office file; {_SAVE_AS}"
    return f"neither a PDF nor a DOCX (Word) document; {_SAVE_AS}"


# --- PDF --------------------------------------------------------------------


def _load_pdf(file: Path, password: str | None) -> TextDocument:
    return _load_pages(file, "pdf", read_pdf(file, password=password))


def _load_image(file: Path) -> TextDocument:
    return _load_pages(file, "image", read_pages(file))


def _load_pages(file: Path, kind: DocumentFormat, pages: list[Page]) -> TextDocument:
    """A PDF's or a scan's words as spans; none at all is an error saying why (no text layer and
    no OCR, or nothing OCR could read): unknown, not an empty document."""
    ensure_text(file, pages)
    spans, truncated = _kept(span for page in pages for span in _page_spans(page))
    return TextDocument(file, file_sha256(file), kind, len(pages), spans, truncated)


def _kept(spans: Iterable[TextSpan]) -> tuple[list[TextSpan], bool]:
    """The spans up to MAX_KEPT_CHARS of text (a line break counted after each) and at most
    MAX_KEPT_SPANS of them, and whether the document went on: a case keeps its documents until
    it is checked, and a hostile one of a million one-letter paragraphs must not hold half a
    gigabyte meanwhile."""
    kept: list[TextSpan] = []
    total = 0
    for span in spans:
        total += len(span.text) + 1
        if total > MAX_KEPT_CHARS or len(kept) == MAX_KEPT_SPANS:
            return kept, True
        kept.append(span)
    return kept, False


def _page_spans(page: Page) -> Iterator[TextSpan]:
    for line in group_lines(page.words):
        for segment in _segments(line):
            box = segment[0].box
            for word in segment[1:]:
                box = box.union(word.box)
            text = " ".join(word.text for word in segment)
            sure = [w.confidence for w in segment if w.confidence is not None]
            yield TextSpan(text, page.number, None, box, "body", min(sure) if sure else None)


def _segments(line: Sequence[Word]) -> list[list[Word]]:
    """A line (left to right) cut where a gap is as wide as the gap between table columns."""
    segments: list[list[Word]] = []
    previous: Word | None = None
    for word in line:
        if previous is None or word.x0 - previous.x1 > CELL_GAP_EM * max(word.size, 1.0):
            segments.append([])
        segments[-1].append(word)
        previous = word
    return segments


# --- DOCX: the package --------------------------------------------------------


def _load_docx(file: Path) -> TextDocument:
    data = _read_bytes(file)
    with open_zip(file, data) as archive:  # every member checked readable as declared
        _check_word_package(file, archive)
        _check_unpacked_size(file, archive, current_limits())
        _refuse_dtds(file, archive)
        saved_pages = _saved_page_count(archive)
    part = _open_document_part(file, data)
    spans, truncated = _kept(_docx_spans(part))
    pages = max(saved_pages, 1 + _hard_page_breaks(part.element))
    return TextDocument(file, hashlib.sha256(data).hexdigest(), "docx", pages, spans, truncated)


def _read_bytes(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputError(file, f"cannot read the file: {error.strerror or error}") from None


def _check_word_package(file: Path, archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    is_word = "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    if is_word:
        return
    for marker, what in _OTHER_PACKAGES:
        if any(name.startswith(marker) for name in names):
            raise NotADocumentError(file, f"this is {what}, not a PDF or DOCX; {_SAVE_AS}")
    raise NotADocumentError(file, "a ZIP archive, not a DOCX (it has no word/ document part)")


def _check_unpacked_size(file: Path, archive: zipfile.ZipFile, limits: Limits) -> None:
    infos = archive.infolist()
    xml_bytes = sum(i.file_size for i in infos if i.filename.lower().endswith(_XML_SUFFIXES))
    all_bytes = sum(i.file_size for i in infos)
    if xml_bytes > limits.max_xml_bytes:
        raise LimitExceededError(
            file,
            f"the DOCX's XML unpacks to {xml_bytes / _MB:.0f} MB, more than the limit of "
            f"{limits.max_xml_bytes // _MB} MB (a zip bomb?); raise it with --max-unpacked",
        )
    if all_bytes > limits.max_unpacked_bytes:
        raise LimitExceededError(
            file,
            f"the DOCX unpacks to {all_bytes / _MB:.0f} MB, more than the limit of "
            f"{limits.max_unpacked_bytes // _MB} MB (a zip bomb?); raise it with --max-unpacked",
        )


def _refuse_dtds(file: Path, archive: zipfile.ZipFile) -> None:
    """Refuse XML parts with a document type declaration: the way in for entity attacks.

    Open Packaging Conventions forbid DTDs in a package (ECMA-376 part 2,
    8.1.4) and Word never writes one. A DTD can declare entities that expand
    exponentially ("billion laughs") or name files to read (XXE); python-docx
    parses without resolving entities and libxml2 caps their amplification,
    but a part that has a DTD at all is not from Word, so it is not parsed.
    Sizes were checked before, so this reads at most the XML limit.
    """
    for info in archive.infolist():
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        try:
            has_dtd = _has_doctype(archive, info)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            continue  # a bad CRC or deflate stream: python-docx reports it, if it is a part it reads
        if has_dtd:
            raise CorruptDocumentError(
                file,
                f"{info.filename} declares a DTD (<!DOCTYPE>), which Word never writes; "
                "not read, as its entities could expand without bound",
            )


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    overlap = max(len(marker) for marker in _DOCTYPE_MARKERS) - 1
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_SCAN_CHUNK):
            window = tail + chunk
            if any(marker in window for marker in _DOCTYPE_MARKERS):
                return True
            tail = window[-overlap:]
    return False


def _saved_page_count(archive: zipfile.ZipFile) -> int:
    """The page count Word wrote into docProps/app.xml, or 0 when there is none."""
    from lxml import etree

    try:
        info = archive.getinfo(_APP_PROPS)
        if info.file_size > _MAX_APP_PROPS_BYTES:
            return 0
        root = etree.fromstring(archive.read(info), etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError):
        return 0  # only a hint: the body is what matters
    text = root.findtext(_APP_PAGES) or ""
    return int(text) if text.strip().isdigit() else 0


def _open_document_part(file: Path, data: bytes) -> DocumentPart:
    # Imported when a DOCX is read (already by the parent, see _import_docx_for).
    from docx.opc.exceptions import PackageNotFoundError
    from docx.package import Package
    from docx.parts.document import DocumentPart
    from lxml import etree

    try:
        with _only_text_parts_parsed():
            part = Package.open(io.BytesIO(data)).main_document_part
    except KeyError as error:
        raise NotADocumentError(file, f"not a readable Word package ({_quote(error)})") from None
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, struct.error,
            etree.XMLSyntaxError, NotImplementedError, RuntimeError, ValueError) as error:
        if isinstance(error, etree.XMLSyntaxError) and error.code == etree.ErrorTypes.ERR_NO_MEMORY:
            # libxml2 ran out of memory (the --max-memory window): the limit, not a damaged file
            raise MemoryError from None
        # CRC mismatches, cut-off members, malformed XML, unsupported compression.
        raise CorruptDocumentError(
            file, f"the DOCX is damaged or truncated ({_quote(error)})"
        ) from None
    if not isinstance(part, DocumentPart):
        raise NotADocumentError(
            file, f"not a Word document: its main part is {part.content_type}; {_SAVE_AS}"
        )
    return part


# The parts whose XML is read: the document's body and its headers and footers. python-docx
# parses every XML part of a package as it opens it (styles, numbering, settings, theme, fonts,
# core properties: 80% of opening a letter written in Word, 18 ms of 23); the rest are kept as
# bytes instead, never parsed (their DTDs and sizes are still checked before, like every part's).
_TEXT_PARTS: Final = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
})


@contextlib.contextmanager
def _only_text_parts_parsed() -> Iterator[None]:
    """python-docx's own hook (``PartFactory.part_class_selector``) set while a package opens:
    a part that holds no text the analysis reads becomes a plain part, its bytes unparsed."""
    from docx.opc.part import Part, PartFactory

    before = PartFactory.part_class_selector

    def select(content_type: str, reltype: str) -> type[Part] | None:
        if content_type not in _TEXT_PARTS:
            return Part
        return before(content_type, reltype) if before is not None else None

    PartFactory.part_class_selector = select
    try:
        yield
    finally:
        PartFactory.part_class_selector = before


def _quote(error: BaseException) -> str:
    text = " ".join(str(error).strip("\"'").split()) or type(error).__name__
    return text[:_MAX_QUOTED_REASON]


def _hard_page_breaks(root: Any) -> int:
    return sum(1 for br in root.iter(_W_BR) if br.get(_W_TYPE) == "page")


# --- DOCX: the text -----------------------------------------------------------


def _docx_spans(part: DocumentPart) -> list[TextSpan]:
    headers, footers = _header_footer_roots(part)
    spans: list[TextSpan] = []
    for root in headers:
        spans.extend(_story_spans(root, "header"))
    spans.extend(_story_spans(part.element, "body"))
    for root in footers:
        spans.extend(_story_spans(root, "footer"))
    return spans


def _header_footer_roots(part: DocumentPart) -> tuple[list[Any], list[Any]]:
    """The XML roots of every section's headers and footers, each part once, in section order."""
    headers: list[Any] = []
    footers: list[Any] = []
    seen: set[str] = set()
    related = part.related_parts
    for sect_pr in part.element.iter(_W_SECT_PR):
        for reference in sect_pr:
            if reference.tag not in (_W_HEADER_REF, _W_FOOTER_REF):
                continue
            target = headers if reference.tag == _W_HEADER_REF else footers
            story = related.get(reference.get(_R_ID))
            element = getattr(story, "element", None)
            if element is None or str(story.partname) in seen:
                continue  # a dangling reference, or a part two sections share
            seen.add(str(story.partname))
            target.append(element)
    return headers, footers


def _story_spans(root: Any, story: SpanPart) -> list[TextSpan]:
    spans: list[TextSpan] = []
    index = 0
    for paragraph in root.iter(W_P):
        where = _Placement.of(paragraph)
        if where.hidden:
            continue
        index += 1
        reader = _ParagraphText()
        reader.read(paragraph)
        text = unicodedata.normalize("NFC", "".join(reader.pieces)).strip()
        if text:
            part = where.part(story, has_inline_control=reader.saw_control)
            spans.append(TextSpan(text, None, index, None, part))
    return spans


@dataclass(frozen=True, slots=True)
class _Placement:
    """What encloses a paragraph, from its ancestors."""

    hidden: bool  # in an old-reader fallback copy, or a control showing its placeholder
    textbox: bool
    control: bool
    table: bool

    @classmethod
    def of(cls, paragraph: Any) -> _Placement:
        hidden = textbox = control = table = False
        for ancestor in paragraph.iterancestors():
            tag = ancestor.tag
            if tag == _MC_FALLBACK or (tag == W_SDT and _shows_placeholder(ancestor)):
                hidden = True
            textbox = textbox or tag == W_TXBX
            control = control or tag == W_SDT
            table = table or tag == W_TBL
        return cls(hidden, textbox, control, table)

    def part(self, story: SpanPart, *, has_inline_control: bool) -> SpanPart:
        if self.textbox:
            return "textbox"
        if self.control or has_inline_control:
            return "sdt"
        if story != "body":
            return story
        return "table" if self.table else "body"


def _shows_placeholder(sdt: Any) -> bool:
    """True for a content control still showing its prompt ("Click here to enter a date")."""
    properties = sdt.find(_W_SDT_PR)
    return properties is not None and properties.find(_W_PLACEHOLDER_SHOWN) is not None


class _ParagraphText:
    """Collects the text of one paragraph's own runs, wherever they are nested."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.saw_control = False

    def read(self, element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _W_T:
                self.pieces.append(child.text or "")
            elif tag in _TEXT_MARKS:
                self.pieces.append(_TEXT_MARKS[tag])
            elif tag in _NOT_RUN_TEXT or not isinstance(tag, str):
                continue  # comments and processing instructions have non-string tags
            elif tag == W_SDT:
                self._read_control(child)
            else:
                self.read(child)

    def _read_control(self, sdt: Any) -> None:
        if _shows_placeholder(sdt):
            return
        before = len(self.pieces)
        self.read(sdt)
        self.saw_control = self.saw_control or any(p.strip() for p in self.pieces[before:])
