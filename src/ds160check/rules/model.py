"""The rules as typed data, after they were loaded and checked."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from re import Pattern
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ds160check.rules.compare_rules import CompareRules

VALUE_TYPES = (
    "text",
    "name",
    "date",
    "bool",
    "enum",
    "country",
    "id",
    "phone",
    "money",
    "duration",
)
FIELD_TYPES = (*VALUE_TYPES, "list")
KINDS = ("identity", "history", "declaration", "circumstance", "trip", "document", "meta")
TRAP_FIELDS = (
    "refusal_history",
    "us_visits",
    "prior_visas",
    "names",
    "birth_identity",
    "marital_status",
    "us_relatives",
    "present_work",
    "past_work_education",
    "travel_history",
    "contact_history",
    "trip_plan",
)
ROW_PARSERS = ("name_provided", "place_of_birth")
EXPLANATION_SUFFIX = "_explanation"
BLOCK_TEMPLATE = "{block}"


@dataclass(frozen=True)
class FieldSpec:
    """One key of the field catalogue."""

    key: str
    type: str
    kind: str
    trap: str | None = None
    item: str | dict[str, str] | None = None
    gate: str | None = None
    # What each character of an identifier is (``AA00******``: letters and digits as written, ``*``
    # either): where it fixes a digit, a letter OCR read is its look-alike digit, and the reverse.
    shape: str | None = None
    # The answers CEAC offers for a closed question (an enum), as it prints them: a value OCR read
    # as one of them, or one letter off one of them only, is that answer (see extraction._trusted).
    options: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return self.type == "list"

    def item_type(self, sub_key: str | None) -> str:
        """The value type of a list item (or of one sub-key of an object item)."""
        if isinstance(self.item, dict):
            return self.item[sub_key] if sub_key is not None else "text"
        return self.item or self.type


@dataclass(frozen=True)
class Catalogue:
    """Every field key the tool reports, in catalogue order."""

    fields: dict[str, FieldSpec]

    def __contains__(self, key: object) -> bool:
        return key in self.fields

    def __getitem__(self, key: str) -> FieldSpec:
        return self.fields[key]

    def gated_by(self, gate_key: str) -> list[str]:
        return [spec.key for spec in self.fields.values() if spec.gate == gate_key]


@dataclass(frozen=True)
class Origin:
    """Where a rule was written."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Row:
    """One label rule: labels that, in the given contexts, carry the value of ``key``.

    ``key`` may contain ``{block}``: it is then completed with the current
    block (the YES/NO question just answered), e.g. ``{block}_explanation``.
    """

    key: str | None
    labels: tuple[str, ...]
    contexts: tuple[str, ...] = ()
    item: str | None = None
    part: bool = False
    parse: str | None = None
    gate: bool = False
    sets: str | None = None
    ignore: bool = False
    origin: Origin = field(default=Origin("?", 0), compare=False)

    @property
    def ident(self) -> int:
        return id(self)


@dataclass(frozen=True)
class Marker:
    """A label or heading line that opens a sub-block (``block``) inside a section."""

    block: str
    labels: tuple[str, ...]
    origin: Origin = field(default=Origin("?", 0), compare=False)


@dataclass(frozen=True)
class LabelSet:
    """The rules of one section file."""

    section: str
    headings: tuple[str, ...]
    markers: tuple[Marker, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class LayoutRules:
    """Browser header/footer noise and document markers."""

    noise: tuple[Pattern[str], ...]
    print_date: Pattern[str]
    print_markers: tuple[str, ...]
    confirmation_markers: tuple[str, ...]
    lookalikes: dict[str, tuple[str, ...]]
    # Lines that are the print's own title (or a CEAC Review page's): a print however short.
    print_titles: tuple[str, ...] = ()
    # The print's sections in the form's order, section -> the name users know.
    sections: dict[str, str] = field(default_factory=dict)
    # The answers naming the applicant and the application that every print has.
    required: tuple[str, ...] = ()


# Words of a field key a person writes otherwise (``us_ssn`` → "U.S. SSN").
KEY_WORDS = {"us": "U.S.", "ssn": "SSN", "id": "ID", "ids": "IDs", "ds": "DS", "dob": "date of birth"}


APPLICANT_SECTION = "personal."
SECTION_WORDS = {"us_contact": "U.S. contact", "contact": "Applicant", "travel": "Trip",
                 "previous_travel": "Previous travel", "work": "Work", "family": "Family"}


def section_title(key: str, title: str) -> str:
    section = key.split(".", 1)[0]
    word = SECTION_WORDS.get(section, section.replace("_", " ").capitalize())
    return f"{word}: {title[:1].lower() + title[1:] if not title[:2].isupper() else title}"


def key_title(key: str) -> str:
    """A title made from a key, for keys no printed question names: ``personal.us_ssn`` → "U.S. SSN"."""
    words = [KEY_WORDS.get(w, w) for w in key.split(".", 1)[-1].split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Rules:
    """Everything loaded from ``field_rules/``."""

    catalogue: Catalogue
    printout: tuple[LabelSet, ...]
    confirmation: LabelSet
    layout: LayoutRules
    compare: CompareRules

    @functools.cached_property
    def _titles(self) -> dict[str, str]:
        printed: dict[str, str] = {}
        for label_set in (*self.printout, self.confirmation):
            for row in label_set.rows:
                if row.key and not (row.ignore or row.item or row.sets or row.part or row.parse) \
                        and row.labels and "{" not in row.key:
                    printed.setdefault(row.key, row.labels[0].rstrip(":"))
        # A label several keys share ("Surnames" of the applicant, the father, the spouse) names
        # none of them alone: those keys are titled from the key, with their section if need be.
        # The applicant's own answer keeps the plain label ("Surnames" is the applicant's).
        uses = Counter(printed.values())
        return {k: (t if uses[t] == 1 or k.startswith(APPLICANT_SECTION) else section_title(k, key_title(k)))
                for k, t in printed.items()}

    def title(self, key: str) -> str:
        """The question as the form prints it ("U.S. Social Security Number", "Have you been
        ten-printed?"), else a title made from the key."""
        return self._titles.get(key) or key_title(key)
