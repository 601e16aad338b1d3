"""The plain-language parts of a report: "what changed since last time?" and the checklist."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ds160check.comparison.codes import Code
from ds160check.comparison.model import (
    DOCUMENT_NOT_UNDERSTOOD,
    DOCUMENT_UNREADABLE,
    Change,
    ChecklistItem,
    Report,
)
from ds160check.wording import describe

DONE, MISSING, UNKNOWN = "done", "missing", "unknown"
# Findings that are about changes, not about the form contradicting itself.
NOT_CONSISTENCY = frozenset({Code.NO_MATERIAL_CHANGE, Code.REAPPLIED_TOO_SOON, Code.CHANGE_UNSUPPORTED,
                             Code.CONSULATE_CHANGED})


def _shown(change: Change, which: str) -> str:
    value = change.old if which == "old" else change.new
    if value is None or (value.raw is None and value.normalized is None):
        return "nothing"
    return value.raw or describe(value.normalized)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def document_names() -> Mapping[str, str]:
    """Document type → its name, and change → the names of the types that prove it."""
    from ds160check.evidence.rules import load_evidence_rules

    return {t.key: t.name for t in load_evidence_rules().types.types}


def provers(change: str) -> list[str]:
    from ds160check.evidence.rules import load_evidence_rules

    return [t.name for t in load_evidence_rules().types.types if change in t.proves]


def _documents(change: Change, kinds: Mapping[str, str]) -> str:
    """The documents quoted for a change, each with its type: "employment letter (letter.pdf)"."""
    names = document_names()
    shown = []
    for path in sorted({e.file for e in change.evidence}, key=_file_name):
        kind = names.get(kinds.get(path, ""))
        shown.append(f"{kind} ({_file_name(path)})" if kind else _file_name(path))
    return ", ".join(shown)


def change_sentence(change: Change, kinds: Mapping[str, str] | None = None) -> str:
    """One sentence a broker can read aloud, with the document that proves (or contradicts) it.

    ``kinds`` maps a document's path to its type (the report's documents).
    """
    kinds = kinds or {}
    sentence = f"My {change.title} changed from {_shown(change, 'old')} to {_shown(change, 'new')}"
    if change.evidence_status == "supported" and change.evidence:
        return f"{sentence}; proof: {_documents(change, kinds)}."
    if change.evidence_status == "contradicted":
        which = _documents(change, kinds) or "a document"
        return f"{sentence}, but {which} contradicts it: fix this before the interview."
    types = provers(change.name)
    bring = f": bring one of: {', '.join(types)}" if types else ""
    return f"{sentence} (no document proves it yet{bring})."


def what_changed(report: Report) -> list[str]:
    material = [c for c in report.changes if c.material]
    if not material:
        return ["Nothing material has changed since the refused application yet."]
    kinds = {d.path: d.kind for d in report.documents}
    return [change_sentence(c, kinds) for c in material]


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
    unread = [n for n in report.notices if n.code in (DOCUMENT_NOT_UNDERSTOOD, DOCUMENT_UNREADABLE)]
    if refusal is None or refusal.type is None:
        if unread:
            files = ", ".join(Path(f).name for n in unread for f in n.files)
            return ChecklistItem(item, UNKNOWN, f"a document was given but not understood ({files}): "
                                                "check whether it is the refusal letter")
        return ChecklistItem(item, MISSING, "no refusal letter among the documents and no --refused given")
    where = {"letter": "from the refusal letter", "ceac_status": "from the CEAC status page"}.get(
        refusal.source, "as stated with --refused")
    if refusal.type == "unknown":
        return ChecklistItem(item, UNKNOWN, f"a refusal is established {where}, but not its section: "
                                            "find the letter (214(b), 221(g) or 212(a))")
    return ChecklistItem(item, DONE, f"{refusal.name}, {where}")


def _consistency_item(report: Report) -> ChecklistItem:
    item = "DS-160 checked for consistency (no critical or high finding left)"
    serious = [f for f in report.findings  # a finding a reviewer dismissed is not one to fix
               if f.severity in ("critical", "high") and f.code not in NOT_CONSISTENCY and not f.dismissed]
    if serious:
        codes = ", ".join(sorted({f.code.value for f in serious}))
        return ChecklistItem(item, MISSING, f"{len(serious)} critical/high finding(s) to fix: {codes}")
    return ChecklistItem(item, DONE, "no critical or high contradiction between the two applications")


def _documents_item(material: list[Change]) -> ChecklistItem:
    item = "Documents prepared to prove the changes"
    if not material:
        return ChecklistItem(item, UNKNOWN, "there is no change to prove yet")
    contradicted = [c.title for c in material if c.evidence_status == "contradicted"]
    unproven = [c.title for c in material if c.evidence_status == "unsupported"]
    reasons = ([f"a document contradicts: {', '.join(contradicted)}"] if contradicted else []) + \
        ([f"no supporting document for: {', '.join(unproven)}"] if unproven else [])
    if reasons:
        return ChecklistItem(item, MISSING, "; ".join(reasons))
    return ChecklistItem(item, DONE, "every change has a supporting document")


def _answer_item(material: list[Change]) -> ChecklistItem:
    item = 'A clear "what changed" answer ready'
    if not material:
        return ChecklistItem(item, MISSING, "nothing material changed, so there is no answer yet")
    if all(c.evidence_status == "supported" for c in material):
        return ChecklistItem(item, DONE, "each change is stated and proven (see What changed)")
    return ChecklistItem(item, MISSING, "state each change with the document that proves it")
