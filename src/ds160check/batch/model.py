"""What checking one client folder gives: the files and what each was taken for, how the
applications were ordered, the comparisons, and the row of the batch summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ds160check import __version__
from ds160check.application import Application
from ds160check.comparison.codes import SEVERITIES, Code, severity_rank
from ds160check.comparison.model import DOCUMENT_NOT_UNDERSTOOD, DOCUMENT_UNREADABLE, Finding, Report

if TYPE_CHECKING:
    from ds160check.documents.ingest import TextDocument

CASE_SCHEMA = "ds160check.case/1"

# Case statuses: only CHECKED cases have comparisons.
CHECKED = "checked"
NEEDS_BOTH = "needs_both"
NO_DS160 = "no_ds160"
FAILED = "error"
INTERRUPTED = "interrupted"
STATUSES = (CHECKED, NEEDS_BOTH, NO_DS160, FAILED, INTERRUPTED)
STATUS_VERDICTS = {
    NEEDS_BOTH: "needs both applications: only one DS-160 found",
    NO_DS160: "no DS-160 found",
    FAILED: "not checked: the folder could not be read",
    INTERRUPTED: "not checked: the batch was interrupted",
}
SEVERAL_SHORT = "two or more refusals: professional review advisable"
SEVERAL_REFUSALS = ("two or more earlier applications (two or more refusals): a professional review "
                    "is advisable")

# What a file was taken for.
OLD, NEW, EARLIER = "old application", "new application", "earlier application"
NOT_COMPARED = "DS-160 print-out, not compared"
LONE_PRINT = "DS-160 print-out"
APPLICATION_ROLES = (OLD, NEW, EARLIER, NOT_COMPARED, LONE_PRINT)
CONFIRMATION = "confirmation page"
REFUSAL_LETTER = "refusal letter"
CEAC_STATUS = "CEAC status page"
SUPPORTING = "supporting document"
UNREADABLE = "unreadable"
IGNORED = "ignored"
SETTINGS = "case settings"
PASSED_OVER = "passed over"
NOT_USED = (IGNORED, PASSED_OVER)

# One row of summary.csv/summary.json per case. Paths (report, old_file, new_file) are relative to
# the reports folder, where summary.json and index.html are: they open from there.
SUMMARY_COLUMNS = (
    "folder", "applicant", "old_application_id", "new_application_id", "status", "verdict", "notices",
    "cross_case", *SEVERITIES, "dismissed", "stale_decisions", "contradicted", "refusal_type",
    "undisclosed_refusal",
    "changes_supported", "changes_unsupported", "changes_contradicted", "applications",
    "application_ids", "order", "error", "passed_over", "old_file", "new_file", "report",
)
# summary.json's rows also keep the problems one by one (summary.csv joins them in "error").
ROW_KEYS = (*SUMMARY_COLUMNS, "errors")


@dataclass(frozen=True)
class FileEntry:
    """One file of the folder: its name in the folder, content hash, and what it was taken for."""

    name: str
    path: str
    sha256: str | None
    taken_as: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "sha256": self.sha256,
                "taken_as": self.taken_as, "detail": self.detail}


@dataclass(frozen=True)
class Person:
    """Whose case it is and which applications were compared, for the batch index."""

    applicant: str | None = None
    # Every DS-160 print-out's Application ID, oldest first ("?" when it could not be read).
    application_ids: tuple[str, ...] = ()
    old_id: str | None = None
    new_id: str | None = None
    old_file: str | None = None
    new_file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.applicant, "application_ids": list(self.application_ids),
                "old": {"application_id": self.old_id, "file": self.old_file} if self.old_file else None,
                "new": {"application_id": self.new_id, "file": self.new_file} if self.new_file else None}


@dataclass(frozen=True)
class Order:
    """How the older and newer application were told apart, in a sentence a broker can check."""

    method: str
    explanation: str

    def to_dict(self) -> dict[str, str]:
        return {"method": self.method, "explanation": self.explanation}


@dataclass
class CaseComparison:
    """The newest application checked against one earlier one. The applications are kept for
    the side-by-side table of the HTML report; they are not part of the JSON."""

    report: Report
    old: Application
    new: Application

    def to_dict(self, paths: dict[str, str] | None = None) -> dict[str, Any]:
        out = {"old": self.old.document.path, "new": self.new.document.path, "report": self.report.to_dict()}
        return relocate(out, paths) if paths else out


def relocate(value: Any, paths: dict[str, str]) -> Any:
    """``value`` with every string that is one of ``paths`` replaced by where it opens from the
    reports folder (the files were read from wherever the batch was started)."""
    if isinstance(value, str):
        return paths.get(value, value)
    if isinstance(value, dict):
        return {k: relocate(v, paths) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [relocate(v, paths) for v in value]
    return value


@dataclass
class CaseResult:
    """One client folder, checked."""

    folder: str
    status: str
    files: list[FileEntry] = field(default_factory=list)
    order: Order | None = None
    comparisons: list[CaseComparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    person: Person = field(default_factory=Person)
    # Path as read -> path from the reports folder (empty: paths are kept as read).
    paths: dict[str, str] = field(default_factory=dict)
    # What the batch found across client folders (batch/cross_case.py Hit.to_dict()): known only
    # when every case is done, so the batch adds it to the rendered reports.
    cross_case: list[dict[str, Any]] = field(default_factory=list)
    # The text of the documents as read (path as read -> text), for the fingerprints across cases:
    # not part of any report.
    texts: dict[str, TextDocument] = field(default_factory=dict, repr=False, compare=False)

    @property
    def primary(self) -> Report | None:
        """The newest application against the one just before it."""
        return self.comparisons[0].report if self.comparisons else None

    def findings(self) -> list[Finding]:
        """Findings of every comparison, each told once (the same finding against two earlier
        applications counts once)."""
        seen: dict[tuple[Any, ...], Finding] = {}
        for comparison in self.comparisons:
            for finding in comparison.report.findings:
                key = (finding.code, finding.field, finding.new.raw if finding.new else None,
                       finding.old.raw if finding.old else None)
                seen.setdefault(key, finding)
        return list(seen.values())

    def counts(self) -> dict[str, int] | None:
        """Findings by severity; one a reviewer dismissed (--decisions) counts for none."""
        if self.status != CHECKED:
            return None
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings():
            if not finding.dismissed:
                counts[finding.severity] += 1
        return counts

    def worst(self) -> str | None:
        present = [f.severity for f in self.findings() if not f.dismissed]
        return min(present, key=severity_rank) if present else None

    @property
    def verdict(self) -> str:
        if self.status == FAILED and self.errors:
            return f"not checked: {self.errors[0]}"
        if self.status != CHECKED:
            return STATUS_VERDICTS[self.status]
        reports = [c.report for c in self.comparisons]
        verdict = min(reports, key=_rank).verdict
        return f"{verdict} ({SEVERAL_SHORT})" if len(reports) > 1 else verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": CASE_SCHEMA,
            "tool": {"name": "ds160check", "version": __version__},
            "folder": self.folder,
            "status": self.status,
            "verdict": self.verdict,
            "summary": self.counts(),
            "applicant": self.person.to_dict(),
            "notices": self.notices(),
            "order": self.order.to_dict() if self.order else None,
            "notes": list(self.notes),
            "errors": list(self.errors),
            "files": [f.to_dict() for f in self.files],
            "comparisons": [c.to_dict(self.paths) for c in self.comparisons],
            "cross_case": list(self.cross_case),
        }

    def notices(self) -> list[dict[str, Any]]:
        """The notices of every comparison, each told once, in the order they came."""
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for comparison in self.comparisons:
            for notice in comparison.report.notices:
                seen.setdefault((notice.code, notice.message), relocate(notice.to_dict(), self.paths))
        return list(seen.values())

    def passed_over(self) -> list[dict[str, str]]:
        return [{"name": f.name, "path": f.path, "reason": f.detail} for f in self.files
                if f.taken_as in NOT_USED]

    def summary_row(self, report_link: str = "") -> dict[str, Any]:
        """One row of ``summary.csv``/``summary.json``."""
        counts = self.counts() or dict.fromkeys(SEVERITIES, None)
        primary = self.primary
        statuses = [c.evidence_status for c in primary.changes if c.material] if primary else []
        every = self.findings()
        findings = [f for f in every if not f.dismissed]  # the headline counts leave dismissed ones out
        undisclosed = any(f.code == Code.UNDISCLOSED_REFUSAL for f in findings)
        contradicted = sum(f.code == Code.EVIDENCE_CONTRADICTS for f in findings)
        person = self.person
        return {
            "folder": self.folder,
            "applicant": person.applicant,
            "old_application_id": person.old_id,
            "new_application_id": person.new_id,
            "status": self.status,
            "verdict": self.verdict,
            "notices": [{"code": n["code"], "message": n["message"]} for n in self.notices()],
            "cross_case": [],  # filled in by the batch when every case is done
            **counts,
            "dismissed": len(every) - len(findings) if primary else None,
            "stale_decisions": len(primary.stale_decisions or ()) if primary else None,
            "contradicted": contradicted if primary else None,
            "refusal_type": _refusal_type(primary),
            "undisclosed_refusal": ("yes" if undisclosed else "no") if primary else None,
            "changes_supported": statuses.count("supported") if primary else None,
            "changes_unsupported": statuses.count("unsupported") if primary else None,
            "changes_contradicted": statuses.count("contradicted") if primary else None,
            "applications": sum(f.taken_as in APPLICATION_ROLES for f in self.files),
            "application_ids": list(person.application_ids),
            "order": self.order.method if self.order else None,
            "error": "; ".join(self.errors) or None,
            "errors": list(self.errors),
            "passed_over": [{"name": p["name"], "reason": p["reason"]} for p in self.passed_over()],
            "old_file": person.old_file,
            "new_file": person.new_file,
            "report": report_link or None,
        }


ROW_ORDER = ("by the worst finding (critical, high), then cases not checked, then medium, low, info and "
             "consistent ones; within each, by applicant name, then client folder")
# Where a case that could not be checked goes among the severities: after high, before medium —
# a broken file or a missing application needs the broker before a medium finding does.
UNCHECKED_RANK = 1.5


def row_rank(row: dict[str, Any]) -> float:
    """How urgent a case of the summary is: 0 critical ... 4 info, 5 consistent."""
    if row.get("status") != CHECKED:
        return UNCHECKED_RANK
    return next((float(severity_rank(s)) for s in SEVERITIES if row.get(s)), float(len(SEVERITIES)))


def sort_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows as a broker works through them (ROW_ORDER); the same for any run of the same cases."""
    return sorted(rows, key=lambda r: (row_rank(r), (r.get("applicant") or "").casefold(), r["folder"]))


