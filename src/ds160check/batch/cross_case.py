"""Checks across client folders: the same document, phone, e-mail, U.S. contact address or
Application ID in the folders of different applicants (issue 12, part 2).

Each case brings its :class:`~ds160check.batch.fingerprints.Fingerprints` (made in the worker,
cached with the case). Here, in the main process, they are grouped by key — a dict of key to
cases, linear in the number of marks; no two documents are ever compared with each other.

A group is a hit when it spans two or more *different people*. The same person is the same name
(transliteration variants allowed, ``matching.names``) with the same date of birth, or the same
passport number; people are found by blocking on the passport number and on the date of birth,
so that too stays linear. Declared family — one DS-160 names the other applicant as spouse,
parent or relative — is no hit either (a couple shares a phone, and a wife's folder may hold
her husband's employment letter), except for an Application ID, which belongs to one person
only. A shared surname or home address that no form declares is a hit whose ``detail`` says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ds160check.batch.fingerprints import (
    KINDS,
    NAME_KEYS_KEPT,
    SAME_APPLICATION_ID,
    SAME_DOCUMENT,
    SAME_DOCUMENT_TEXT,
    SAME_EMAIL,
    SAME_PHONE,
    SAME_US_CONTACT,
    Fingerprints,
    Mark,
    Person,
    name_key,
)
from ds160check.batch.store import write_private
from ds160check.matching.fold import name_tokens
from ds160check.matching.names import match_person

# Above this many different people in one group, family is not looked for (a family is small;
# the pairs of a big group would cost quadratic time).
MAX_FAMILY = 6
# How many family clues one detail names.
MAX_CLUES = 3
# Two names are compared in full (matching.names, milliseconds) only when their surnames and
# given names score this much alike on average (rapidfuzz ratio of the Latin spellings; IURII /
# YURIY KOVALENKO score 80, AIGERIM AKHMETOVA / AYGERIM AHMETOVA 91), or their whole names
# share words this much (token set ratio: names split otherwise between the fields).
NAME_PREFILTER = 50
WHOLE_NAME_PREFILTER = 70
WHAT = {
    SAME_APPLICATION_ID: "the same DS-160 Application ID",
    SAME_DOCUMENT: "the same file",
    SAME_DOCUMENT_TEXT: "the same wording",
    SAME_PHONE: "the same phone number",
    SAME_EMAIL: "the same e-mail address",
    SAME_US_CONTACT: "the same U.S. contact address",
}
WHY = {
    SAME_APPLICATION_ID: "One DS-160 belongs to one person: a print-out in the wrong folder, or a form "
                         "altered for someone else",
    SAME_DOCUMENT: "One document cannot prove two people's circumstances: do not submit it for both",
    SAME_DOCUMENT_TEXT: "Names, dates, amounts and numbers aside, the letters are word for word the same: "
                        "one letter altered for another applicant, or one issuer's standard letter — "
                        "check with the issuer before submitting",
    SAME_PHONE: "Unrelated applicants rarely share a phone: ask whose number it is",
    SAME_EMAIL: "Unrelated applicants rarely share an e-mail address: ask whose it is",
    SAME_US_CONTACT: "A shared host or hotel happens; a shared private address needs an explanation",
}


@dataclass(frozen=True)
class Hit:
    """One key shared by the folders of different people."""

    kind: str
    cases: tuple[str, ...]
    files: tuple[tuple[str, str], ...]
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "cases": list(self.cases),
                "files": [{"case": case, "file": file} for case, file in self.files], "detail": self.detail}


def find_hits(cases: Mapping[str, Fingerprints]) -> list[Hit]:
    """Every hit among ``cases`` (folder → fingerprints), in a stable order."""
    people = same_people(cases)
    groups: dict[tuple[str, str], list[tuple[str, Mark]]] = defaultdict(list)
    for folder in sorted(cases):
        for mark in cases[folder].marks:
            groups[(mark.kind, mark.key)].append((folder, mark))
    copies = {frozenset(_files(members)) for (kind, _), members in groups.items() if kind == SAME_DOCUMENT}
    hits = []
    for (kind, _), members in groups.items():
        hit = _hit(kind, members, cases, people)
        if hit is not None and not (kind == SAME_DOCUMENT_TEXT and frozenset(hit.files) in copies):
            hits.append(hit)
    return sorted(hits, key=lambda h: (KINDS.index(h.kind), h.cases, h.files))


def _files(members: Iterable[tuple[str, Mark]]) -> list[tuple[str, str]]:
    return sorted({(folder, mark.file) for folder, mark in members})


def _hit(kind: str, members: list[tuple[str, Mark]], cases: Mapping[str, Fingerprints],
         people: Mapping[str, int]) -> Hit | None:
    folders = sorted({folder for folder, _ in members})
    persons = {people[f] for f in folders}
    if len(persons) < 2:
        return None
    chosen: dict[int, str] = {}
    for folder in folders:  # one folder per person speaks for them
        chosen.setdefault(people[folder], folder)
    speakers = list(chosen.values())
    if kind != SAME_APPLICATION_ID and _all_family(speakers, cases):
        return None
    return Hit(kind, tuple(folders), tuple(_files(members)), _detail(kind, members, cases, speakers))


def _detail(kind: str, members: list[tuple[str, Mark]], cases: Mapping[str, Fingerprints],
            chosen: list[str]) -> str:
    shown = sorted({mark.shown.replace("_", " ") for _, mark in members})
    who = "; ".join(f"{_name(cases[f].person)} ({f})" for f in chosen)
    what = f"{WHAT[kind]} ({', '.join(shown)})"
    text = f"{what[0].upper()}{what[1:]} in the folders of {len(chosen)} different applicants: {who}. "
    text += WHY[kind]
    clues = _family_clues(chosen, cases) if kind != SAME_APPLICATION_ID else []
    if clues:
        text += f". Possibly family: {'; '.join(clues[:MAX_CLUES])} (no DS-160 names the other as a relative)"
    return text + "."


def _name(person: Person | None) -> str:
    return person.name if person is not None else "applicant not read"


# --- people ---------------------------------------------------------------------------------------


class _Union:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def same_people(cases: Mapping[str, Fingerprints]) -> dict[str, int]:
    """Folder → a number per person: folders about the same applicant (same passport number, or
    the same name in any transliteration with the same date of birth) share it. A folder whose
    applicant could not be read is a person of its own."""
    union = _Union(cases)
    by_passport: dict[str, str] = {}
    # Date of birth → the spelling of a name → one folder of it: each new spelling is matched
    # against the spellings seen with that birth date (a handful), not against every folder.
    by_birth: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for folder in sorted(cases):
        person = cases[folder].person
        if person is None:
            continue
        for number in person.passports:
            if number in by_passport:
                union.join(folder, by_passport[number])
            else:
                by_passport[number] = folder
        if person.birth is None:
            continue
        spellings = by_birth[person.birth]
        spelling = _spelling(person)
        if spelling in spellings:  # met before: already joined to whoever that spelling matched
            union.join(folder, spellings[spelling])
            continue
        for other in spellings.values():
            if same_name(person, cases[other].person):
                union.join(folder, other)
        spellings[spelling] = folder
    roots = sorted({union.find(f) for f in cases})
    numbers = {root: n for n, root in enumerate(roots)}
    return {folder: numbers[union.find(folder)] for folder in cases}


def _spelling(person: Person) -> tuple[str, str]:
    return _latin(person.surnames), _latin(person.given)


def same_name(a: Person | None, b: Person | None) -> bool:
    """The same person's name, in any transliteration (``matching.names``). Names that share too
    few letters to be spellings of one name are told apart first, in microseconds: the full
    comparison takes milliseconds."""
    if a is None or b is None or not (a.surnames or a.given) or not (b.surnames or b.given):
        return False
    if not _may_be_one_name(a, b):
        return False
    surnames, given = match_person(a.surnames, a.given, b.surnames, b.given,
                                   native_old=a.native, native_new=b.native)
    return surnames.agrees and given.agrees


def _may_be_one_name(a: Person, b: Person) -> bool:
    """Cheap: the surnames and given names alike (in either order), or the whole names sharing
    their words however the words are split between the fields."""
    sa, ga, sb, gb = (_latin(t) for t in (a.surnames, a.given, b.surnames, b.given))
    straight = (fuzz.ratio(sa, sb) + fuzz.ratio(ga, gb)) / 2
    swapped = (fuzz.ratio(sa, gb) + fuzz.ratio(ga, sb)) / 2
    whole = fuzz.token_set_ratio(f"{sa} {ga}", f"{sb} {gb}")
    return max(straight, swapped) >= NAME_PREFILTER or whole >= WHOLE_NAME_PREFILTER


@lru_cache(maxsize=NAME_KEYS_KEPT)
def _latin(name: str) -> str:
    return " ".join(name_key(w) for w in name_tokens(name))


def _is_relative(relative: Person, person: Person | None) -> bool:
    if person is None or not same_name(relative, person):
        return False
    return relative.birth is None or person.birth is None or relative.birth == person.birth


def declared_family(a: Fingerprints, b: Fingerprints) -> bool:
    """One of the two DS-160s names the other's applicant as spouse, parent or relative."""
    return (any(_is_relative(r, b.person) for r in a.relatives)
            or any(_is_relative(r, a.person) for r in b.relatives))


