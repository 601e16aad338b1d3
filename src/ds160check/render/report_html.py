"""The report as one self-contained HTML page to read on screen and print on A4.

Inline CSS and SVG only: no script, font or image from anywhere, so the file
opens the same offline, months later, on the client's computer. Every value
is user data (names, addresses, file names) and is escaped.

    render_html(report, old_app, new_app)   # a whole page
    report_body(report, old_app, new_app)   # the same, to put in a bigger page
    html_page(title, body)                  # the page around a body
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from ds160check import __version__
from ds160check.application import Application
from ds160check.comparison.codes import SEVERITIES
from ds160check.comparison.model import Finding, Report
from ds160check.render import view
from ds160check.render.report_text import refusal_summary
from ds160check.render.text import SECTION_TITLES
from ds160check.wording import describe

TITLE = "DS-160 re-application check"
MAX_EVIDENCE = 3
# Characters of a timeline title and detail that fit the drawing (12 px bold, 10 px): longer ones
# end in an ellipsis and show in full on hover.
MAX_LABEL = 70
MAX_DETAIL = 95
STATUS_MARK = {"done": "✔", "missing": "✘", "unknown": "?"}
CHANGE_COLOURS = {"supported": "#2e7d32", "unsupported": "#b26a00", "contradicted": "#c62828"}
# Meta keys worth a row in the side-by-side table; the rest are bookkeeping.
SHOWN_META = ("application.id", "application.location", "application.submitted_at")

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b;
       margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #bbb; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
.verdict { border-radius: 3mm; padding: 3mm 4mm; color: #fff; font-size: 13pt; font-weight: bold; }
.verdict .tally { display: block; font-size: 9.5pt; font-weight: normal; margin-top: 1mm; }
.v-critical, .v-high { background: #c62828; } .v-medium { background: #b26a00; }
.v-low, .v-info, .v-none { background: #2e7d32; } .v-unchecked { background: #555; }
.pill { display: inline-block; border-radius: 2mm; padding: 0 2mm; color: #fff; font-size: 8.5pt;
        font-weight: bold; text-transform: uppercase; }
.s-critical { background: #8e0000; } .s-high { background: #c62828; } .s-medium { background: #b26a00; }
.s-low { background: #00695c; } .s-info { background: #1565c0; }
.finding { border: 1px solid #ccc; border-left: 2mm solid #999; border-radius: 1.5mm; padding: 2mm 3mm;
           margin: 0 0 2.5mm; break-inside: avoid; }
.finding.critical { border-left-color: #8e0000; } .finding.high { border-left-color: #c62828; }
.finding.medium { border-left-color: #b26a00; } .finding.low { border-left-color: #00695c; }
.finding.info { border-left-color: #1565c0; }
.finding.dismissed { opacity: .6; border-style: dashed; } .review { font-weight: bold; color: #333; }
.code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-weight: bold; }
.where { color: #555; font-size: 9pt; }
.values { margin: 1mm 0; } .values .old { color: #444; } .values .new { font-weight: bold; }
.values .problem { color: #8e0000; font-weight: bold; background: #ffe0e0; padding: 0 1mm; }
.header { margin: 0 0 3mm; } .header div { color: #444; overflow-wrap: anywhere; }
.keep { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.action { font-weight: bold; }
.evidence { margin: 1mm 0 0; padding-left: 5mm; font-size: 9pt; color: #333; }
.evidence q { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead { display: table-header-group; }
th { background: #eee; }
tr { break-inside: avoid; }
tr.section th { background: #dde3ea; font-size: 9.5pt; }
td.changed { background: #fff4d6; } td.flagged { background: #ffe0e0; }
td.key { width: 30%; color: #333; }
.legend span { display: inline-block; padding: 0 2mm; margin-right: 2mm; border: 1px solid #ccc; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist li { margin-bottom: 1.5mm; break-inside: avoid; }
.mark { display: inline-block; width: 5mm; font-weight: bold; }
.done { color: #2e7d32; } .missing { color: #c62828; } .unknown { color: #b26a00; }
.timeline { width: 100%; height: auto; }
.notes { background: #f3f3f3; border-radius: 1.5mm; padding: 2mm 3mm; }
footer { margin-top: 8mm; color: #666; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def html_page(title: str, body: str, *, extra_css: str = "") -> str:
    """A whole HTML document: ``body`` inside, the stylesheet inline."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="ds160check {esc(__version__)}">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}{extra_css}</style>\n</head>\n<body>\n{body}\n"
            f"<footer>Made by ds160check {esc(__version__)} on this computer: no file or value was "
            f"sent anywhere.</footer>\n</body>\n</html>\n")


