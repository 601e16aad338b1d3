"""``compare``: the refused application, the new one and the documents → a :class:`Report`."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ds160check import __version__
from ds160check.application import Application
from ds160check.comparison.engine import NEW, OLD, CaseFacts, Comparison, Side, to_date
from ds160check.comparison.model import (
    DOCUMENT_NOT_UNDERSTOOD,
    DOCUMENT_UNREADABLE,
    REFUSAL_NAMES,
    REFUSAL_SOURCES_DISAGREE,
    ApplicationFacts,
    CaseHeader,
    ChecklistItem,
    DocumentEntry,
    Evidence,
    Notice,
    Refusal,
    Report,
)
from ds160check.comparison.notices import case_notices
from ds160check.comparison.summary import checklist, what_changed
from ds160check.errors import FileMissingError, InputError, LimitExceededError, NotDs160Error, OptionError
from ds160check.extraction import CONFIRMATION, NotAnApplication, application_or_pages, warm_caches
from ds160check.extraction import extract as extract_application
from ds160check.files import cannot_read, file_kind, file_sha256, is_regular_file
from ds160check.isolation import run_limited
from ds160check.limits import check_size
from ds160check.reading.ocr import session_cache
from ds160check.reading.sniff import check_page_file
from ds160check.rules import Rules, load_rules
from ds160check.values import parse_date

if TYPE_CHECKING:
    from ds160check.documents.ceac import CeacStatus
    from ds160check.documents.ingest import TextDocument
    from ds160check.documents.passport import PassportPage
    from ds160check.documents.refusal import Refusal as LetterRefusal
    from ds160check.evidence.link import EvidenceLinker

REFUSAL_TYPES = ("214b", "221g")  # what --refused takes, in any spelling: 214(b), 214B, "221 g"
EVIDENCE = "evidence"
# Facts a confirmation page adds to the application it belongs to.
CONFIRMATION_FACTS = ("application.location", "application.submitted_at")
# Files that may be a DS-160 (a scanned confirmation page too): tried as one before read as text.
PAGE_KINDS = ("pdf", "image")


@dataclass(frozen=True)
class ReadDocument:
    """A document of the case read already (a batch's classification read every file once): what
    ``compare`` would have read from ``path``."""

    path: Path
    content: Application | TextDocument


DocumentSource = str | Path | ReadDocument


@dataclass
class Documents:
    """What the extra documents turned out to be."""

    entries: list[DocumentEntry] = field(default_factory=list)
    confirmations: list[Application] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    # Saved CEAC status pages, each with the file it came from.
    statuses: list[tuple[str, CeacStatus]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    others: list[Path] = field(default_factory=list)
    # The text of each of ``others``, in the same order: the evidence to analyse.
    texts: list[TextDocument] = field(default_factory=list)
    # Passport data pages, each with the file it came from.
    passports: list[tuple[str, PassportPage]] = field(default_factory=list)


def compare(
    old: str | Path | Application,
    new: str | Path | Application,
    documents: Sequence[DocumentSource] = (),
    *,
    refused: str | None = None,
    refusal_date: str | None = None,
    min_days: int | None = None,
    password: str | None = None,
    rules: Rules | None = None,
    spacy_model: str | None = None,
    missing_documents: str = "raise",
) -> Report:
    """Compare the refused DS-160 (``old``) with the new one; ``documents`` are the rest of the case.

    ``documents`` is a list of paths (or of :class:`ReadDocument`, documents read already): a
    single string or path is refused with a TypeError (it would be read as its characters). Raises an
    :class:`~ds160check.errors.InputError` when OLD or NEW cannot be read, and a
    :class:`~ds160check.errors.FileMissingError` for a document that does not
    exist (``missing_documents="list"`` lists it as unreadable instead, as a
    batch does for a file gone during the run); a document that exists but
    cannot be read is listed with its reason and a DOCUMENT_UNREADABLE notice.
    ``refused`` takes any spelling of 214(b) or 221(g); ``refusal_date`` (any
    common spelling) may not lie after today or after the new application
    (:class:`~ds160check.errors.OptionError`). Supporting documents are
    analysed (spaCy: ``spacy_model`` names an installed trained pipeline to use
    besides the rules) only when there are some.
    """
    rules = rules or load_rules()
    paths = document_paths(documents)
    refused = refusal_type(refused)
    with session_cache():  # a scan tried as a DS-160 and then read as a document is OCR'd once
        old_app = _application(old, password)
        new_app = _application(new, password)
        docs = read_documents(paths, password=password, missing=missing_documents)
    _tie_statuses(docs, old_app, new_app)
    _tell_untied_confirmations(docs, old_app, new_app)
    old_side = Side(old_app, OLD, _confirmation_facts(old_app, docs))
    new_side = Side(new_app, NEW, _confirmation_facts(new_app, docs))
    refusal_date = _refusal_date(refusal_date, new_side)
    refusal, disagree = _refusal(docs, refused, refusal_date)
    linker = _evidence_linker(docs, new_side, spacy_model, old_side)
    facts = CaseFacts(refusal=refusal, min_days=min_days, linker=linker,
                      old_issued=_old_issued(docs, old_app))
    findings, changes = Comparison(old_side, new_side, rules, facts).run()
    entries = [_entry(old_app, OLD), _entry(new_app, NEW), *_analysed_entries(docs, linker)]
    notices = (case_notices(old_side, new_side, findings, refusal) + disagree + docs.notices
               + _unread_notices(entries) + _not_understood(linker))
    report = Report(__version__, entries, refusal, findings, changes, [], [], notices,
                    case_header(old_side, new_side))
    report.what_changed = what_changed(report)
    report.checklist = checklist(report)
    return report


def document_paths(documents: object) -> list[DocumentSource]:
    """The documents as a list of paths; one bare string or path is a mistake, not 27 documents."""
    if isinstance(documents, (str, bytes, Path)):
        raise TypeError(f"documents must be a list of paths, not one {type(documents).__name__} "
                        f"({str(documents)[:60]!r}): pass [{str(documents)[:60]!r}]")
    try:
        paths = list(documents)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(f"documents must be a list of paths, not {type(documents).__name__}") from None
    checked: list[DocumentSource] = []
    for path in paths:
        if not isinstance(path, (str, Path, ReadDocument)):
            raise TypeError(f"each document must be a path (str or Path), not {type(path).__name__}")
        checked.append(path)
    return checked


def refusal_type(text: str | None) -> str | None:
    """``214(b)``, ``214B``, ``INA 214 b`` → ``214b``; ``221(g)`` → ``221g``; anything else is an error."""
    if text is None:
        return None
    compact = re.sub(r"[^0-9a-z]", "", text.casefold()).removeprefix("ina").removeprefix("section")
    if compact in REFUSAL_TYPES:
        return compact
    raise OptionError(f"--refused: {text!r} is not a refusal type; give 214b or 221g "
                      "(214(b), 214B and 221(g) are spelled the same)")


def _refusal_date(text: str | None, new: Side) -> str | None:
    """A stated refusal date as ISO: not in the future, nor after the application that follows it."""
    if not text:
        return None
    try:
        iso = parse_date(text)
    except ValueError:
        raise OptionError(f"--refusal-date: {text!r} is not a date (give e.g. 2025-03-12)") from None
    when = to_date(iso)
    if when is not None and when > dt.date.today():
        raise OptionError(f"--refusal-date: {text} is after today; give the date of the refusal")
    filed = new.date()
    if when is not None and filed is not None and when > filed:
        raise OptionError(f"--refusal-date: {text} is after the new application "
                          f"({Path(new.file).name}, {filed.isoformat()}); the refusal of the old "
                          "application comes before it")
    return iso


def case_header(old: Side, new: Side) -> CaseHeader:
    names = [str(new.get(k) or old.get(k) or "") for k in ("personal.surnames", "personal.given_names")]
    applicant = ", ".join(n for n in names if n) or None
    return CaseHeader(applicant, _facts_of(old), _facts_of(new))


def _facts_of(side: Side) -> ApplicationFacts:
    date, location = side.get("application.submitted_at"), side.get("application.location")
    return ApplicationFacts(side.file, side.get("application.id") or None, str(date) if date else None,
                            side.date_source(), str(location) if location else None)


def _application(source: str | Path | Application, password: str | None) -> Application:
    if isinstance(source, Application):
        return source
    app = extract_application(source, password=password)
    if app.document.kind == CONFIRMATION:
        raise NotDs160Error(source, "this is a DS-160 confirmation page; compare needs the full print-out "
                                    "(pass the confirmation page after the two applications)")
    return app


def _entry(app: Application, role: str) -> DocumentEntry:
    doc = app.document
    return DocumentEntry(doc.path, doc.sha256, doc.kind, role, doc.pages, tuple(app.warnings))


def read_documents(paths: Sequence[DocumentSource], *, password: str | None = None,
                   missing: str = "list") -> Documents:
    """Recognise each document: a confirmation page, a refusal letter, or other evidence.

    A document that cannot be read is listed as ``unreadable`` with its reason;
    one that does not exist too, unless ``missing="raise"``. A :class:`ReadDocument` is taken
    as read.
    """
    docs = Documents()
    # Sorted: the report must not depend on the order the documents were named in.
    by_path = {str(_path_of(p)): p for p in paths}
    for path in sorted(by_path):
        try:
            _read_one(by_path[path], docs, password)
        except FileMissingError:
            if missing == "raise":
                raise
            docs.entries.append(DocumentEntry(str(path), "", "unreadable", EVIDENCE, None,
                                              ("the document does not exist",)))
        except InputError as exc:
            docs.entries.append(_unreadable(path, exc))
        except OSError as exc:  # permission denied, an I/O error: this document, not the case
            docs.entries.append(_unreadable(path, InputError(path, cannot_read(exc))))
    return docs


def _unreadable(path: str, exc: InputError) -> DocumentEntry:
    # A file over a limit is not read at all, not even to hash it.
    # Nor a pipe or device: hashing would block.
    sha = ""
    if not isinstance(exc, LimitExceededError) and is_regular_file(path):
        try:
            sha = file_sha256(path)
        except (OSError, InputError):
            sha = ""
    return DocumentEntry(str(path), sha, "unreadable", EVIDENCE, None, (exc.reason,))


def _path_of(source: DocumentSource) -> Path:
    return source.path if isinstance(source, ReadDocument) else Path(source)


def _read_one(source: DocumentSource, docs: Documents, password: str | None) -> None:
    if isinstance(source, ReadDocument):
        _take(source.path, source.content, docs)
        return
    path = Path(source)
    try:
        os.lstat(path)
    except FileNotFoundError:  # not lexists(): it says False for a file its folder hides too
        raise FileMissingError(path, "the document does not exist") from None
    if path.is_dir():
        raise FileMissingError(path, "this is a folder, not a document: name the files in it")
    if not path.is_file():
        # A pipe or device would block the read below; a link to nowhere leads to no document.
        what = "is a link to nowhere" if not path.exists() else "is not a regular file (a pipe or device)"
        raise InputError(path, f"the document {what}")
    _take(path, read_case_file(path, password=password), docs)


def read_case_file(path: Path, *, password: str | None = None, rules: Rules | None = None
                   ) -> Application | TextDocument:
    """A document of a case read once: a DS-160 print-out or confirmation page (a scanned one too)
    as its :class:`Application`, anything else as its text. A PDF tried as a DS-160 is not read a
    second time as a document: both happen in one child process under the limits (see
    :mod:`ds160check.isolation`). Raises an :class:`InputError` when the file cannot be read."""
    from ds160check.documents.ingest import load_document

    if file_kind(path) not in PAGE_KINDS:
        return load_document(path, password=password)
    check_size(path)
    check_page_file(path)  # as extract does: a wrong or missing file is told before the rules load
    rules = rules or load_rules()
    warm_caches(rules)
    return run_limited(path, _application_or_text, path, password, rules)


def _application_or_text(path: Path, password: str | None, rules: Rules) -> Application | TextDocument:
    from ds160check.documents.ingest import _load_pages, load_document

    found = application_or_pages(path, password=password, rules=rules)
    if not isinstance(found, NotAnApplication):
        return found
    if found.pages is None:  # a scan of which only the first page was read (and OCR'd)
        return load_document(path, password=password)  # in place: this is the child already
    kind = file_kind(path)
    assert kind in PAGE_KINDS
    # Every page was read: the document's text is those pages' (load_document would read them again).
    return _load_pages(path, kind, found.pages)


def _take(path: Path, content: Application | TextDocument, docs: Documents) -> None:
    """A document as read: a DS-160 (confirmation page or print-out), or recognised by its text."""
    if isinstance(content, Application):
        app = content
        if app.document.kind == CONFIRMATION:
            docs.confirmations.append(app)
        docs.entries.append(DocumentEntry(str(path), app.document.sha256, app.document.kind, EVIDENCE,
                                          app.document.pages, tuple(app.warnings)))
        return
    from ds160check.documents.recognise import CEAC_STATUS, PASSPORT, recognise

    text = content
    found = recognise(text)
    warnings: tuple[str, ...] = ()
    if found.kind == CEAC_STATUS and found.ceac is not None:
        docs.statuses.append((str(path), found.ceac))
        warnings = (f"CEAC status: {found.ceac.status}"
                    + (f" (case {found.ceac.case_number})" if found.ceac.case_number else ""),)
    elif found.kind == PASSPORT and found.passport is not None:
        docs.passports.append((str(path), found.passport))
        warnings = found.passport.warnings
    elif found.refusal is not None:
        docs.refusals.append(_case_refusal(found.refusal, str(path), "letter"))
    else:
        docs.others.append(path)
        docs.texts.append(text)
        if found.looks_like_refusal:
            docs.notices.append(Notice(
                DOCUMENT_NOT_UNDERSTOOD,
                f"{path.name} looks like a visa refusal letter ({'; '.join(found.signals)}) but "
                "no refusal could be read from it: check it by hand",
                (str(path),)))
    docs.entries.append(DocumentEntry(str(path), text.sha256, found.kind, EVIDENCE, text.pages,
                                      warnings))


def _case_refusal(letter: LetterRefusal, path: str, source: str) -> Refusal:
    """A refusal read from a document, quoting the sentence that decided its type."""
    span = letter.evidence
    evidence = Evidence(path, EVIDENCE, letter.quote or span.text, span.page,
                        tuple(span.box.as_list()) if span.box else None, span.paragraph,
                        span.ocr_confidence)
    return Refusal(letter.type, letter.subtype, letter.date, letter.post, source, evidence,
                   letter.subsections, letter.requested, letter.says_not_refused)


def _tie_statuses(docs: Documents, old: Application, new: Application) -> None:
    """A CEAC page's refusal counts for OLD, never for NEW (its own refusal comes after it)."""
    new_id = new.get("application.id")
    for path, status in docs.statuses:
        if status.refusal is None:
            continue
        if new_id and status.case_number == new_id:
            note = "the status of the NEW application: it says nothing of the earlier refusal"
            docs.entries = [replace(e, warnings=(*e.warnings, note)) if e.path == path else e
                            for e in docs.entries]
            continue
        docs.refusals.append(_case_refusal(status.refusal, path, "ceac_status"))


def _old_issued(docs: Documents, old: Application) -> bool:
    """A CEAC page of the OLD application says its visa was issued: it was not refused."""
    old_id = old.get("application.id")
    return bool(old_id) and any(status.case_number == old_id and status.refusal is None
                                and status.status.upper() == "ISSUED" for _, status in docs.statuses)


def _not_understood(linker: EvidenceLinker | None) -> list[Notice]:
    """Documents of a known type whose person could not be read: unknown, not "about nobody"."""
    if linker is None:
        return []
    from ds160check.evidence.link import ABOUT_UNKNOWN

    return [*(Notice(DOCUMENT_NOT_UNDERSTOOD,
                     f"{Path(a.path).name} reads as a {a.kind.name}, but no name of the applicant "
                     "could be read from it, so it proves nothing yet: check it by hand", (a.path,))
              for a in linker.assessments if a.kind is not None and a.about == ABOUT_UNKNOWN),
            *(Notice(DOCUMENT_NOT_UNDERSTOOD, doubt, (p.path,))
              for p in linker.passports if (doubt := p.doubt()) is not None)]


def _unread_notices(entries: list[DocumentEntry]) -> list[Notice]:
    return [Notice(DOCUMENT_UNREADABLE,
                   f"{Path(e.path).name} could not be read ({'; '.join(e.warnings) or 'unknown reason'}): "
                   "what it proves or contradicts was not checked", (e.path,))
            for e in entries if e.kind == "unreadable"]


def _evidence_linker(docs: Documents, new_side: Side, spacy_model: str | None,
                     old_side: Side | None = None) -> EvidenceLinker | None:
    """Analyse the supporting documents (spaCy is loaded for those that are not passport pages),
    or None when there are none."""
    if not docs.texts and not docs.passports:
        return None
    from ds160check.evidence.applicant import Applicant
    from ds160check.evidence.link import EvidenceLinker
    from ds160check.evidence.passport import PassportEvidence

    applicant = Applicant.of(new_side)
    analysed = []
    if docs.texts:
        from ds160check.evidence.analyse import Analyser

        reference = applicant.date.isoformat() if applicant.date else None
        analyser = Analyser(spacy_model)
        analysed = [analyser.analyse(text, reference_date=reference) for text in docs.texts]
    old_number = old_side.get("passport.number") if old_side is not None else None
    passports = [PassportEvidence(path, page, applicant, old_number) for path, page in docs.passports]
    return EvidenceLinker(analysed, applicant, passports=passports)


def _analysed_entries(docs: Documents, linker: EvidenceLinker | None) -> list[DocumentEntry]:
    """The documents' entries, each supporting document with its type and why it may not count."""
    if linker is None:
        return docs.entries
    found = {a.path: a for a in linker.assessments}
    passports = {p.path for p in linker.passports}
    out = []
    for entry in docs.entries:
        assessment = found.get(entry.path)
        if assessment is None:
            notes = linker.notes(entry.path) if entry.path in passports else ()
            out.append(replace(entry, warnings=(*entry.warnings, *notes)))
            continue
        out.append(replace(entry, kind=assessment.document.kind,
                           warnings=(*entry.warnings, *assessment.document.warnings,
                                     *assessment.notes)))
    return out


def _refusal(docs: Documents, refused: str | None, refusal_date: str | None
             ) -> tuple[Refusal | None, list[Notice]]:
    """The refusal, and a notice where ``--refused``/``--refusal-date`` and the letters disagree.

    A letter (the latest; one that gives the section beats a status page that
    does not) is the source; an option fills in what it does not say. Where
    they disagree the option wins (the user knows the case), the report says
    so, and the letter's quote is not shown as the proof of the option.
    """
    letter = max(docs.refusals, key=lambda r: (r.type != "unknown", r.date or ""), default=None)
    if letter is None:
        if refused is None and refusal_date is None:
            return None, []
        return Refusal(refused, None, refusal_date, None, "option"), []
    other_type = refused is not None and letter.type not in (refused, "unknown")
    other_date = refusal_date is not None and letter.date is not None and refusal_date != letter.date
    if not (other_type or other_date):
        return replace(letter, type=refused or letter.type, date=refusal_date or letter.date), []
    said = [f"--refused {refused}"] if other_type else []
    said += [f"--refusal-date {refusal_date}"] if other_date else []
    told = [REFUSAL_NAMES.get(letter.type or "", "a refusal") if other_type else "",
            f"dated {letter.date}" if other_date else ""]
    where = Path(letter.evidence.file).name if letter.evidence else "a document"
    notice = Notice(REFUSAL_SOURCES_DISAGREE,
                    f"{' and '.join(said)} disagrees with {where}, which says "
                    f"{' '.join(t for t in told if t)}"
                    + (f' ("{letter.evidence.text[:120]}")' if letter.evidence else "")
                    + ": the report uses what you stated; check which is right.",
                    tuple(f for f in (letter.evidence.file if letter.evidence else None,) if f))
    same = not other_type
    merged = replace(letter, type=refused or letter.type, date=refusal_date or letter.date, source="option",
                     subtype=letter.subtype if same else None,
                     subsections=letter.subsections if same else (),
                     requested=letter.requested if same else (),
                     says_not_refused=letter.says_not_refused if same else False,
                     evidence=None)
    return merged, [notice]


def _tell_untied_confirmations(docs: Documents, old: Application, new: Application) -> None:
    """A confirmation page tied to neither application says so on its entry: its location and
    submission date are then not used (a post switched since the refusal goes untold), and a
    photographed page whose Application ID, beside its barcode, was not read must not look as
    if it had been read and found to agree."""
    ids = {app.get("application.id") for app in (old, new)} - {None, ""}
    for page in docs.confirmations:
        page_id = page.get("application.id")
        if page_id and page_id in ids:
            continue
        why = (f"its Application ID {page_id} is neither application's" if page_id else
               "its Application ID could not be read")
        told = f"{why}: it was tied to neither application, and its location and date were not used"
        path = page.document.path
        docs.entries = [replace(e, warnings=(*e.warnings, told)) if e.path == path else e
                        for e in docs.entries]
        docs.notices.append(Notice(DOCUMENT_NOT_UNDERSTOOD, f"{Path(path).name} is a DS-160 "
                                   f"confirmation page, but {told}: check the post and the date "
                                   "against it by eye", (path,)))


def _confirmation_facts(app: Application, docs: Documents) -> dict[str, tuple[object, Evidence]]:
    """Location and submission date from the confirmation page with the same Application ID."""
    app_id = app.get("application.id")
    facts: dict[str, tuple[object, Evidence]] = {}
    for page in docs.confirmations:
        if not app_id or page.get("application.id") != app_id:
            continue
        for key in CONFIRMATION_FACTS:
            found = page.fields.get(key)
            if found is not None and found.value is not None:
                facts[key] = (found.value, Evidence.of(page.document.path, EVIDENCE, found.span))
    return facts


__all__ = ["ChecklistItem", "ReadDocument", "Report", "compare", "read_case_file", "read_documents"]
