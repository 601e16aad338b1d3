"""A client folder's report (HTML, Markdown, text) and the batch's ``index.html``.

A case page is the compare report of each comparison with what the batch
adds around it: the folder, how the applications were ordered, notes, and
every file with what it was taken for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ds160check.render.report_html import esc, html_page, report_body, table, verdict_banner
from ds160check.render.report_md import render_markdown
from ds160check.render.report_text import render_report

if TYPE_CHECKING:
    from ds160check.batch.model import CaseResult

CASE_TITLE = "DS-160 re-application check"
INDEX_TITLE = "ds160check batch: all clients"
# Columns of index.html: (summary key, heading).
INDEX_COLUMNS = (
    ("folder", "Client folder"), ("verdict", "Verdict"), ("critical", "Critical"), ("high", "High"),
    ("medium", "Medium"), ("low", "Low"), ("info", "Info"), ("refusal_type", "Refusal"),
    ("undisclosed_refusal", "Refusal hidden"), ("changes_supported", "Changes proven"),
    ("changes_unsupported", "Changes unproven"), ("error", "Problems"),
)
# Sort a verdict column by how bad it is, not alphabetically.
STATUS_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4, "": 5}


def _case_header(case: CaseResult) -> str:
    parts = [f"<h1>{esc(CASE_TITLE)}</h1>", f'<p class="files">Client folder: <b>{esc(case.folder)}</b></p>']
    if not case.comparisons:
        parts.append(verdict_banner(case.verdict, None, None))
    if case.order is not None:
        parts.append(f"<p><b>Which application is the new one:</b> {esc(case.order.explanation)}</p>")
    if case.notes or case.errors:
        items = [*case.notes, *(f"Problem: {e}" for e in case.errors)]
        parts.append('<div class="notes"><ul>' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul></div>")
    return "\n".join(parts)


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
table.index td, table.index th { overflow-wrap: normal; }
table.index td:nth-child(2) { min-width: 48mm; }
table.index th[aria-sort=ascending]::after { content: " ▲"; }
table.index th[aria-sort=descending]::after { content: " ▼"; }
table.index td.num { text-align: right; }
tr.w-critical td:first-child, tr.w-high td:first-child { border-left: 2mm solid #c62828; }
tr.w-medium td:first-child { border-left: 2mm solid #b26a00; }
tr.w-none td:first-child { border-left: 2mm solid #2e7d32; }
tr.w-unchecked td:first-child { border-left: 2mm solid #555; }
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


def _worst(row: dict[str, Any]) -> str:
    if row.get("status") != "checked":
        return "unchecked"
    return next((s for s in ("critical", "high", "medium", "low", "info") if row.get(s)), "none")


def _index_cell(key: str, row: dict[str, Any]) -> str:
    value = row.get(key)
    if key == "folder" and row.get("report"):
        href = quote(str(row["report"]), safe="/")
        return f'<td data-sort="{esc(value)}"><a href="{esc(href)}">{esc(value)}</a></td>'
    if key == "verdict":
        rank = STATUS_RANK.get(_worst(row), 6)
        return f'<td data-sort="{rank}">{esc(value)}</td>'
    if isinstance(value, int):
        return f'<td class="num">{value}</td>'
    return f"<td>{esc(value if value is not None else '—')}</td>"


def render_index_html(rows: Sequence[dict[str, Any]], *, interrupted: bool = False) -> str:
    checked = sum(1 for r in rows if r.get("status") == "checked")
    head = "".join(f'<th scope="col">{esc(title)}</th>' for _, title in INDEX_COLUMNS)
    body = "".join(
        f'<tr class="w-{_worst(row)}">' + "".join(_index_cell(key, row) for key, _ in INDEX_COLUMNS) + "</tr>"
        for row in rows)
    note = ("<p class=\"notes\">The batch was interrupted: cases marked “not checked” were not reached. "
            "Run it again to finish them (finished cases are not recomputed).</p>") if interrupted else ""
    content = (f"<h1>{esc(INDEX_TITLE)}</h1>\n<p>{len(rows)} client folder(s), {checked} checked. "
               f"Click a column heading to sort; click a folder to open its report.</p>\n{note}"
               f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'
               f"<script>{SORT_SCRIPT}</script>")
    return html_page(INDEX_TITLE, content, extra_css=INDEX_CSS)
