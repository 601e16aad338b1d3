"""The files of a client folder, told apart by their content (never by their names).

Each PDF is read once: a DS-160 print-out or confirmation page comes back as an
:class:`Application`, anything else as its text (a document of the case); both are passed on to
``compare`` as read. A Word file (DOCX) is always a document (read when the case is compared).
A file that cannot be read is kept with the reason, so nothing in the folder is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ds160check.application import Application
from ds160check.comparison.case import read_case_file
from ds160check.errors import EncryptedPdfError, InputError, NotDs160Error
from ds160check.extraction import CONFIRMATION, PRINT, extract
from ds160check.files import file_kind, read_head
from ds160check.limits import check_size
from ds160check.rules import Rules

if TYPE_CHECKING:
    from ds160check.documents.ingest import TextDocument

T = TypeVar("T")

SETTINGS_FILE = "case.toml"
# Names that promise a document: such a file with other content is unreadable, not ignored.
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".doc")


@dataclass(frozen=True)
class Found:
    """A DS-160 (print-out or confirmation page) read from ``path``; ``name`` is its path within
    the case folder (``2026 new/DS160.pdf`` when the client keeps applications in sub-folders)."""

    path: Path
    app: Application
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.path.name)


@dataclass
class Classified:
    """A folder's files by what they turned out to be."""

    prints: list[Found] = field(default_factory=list)
    confirmations: list[Found] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    # The text of the documents read here (PDFs: each was tried as a DS-160; a DOCX is read only
    # when the case is compared).
    texts: dict[Path, TextDocument] = field(default_factory=dict)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    ignored: list[tuple[Path, str]] = field(default_factory=list)
    settings: Path | None = None
    password: str | None = None
    folder: Path | None = None

    def name(self, path: Path) -> str:
        return name_in(path, self.folder)


def is_candidate(path: Path) -> bool:
    """A file that makes its folder a case: a document by content or by name, or case.toml."""
    return (path.name == SETTINGS_FILE or path.suffix.lower() in DOCUMENT_SUFFIXES
            or file_kind(path) is not None)


def name_in(path: Path, folder: Path | None) -> str:
    """``path`` as named within its case folder (sub-folders included), else its file name."""
    if folder is not None and path.is_relative_to(folder):
        return path.relative_to(folder).as_posix()
    return path.name


def classify(paths: Sequence[Path], *, passwords: Sequence[str] = (),
             rules: Rules | None = None, folder: Path | None = None) -> Classified:
    out = Classified(folder=folder)
    for path in paths:
        if path.name == SETTINGS_FILE and path.parent == (folder or path.parent):
            out.settings = path
            continue
        kind = file_kind(path)
        if kind is not None or path.suffix.lower() in DOCUMENT_SUFFIXES:
            try:
                check_size(path)  # over --max-size: that is the reason, whatever the content
            except InputError as exc:
                out.unreadable.append((path, exc.reason))
                continue
        if kind in ("pdf", "image"):  # a scan may be a print-out or confirmation page too
            _classify_pdf(path, passwords, rules, out)
        elif kind == "docx":
            out.documents.append(path)
        elif path.suffix.lower() in DOCUMENT_SUFFIXES:
            out.unreadable.append((path, _not_a_document_reason(path)))
        else:
            out.ignored.append((path, "not a PDF or Word (DOCX) document"))
    return out


def _not_a_document_reason(path: Path) -> str:
    try:
        read_head(path)
    except InputError as exc:  # not read at all (permission denied): that is the reason
        return exc.reason
    if path.suffix.lower() == ".doc":
        return "an old Word .doc file: save it as DOCX or PDF"
    return f"named {path.suffix.lower()} but the content is neither a PDF nor a Word (DOCX) file"


def _classify_pdf(path: Path, passwords: Sequence[str], rules: Rules | None, out: Classified) -> None:
    try:
        content, used = _with_passwords(path, passwords,
                                        lambda password: read_case_file(path, password=password, rules=rules))
    except InputError as exc:
        out.unreadable.append((path, exc.reason))
        return
    if not isinstance(content, Application):
        out.documents.append(path)
        out.texts[path] = content
        return
    app = content
    if used is not None and out.password is None:
        out.password = used
    if app.document.kind == PRINT:
        out.prints.append(Found(path, app, out.name(path)))
    elif app.document.kind == CONFIRMATION:
        out.confirmations.append(Found(path, app, out.name(path)))


def read_with_passwords(path: Path, passwords: Sequence[str], rules: Rules | None = None
                        ) -> tuple[Application, str | None]:
    """Extract ``path``, trying each password in turn when the PDF is encrypted."""
    return _with_passwords(path, passwords, lambda password: extract(path, password=password, rules=rules))


def _with_passwords(path: Path, passwords: Sequence[str], read: Callable[[str | None], T]
                    ) -> tuple[T, str | None]:
    """``read(None)``, or ``read(password)`` with each password in turn when the PDF is encrypted."""
    try:
        return read(None), None
    except EncryptedPdfError:
        if not passwords:
            raise
    last: EncryptedPdfError | None = None
    for password in passwords:
        try:
            return read(password), password
        except EncryptedPdfError as exc:
            last = exc
    assert last is not None
    raise EncryptedPdfError(path, "the PDF is encrypted and none of the passwords given opens it") from last


def read_application(path: Path, password: str | None = None, rules: Rules | None = None) -> Application:
    """A DS-160 print-out (a confirmation page is refused: it cannot be compared)."""
    app = extract(path, password=password, rules=rules)
    if app.document.kind == CONFIRMATION:
        raise NotDs160Error(path, "this is a DS-160 confirmation page; compare needs the full print-out "
                                  "(pass the confirmation page after the two applications)")
    return app
