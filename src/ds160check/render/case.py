"""A client folder's report (HTML, Markdown, text) and the batch's ``index.html``.

A case page is the compare report of each comparison with what the batch
adds around it: the folder, how the applications were ordered, notes, and
every file with what it was taken for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ds160check.batch.model import ROW_ORDER, row_rank
from ds160check.render.report_html import esc, html_page, report_body, table, verdict_banner
from ds160check.render.report_md import render_markdown
from ds160check.render.report_text import render_report

if TYPE_CHECKING:
    from ds160check.batch.model import CaseResult

CASE_TITLE = "DS-160 re-application check"
INDEX_TITLE = "ds160check batch: all clients"
# Columns of index.html: (summary key, heading). "client" and "problems" gather several keys.
INDEX_COLUMNS = (
    ("client", "Client"), ("verdict", "Notices and verdict"), ("critical", "Critical"), ("high", "High"),
    ("medium", "Medium"), ("low", "Low"), ("info", "Info"), ("dismissed", "Dismissed by reviewer"),
    ("contradicted", "Contradicted by documents"), ("refusal_type", "Refusal"),
    ("undisclosed_refusal", "Refusal hidden"), ("changes_supported", "Changes proven"),
    ("changes_unsupported", "Changes unproven"), ("problems", "Problems and files passed over"),
)


def _case_header(case: CaseResult) -> str:
    parts = [f"<h1>{esc(CASE_TITLE)}</h1>", f'<p class="files">Client folder: <b>{esc(case.folder)}</b></p>']
    parts += [f"<p>{esc(line)}</p>" for line in _who_lines(case)]
    if not case.comparisons:
        parts.append(verdict_banner(case.verdict, None, None))
    if case.order is not None:
        parts.append(f"<p><b>Which application is the new one:</b> {esc(case.order.explanation)}</p>")
    if case.notes or case.errors:
        items = [*case.notes, *(f"Problem: {e}" for e in case.errors)]
        parts.append('<div class="notes"><ul>' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul></div>")
    return "\n".join(parts)


def _who_lines(case: CaseResult) -> list[str]:
    """The applicant and the two applications compared, by their path within the folder (two
    sub-folders may each hold a DS160.pdf) and Application ID."""
    from ds160check.batch.model import NEW, OLD

    lines = [f"Applicant: {case.person.applicant}"] if case.person.applicant else []
    named = {f.taken_as: f.name for f in case.files if f.taken_as in (OLD, NEW)}
    if OLD in named and NEW in named:  # the comparison's own header gives their IDs and dates
        lines.append(f"Compared: {named[OLD]} (old) → {named[NEW]} (new)")
    elif case.person.application_ids:
        lines.append(f"DS-160 Application ID(s) found: {', '.join(case.person.application_ids)}")
    return lines


def _files_table(case: CaseResult) -> str:
    rows = [(f.name, f.taken_as, f.detail) for f in case.files]
    return "<h2>Every file in the folder</h2>\n" + table(("file", "taken for", "detail"), rows)


def render_case_html(case: CaseResult) -> str:
    body = [_case_header(case)]
    several = len(case.comparisons) > 1
    for n, comparison in enumerate(case.comparisons, start=1):
        if several:
            body.append(f'<h2 style="font-size:15pt">Comparison {n} of {len(case.comparisons)}: '
                        f"{esc(_name(comparison.old.document.path))} → "
                        f"{esc(_name(comparison.new.document.path))}</h2>")
        body.append(report_body(comparison.report, comparison.old, comparison.new))
    body.append(_files_table(case))
    return html_page(f"{CASE_TITLE}: {case.folder}", "\n".join(body))


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _case_lines(case: CaseResult) -> list[str]:
    lines = [f"Client folder: {case.folder}", f"Status: {case.status}", f"Verdict: {case.verdict}"]
    lines += _who_lines(case)
    if case.order is not None:
        lines.append(f"Order: {case.order.explanation}")
    lines += [f"Note: {n}" for n in case.notes] + [f"Problem: {e}" for e in case.errors]
    return lines


def _file_lines(case: CaseResult) -> list[str]:
    return ["Files:", *(f"  {f.name}: {f.taken_as}" + (f" — {f.detail}" if f.detail else "")
                        for f in case.files)]


def render_case_text(case: CaseResult, *, color: bool = False) -> str:
    out = ["\n".join(_case_lines(case)), ""]
    for comparison in case.comparisons:
        out.append(render_report(comparison.report, color=color))
    out.append("\n".join(_file_lines(case)))
    return "\n".join(out) + "\n"


def render_case_markdown(case: CaseResult) -> str:
    out = [f"# {CASE_TITLE}: `{case.folder}`", ""]
    out += [f"- {line}" for line in _case_lines(case)[1:]]
    for comparison in case.comparisons:
        out += ["", render_markdown(comparison.report).replace("\n# ", "\n## ", 1).removeprefix("# ")]
    out += ["", "## Files", "", "| file | taken for | detail |", "|---|---|---|"]
    out += [f"| {_md(f.name)} | {_md(f.taken_as)} | {_md(f.detail)} |" for f in case.files]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


# --- index.html -----------------------------------------------------------------------------------

INDEX_CSS = """
@page { size: A4 landscape; }
body { max-width: 277mm; }
table.index th { cursor: pointer; user-select: none; }
table.index { font-size: 9.5pt; }
table.index td, table.index th { overflow-wrap: normal; }
table.index td:nth-child(1) { min-width: 40mm; }
table.index td:nth-child(2) { min-width: 50mm; }
table.index td:last-child { min-width: 48mm; overflow-wrap: anywhere; }
table.index th[aria-sort=ascending]::after { content: " ▲"; }
table.index th[aria-sort=descending]::after { content: " ▼"; }
table.index td.num { text-align: right; }
table.index .who { font-weight: bold; }
table.index .ids, table.index .passed { font-size: .9em; color: #444; }
table.index .notice { background: #fff4d6; border-left: 1mm solid #b26a00; padding: 1mm 2mm;
  margin-bottom: 1.5mm; }
table.index .notice b { font-size: .85em; letter-spacing: .02em; }
table.index .problem { color: #8e1b1b; }
table.index ul { margin: 0; padding-left: 4mm; }
tr.w-critical td:first-child, tr.w-high td:first-child { border-left: 2mm solid #c62828; }
tr.w-medium td:first-child { border-left: 2mm solid #b26a00; }
tr.w-none td:first-child { border-left: 2mm solid #2e7d32; }
tr.w-unchecked td:first-child { border-left: 2mm solid #555; }
@media print {
  @page { margin: 10mm; }
  table.index { font-size: 7.5pt; }
  table.index td:nth-child(1) { min-width: 30mm; }
  table.index td:nth-child(2) { min-width: 40mm; }
  table.index td:last-child { min-width: 36mm; }
  table.index th { cursor: auto; }
  table.index th[aria-sort]::after { content: ""; }
}
"""
# Sorts the table by the clicked column (numbers as numbers, else by data-sort or text). Inline:
# the page loads nothing from anywhere.
SORT_SCRIPT = """
document.querySelectorAll("table.index th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0];
    var up = th.getAttribute("aria-sort") !== "ascending";
    th.closest("tr").querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[col];
      var v = cell.getAttribute("data-sort");
      if (v === null) { v = cell.textContent.trim(); }
      var n = parseFloat(v);
      return isNaN(n) || String(n) !== v ? v.toLowerCase() : n;
    };
    Array.from(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
    }).forEach(function (row) { body.appendChild(row); });
  });
});
"""
# The summary's refusal types as a broker reads them; "not given" and "unknown" stay apart.
REFUSAL_WORDS = {"214b": "214(b)", "221g": "221(g)", "212a": "212(a)"}


def _worst(row: dict[str, Any]) -> str:
    if row.get("status") != "checked":
        return "unchecked"
    return next((s for s in ("critical", "high", "medium", "low", "info") if row.get(s)), "none")


def _href(path: str) -> str:
    return esc(quote(path, safe="/"))


def _client_cell(row: dict[str, Any]) -> str:
    """The folder (a link to its report), the applicant, and both Application IDs (links to the
    print-outs)."""
    folder = esc(row["folder"])
    parts = [f'<a href="{_href(row["report"])}">{folder}</a>' if row.get("report") else folder]
    if row.get("applicant"):
        parts.append(f'<div class="who">{esc(row["applicant"])}</div>')
    parts.append(f'<div class="ids">{_ids(row)}</div>')
    return f'<td data-sort="{esc(row.get("applicant") or row["folder"])}">{"".join(parts)}</td>'


def _ids(row: dict[str, Any]) -> str:
    if row.get("old_application_id") or row.get("new_application_id"):
        old = _linked(row.get("old_application_id") or "ID not read", row.get("old_file"))
        new = _linked(row.get("new_application_id") or "ID not read", row.get("new_file"))
        return f"old {old} → new {new}"
    ids = row.get("application_ids") or []
    if not ids:
        return "no DS-160 read"
    return ("only one DS-160: " if len(ids) == 1 else "DS-160s: ") + esc(", ".join(ids))


def _linked(text: str, path: str | None) -> str:
    return f'<a href="{_href(path)}">{esc(text)}</a>' if path else esc(text)


def _verdict_cell(row: dict[str, Any]) -> str:
    """The case's notices first (the case is not what it seems), then the verdict."""
    notices = "".join(f'<div class="notice"><b>{esc(n["code"])}</b><br>{esc(n["message"])}</div>'
                      for n in row.get("notices") or ())
    stale = row.get("stale_decisions")
    if stale:  # the reviewer must look again: a decision of theirs no longer applies
        notices += (f'<div class="notice"><b>STALE DECISIONS</b><br>{stale} reviewer decision(s) no longer '
                    "applied: see the report</div>")
    notices += "".join(f'<div class="notice"><b>SEEN IN OTHER CLIENT FOLDERS</b><br>{esc(entry)}</div>'
                       for entry in row.get("cross_case") or ())
    return f'<td data-sort="{row_rank(row):g}">{notices}{esc(row.get("verdict"))}</td>'


def _problems_cell(row: dict[str, Any]) -> str:
    errors = row.get("errors") or []
    problems = "".join(f'<li class="problem">{esc(e)}</li>' for e in errors)
    passed = "".join(f'<li><b>{esc(p["name"])}</b>: {esc(p["reason"])}</li>'
                     for p in row.get("passed_over") or ())
    parts = [f"<ul>{problems}</ul>" if problems else "",
             f'<div class="passed">Passed over:<ul>{passed}</ul></div>' if passed else ""]
    return f"<td>{''.join(parts)}</td>" if problems or passed else "<td>—</td>"


def _index_cell(key: str, row: dict[str, Any]) -> str:
    if key == "client":
        return _client_cell(row)
    if key == "verdict":
        return _verdict_cell(row)
    if key == "problems":
        return _problems_cell(row)
    value = row.get(key)
    if key == "refusal_type" and isinstance(value, str):
        value = REFUSAL_WORDS.get(value, value)
    if isinstance(value, int):
        return f'<td class="num">{value}</td>'
    return f"<td>{esc(value if value is not None else '—')}</td>"


def _passed_over_section(entries: Sequence[str]) -> str:
    if not entries:
        return ""
    items = "".join(f"<li>{esc(e)}</li>" for e in entries)
    return (f"<h2>Passed over outside the client folders ({len(entries)})</h2>\n"
            f'<ul class="passed">{items}</ul>')


def _cross_case_section(hits: Sequence[dict[str, Any]]) -> str:
    """What the checks across client folders found (batch/cross_case.py), one item per hit."""
    if not hits:
        return ""
    items = "".join(f"<li><b>{esc(h['kind'])}</b>: {esc(_hit_files(h))}<br>{esc(h['detail'])}</li>"
                    for h in hits)
    return (f"<h2>Seen in more than one client folder ({len(hits)})</h2>\n"
            f'<div class="notes"><ul>{items}</ul></div>\n')


def _hit_files(hit: dict[str, Any]) -> str:
    return "; ".join(f"{f['case']}: {f['file']}" for f in hit["files"])


def render_index_html(rows: Sequence[dict[str, Any]], *, interrupted: bool = False,
                      passed_over: Sequence[str] = (), cross_case: Sequence[dict[str, Any]] = ()) -> str:
    """The batch index: one row per case in the order given (the summary's: most urgent first)."""
    checked = sum(1 for r in rows if r.get("status") == "checked")
    passed = sum(len(r.get("passed_over") or ()) for r in rows) + len(passed_over)
    head = "".join(f'<th scope="col">{esc(title)}</th>' for _, title in INDEX_COLUMNS)
    body = "".join(
        f'<tr class="w-{_worst(row)}">' + "".join(_index_cell(key, row) for key, _ in INDEX_COLUMNS) + "</tr>"
        for row in rows)
    note = ("<p class=\"notes\">The batch was interrupted: cases marked “not checked” were not reached. "
            "Run it again to finish them (finished cases are not recomputed).</p>") if interrupted else ""
    content = (f"<h1>{esc(INDEX_TITLE)}</h1>\n<p>{len(rows)} client folder(s), {checked} checked; "
               f"{passed} file(s) passed over, each named with the reason. Most urgent first: "
               f"{esc(ROW_ORDER)}. Click a column heading to sort otherwise; click a folder to open "
               f"its report, an Application ID to open the print-out.</p>\n{note}"
               f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'
               f"{_cross_case_section(cross_case)}{_passed_over_section(passed_over)}"
               f"<script>{SORT_SCRIPT}</script>")
    return html_page(INDEX_TITLE, content, extra_css=INDEX_CSS)