def render_html(report: Report, old: Application | None = None, new: Application | None = None,
                *, title: str = TITLE) -> str:
    """The report as a page; with both applications it has the side-by-side table."""
    applicant = view.header(report).applicant
    return html_page(f"{title}: {applicant}", f"<h1>{esc(title)}: {esc(applicant)}</h1>\n"
                     + report_body(report, old, new))


def report_body(report: Report, old: Application | None = None, new: Application | None = None) -> str:
    parts = [
        _files_line(report),
        verdict_banner(report.verdict, report.worst(), report.counts()),
        _review_tally(report),
        _notices(report),
        _refusal(report),
        "<h2>Timeline</h2>\n" + timeline_svg(report, old, new),
        _findings(report),
        _stale(report),
        _what_changed(report),
        _checklist(report),
        _side_by_side(report, old, new),
        _documents(report),
    ]
    return "\n".join(p for p in parts if p)


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _role_path(report: Report, role: str) -> str:
    return next((d.path for d in report.documents if d.role == role), "?")


def _files_line(report: Report) -> str:
    """Whose case and which two applications: printed reports of twelve clients must not look alike."""
    sides = "".join(f"<div>{esc(side.line())}</div>" for side in view.header(report).sides)
    return f'<div class="header">{sides}</div>'



def verdict_banner(verdict: str, worst: str | None, counts: dict[str, int] | None) -> str:
    colour = "unchecked" if counts is None else (worst or "none")
    tally = ""
    if counts is not None:
        tally = '<span class="tally">' + " · ".join(f"{esc(s)}: {counts[s]}" for s in SEVERITIES) + "</span>"
    return f'<div class="verdict v-{esc(colour)}">Verdict: {esc(verdict)}{tally}</div>'


def _refusal(report: Report) -> str:
    refusal = report.refusal
    if refusal is None:
        return ("<h2>Refusal</h2>\n<p>Not known: bring the refusal letter (214(b) or 221(g)), "
                "or state it with <code>--refused</code>.</p>")
    out = [f"<h2>Refusal</h2>\n<p><b>{esc(refusal_summary(refusal))}</b> "
           f"<span class=\"where\">(from {esc(view.refusal_source(report))})</span></p>"]
    if refusal.evidence is not None:
        page = f", page {refusal.evidence.page}" if refusal.evidence.page else ""
        out.append(f"<blockquote>{esc(refusal.evidence.text)} <span class=\"where\">"
                   f"({esc(_name(refusal.evidence.file))}{esc(page)}"
                   f"{esc(view.ocr_note(refusal.evidence))})</span></blockquote>")
    if refusal.requested:
        items = "".join(f"<li>{esc(item)}</li>" for item in refusal.requested)
        out.append(f"<p>Requested:</p><ul>{items}</ul>")
    if refusal.note:
        out.append(f"<p><b>{esc(refusal.note)}</b></p>")
    out.append(f"<p>{esc(refusal.to_dict()['meaning'])}</p>")
    return "\n".join(out)


def _notices(report: Report) -> str:
    if not report.notices:
        return ""
    items = "".join(f"<li><b>{esc(n.code)}</b>: {esc(n.message)}</li>" for n in report.notices)
    return f'<h2>Notices</h2>\n<ul class="notices">{items}</ul>'


def _findings(report: Report) -> str:
    out = ["<h2>Findings</h2>"]
    if not report.findings:
        return out[0] + "\n<p>No findings: the two applications tell the same story.</p>"
    for severity in SEVERITIES:
        cards, told = view.finding_cards(report, severity)
        if not cards and not told:
            continue
        heading = f'<h3><span class="pill s-{severity}">{severity}</span> {len(cards) + told}</h3>'
        shown = [_finding(f) for f in cards]
        if told:
            shown.append(f'<p class="where">+ {told} about the changes: told under '
                         "<i>What changed since last time?</i></p>")
        # The heading never ends a printed page alone: it is kept with its first card.
        out.append(f'<div class="keep">{heading}{shown[0]}</div>')
        out += shown[1:]
    return "\n".join(out)


def _finding(finding: Finding) -> str:
    where = " · ".join(esc(p) for p in (finding.trap_field, finding.field) if p)
    values = ""
    shown = view.values(finding)
    if shown is not None and shown.expected is not None:
        values = (f'<div class="values">answered <span class="problem">{esc(shown.after)}</span>; '
                  f"should be <b>{esc(shown.expected)}</b></div>")
    elif shown is not None:
        values = (f'<div class="values"><span class="old">{esc(shown.before)}</span> → '
                  f'<span class="new">{esc(shown.after)}</span></div>')
    evidence = "".join(f"<li>{esc(where)}: <q>{esc(quote)}</q></li>"
                       for where, quote in view.evidence_lines(finding, MAX_EVIDENCE))
    review = view.review_words(finding)
    reviewed = f'<div class="review">{esc(review)}</div>' if review else ""
    dismissed = " dismissed" if finding.dismissed else ""
    return (f'<div class="finding {esc(finding.severity)}{dismissed}">'
            f'<span class="code">{esc(finding.code.value)}</span> '
            f'<span class="where">{where}</span>{values}{reviewed}<div>{esc(finding.message)}</div>'
            f'<div>What to do: <span class="action">{esc(finding.action)}</span></div>'
            + (f'<ul class="evidence">{evidence}</ul>' if evidence else "") + "</div>")


