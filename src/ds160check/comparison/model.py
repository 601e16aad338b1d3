"""What ``compare`` produces: findings with evidence, changes, and the report around them."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from ds160check.application import Span
from ds160check.comparison.codes import SEVERITIES, Code, severity_rank

REPORT_SCHEMA = "ds160check.report/1"


@dataclass(frozen=True)
class Evidence:
    """Where a value was seen: file, its role, page and box (or paragraph), the quoted text."""

    file: str
    role: str
    text: str
    page: int | None = None
    bbox: tuple[float, ...] | None = None
    paragraph: int | None = None
    # Read by OCR: the confidence (0-100) of its least sure word; None for a text layer or a DOCX.
    ocr_confidence: float | None = None

    @classmethod
    def of(cls, file: str, role: str, span: Span | None, text: str | None = None) -> Evidence:
        if span is None:
            return cls(file, role, text or "")
        return cls(file, role, text if text is not None else span.raw, span.page,
                   tuple(span.box.as_list()), ocr_confidence=span.ocr_confidence)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "role": self.role, "text": self.text}
        if self.page is not None:
            out["page"] = self.page
        if self.bbox is not None:
            out["bbox"] = list(self.bbox)
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.ocr_confidence is not None:
            out["ocr_confidence"] = self.ocr_confidence
        return out


@dataclass(frozen=True)
class Value:
    """A value as printed (``raw``) and as compared (``normalized``)."""

    raw: str | None
    normalized: Any

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "normalized": self.normalized}


DISMISSED, ACCEPTED = "dismissed", "accepted"
REVIEW_DECISIONS = (ACCEPTED, DISMISSED)


@dataclass(frozen=True)
class Review:
    """A reviewer's decision on a finding (``--decisions``): who, when, why, and where it is written.

    ``dismissed``: not a problem (it stays in the report, counts for no severity, no verdict and no
    ``--fail-on``); ``accepted``: confirmed as a real problem (it counts as before).
    """

    decision: str
    by: str
    at: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"decision": self.decision, "by": self.by, "at": self.at, "reason": self.reason,
                "line": self.line}


@dataclass(frozen=True)
class StaleDecision:
    """A decision whose finding changed (same code and field, other values: ``now_old``/``now_new``)
    or is gone: it is no longer applied, and the report says so."""

    review: Review
    case: str | None
    code: str
    field: str | None
    old: str | None
    new: str | None
    why: str
    now_old: str | None = None
    now_new: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.review.to_dict(), "case": self.case, "code": self.code, "field": self.field,
                "old": self.old, "new": self.new, "why": self.why,
                "now": None if self.why == "gone" else {"old": self.now_old, "new": self.now_new}}


@dataclass(frozen=True)
class Finding:
    code: Code
    severity: str
    trap_field: str | None
    field: str | None
    old: Value | None
    new: Value | None
    score: float | None
    message: str
    action: str
    evidence: tuple[Evidence, ...] = ()
    reason: str | None = None
    # The answer the form should give, for a finding about the answer itself (a hidden refusal).
    expected: str | None = None
    # A reviewer's decision on it (--decisions), or None.
    review: Review | None = None

    @property
    def dismissed(self) -> bool:
        return self.review is not None and self.review.decision == DISMISSED

    def sort_key(self) -> tuple[Any, ...]:
        return (severity_rank(self.severity), self.code.value, self.field or "", self.message)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code.value,
            "severity": self.severity,
            "trap_field": self.trap_field,
            "field": self.field,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "score": round(self.score, 1) if self.score is not None else None,
            "reason": self.reason,
            "message": self.message,
            "action": self.action,
            "expected": self.expected,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.review is not None:  # only under --decisions: reports without stay as they were
            out["review"] = self.review.to_dict()
        return out


@dataclass
class Change:
    """A present-day circumstance that changed, and what proves it."""

    name: str
    title: str
    field: str
    old: Value | None
    new: Value | None
    kind: str
    material: bool
    evidence_status: str = "unsupported"
    evidence: list[Evidence] = dataclass_field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "field": self.field,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "kind": self.kind,
            "material": self.material,
            "evidence_status": self.evidence_status,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Refusal:
    """The refusal of the old application, as far as it is known.

    ``source`` is ``letter`` (a refusal letter, slip or consular e-mail),
    ``ceac_status`` (a saved CEAC status page) or ``option`` (``--refused``).
    ``evidence`` quotes the sentence that decided the type.
    """

    type: str | None
    subtype: str | None
    date: str | None
    post: str | None
    source: str
    evidence: Evidence | None = None
    subsections: tuple[str, ...] = ()
    requested: tuple[str, ...] = ()
    says_not_refused: bool = False

    @property
    def name(self) -> str:
        """``214(b)``, ``221(g)``, ``212(a)(6)(C)(i)``, or ``a refusal (section not given)``."""
        if self.type == "212a" and self.subsections:
            return ", ".join(self.subsections)
        return REFUSAL_NAMES.get(self.type or "", "a refusal (section not given)")

    @property
    def note(self) -> str | None:
        if self.type == "221g" and self.says_not_refused:
            return ("The slip says the application was not refused, but a 221(g) is a refusal for "
                    "the DS-160 question \"Have you ever been refused a U.S. visa?\": answer YES.")
        return None

    def to_dict(self) -> dict[str, Any]:
        quote = None
        if self.evidence is not None:
            quote = {"text": self.evidence.text, "file": self.evidence.file, "page": self.evidence.page}
        return {
            "type": self.type,
            "subtype": self.subtype,
            "subsections": list(self.subsections),
            "date": self.date,
            "post": self.post,
            "source": self.source,
            "quote": quote,
            "requested": list(self.requested),
            "note": self.note,
            "meaning": REFUSAL_MEANING.get(self.type or "", REFUSAL_MEANING[""]),
        }


REFUSAL_NAMES = {"214b": "214(b)", "221g": "221(g)", "212a": "212(a)"}
REFUSAL_SOURCES = ("letter", "ceac_status", "option")
REFUSAL_MEANING = {
    "214b": "A decision: the officer was not convinced of your ties. Reapply only after your "
    "circumstances have changed, and bring documents that prove the change.",
    "221g": "No decision yet: usually do not file a new application. Submit the requested documents "
    "(often within 12 months, without a new fee) or wait for administrative processing to end.",
    "212a": "A ground of ineligibility under section 212(a): a new application does not cure it. "
    "Ask whether a waiver is possible before reapplying, and disclose the refusal.",
    "unknown": "A refusal whose section the document does not give: find the letter you were given "
    "(214(b), 221(g) or 212(a)) and answer YES to \"ever refused\".",
    "": "The refusal type is not known: find the letter you were given (214(b) or 221(g)).",
}


@dataclass(frozen=True)
class Notice:
    """Something about the case itself, not the form: shown before the findings."""

    code: str
    message: str
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "files": list(self.files)}


# Notice codes (findings.md): about the case, never counted as findings.
ORDER_REVERSED = "ORDER_REVERSED"
SAME_APPLICATION = "SAME_APPLICATION"
DIFFERENT_APPLICANTS = "DIFFERENT_APPLICANTS"
DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE"
DOCUMENT_NOT_UNDERSTOOD = "DOCUMENT_NOT_UNDERSTOOD"
REFUSAL_SOURCES_DISAGREE = "REFUSAL_SOURCES_DISAGREE"
NOTICE_CODES = (ORDER_REVERSED, SAME_APPLICATION, DIFFERENT_APPLICANTS, DOCUMENT_UNREADABLE,
                DOCUMENT_NOT_UNDERSTOOD, REFUSAL_SOURCES_DISAGREE)
# Notices that put the whole comparison in doubt, and how the verdict says so.
VERDICT_DOUBTS = {
    SAME_APPLICATION: "check the files first: OLD and NEW are the same application",
    DIFFERENT_APPLICANTS: "check the files first: OLD and NEW are two different people",
    ORDER_REVERSED: "check the files first: OLD and NEW look the wrong way round",
    DOCUMENT_UNREADABLE: "check incomplete: a document could not be read",
}


@dataclass(frozen=True)
class DocumentEntry:
    path: str
    sha256: str
    kind: str
    role: str
    pages: int | None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "kind": self.kind,
            "role": self.role,
            "pages": self.pages,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class ApplicationFacts:
    """What tells one application apart in a report's header: its ID, its date, where it was filed."""

    file: str
    application_id: str | None = None
    date: str | None = None
    # How the date is known: "submitted" (the form or its confirmation page) or "printed".
    date_source: str | None = None
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "application_id": self.application_id, "date": self.date,
                "date_source": self.date_source, "location": self.location}


