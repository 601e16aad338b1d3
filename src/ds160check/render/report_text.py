"""The report as a broker reads it in a terminal: verdict, findings by severity, changes, checklist."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from ds160check.comparison.codes import SEVERITIES
from ds160check.comparison.model import Finding, Refusal, Report
from ds160check.render import view
from ds160check.wording import date_words, printable

COLOURS = {"critical": "red", "high": "red", "medium": "yellow", "low": "cyan", "info": "blue"}
STATUS_MARK = {"done": "[x]", "missing": "[ ]", "unknown": "[?]"}
MAX_SEEN = 2
MAX_QUOTE = 90
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
    tally = " · ".join(f"{s} {counts[s]}" for s in SEVERITIES)
    tally += f" · {view.dismissed_tally(report)}" if view.dismissed_tally(report) else ""
    worst = report.worst()
    verdict = style(report.verdict.upper(), fg=COLOURS.get(worst or "", "green"), bold=True)
    top = view.header(report)
    lines = [f"ds160check: {top.applicant}", *(f"  {side.line()}" for side in top.sides),
             f"Verdict: {verdict}   ({tally})", ""]
    lines += _notice_lines(report, style)
    lines += _refusal_lines(report)
    for severity in SEVERITIES:
        cards, told = view.finding_cards(report, severity)
        if not cards and not told:
            continue
        count = len(cards) + told
        lines.append(style(f"{severity.upper()} ({count})", fg=COLOURS[severity], bold=True))
        for finding in cards:
            lines += _finding_lines(finding, style)
        if told:
            lines.append(f"  + {told} about the changes: told under \"What changed since last time?\"")
        lines.append("")
    if not report.findings:
        lines += ["No findings.", ""]
    lines += _stale_lines(report, style)
    lines += _change_lines(report)
    lines += ["", "Checklist"]
    lines += [f"  {STATUS_MARK[c.status]} {c.item}: {c.detail}" for c in report.checklist]
    # File names and document text may carry terminal escapes: shown, never obeyed.
    return printable("\n".join(lines) + "\n", keep_colour=color)


def refusal_summary(refusal: Refusal) -> str:
    """``214(b), 2025-03-12, ASTANA`` — the refusal in one line, as every format shows it."""
    parts = [refusal.name if refusal.type else "type unknown"]
    if refusal.subtype:
        parts.append(SUBTYPES.get(refusal.subtype, refusal.subtype))
    parts += [p for p in (date_words(refusal.date or "") or refusal.date, refusal.post) if p]
    return ", ".join(parts)


def _refusal_lines(report: Report) -> list[str]:
    refusal = report.refusal
    if refusal is None:
        return ["Refusal: not known (pass the refusal letter, or --refused 214b|221g)", ""]
    lines = [f"Refusal: {refusal_summary(refusal)} (from {view.refusal_source(report)})"]
    if refusal.evidence is not None:
        page = f", page {refusal.evidence.page}" if refusal.evidence.page else ""
        lines.append(f'  "{refusal.evidence.text}" ({Path(refusal.evidence.file).name}{page}'
                     f'{view.ocr_note(refusal.evidence)})')
    if refusal.requested:
        lines.append("  requested:")
        lines += [f"    - {item}" for item in refusal.requested]
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
    shown = view.values(finding)
    if shown is not None:
        lines.append(f"    {shown.text()}")
    review = view.review_words(finding)
    if review is not None:
        lines.append(f"    {style(review, bold=True)}")
    lines.append(f"    {finding.message}")
    lines.append(f"    action: {finding.action}")
    for where_seen, quote in view.evidence_lines(finding, MAX_SEEN):
        lines.append(f"    seen: {where_seen}: {_quote(quote)}")
    return lines


def _stale_lines(report: Report, style: Callable[..., str]) -> list[str]:
    stale = view.stale_lines(report)
    if not stale:
        return []
    return [style(f"STALE REVIEWER DECISIONS ({len(stale)}): no longer applied", bold=True),
            *(f"  {line}" for line in stale), ""]


def _quote(text: str) -> str:
    """A quote on one line, cut with an ellipsis, printable characters only."""
    flat = " ".join(text.split())
    flat = flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…"
    return f"\"{flat}\""


def _change_lines(report: Report) -> list[str]:
    lines = ["What changed since last time?"]
    changes = view.changes(report)
    if not any(c.material for c in changes):
        lines.append("  Nothing material has changed since the refused application yet.")
    for change in changes:
        lines += _one_change(change)
    return lines


def _one_change(change: view.ChangeView) -> list[str]:
    before, after = "; ".join(change.before), "; ".join(change.after)
    note = "" if change.material else " (not material)"
    lines = [f"  - {change.title}: {before} → {after}{note}"]
    status = change.status_words
    codes = ", ".join(f"{f.code.value} ({f.severity}{', dismissed' if f.dismissed else ''})"
                      for f in change.findings if f.code.value != "CIRCUMSTANCE_CHANGED")
    if change.proof:
        status += ": " + ", ".join(change.proof)
    if change.bring:
        status += "; bring one of: " + ", ".join(change.bring)
    lines.append(f"    {status}" + (f"   [{codes}]" if codes else ""))
    return lines
