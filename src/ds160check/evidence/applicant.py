"""Who the new application is about, and whether a name printed on a document is that person.

Names are compared word by word with :func:`ds160check.matching.match_names`
(transliteration-aware: ``AKHMETOVA`` is ``АХМЕТОВА``, ``YURIY`` is
``IURII``): every surname word must be on the document and at least one given
name; a patronymic or middle name the form leaves out does not count against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ds160check.comparison.engine import Side
from ds160check.matching import match_names
from ds160check.matching.fold import name_tokens

__all__ = ["ABOUT_APPLICANT", "ABOUT_OTHER", "ABOUT_RELATIVE", "ABOUT_UNKNOWN", "Applicant", "Person"]

# Whom a supporting document is about.
ABOUT_APPLICANT, ABOUT_RELATIVE, ABOUT_OTHER, ABOUT_UNKNOWN = (
    "applicant", "relative", "other", "unknown")

# Form keys of the people a document may rightly be about besides the applicant
# (a sponsor's bank statement, a spouse's certificate): (surnames, given names).
RELATIVE_KEYS: Final = (
    ("family.spouse_surnames", "family.spouse_given_names"),
    ("family.father_surnames", "family.father_given_names"),
    ("family.mother_surnames", "family.mother_given_names"),
    ("us_contact.surnames", "us_contact.given_names"),
)
# Whole names (one field) of such people.
RELATIVE_NAME_KEYS: Final = ("travel.payer_name",)
RELATIVE_LIST_KEYS: Final = ("family.immediate_relatives",)


@dataclass(frozen=True, slots=True)
class Person:
    """A person as a form names them; ``native`` is the name in its own alphabet, if printed."""

    surnames: str
    given: str
    native: str | None = None

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.surnames, self.given) if p)

    def named_by(self, printed: str) -> bool:
        """Is ``printed`` (a name on a document, any order, any alphabet) this person?"""
        if not self.surnames and not self.given:
            return False
        if match_names(self.full, printed, native_a=self.native).agrees:
            return True
        return _covers(name_tokens(self.surnames), name_tokens(self.given), name_tokens(printed),
                       self.native)


def _agrees(a: str, b: str, native: str | None) -> bool:
    return match_names(a, b, native_a=native).agrees


def _covers(surnames: Sequence[str], given: Sequence[str], printed: Sequence[str],
            native: str | None) -> bool:
    """Every surname word on the document, and one given name besides (when the form has one)."""
    used: set[int] = set()
    for word in surnames:
        found = next((i for i, other in enumerate(printed)
                      if i not in used and _agrees(word, other, native)), None)
        if found is None:
            return False
        used.add(found)
    if not surnames:
        return any(_agrees(w, o, native) for w in given for o in printed)
    return not given or any(_agrees(w, o, native) for w in given
                            for i, o in enumerate(printed) if i not in used)


@dataclass(frozen=True, slots=True)
class Applicant:
    """The new application's person, the people close to them, and the application's date."""

    person: Person
    relatives: tuple[Person, ...]
    date: dt.date | None

    @classmethod
    def of(cls, side: Side) -> Applicant:
        person = Person(_text(side.get("personal.surnames")), _text(side.get("personal.given_names")),
                        side.get("personal.full_name_native") or None)
        return cls(person, _relatives(side), side.date())

    def is_applicant(self, printed: str) -> bool:
        return self.person.named_by(printed)

    def is_relative(self, printed: str) -> bool:
        return any(relative.named_by(printed) for relative in self.relatives)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _relatives(side: Side) -> tuple[Person, ...]:
    people = [Person(_text(side.get(s)), _text(side.get(g))) for s, g in RELATIVE_KEYS]
    people += [Person(_text(side.get(key)), "") for key in RELATIVE_NAME_KEYS]
    for key in RELATIVE_LIST_KEYS:
        for item in side.get(key) or []:
            if isinstance(item, dict):
                people.append(Person(_text(item.get("surnames")), _text(item.get("given_names"))))
    return tuple(p for p in people if p.surnames or p.given)