def _refusal_type(report: Report | None) -> str | None:
    """``214b``…; ``unknown`` when a refusal is known but not its section, or a document given
    could not be read; ``not given`` when no document or option tells (never "none": a refusal
    nobody documented may still have happened)."""
    if report is None:
        return None
    if report.refusal is not None:
        return report.refusal.type or "unknown"
    unread = {DOCUMENT_UNREADABLE, DOCUMENT_NOT_UNDERSTOOD}
    return "unknown" if any(n.code in unread for n in report.notices) else "not given"


def _rank(report: Report) -> int:
    worst = report.worst()
    return severity_rank(worst) if worst is not None else len(SEVERITIES)


def interrupted_row(folder: str) -> dict[str, Any]:
    """The summary row of a case the batch did not get to."""
    row: dict[str, Any] = dict.fromkeys(ROW_KEYS, None)
    row.update(folder=folder, status=INTERRUPTED, verdict=STATUS_VERDICTS[INTERRUPTED], notices=[],
               application_ids=[], passed_over=[], errors=[], cross_case=[])
    return row


def failed_row(folder: str, reason: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_KEYS, None)
    row.update(folder=folder, status=FAILED, verdict=STATUS_VERDICTS[FAILED], error=reason, notices=[],
               application_ids=[], passed_over=[], errors=[reason], cross_case=[])
    return row
