"""The report in Markdown: also an interview-preparation sheet to print or share."""

from __future__ import annotations

import re

from ds160check.comparison.codes import SEVERITIES
from ds160check.comparison.model import Report
from ds160check.render import view
from ds160check.render.report_text import STATUS_MARK, refusal_summary

# Characters that make Markdown of plain text: links and images ([..](..), ![..]), emphasis, code,
# table cells, strike-through; < and > (HTML) become entities.
_MARKUP = re.compile(r"([\\`*_\[\]!|~])")


def _cell(text: str | None) -> str:
    """Document text and file names as literal text: no tags, links, images or line breaks."""
    shown = " ".join((text or "—").split())
    shown = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", shown)


def render_markdown(report: Report) -> str:
    counts = report.counts()
    top = view.header(report)
    out = [f"# DS-160 re-application check: {_cell(top.applicant)}", "",
           f"**Verdict: {_cell(report.verdict)}**", ""]
    out.append(" · ".join(f"{s}: {counts[s]}" for s in SEVERITIES)
               + (f" · dismissed: {report.dismissed()}" if view.dismissed_tally(report) else ""))
    out += [""] + [f"- {_cell(side.line())}" for side in top.sides]
    if report.notices:
        out += ["", "## Notices", ""]
        out += [f"- **{n.code}**: {_cell(n.message)}" for n in report.notices]
    out += ["", "## Refusal", ""] + _refusal(report)
    out += ["", "## Findings", ""] + _findings(report)
    stale = view.stale_lines(report)
    if stale:
        out += ["", "## Stale reviewer decisions (no longer applied)", ""]
        out += [f"- {_cell(line)}" for line in stale]
    out += ["", "## What changed since last time?", "",
            "*The officer will ask. Answer with these, documents in hand:*", ""]
    out += _changes(report)
    out += ["", "## Checklist", ""]
    out += [f"- {STATUS_MARK[c.status]} **{_cell(c.item)}** — {_cell(c.detail)}" for c in report.checklist]
    out += ["", "## Documents", "", "| role | file | kind | pages | warnings |", "|---|---|---|---|---|"]
    out += [f"| {d.role} | {_cell(view.file_name(d.path))} | {d.kind} | {d.pages or '—'} | "
            f"{_cell('; '.join(d.warnings) or None)} |" for d in report.documents]
    return "\n".join(out) + "\n"


def _refusal(report: Report) -> list[str]:
    refusal = report.refusal
    if refusal is None:
        return ["Not known: bring the refusal letter (214(b) or 221(g))."]
    out = [f"**{_cell(refusal_summary(refusal))}** (from {_cell(view.refusal_source(report))}). "
           f"{_cell(refusal.to_dict()['meaning'])}"]
    if refusal.evidence is not None:
        where = view.file_name(refusal.evidence.file) + view.ocr_note(refusal.evidence)
        out += ["", f"> {_cell(refusal.evidence.text)} — *{_cell(where)}*"]
    if refusal.requested:
        out += ["", "Requested:", ""] + [f"- {_cell(item)}" for item in refusal.requested]
    if refusal.note:
        out += ["", _cell(refusal.note)]
    return out


def _findings(report: Report) -> list[str]:
    if not report.findings:
        return ["No findings."]
    out = ["| severity | code | field | answers | what to do |", "|---|---|---|---|---|"]
    told = 0
    for severity in SEVERITIES:
        cards, about_changes = view.finding_cards(report, severity)
        told += about_changes
        for f in cards:
            shown = view.values(f)
            review = view.review_words(f)
            mark = f" **{_cell(review)}**" if review else ""
            out.append(f"| {f.severity} | `{f.code.value}` | {_cell(f.field)} | "
                       f"{_cell(shown.text() if shown else None)} | "
                       f"{_cell(f.message)} *({f.action})*{mark} |")
    if told:
        out += ["", f"*{told} more about the changes: see What changed since last time?*"]
    return out


def _changes(report: Report) -> list[str]:
    changes = view.changes(report)
    out = [] if any(c.material for c in changes) else \
        ["- Nothing material has changed since the refused application yet."]
    for change in changes:
        status = change.status_words
        if change.proof:
            status += ": " + ", ".join(change.proof)
        if change.bring:
            status += "; bring one of: " + ", ".join(change.bring)
        note = "" if change.material else " (not material)"
        out.append(f"- **{_cell(change.title)}**: {_cell('; '.join(change.before))} → "
                   f"{_cell('; '.join(change.after))}{note} — *{_cell(status)}*")
    return out