def _all_family(folders: Sequence[str], cases: Mapping[str, Fingerprints]) -> bool:
    if len(folders) > MAX_FAMILY:
        return False
    return all(declared_family(cases[a], cases[b]) for a, b in combinations(folders, 2))


def _family_clues(folders: Sequence[str], cases: Mapping[str, Fingerprints]) -> list[str]:
    """Undeclared hints that two of the applicants are family: a surname, a home address."""
    if len(folders) > MAX_FAMILY:
        return []
    clues = []
    for a, b in combinations(folders, 2):
        pa, pb = cases[a].person, cases[b].person
        if pa is None or pb is None or declared_family(cases[a], cases[b]):
            continue
        if pa.home is not None and pa.home == pb.home:
            clues.append(f"{a} and {b} give the same home address")
        elif _surname_stem(pa) and _surname_stem(pa) == _surname_stem(pb):
            clues.append(f"{a} and {b} share the surname {pa.surnames or pb.surnames}")
    return clues


# Endings a surname takes for a woman, and the man's form (AKHMETOVA / AKHMETOV).
_FEMININE = {"OVA": "OV", "EVA": "EV", "INA": "IN", "SKAYA": "SKIY", "SKA": "SKI"}


def _surname_stem(person: Person) -> str:
    words = [name_key(w) for w in name_tokens(person.surnames)]
    if not words:
        return ""
    last = words[-1]
    for ending, masculine in _FEMININE.items():
        if last.endswith(ending) and len(last) > len(ending) + 2:
            last = last[: -len(ending)] + masculine
            break
    return " ".join([*words[:-1], last])


