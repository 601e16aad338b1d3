"""The rules as typed data, after they were loaded and checked."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Rules:
    """Everything loaded from ``field_rules/``."""

    catalogue: Catalogue
    printout: tuple[LabelSet, ...]
    confirmation: LabelSet
    layout: LayoutRules
    compare: CompareRules
