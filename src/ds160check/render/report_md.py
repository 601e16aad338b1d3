"""The report in Markdown: also an interview-preparation sheet to print or share."""

from __future__ import annotations

from ds160check.comparison.codes import SEVERITIES
from ds160check.comparison.model import Report
from ds160check.render.report_text import REFUSAL_NAMES, STATUS_MARK, SUBTYPES


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    counts = report.counts()
    out = ["# DS-160 re-application check", "", f"**Verdict: {report.verdict}**", ""]
    out.append(" · ".join(f"{s}: {counts[s]}" for s in SEVERITIES))
    out += ["", "## Documents", "", "| role | file | kind | pages |", "|---|---|---|---|"]
    out += [
        f"| {d.role} | {_cell(d.path)} | {d.kind} | {d.pages or '—'} |" for d in report.documents
    ]
    out += ["", "## Refusal", ""]
    refusal = report.refusal
    if refusal is None:
        out.append("Not known: bring the refusal letter (214(b) or 221(g)).")
    else:
        kind = REFUSAL_NAMES.get(refusal.type or "", "type unknown")
        sub = f" ({SUBTYPES.get(refusal.subtype, refusal.subtype)})" if refusal.subtype else ""
        extra = ", ".join(p for p in (refusal.date, refusal.post) if p)
        out.append(
            f"**{kind}**{sub}{', ' + extra if extra else ''}. {refusal.to_dict()['meaning']}"
        )
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
