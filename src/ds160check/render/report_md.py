"""The report in Markdown: also an interview-preparation sheet to print or share."""

from __future__ import annotations

from pathlib import Path

from ds160check.comparison.codes import SEVERITIES
from ds160check.comparison.model import Report
from ds160check.render.report_text import STATUS_MARK, refusal_summary


def _cell(text: str | None) -> str:
    # Document text and file names reach Markdown viewers that render HTML: no tags.
    shown = (text or "—").replace("|", "\\|").replace("\n", " ")
    return shown.replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(report: Report) -> str:
    counts = report.counts()
    out = ["# DS-160 re-application check", "", f"**Verdict: {report.verdict}**", ""]
    out.append(" · ".join(f"{s}: {counts[s]}" for s in SEVERITIES))
    out += ["", "## Documents", "", "| role | file | kind | pages |", "|---|---|---|---|"]
    out += [
        f"| {d.role} | {_cell(d.path)} | {d.kind} | {d.pages or '—'} |" for d in report.documents
    ]
    if report.notices:
        out += ["", "## Notices", ""]
        out += [f"- **{n.code}**: {_cell(n.message)}" for n in report.notices]
    out += ["", "## Refusal", ""]
    refusal = report.refusal
    if refusal is None:
        out.append("Not known: bring the refusal letter (214(b) or 221(g)).")
    else:
        out.append(f"**{_cell(refusal_summary(refusal))}**. {refusal.to_dict()['meaning']}")
        if refusal.evidence is not None and refusal.source != "option":
            out += ["", f"> {_cell(refusal.evidence.text)} — *{_cell(Path(refusal.evidence.file).name)}*"]
        if refusal.requested:
            out += ["", "Requested: " + "; ".join(_cell(item) for item in refusal.requested)]
        if refusal.note:
            out += ["", refusal.note]
    out += ["", "## Findings", ""]
    if report.findings:
        out += ["| severity | code | field | old → new | what to do |", "|---|---|---|---|---|"]
        for f in report.findings:
            change = (
                f"{_cell(f.old.raw if f.old else None)} → {_cell(f.new.raw if f.new else None)}"
            )
            out.append(
                f"| {f.severity} | `{f.code.value}` | {_cell(f.field)} | {change} | "
                f"{_cell(f.message)} *({f.action})* |"
            )
    else:
        out.append("No findings.")
    out += [
        "",
        "## What changed since last time?",
        "",
        "*The officer will ask. Answer with these, documents in hand:*",
        "",
    ]
    out += [f"- {s}" for s in report.what_changed]
    out += ["", "## Checklist", ""]
    out += [f"- {STATUS_MARK[c.status]} **{c.item}** — {c.detail}" for c in report.checklist]
    return "\n".join(out) + "\n"