def hits_of(folder: str, hits: Sequence[Hit]) -> list[Hit]:
    """The hits a case is part of."""
    return [hit for hit in hits if folder in hit.cases]


def row_entries(folder: str, hits: Sequence[Hit]) -> list[str]:
    """A case's hits for its summary row: ``same_phone with client-0003, client-0007``."""
    return [f"{hit.kind} with {', '.join(c for c in hit.cases if c != folder)}"
            for hit in hits_of(folder, hits)]


def tell_hits(fingerprints: Mapping[str, dict[str, Any]], rows: Iterable[dict[str, Any]],
              reports: Mapping[str, Sequence[Path]]) -> list[dict[str, Any]]:
    """Find the hits among the finished cases (folder → fingerprints as cached), put each case's
    on its summary row (``cross_case``) and into its written reports (``reports``: folder → the
    report files); return them for ``summary.json``."""
    from ds160check.render.cross_case import with_cross_case

    hits = find_hits({folder: Fingerprints.from_dict(data) for folder, data in fingerprints.items()})
    for row in rows:
        row["cross_case"] = row_entries(row["folder"], hits)
        mine = [hit.to_dict() for hit in hits_of(row["folder"], hits)]
        for path in reports.get(row["folder"], ()) if mine else ():
            fmt = REPORT_FORMATS[path.suffix]
            write_private(path, with_cross_case(fmt, path.read_text(encoding="utf-8"), mine, row["folder"]))
    return [hit.to_dict() for hit in hits]


# A written report's format by its file's suffix (runner.FORMAT_FILES).
REPORT_FORMATS = {".json": "json", ".html": "html", ".md": "md", ".txt": "text"}
