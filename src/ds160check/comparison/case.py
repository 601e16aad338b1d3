"""``compare``: the refused application, the new one and the documents → a :class:`Report`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ds160check import __version__
from ds160check.application import Application
from ds160check.comparison.engine import NEW, OLD, CaseFacts, Comparison, Side
from ds160check.comparison.model import (
    DOCUMENT_NOT_UNDERSTOOD,
    DOCUMENT_UNREADABLE,
    ChecklistItem,
    DocumentEntry,
    Evidence,
    Notice,
    Refusal,
    Report,
)
from ds160check.comparison.summary import checklist, what_changed
from ds160check.errors import FileMissingError, InputError, LimitExceededError, NotDs160Error
from ds160check.extraction import CONFIRMATION
from ds160check.extraction import extract as extract_application
from ds160check.files import file_kind, file_sha256
from ds160check.rules import Rules, load_rules

if TYPE_CHECKING:
    from ds160check.documents.ceac import CeacStatus
    from ds160check.documents.ingest import TextDocument
    from ds160check.documents.refusal import Refusal as LetterRefusal
    from ds160check.evidence.link import EvidenceLinker

REFUSAL_TYPES = ("214b", "221g")  # what --refused takes
EVIDENCE = "evidence"
# Facts a confirmation page adds to the application it belongs to.
CONFIRMATION_FACTS = ("application.location", "application.submitted_at")


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


def compare(
    old: str | Path | Application,
    new: str | Path | Application,
    documents: Sequence[str | Path] = (),
    *,
    refused: str | None = None,
    refusal_date: str | None = None,
    min_days: int | None = None,
    password: str | None = None,
    rules: Rules | None = None,
    spacy_model: str | None = None,
) -> Report:
    """Compare the refused DS-160 (``old``) with the new one; ``documents`` are the rest of the case.

    Raises an :class:`~ds160check.errors.InputError` when OLD or NEW cannot be
    read; a supporting document that cannot be read is listed with its reason.
    Supporting documents are analysed (spaCy: ``spacy_model`` names an installed
    trained pipeline to use besides the rules) only when there are some.
    """
    rules = rules or load_rules()
    if refused is not None and refused not in REFUSAL_TYPES:
        raise ValueError(f"--refused must be one of {', '.join(REFUSAL_TYPES)}, not {refused!r}")
    old_app = _application(old, password)
    new_app = _application(new, password)
    docs = read_documents(documents, password=password)
    _tie_statuses(docs, old_app, new_app)
    refusal = _refusal(docs, refused, refusal_date)
    old_side = Side(old_app, OLD, _confirmation_facts(old_app, docs))
    new_side = Side(new_app, NEW, _confirmation_facts(new_app, docs))
    linker = _evidence_linker(docs, new_side, spacy_model)
    facts = CaseFacts(refusal=refusal, min_days=min_days, linker=linker,
                      old_issued=_old_issued(docs, old_app))
    findings, changes = Comparison(old_side, new_side, rules, facts).run()
    entries = [_entry(old_app, OLD), _entry(new_app, NEW), *_analysed_entries(docs, linker)]
    notices = docs.notices + _unread_notices(entries) + _not_understood(linker)
    report = Report(__version__, entries, refusal, findings, changes, [], [], notices)
    report.what_changed = what_changed(report)
    report.checklist = checklist(report)
    return report


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


def read_documents(paths: Sequence[str | Path], *, password: str | None = None) -> Documents:
    """Recognise each document: a confirmation page, a refusal letter, or other evidence."""
    docs = Documents()
    # Sorted: the report must not depend on the order the documents were named in.
    for path in sorted({str(p) for p in paths}):
        try:
            _read_one(Path(path), docs, password)
        except InputError as exc:
            # A file over a limit is not read at all, not even to hash it.
            readable = Path(path).is_file() and not isinstance(exc, LimitExceededError)
            sha = file_sha256(path) if readable else ""
            docs.entries.append(DocumentEntry(str(path), sha, "unreadable", EVIDENCE, None, (exc.reason,)))
    return docs


def _read_one(path: Path, docs: Documents, password: str | None) -> None:
    if not path.is_file():
        # A pipe or device would block the read below; a folder is no document.
        what = "does not exist" if not path.exists() else "is not a regular file (a folder, pipe or device)"
        raise FileMissingError(path, f"the document {what}")
    from ds160check.documents.ingest import load_document
    from ds160check.documents.recognise import CEAC_STATUS, recognise

    if file_kind(path) == "pdf":
        try:
            app = extract_application(path, password=password)
        except NotDs160Error:
            pass
        else:
            if app.document.kind == CONFIRMATION:
                docs.confirmations.append(app)
            docs.entries.append(DocumentEntry(str(path), app.document.sha256, app.document.kind, EVIDENCE,
                                              app.document.pages, tuple(app.warnings)))
            return
    text = load_document(path, password=password)
    found = recognise(text)
    warnings: tuple[str, ...] = ()
    if found.kind == CEAC_STATUS and found.ceac is not None:
        docs.statuses.append((str(path), found.ceac))
        warnings = (f"CEAC status: {found.ceac.status}"
                    + (f" (case {found.ceac.case_number})" if found.ceac.case_number else ""),)
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
                        tuple(span.box.as_list()) if span.box else None, span.paragraph)
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

    return [Notice(DOCUMENT_NOT_UNDERSTOOD,
                   f"{Path(a.path).name} reads as a {a.kind.name}, but no name of the applicant could "
                   "be read from it, so it proves nothing yet: check it by hand", (a.path,))
            for a in linker.assessments if a.kind is not None and a.about == ABOUT_UNKNOWN]


def _unread_notices(entries: list[DocumentEntry]) -> list[Notice]:
    return [Notice(DOCUMENT_UNREADABLE,
                   f"{Path(e.path).name} could not be read ({'; '.join(e.warnings) or 'unknown reason'}): "
                   "what it proves or contradicts was not checked", (e.path,))
            for e in entries if e.kind == "unreadable"]


def _evidence_linker(docs: Documents, new_side: Side, spacy_model: str | None) -> EvidenceLinker | None:
    """Analyse the supporting documents (this loads spaCy), or None when there are none."""
    if not docs.texts:
        return None
    from ds160check.evidence.analyse import Analyser
    from ds160check.evidence.applicant import Applicant
    from ds160check.evidence.link import EvidenceLinker

    applicant = Applicant.of(new_side)
    reference = applicant.date.isoformat() if applicant.date else None
    analyser = Analyser(spacy_model)
    analysed = [analyser.analyse(text, reference_date=reference) for text in docs.texts]
    return EvidenceLinker(analysed, applicant)


def _analysed_entries(docs: Documents, linker: EvidenceLinker | None) -> list[DocumentEntry]:
    """The documents' entries, each supporting document with its type and why it may not count."""
    if linker is None:
        return docs.entries
    found = {a.path: a for a in linker.assessments}
    out = []
    for entry in docs.entries:
        assessment = found.get(entry.path)
        if assessment is None:
            out.append(entry)
            continue
        out.append(replace(entry, kind=assessment.document.kind,
                           warnings=(*entry.warnings, *assessment.document.warnings,
                                     *assessment.notes)))
    return out


def _refusal(docs: Documents, refused: str | None, refusal_date: str | None) -> Refusal | None:
    """The refusal: from a letter (the latest); ``--refused``/``--refusal-date`` fill or override it."""
    # A letter that gives the section beats a status page that does not; then the latest.
    letter = max(docs.refusals, key=lambda r: (r.type != "unknown", r.date or ""), default=None)
    if letter is None and refused is None and refusal_date is None:
        return None
    if letter is None:
        return Refusal(refused, None, refusal_date, None, "option")
    same = refused in (None, letter.type)
    return replace(
        letter,
        type=refused or letter.type,
        subtype=letter.subtype if same else None,
        date=refusal_date or letter.date,
        subsections=letter.subsections if same else (),
    )


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


__all__ = ["ChecklistItem", "Report", "compare", "read_documents"]
