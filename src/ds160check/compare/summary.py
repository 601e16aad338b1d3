"""The plain-language parts of a report: "what changed since last time?" and the checklist."""

from __future__ import annotations

from ds160check.compare.codes import Code
from ds160check.compare.model import Change, ChecklistItem, Report
from ds160check.render.text import describe

DONE, MISSING, UNKNOWN = "done", "missing", "unknown"
# Findings that are about changes, not about the form contradicting itself.
NOT_CONSISTENCY = frozenset({Code.NO_MATERIAL_CHANGE, Code.REAPPLIED_TOO_SOON, Code.CHANGE_UNSUPPORTED,
                             Code.CONSULATE_CHANGED})


def _shown(change: Change, which: str) -> str:
    value = change.old if which == "old" else change.new
    if value is None or (value.raw is None and value.normalized is None):
        return "nothing"
    return value.raw or describe(value.normalized)


def change_sentence(change: Change) -> str:
    """One sentence a broker can read aloud, with the proof."""
    sentence = f"My {change.title} changed from {_shown(change, 'old')} to {_shown(change, 'new')}"
    if change.evidence_status == "supported" and change.evidence:
        files = ", ".join(sorted({e.file.rsplit('/', 1)[-1] for e in change.evidence}))
        return f"{sentence}; proof: {files}."
    if change.evidence_status == "contradicted":
        return f"{sentence}, but a document contradicts it: fix this before the interview."
    return f"{sentence} (no document proves it yet)."


def what_changed(report: Report) -> list[str]:
    material = [c for c in report.changes if c.material]
    if not material:
        return ["Nothing material has changed since the refused application yet."]
    return [change_sentence(c) for c in material]


def checklist(report: Report) -> list[ChecklistItem]:
    material = [c for c in report.changes if c.material]
    return [
        _refusal_item(report),
        ChecklistItem(
            "An honest root cause found (the weak area the changes address)",
            UNKNOWN,
            "Only you can judge this: name the weak point of the refused application "
            "(ties, income, travel purpose) and check the changes below address it.",
        ),
        ChecklistItem(
            "Real changes in circumstances occurred",
            DONE if material else MISSING,
            f"{len(material)} material change(s): {', '.join(c.title for c in material)}" if material
            else "no change of employer, income, occupation, marital status or address",
        ),
        _consistency_item(report),
        _documents_item(material),
        _answer_item(material),
    ]


def _refusal_item(report: Report) -> ChecklistItem:
    item = "Refusal type identified (214(b) or 221(g))"
    refusal = report.refusal
    if refusal is None or refusal.type is None:
        return ChecklistItem(item, MISSING, "no refusal letter among the documents and no --refused given")
    where = "from the refusal letter" if refusal.source == "letter" else "as stated with --refused"
    shown = {"214b": "214(b)", "221g": "221(g)"}[refusal.type]
    return ChecklistItem(item, DONE, f"{shown}, {where}")


def _consistency_item(report: Report) -> ChecklistItem:
    item = "DS-160 checked for consistency (no critical or high finding left)"
    serious = [f for f in report.findings
               if f.severity in ("critical", "high") and f.code not in NOT_CONSISTENCY]
    if serious:
        codes = ", ".join(sorted({f.code.value for f in serious}))
        return ChecklistItem(item, MISSING, f"{len(serious)} critical/high finding(s) to fix: {codes}")
    return ChecklistItem(item, DONE, "no critical or high contradiction between the two applications")


def _documents_item(material: list[Change]) -> ChecklistItem:
    item = "Documents prepared to prove the changes"
    if not material:
        return ChecklistItem(item, UNKNOWN, "there is no change to prove yet")
    unproven = [c.title for c in material if c.evidence_status != "supported"]
    if unproven:
        return ChecklistItem(item, MISSING, f"no supporting document for: {', '.join(unproven)}")
    return ChecklistItem(item, DONE, "every change has a supporting document")


def _answer_item(material: list[Change]) -> ChecklistItem:
    item = 'A clear "what changed" answer ready'
    if not material:
        return ChecklistItem(item, MISSING, "nothing material changed, so there is no answer yet")
    if all(c.evidence_status == "supported" for c in material):
        return ChecklistItem(item, DONE, "each change is stated and proven (see What changed)")
    return ChecklistItem(item, MISSING, "state each change with the document that proves it")