@dataclass(frozen=True)
class CaseHeader:
    """Whose case this is: the applicant as the new application names them, and both applications."""

    applicant: str | None
    old: ApplicationFacts
    new: ApplicationFacts

    def to_dict(self) -> dict[str, Any]:
        return {"applicant": self.applicant, "old": self.old.to_dict(), "new": self.new.to_dict()}


@dataclass(frozen=True)
class ChecklistItem:
    item: str
    status: str
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"item": self.item, "status": self.status, "detail": self.detail}


@dataclass
class Report:
    tool_version: str
    documents: list[DocumentEntry]
    refusal: Refusal | None
    findings: list[Finding]
    changes: list[Change]
    what_changed: list[str]
    checklist: list[ChecklistItem]
    notices: list[Notice] = dataclass_field(default_factory=list)
    case: CaseHeader | None = None
    # Decisions (--decisions) no longer applied; None: no decisions were given.
    stale_decisions: list[StaleDecision] | None = None

    def counts(self) -> dict[str, int]:
        """Findings by severity; a dismissed finding counts for none (see ``dismissed``)."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            if not finding.dismissed:
                counts[finding.severity] += 1
        return counts

    def dismissed(self) -> int:
        return sum(f.dismissed for f in self.findings)

    @property
    def verdict(self) -> str:
        verdict = self._verdict(self.counts())
        given = {n.code for n in self.notices}
        doubts = [doubt for code, doubt in VERDICT_DOUBTS.items() if code in given]
        return f"{verdict} ({'; '.join(doubts)})" if doubts else verdict

    @staticmethod
    def _verdict(counts: dict[str, int]) -> str:
        if counts["critical"]:
            return "do not submit: critical contradictions"
        if counts["high"]:
            return "fix before submitting: serious inconsistencies"
        if counts["medium"]:
            return "review: points to prepare or document"
        return "consistent: no contradictions found"

    def worst(self) -> str | None:
        present = [f.severity for f in self.findings if not f.dismissed]
        return min(present, key=severity_rank) if present else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": REPORT_SCHEMA,
            "tool": {"name": "ds160check", "version": self.tool_version},
            "case": self.case.to_dict() if self.case else None,
            "documents": [d.to_dict() for d in self.documents],
            "refusal": self.refusal.to_dict() if self.refusal else None,
            "notices": [n.to_dict() for n in self.notices],
            "findings": [f.to_dict() for f in self.findings],
            "changes": [c.to_dict() for c in self.changes],
            "what_changed": list(self.what_changed),
            "checklist": [c.to_dict() for c in self.checklist],
            "summary": {**self.counts(), "verdict": self.verdict},
        }
        if self.stale_decisions is not None:  # only under --decisions
            out["summary"]["dismissed"] = self.dismissed()
            out["stale_decisions"] = [s.to_dict() for s in self.stale_decisions]
        return out
