"""People a form prints by layout: beside a row label, or above a caption.

A Russian civil certificate prints a name and then, under it, what it is
("ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ" over "фамилия, имя, отчество"); a marriage
register prints both spouses in one row after a label ("Name & Surname",
then one column each). No cue comes before the value, so the cued patterns
of the pipeline cannot find them: this reads the lines and cells of the
flattened text (lines end with a newline, cells with a tab) instead.
The patterns are ``layout_people`` in ``field_rules/documents/entities.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from ds160check.evidence.flat import BREAK, COLUMN, FlatText
from ds160check.evidence.nlp import Entity
from ds160check.evidence.rules import LayoutPeopleRules

__all__ = ["layout_people"]

PERSON: Final = "PERSON"
ROLE: Final = "subject"
# A name is one to five words of letters (hyphens, apostrophes and dots inside).
_NAME: Final = re.compile(r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,4}")
# Lines a surname may stand above its given names' caption (surname, caption, given).
SURNAME_REACH: Final = 3


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _lines(flat: FlatText) -> list[list[_Cell]]:
    """Each line's non-empty cells, with their offsets in ``flat.text``."""
    out: list[list[_Cell]] = []
    position = 0
    for line in flat.text.split(BREAK):
        cells = []
        offset = position
        for piece in line.split(COLUMN):
            stripped = piece.strip()
            if stripped:
                cells.append(_Cell(offset + piece.index(stripped), stripped))
            offset += len(piece) + 1
        out.append(cells)
        position += len(line) + 1
    return [cells for cells in out if cells]


def _name(cell: _Cell, rules: LayoutPeopleRules) -> _Cell | None:
    """The name in ``cell`` once a leading role word is taken off, if it is one."""
    words = cell.text.split()
    start = cell.start
    while len(words) > 1 and rules.prefixes.match(words[0]):
        start = cell.text.index(words[1], start - cell.start) + cell.start
        words = words[1:]
    text = " ".join(words)
    if rules.not_names.match(text) or not _NAME.fullmatch(text) or text.islower():
        return None
    if any(rules.captions[k].match(text) for k in rules.captions) or rules.rows.match(text):
        return None
    return _Cell(start, text)


def _entity(first: _Cell, last: _Cell, value: str) -> Entity:
    return Entity(PERSON, value, first.start, last.end, value, ROLE)


def _from_rows(lines: list[list[_Cell]], rules: LayoutPeopleRules) -> Iterator[Entity]:
    for cells in lines:
        if len(cells) > 1 and rules.rows.match(cells[0].text):
            for cell in cells[1:]:
                if (name := _name(cell, rules)) is not None:
                    yield _entity(name, name, name.text)


def _caption_kind(cells: list[_Cell], rules: LayoutPeopleRules) -> str | None:
    if len(cells) != 1:
        return None
    return next((kind for kind, pattern in rules.captions.items() if pattern.match(cells[0].text)), None)


def _neighbour(lines: list[list[_Cell]], index: int, rules: LayoutPeopleRules) -> _Cell | None:
    """The name on line ``index``, unless that line is out of range or is a caption itself."""
    if not 0 <= index < len(lines) or _caption_kind(lines[index], rules) is not None:
        return None
    return _name(lines[index][-1], rules)


def _from_captions(lines: list[list[_Cell]], rules: LayoutPeopleRules) -> Iterator[Entity]:
    """Names beside their caption ("фамилия | АСАНОВ"), or over or under it on a line of its own."""
    captions = [(i, kind) for i, cells in enumerate(lines)
                if (kind := _caption_kind(cells, rules)) is not None]
    # One form prints its captions under the values, another over them: the
    # direction in which more captions find a name is this form's.
    above = sum(_neighbour(lines, i - 1, rules) is not None for i, _ in captions)
    below = sum(_neighbour(lines, i + 1, rules) is not None for i, _ in captions)
    step = 1 if below > above else -1
    found: list[tuple[int, str, _Cell]] = []
    for index, kind in captions:
        if (name := _neighbour(lines, index + step, rules)) is not None:
            found.append((index, kind, name))
    for index, cells in enumerate(lines):
        kind = _caption_kind(cells[:1], rules) if len(cells) > 1 else None
        if kind is not None and (name := _first_name(cells[1:], rules)) is not None:
            found.append((index, kind, name))
    yield from _people(sorted(found, key=lambda f: f[2].start))


def _first_name(cells: list[_Cell], rules: LayoutPeopleRules) -> _Cell | None:
    return next((name for cell in cells if (name := _name(cell, rules)) is not None), None)


def _people(found: list[tuple[int, str, _Cell]]) -> Iterator[Entity]:
    """Whole names as they are; a surname and the given names that follow it as one person."""
    surname: tuple[int, _Cell] | None = None
    for index, kind, name in found:
        if kind == "full":
            yield _entity(name, name, name.text)
        elif kind == "surname":
            surname = (index, name)
        elif surname is not None and abs(index - surname[0]) <= SURNAME_REACH:
            first, last = sorted((surname[1], name), key=lambda c: c.start)
            yield _entity(first, last, f"{surname[1].text} {name.text}")
            surname = None


def layout_people(flat: FlatText, rules: LayoutPeopleRules | None) -> list[Entity]:
    """People named by the form's layout, in text order, each once."""
    if rules is None:
        return []
    lines = _lines(flat)
    found = sorted([*_from_rows(lines, rules), *_from_captions(lines, rules)], key=lambda e: e.start)
    out: list[Entity] = []
    for entity in found:
        if not any(e.start < entity.end and entity.start < e.end for e in out):
            out.append(entity)
    return out