def _review_tally(report: Report) -> str:
    tally = view.dismissed_tally(report)
    if tally is None:
        return ""
    return f'<p class="where">Reviewer decisions applied: {esc(tally)} (not counted above)</p>'


def _stale(report: Report) -> str:
    lines = view.stale_lines(report)
    if not lines:
        return ""
    return ("<h2>Stale reviewer decisions</h2>\n<p>No longer applied: the finding they were about changed "
            "or is gone.</p>\n" + bullet_list(lines))


def _what_changed(report: Report) -> str:
    out = ["<h2>What changed since last time?</h2>",
           "<p><i>The officer will ask. Answer with these, documents in hand:</i></p>"]
    changes = view.changes(report)
    if not any(c.material for c in changes):
        out.append("<p>Nothing material has changed since the refused application yet.</p>")
    if changes:
        out += ["<table><thead><tr><th>Change</th><th>Before</th><th>Now</th><th>Proof</th></tr></thead>",
                "<tbody>"]
        out += [_change_row(c) for c in changes]
        out.append("</tbody></table>")
    return "\n".join(out)


def _change_row(change: view.ChangeView) -> str:
    colour = CHANGE_COLOURS.get(change.status, "#555")
    proof = f'<b style="color:{colour}">{esc(change.status_words)}</b>'
    if change.proof:
        proof += ": " + esc(", ".join(change.proof))
    if change.bring:
        proof += "<br>bring one of: " + esc(", ".join(change.bring))
    codes = [f.code.value for f in change.findings if f.code.value != "CIRCUMSTANCE_CHANGED"]
    if codes:
        proof += f'<br><span class="code">{esc(", ".join(codes))}</span>'
    title = esc(change.title) + ("" if change.material else ' <span class="where">(not material)</span>')
    return (f"<tr><td>{title}</td><td>{'<br>'.join(map(esc, change.before))}</td>"
            f"<td>{'<br>'.join(map(esc, change.after))}</td><td>{proof}</td></tr>")


def _checklist(report: Report) -> str:
    items = "".join(
        f'<li><span class="mark {esc(c.status)}">{STATUS_MARK.get(c.status, "?")}</span>'
        f"<b>{esc(c.item)}</b> — {esc(c.detail)}</li>" for c in report.checklist)
    return f'<h2>Re-application checklist</h2>\n<ul class="checklist">{items}</ul>'


def _documents(report: Report) -> str:
    rows = "".join(
        f"<tr><td>{esc(d.role)}</td><td>{esc(_name(d.path))}</td><td>{esc(d.kind)}</td>"
        f"<td>{esc(d.pages if d.pages is not None else '—')}</td><td>{esc('; '.join(d.warnings))}</td></tr>"
        for d in report.documents)
    return ("<h2>Documents read</h2>\n<table><thead><tr><th>role</th><th>file</th><th>taken for</th>"
            f"<th>pages</th><th>warnings</th></tr></thead><tbody>{rows}</tbody></table>")


# --- the side-by-side table ---------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if isinstance(value, list):
        if not value:
            return "(none)"
        return "<br>".join(esc(describe(item)) for item in value)
    return esc(describe(value))


def _field_title(key: str) -> str:
    """The question as the form prints it (the catalogue's title), not the key."""
    from ds160check.rules import load_rules

    return load_rules().title(key)


def _ordered_keys(old: Application, new: Application) -> list[str]:
    """Keys of either application in catalogue order (both follow it; the union is merged)."""
    from ds160check.rules import load_rules

    position = {key: i for i, key in enumerate(load_rules().catalogue.fields)}
    keys = sorted(set(old.fields) | set(new.fields), key=lambda k: (position.get(k, len(position)), k))
    return [k for k in keys if not k.startswith("application.") or k in SHOWN_META]


