"""What every report format shows, decided once: the header, values in words, each change once.

The text, Markdown and HTML reports differ in markup only; what a line says
comes from here, so the three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ds160check.comparison.codes import Code
from ds160check.comparison.model import Change, Evidence, Finding, Report, Value
from ds160check.comparison.summary import document_names, provers
from ds160check.wording import MISSING_TEXT, describe, value_lines

# Findings that are the change itself: each change is told once, under "what changed".
CHANGE_CODES = frozenset({Code.CIRCUMSTANCE_CHANGED, Code.CHANGE_UNSUPPORTED})
STATUS_WORDS = {"supported": "proven", "unsupported": "not proven yet", "contradicted": "contradicted"}


def file_name(path: str) -> str:
    return Path(path.replace("\\", "/")).name


def shown(value: Value | None) -> str:
    """A value as a person writes it: money with its currency, dates in words, a list item by item."""
    return "; ".join(shown_lines(value))


def shown_lines(value: Value | None) -> list[str]:
    return [MISSING_TEXT] if value is None else value_lines(value.raw, value.normalized)


@dataclass(frozen=True)
class Side:
    """One application in the header."""

    role: str  # "Refused application" or "New application"
    file: str
    application_id: str | None
    when: str | None  # "submitted 22 April 2025" / "printed 22 April 2025"
    location: str | None

    def line(self) -> str:
        parts = [self.application_id or "Application ID not read", self.when or "date not known"]
        if self.location:
            parts.append(self.location)
        return f"{self.role}: {', '.join(parts)} ({self.file})"


@dataclass(frozen=True)
class Header:
    applicant: str
    sides: tuple[Side, Side]


def header(report: Report) -> Header:
    """Whose case, and which two applications: twelve printed reports must not look alike."""
    old = next((d.path for d in report.documents if d.role == "old"), "?")
    new = next((d.path for d in report.documents if d.role == "new"), "?")
    case = report.case
    if case is None:
        return Header("applicant not named", (Side("Refused application", file_name(old), None, None, None),
                                              Side("New application", file_name(new), None, None, None)))
    sides = []
    for role, facts in (("Refused application", case.old), ("New application", case.new)):
        when = f"{facts.date_source} {describe(facts.date)}" if facts.date else None
        sides.append(Side(role, file_name(facts.file), facts.application_id, when, facts.location))
    return Header(case.applicant or "applicant not named", (sides[0], sides[1]))


@dataclass(frozen=True)
class Values:
    """The values line of a finding: a difference (before → after), or a wrong answer."""

    before: str | None
    after: str
    expected: str | None  # set when the answer itself is the problem

    def text(self) -> str:
        if self.expected is not None:
            return f"answered {self.after}; should be {self.expected}"
        return f"{self.before} → {self.after}"


UNREADABLE_MARK = "(unreadable)"


def values(finding: Finding) -> Values | None:
    if finding.old is None and finding.new is None:
        return None
    if finding.expected is not None:
        return Values(None, shown(finding.new), finding.expected)
    before, after = shown(finding.old), shown(finding.new)
    if finding.code is Code.FIELD_UNREADABLE:
        # The side that could not be read says so, with what was read there if anything:
        # "NINO → NINO" read as no difference at all, "TBILISI. → —" as a city dropped.
        unreadable = finding.evidence[0].role if finding.evidence else "old"
        value = finding.old if unreadable == "old" else finding.new
        mark = f'"{value.raw}" {UNREADABLE_MARK}' if value is not None and value.raw else UNREADABLE_MARK
        before, after = (mark, after) if unreadable == "old" else (before, mark)
    return Values(before, after, None)


@dataclass(frozen=True)
class ChangeView:
    """One change, told once: what it was, whether a document proves it, and what to do."""

    title: str
    before: list[str]
    after: list[str]
    status: str  # supported | unsupported | contradicted
    material: bool
    proof: list[str]  # "employment letter (letter.pdf p.1)"
    bring: list[str]  # document types that would prove it
    findings: list[Finding]

    @property
    def status_words(self) -> str:
        return STATUS_WORDS.get(self.status, self.status)


def changes(report: Report) -> list[ChangeView]:
    """The changes, material ones first, each with the findings that are about it."""
    kinds = {d.path: d.kind for d in report.documents}
    about = [f for f in report.findings if f.code in CHANGE_CODES]
    views = [_change_view(c, kinds, [f for f in about if f.field == c.field]) for c in report.changes]
    return sorted(views, key=lambda v: not v.material)


def _change_view(change: Change, kinds: dict[str, str], findings: list[Finding]) -> ChangeView:
    names = document_names()
    proof = []
    for evidence in sorted(change.evidence, key=lambda e: (file_name(e.file), e.page or 0)):
        kind = names.get(kinds.get(evidence.file, ""))
        where = file_name(evidence.file) + (f" p.{evidence.page}" if evidence.page else "")
        entry = f"{kind} ({where})" if kind else where
        if entry not in proof:
            proof.append(entry)
    bring = provers(change.name) if change.evidence_status == "unsupported" else []
    title = change.title[:1].upper() + change.title[1:]
    return ChangeView(title, shown_lines(change.old), shown_lines(change.new), change.evidence_status,
                      change.material, proof, bring, findings)


def finding_cards(report: Report, severity: str) -> tuple[list[Finding], int]:
    """The findings of a severity shown as cards, and how many are told under the changes instead."""
    group = [f for f in report.findings if f.severity == severity]
    told = {c.field for c in report.changes}
    cards = [f for f in group if not (f.code in CHANGE_CODES and f.field in told)]
    return cards, len(group) - len(cards)


def evidence_lines(finding: Finding, limit: int) -> list[tuple[str, str]]:
    """(where, quote) of the first ``limit`` quotes: ``new.pdf p.2``, ``'NO'``; a quote OCR read
    says so, and how surely (``old-scan.pdf p.2, read by OCR at 96/100``): a broker checks it
    against the paper before telling a client the form contradicts itself."""
    out = []
    for evidence in finding.evidence:
        if not evidence.text or evidence.text in ("[]", "{}"):
            continue
        where = file_name(evidence.file) + (f" p.{evidence.page}" if evidence.page is not None else "")
        out.append((where + ocr_note(evidence), evidence.text))
        if len(out) == limit:
            break
    return out


def ocr_note(evidence: Evidence) -> str:
    """``, read by OCR at 96/100`` for a quote OCR read, else nothing."""
    if evidence.ocr_confidence is None:
        return ""
    return f", read by OCR at {evidence.ocr_confidence:.0f}/100"


def refusal_source(report: Report) -> str:
    """Where the refusal comes from, as a person says it."""
    refusal = report.refusal
    if refusal is None:
        return ""
    if refusal.source == "option":
        return "stated with --refused/--refusal-date"
    name = {"letter": "the refusal letter", "ceac_status": "the CEAC status page"}.get(refusal.source,
                                                                                      refusal.source)
    return name


# --- reviewer decisions (--decisions) -------------------------------------------------------------

REVIEW_WORDS = {"dismissed": "DISMISSED", "accepted": "ACCEPTED"}


def review_words(finding: Finding) -> str | None:
    """``DISMISSED by A. Reviewer, 2026-03-01: same person (not counted)``, or None."""
    review = finding.review
    if review is None:
        return None
    note = " (not counted)" if finding.dismissed else ""
    word = REVIEW_WORDS.get(review.decision, review.decision)
    return f"{word} by {review.by}, {review.at}: {review.reason}{note}"


def dismissed_tally(report: Report) -> str | None:
    """``dismissed 2`` beside the severity counts, when decisions were applied."""
    return None if report.stale_decisions is None else f"dismissed {report.dismissed()}"


def stale_lines(report: Report) -> list[str]:
    """Each decision no longer applied, and why: the finding changed (its values now) or is gone."""
    from ds160check.review import why_words

    lines = []
    for stale in report.stale_decisions or ():
        what = " · ".join(p for p in (stale.code, stale.field) if p)
        values = f"{stale.old or MISSING_TEXT} → {stale.new or MISSING_TEXT}"
        line = f" (decisions file line {stale.review.line})" if stale.review.line else ""
        lines.append(f"{what} ({values}), {stale.review.decision} by {stale.review.by}: "
                     f"{why_words(stale)}{line}")
    return lines
