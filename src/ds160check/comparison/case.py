"""``compare``: the refused application, the new one and the documents → a :class:`Report`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ds160check import __version__
from ds160check.application import Application
from ds160check.comparison.engine import NEW, OLD, CaseFacts, Comparison, Side
from ds160check.comparison.model import ChecklistItem, DocumentEntry, Evidence, Refusal, Report
from ds160check.comparison.summary import checklist, what_changed
from ds160check.errors import FileMissingError, InputError, LimitExceededError, NotDs160Error
from ds160check.extraction import CONFIRMATION
from ds160check.extraction import extract as extract_application
from ds160check.files import file_kind, file_sha256
from ds160check.rules import Rules, load_rules

if TYPE_CHECKING:
    from ds160check.documents.ingest import TextDocument
    from ds160check.evidence.link import EvidenceLinker

REFUSAL_TYPES = ("214b", "221g")
EVIDENCE = "evidence"
# Facts a confirmation page adds to the application it belongs to.
CONFIRMATION_FACTS = ("application.location", "application.submitted_at")


@dataclass
class Documents:
    """What the extra documents turned out to be."""

    entries: list[DocumentEntry] = field(default_factory=list)
    confirmations: list[Application] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
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
    refusal = _refusal(docs, refused, refusal_date)
    old_side = Side(old_app, OLD, _confirmation_facts(old_app, docs))
    new_side = Side(new_app, NEW, _confirmation_facts(new_app, docs))
    linker = _evidence_linker(docs, new_side, spacy_model)
    facts = CaseFacts(refusal=refusal, min_days=min_days, linker=linker)
    findings, changes = Comparison(old_side, new_side, rules, facts).run()
    entries = [_entry(old_app, OLD), _entry(new_app, NEW), *_analysed_entries(docs, linker)]
    report = Report(__version__, entries, refusal, findings, changes, [], [])
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
    from ds160check.documents.refusal import read_refusal

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
    letter = read_refusal(text)
    if letter is not None:
        evidence = Evidence(str(path), EVIDENCE, letter.evidence.text, letter.evidence.page,
                            tuple(letter.evidence.box.as_list()) if letter.evidence.box else None,
                            letter.evidence.paragraph)
        docs.refusals.append(Refusal(letter.type, letter.subtype, letter.date, letter.post, "letter",
                                     evidence))
        kind = "refusal_letter"
    else:
        docs.others.append(path)
        docs.texts.append(text)
        kind = "other"
    docs.entries.append(DocumentEntry(str(path), text.sha256, kind, EVIDENCE, text.pages, ()))


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
    letter = max(docs.refusals, key=lambda r: r.date or "", default=None)
    if letter is None and refused is None and refusal_date is None:
        return None
    if letter is None:
        return Refusal(refused, None, refusal_date, None, "option")
    return Refusal(
        refused or letter.type,
        letter.subtype if refused in (None, letter.type) else None,
        refusal_date or letter.date,
        letter.post,
        "letter",
        letter.evidence,
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
