"""The report as a broker reads it in a terminal: verdict, findings by severity, changes, checklist."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from ds160check.comparison.codes import SEVERITIES
from ds160check.comparison.model import Finding, Refusal, Report

COLOURS = {"critical": "red", "high": "red", "medium": "yellow", "low": "cyan", "info": "blue"}
STATUS_MARK = {"done": "[x]", "missing": "[ ]", "unknown": "[?]"}
SUBTYPES = {
    "documents": "documents requested",
    "administrative_processing": "administrative processing",
}


def _styler(color: bool) -> Callable[..., str]:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    return style


def render_report(report: Report, *, color: bool = False) -> str:
    style = _styler(color)
    counts = report.counts()
    old = next((d.path for d in report.documents if d.role == "old"), "?")
    new = next((d.path for d in report.documents if d.role == "new"), "?")
    tally = " · ".join(f"{s} {counts[s]}" for s in SEVERITIES)
    worst = report.worst()
    verdict = style(report.verdict.upper(), fg=COLOURS.get(worst or "", "green"), bold=True)
    lines = [f"ds160check: {old} → {new}", f"Verdict: {verdict}   ({tally})", ""]
    lines += _notice_lines(report, style)
    lines += _refusal_lines(report)
    for severity in SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        if found:
            lines.append(
                style(f"{severity.upper()} ({len(found)})", fg=COLOURS[severity], bold=True)
            )
            for finding in found:
                lines += _finding_lines(finding, style)
            lines.append("")
    if not report.findings:
        lines += ["No findings.", ""]
    lines += _change_lines(report)
    lines.append("What changed since last time?")
    lines += [f"  - {sentence}" for sentence in report.what_changed]
    lines += ["", "Checklist"]
    lines += [f"  {STATUS_MARK[c.status]} {c.item}: {c.detail}" for c in report.checklist]
    return "\n".join(lines) + "\n"


SOURCE_NAMES = {"letter": "refusal letter", "ceac_status": "CEAC status page", "option": "--refused"}


def refusal_summary(refusal: Refusal) -> str:
    """``214(b), 2025-03-12, ASTANA`` — the refusal in one line, as every format shows it."""
    parts = [refusal.name if refusal.type else "type unknown"]
    if refusal.subtype:
        parts.append(SUBTYPES.get(refusal.subtype, refusal.subtype))
    parts += [p for p in (refusal.date, refusal.post) if p]
    return ", ".join(parts)


def _refusal_lines(report: Report) -> list[str]:
    refusal = report.refusal
    if refusal is None:
        return ["Refusal: not known (pass the refusal letter, or --refused 214b|221g)", ""]
    source = SOURCE_NAMES.get(refusal.source, refusal.source)
    lines = [f"Refusal: {refusal_summary(refusal)} (from the {source})"]
    if refusal.evidence is not None and refusal.source != "option":
        page = f", page {refusal.evidence.page}" if refusal.evidence.page else ""
        lines.append(f'  "{refusal.evidence.text}" ({Path(refusal.evidence.file).name}{page})')
    if refusal.requested:
        lines.append("  requested: " + "; ".join(refusal.requested))
    if refusal.note:
        lines.append(f"  {refusal.note}")
    lines.append(f"  {refusal.to_dict()['meaning']}")
    return [*lines, ""]


def _notice_lines(report: Report, style: Callable[..., str]) -> list[str]:
    if not report.notices:
        return []
    lines = [style(f"NOTICES ({len(report.notices)})", bold=True)]
    lines += [f"  {n.code}: {n.message}" for n in report.notices]
    return [*lines, ""]


def _finding_lines(finding: Finding, style: Callable[..., str]) -> list[str]:
    head = f"  {style(finding.code.value, bold=True)}"
    where = " · ".join(p for p in (finding.trap_field, finding.field) if p)
    lines = [f"{head}  {where}" if where else head]
    if finding.old is not None or finding.new is not None:
        before = finding.old.raw if finding.old and finding.old.raw else "—"
        after = finding.new.raw if finding.new and finding.new.raw else "—"
        lines.append(f"    {before} → {after}")
    lines.append(f"    {finding.message}")
    lines.append(f"    action: {finding.action}")
    seen = [e for e in finding.evidence if e.page is not None][:2]
    for evidence in seen:
        name = evidence.file.rsplit("/", 1)[-1]
        lines.append(f"    seen: {name} p.{evidence.page}: {evidence.text[:80]!r}")
    return lines


def _change_lines(report: Report) -> list[str]:
    if not report.changes:
        return []
    lines = ["Changes"]
    for change in report.changes:
        before = change.old.raw if change.old and change.old.raw else "—"
        after = change.new.raw if change.new and change.new.raw else "—"
        lines.append(f"  - {change.title}: {before} → {after} [{change.evidence_status}]")
    return lines + [""]
