"""Is a read document a print-out, and what does a partial one lack?

A print-out is told by its own title (the print's title line, the browser's
title of a printed application, or the heading of a CEAC Review page saved as
PDF, ``field_rules/layout.yaml`` ``markers.title``): with it, however few
answers it holds, it is read, and the warnings name the sections and the
identity answers it lacks. Without a title, a document that only uses the
DS-160's words must hold a print's number of answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ds160check.application import Field
from ds160check.errors import NotDs160Error
from ds160check.layout import Flow
from ds160check.rules.labels import label_key
from ds160check.rules.model import LayoutRules

# A print-out with its title must still give this many answers of its own.
MIN_TITLED_ANSWERS = 1
# Fields that come from around the answers, not from them (the document kind, the print date).
NOT_ANSWERS = frozenset({"application.document", "application.submitted_at"})


@dataclass(frozen=True)
class Title:
    """The line that made a document a print-out: its text and page."""

    text: str
    page: int

    def __str__(self) -> str:
        return f"{self.text!r} on page {self.page}"


def print_title(flow: Flow, layout: LayoutRules) -> Title | None:
    """The first line (or browser header cell) that is a print's title, whole."""
    titles = {label_key(t) for t in layout.print_titles}
    for line in flow.lines:
        if label_key(line.text) in titles:
            return Title(line.text, line.page)
    for cell in flow.noise:
        if label_key(cell.text) in titles and cell.tokens:
            return Title(cell.text, cell.tokens[0].page)
    return None


def answers(fields: Mapping[str, Field]) -> int:
    """How many fields were read from answers (not from the page around them)."""
    return sum(1 for key in fields if key not in NOT_ANSWERS)


def check_enough(
    path: str | Path, fields: Mapping[str, Field], minimum: int, title: Title | None = None
) -> list[str]:
    """Raise :class:`NotDs160Error` when too few answers were read for a DS-160.

    ``minimum`` fields are needed without a ``title``; with one, a single answer
    will do, and the note returned explains why a short print was read.
    """
    read = answers(fields)
    if title is None:
        if len(fields) < minimum:
            raise NotDs160Error(path, f"it mentions the DS-160 but only {len(fields)} answers could be read")
        return []
    if read < MIN_TITLED_ANSWERS:
        raise NotDs160Error(path, f"it carries the print title {title} but no answer could be read")
    if len(fields) < minimum:
        return [f"only {read} answers read: read as a partial print for its title {title}"]
    return []


def missing_parts(
    sections_found: Iterable[str], fields: Mapping[str, Field], layout: LayoutRules
) -> list[str]:
    """Warnings naming the print's sections and identity answers that were not found."""
    found = set(sections_found)
    out = [
        f"section not found (a partial print?): {name}"
        for section, name in layout.sections.items()
        if section not in found
    ]
    out += [f"answer not found (a partial print?): {key}" for key in _absent(layout.required, fields)]
    return out


def _absent(keys: Sequence[str], fields: Mapping[str, Field]) -> list[str]:
    return [key for key in keys if key not in fields]
