"""The "Seen in other client folders" section of a case report, in every format.

A case's reports are rendered in the worker, before the other cases are known; the batch adds
this section afterwards to the reports of the cases a check across folders concerns: into the
JSON as ``cross_case``, into HTML, Markdown and text just before the list of files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ds160check.render.json import dumps
from ds160check.render.report_html import esc

SECTION_TITLE = "Seen in other client folders"
# Where the section goes: before the case's list of files (render/case.py), else at the end.
ANCHORS = {"html": "<h2>Every file in the folder</h2>", "md": "\n## Files\n", "text": "\nFiles:\n"}
HTML_END = "<footer"


LABELS = {
    "same_application_id": "Same Application ID", "same_document": "Same file",
    "same_document_text": "Same wording", "same_phone": "Same phone", "same_email": "Same e-mail",
    "same_us_contact": "Same U.S. contact address",
}


def _others(hit: dict[str, Any], folder: str) -> list[str]:
    return [f"{f['case']}: {f['file']}" for f in hit["files"] if f["case"] != folder]


def _mine(hit: dict[str, Any], folder: str) -> list[str]:
    return [f["file"] for f in hit["files"] if f["case"] == folder]


def _lines(hits: Sequence[dict[str, Any]], folder: str) -> list[tuple[str, str, str, str]]:
    """(label, this folder's files, the other folders' files, detail) per hit."""
    return [(LABELS.get(h["kind"], h["kind"]), ", ".join(_mine(h, folder)), "; ".join(_others(h, folder)),
             h["detail"]) for h in hits]


def section_html(hits: Sequence[dict[str, Any]], folder: str) -> str:
    items = "".join(f"<li><b>{esc(label)}</b>: {esc(mine)} — also in {esc(others)}<br>{esc(detail)}</li>"
                    for label, mine, others, detail in _lines(hits, folder))
    return f'<h2>{esc(SECTION_TITLE)} ({len(hits)})</h2>\n<div class="notes"><ul>{items}</ul></div>\n'


def section_markdown(hits: Sequence[dict[str, Any]], folder: str) -> str:
    items = "".join(f"- **{label}**: {mine} — also in {others}. {detail}\n"
                    for label, mine, others, detail in _lines(hits, folder))
    return f"\n## {SECTION_TITLE}\n\n{items}"


def section_text(hits: Sequence[dict[str, Any]], folder: str) -> str:
    items = "".join(f"  {label}: {mine} — also in {others}\n    {detail}\n"
                    for label, mine, others, detail in _lines(hits, folder))
    return f"\n{SECTION_TITLE}:\n{items}"


def with_cross_case(fmt: str, output: str, hits: Sequence[dict[str, Any]], folder: str) -> str:
    """``output`` (a case report rendered as ``fmt``) with ``hits`` (``Hit.to_dict()``) in it."""
    if fmt == "json":
        data = json.loads(output)
        data["cross_case"] = list(hits)
        return dumps(data)
    if not hits:
        return output
    section = {"html": section_html, "md": section_markdown, "text": section_text}[fmt](hits, folder)
    anchor = ANCHORS[fmt]
    at = output.rfind(anchor)
    if at < 0:
        at = output.rfind(HTML_END) if fmt == "html" else len(output)
    at = len(output) if at < 0 else at
    return output[:at] + section + output[at:]
