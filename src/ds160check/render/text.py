"""The readable listing of ``extract --format text``: one block per section."""

from __future__ import annotations

from typing import Any

from ds160check.application import Application
from ds160check.wording import describe, printable

SECTION_TITLES = {
    "application": "Application",
    "personal": "Personal",
    "contact": "Address, phone and online presence",
    "passport": "Passport",
    "travel": "Travel",
    "previous_travel": "Previous U.S. travel",
    "us_contact": "U.S. point of contact",
    "family": "Family",
    "work": "Work",
    "education": "Education",
    "additional": "Additional work/education information",
    "security": "Security and background",
}
KIND_NAMES = {"print": "DS-160 print-out", "confirmation": "DS-160 confirmation page"}
LABEL_WIDTH = 34


def _title(key: str) -> str:
    """The question as the form prints it (the catalogue's title), not the key."""
    from ds160check.rules import load_rules

    return load_rules().title(key)


def render_application(app: Application) -> str:
    doc = app.document
    lines = [
        f"{doc.path} — {KIND_NAMES.get(doc.kind, doc.kind)}, {doc.pages} page(s), "
        f"{len(app.fields)} fields read"
    ]
    section = None
    for key, field in app.fields.items():
        prefix = key.split(".", 1)[0]
        if prefix != section:
            section = prefix
            lines += ["", SECTION_TITLES.get(prefix, prefix)]
        lines.extend(_field_lines(key, field.value))
    if app.warnings:
        lines += ["", "Warnings"] + [f"  - {w}" for w in app.warnings]
    return printable("\n".join(lines) + "\n")  # terminal escapes in the file are shown, not obeyed


def _field_lines(key: str, value: Any) -> list[str]:
    title = _title(key)
    if not isinstance(value, list):
        return [f"  {title + ':':<{LABEL_WIDTH}} {describe(value)}"]
    if not value:
        return [f"  {title + ':':<{LABEL_WIDTH}} (none)"]
    return [f"  {title}:"] + [f"    {n}. {describe(item)}" for n, item in enumerate(value, 1)]