def _side_by_side(report: Report, old: Application | None, new: Application | None) -> str:
    if old is None or new is None:
        return ""
    flagged = {f.field: f.severity for f in report.findings if f.field}
    rows, section = [], None
    for key in _ordered_keys(old, new):
        prefix = key.split(".", 1)[0]
        if prefix != section:
            section = prefix
            title = SECTION_TITLES.get(prefix, prefix)
            rows.append(f'<tr class="section"><th colspan="3">{esc(title)}</th></tr>')
        rows.append(_compare_row(key, old, new, flagged.get(key)))
    return ("<h2>Both applications, side by side</h2>\n"
            '<p class="legend"><span class="changed-l" style="background:#fff4d6">changed</span>'
            '<span style="background:#ffe0e0">has a finding</span></p>\n'
            f"<table><thead><tr><th>Answer</th><th>Refused application ({esc(_name(old.document.path))})</th>"
            f"<th>New application ({esc(_name(new.document.path))})</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _compare_row(key: str, old: Application, new: Application, severity: str | None) -> str:
    in_old, in_new = key in old.fields, key in new.fields
    before = _cell_text(old.get(key)) if in_old else "—"
    after = _cell_text(new.get(key)) if in_new else "—"
    differs = not in_old or not in_new or old.get(key) != new.get(key)
    mark = "flagged" if severity else ("changed" if differs else "")
    cls = f' class="{mark}"' if mark else ""
    title = f' title="{esc(severity)} finding"' if severity else ""
    return (f'<tr><td class="key">{esc(_field_title(key))}</td><td{cls}{title}>{before}</td>'
            f"<td{cls}{title}>{after}</td></tr>")


# --- the timeline ---------------------------------------------------------------------------------

ROW_HEIGHT = 40
SVG_WIDTH = 700
AXIS_X = 118
EVENT_COLOURS = {"application": "#1565c0", "refusal": "#c62828"}


def _short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hover(text: str, limit: int = MAX_LABEL) -> str:
    """The full text of a shortened label, shown on hover."""
    return f"<title>{esc(text)}</title>" if len(text) > limit else ""


def _app_date(app: Application | None) -> str:
    value = app.get("application.submitted_at") if app is not None else None
    return str(value)[:10] if value else "date unknown"


def timeline_events(report: Report, old: Application | None, new: Application | None
                    ) -> list[tuple[str, str, str, str]]:
    """(date, title, detail, colour) from the first application to the new one."""
    events = [(_app_date(old), "First application", _name(_role_path(report, "old")),
               EVENT_COLOURS["application"])]
    refusal = report.refusal
    if refusal is not None:
        title = f"Refused under {refusal.name}" if refusal.type not in (None, "unknown") else "Refused"
        events.append((refusal.date or "date unknown", title, refusal.post or "",
                       EVENT_COLOURS["refusal"]))
    else:
        events.append(("?", "Refusal", "not documented: bring the letter", EVENT_COLOURS["refusal"]))
    for change in (c for c in report.changes if c.material):
        files = ", ".join(sorted({_name(e.file) for e in change.evidence})) or "no document yet"
        events.append(("", f"{change.title}: {view.shown(change.old)} → {view.shown(change.new)}",
                       f"proof: {files}",
                       CHANGE_COLOURS.get(change.evidence_status, "#555")))
    events.append((_app_date(new), "New application", _name(_role_path(report, "new")),
                   EVENT_COLOURS["application"]))
    return events


def timeline_svg(report: Report, old: Application | None = None, new: Application | None = None) -> str:
    events = timeline_events(report, old, new)
    height = ROW_HEIGHT * len(events) + 10
    top, bottom = 20, ROW_HEIGHT * (len(events) - 1) + 20
    out = [f'<svg class="timeline" viewBox="0 0 {SVG_WIDTH} {height}" '
           f'width="{SVG_WIDTH}" height="{height}" role="img" aria-label="Timeline of the case">',
           f'<line x1="{AXIS_X}" y1="{top}" x2="{AXIS_X}" y2="{bottom}" stroke="#999" stroke-width="2"/>']
    for i, (date, title, detail, colour) in enumerate(events):
        y = top + i * ROW_HEIGHT
        out.append(f'<circle cx="{AXIS_X}" cy="{y}" r="6" fill="{colour}"/>')
        out.append(f'<text x="{AXIS_X - 14}" y="{y + 4}" text-anchor="end" font-size="11" fill="#333">'
                   f"{esc(date)}</text>")
        out.append(f'<text x="{AXIS_X + 16}" y="{y + 4}" font-size="12" font-weight="bold" fill="{colour}">'
                   f"{_hover(title)}{esc(_short(title))}</text>")
        if detail:
            out.append(f'<text x="{AXIS_X + 16}" y="{y + 18}" font-size="10" fill="#555">'
                       f"{_hover(detail, MAX_DETAIL)}{esc(_short(detail, MAX_DETAIL))}</text>")
    out.append("</svg>")
    return "\n".join(out)


def bullet_list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
