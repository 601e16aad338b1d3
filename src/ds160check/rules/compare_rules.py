"""The compare rules (``field_rules/compare/``): finding codes and which fields are compared how."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ds160check.rules.codes import ACTIONS, SEVERITIES, Code
from ds160check.rules.model import Catalogue
from ds160check.rules.source import Node, Source, key_line, keys_of, plain, suggest

# The matchers of ds160check.comparison.matchers by name (SCALAR, ITEM_SCORERS: a test keeps them
# alike): the rules name them, and reading the rules must not import the matching stage.
SCALAR_MATCHERS = ("name", "date", "text", "place", "country", "id", "phone", "email", "money", "duration",
                   "organization", "address", "bool")
ITEM_MATCHERS = ("visit", "license", "other_name", "employer", "school", "country", "phone", "email",
                 "social", "lost_passport", "military", "text")
CODE_KEYS = ("severity", "action", "message", "doc", "variants", "expected")
# A variant of a code: the same code told otherwise in a known situation.
VARIANT_KEYS = ("severity", "action", "message")
FIELDS_FILE_KEYS = (
    "settings",
    "identity",
    "declarations",
    "history",
    "history_facts",
    "contact_history",
    "circumstances",
    "trip",
    "document",
    "renewals",
    "passport_page",
)
SETTINGS = {"min_days_after_refusal": int, "money_tolerance": float, "history_window_years": int}


@dataclass(frozen=True)
class CodeSpec:
    code: Code
    severity: str
    action: str
    message: str
    doc: str
    # name -> (severity, action, message): e.g. DECLARATION_NEW_YES when the
    # case itself explains the new YES (``honest``).
    variants: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # The answer the new application should give (UNDISCLOSED_REFUSAL: YES): reports show
    # the answer given as the problem, not as a change.
    expected: str | None = None


@dataclass(frozen=True)
class IdentityRule:
    fields: tuple[str, ...]
    matcher: str
    severity: str


@dataclass(frozen=True)
class HistoryRule:
    field: str
    matcher: str
    window: bool
    conflict: dict[str, str]


@dataclass(frozen=True)
class HistoryFact:
    fields: tuple[str, ...]
    newer_when_later: str | None


@dataclass(frozen=True)
class ContactHistoryRule:
    sources: tuple[str, ...]
    # Where the new application may hold an old value: a field, or one sub-key of a list's items
    # (``work.previous_employers.phone``: the old work phone kept as the previous employer's).
    targets: tuple[tuple[str, str | None], ...]
    matcher: str
    report_as: str


@dataclass(frozen=True)
class CircumstanceRule:
    name: str
    title: str
    keys: tuple[str, ...]
    matcher: str
    also: tuple[str, ...]
    material: bool
    both_required: bool
    # The form prints no such section when this key has one of these values
    # (no employer for NOT EMPLOYED): then absent means "none", a change to tell.
    none_when: tuple[str, frozenset[str]] | None = None


@dataclass(frozen=True)
class SimpleRule:
    field: str
    matcher: str


@dataclass(frozen=True)
class PassportRule:
    """Fields of a passport data page against the new application: a difference at ``severity``.

    ``change``: the renewal (a `renewals` name) such a difference takes away,
    and that the page proves when they agree.
    """

    fields: tuple[str, ...]
    matcher: str
    severity: str
    change: str | None


@dataclass(frozen=True)
class CompareRules:
    codes: dict[Code, CodeSpec]
    min_days_after_refusal: int
    money_tolerance: float
    history_window_years: int
    identity: tuple[IdentityRule, ...]
    declarations: tuple[str, ...]
    history: tuple[HistoryRule, ...]
    history_facts: tuple[HistoryFact, ...]
    contact_history: tuple[ContactHistoryRule, ...]
    circumstances: tuple[CircumstanceRule, ...]
    trip: tuple[SimpleRule, ...]
    document: tuple[SimpleRule, ...]
    # Documents renewed between the applications: a change a supporting document proves,
    # reported as DOCUMENT_CHANGED, never material.
    renewals: tuple[CircumstanceRule, ...] = ()
    passport_page: tuple[PassportRule, ...] = ()

    @property
    def change_names(self) -> list[str]:
        """What a supporting document may prove: the circumstances and the renewals."""
        return [c.name for c in (*self.circumstances, *self.renewals)]


class _Reader:
    """Validating accessors over one rule file; every problem is noted, none stops the check."""

    def __init__(self, src: Source, catalogue: Catalogue) -> None:
        self.src = src
        self.catalogue = catalogue

    def mapping(
        self, node: Node | None, what: str, allowed: tuple[str, ...] | None = None
    ) -> dict[str, Node]:
        if node is None:
            return {}
        if not isinstance(node.value, dict):
            self.src.problem(node.line, f"{what} must be a mapping")
            return {}
        if allowed is not None:
            for key in keys_of(node.value):
                if key not in allowed:
                    self.src.problem(
                        key_line(node.value, key),
                        f"unknown {what} key {key!r}{suggest(key, allowed)}",
                    )
        return node.value

    def items(self, node: Node | None, what: str) -> list[Node]:
        if node is None:
            return []
        if isinstance(node.value, list):
            return list(node.value)
        self.src.problem(node.line, f"{what} must be a list")
        return []

    def choice(self, node: Node | None, what: str, choices: tuple[str, ...], line: int) -> str:
        value = plain(node) if node is not None else None
        if value not in choices:
            self.src.problem(
                node.line if node else line,
                f"{what} must be one of {', '.join(choices)}, not {value!r}{suggest(str(value), choices)}",
            )
            return choices[0]
        return str(value)

    def key(self, node: Node | None, line: int, what: str = "field") -> str:
        value = plain(node) if node is not None else None
        if not isinstance(value, str) or value not in self.catalogue:
            self.src.problem(
                node.line if node else line,
                f"unknown {what} {value!r}{suggest(str(value), self.catalogue.fields)}",
            )
        return str(value)

    def key_or_item(self, node: Node | None, line: int) -> tuple[str, str | None]:
        """A field key, or ``<list key>.<sub-key>``: one sub-key of a list of objects."""
        value = plain(node) if node is not None else None
        if isinstance(value, str) and value not in self.catalogue and "." in value:
            key, _, sub = value.rpartition(".")
            spec = self.catalogue.fields.get(key)
            if spec is not None and isinstance(spec.item, dict):
                if sub not in spec.item:
                    self.src.problem(
                        node.line if node else line,
                        f"{key} items have no {sub!r}{suggest(sub, list(spec.item))}",
                    )
                return key, sub
        return self.key(node, line), None

    def keys(self, node: Node | None, line: int) -> tuple[str, ...]:
        if node is not None and isinstance(node.value, str):
            return (self.key(node, line),)
        return tuple(self.key(item, item.line) for item in self.items(node, "fields"))

    def flag(self, node: Node | None, what: str) -> bool:
        if node is None:
            return False
        if isinstance(node.value, bool):
            return node.value
        self.src.problem(node.line, f"{what} must be true or false")
        return False

    def text(self, node: Node | None, what: str, line: int) -> str:
        if node is not None and isinstance(node.value, str) and node.value.strip():
            return node.value
        self.src.problem(node.line if node else line, f"{what} must be a non-empty string")
        return ""


def _variants(reader: _Reader, node: Node | None, line: int) -> dict[str, tuple[str, str, str]]:
    out = {}
    listed = reader.mapping(node, "variants")
    for name in keys_of(listed):
        entry = reader.mapping(listed[name], f"variants.{name}", VARIANT_KEYS)
        where = key_line(listed, name)
        out[name] = (reader.choice(entry.get("severity"), "severity", SEVERITIES, where),
                     reader.choice(entry.get("action"), "action", ACTIONS, where),
                     reader.text(entry.get("message"), "message", where))
    return out


def load_codes(src: Source) -> dict[Code, CodeSpec]:
    reader = _Reader(src, Catalogue({}))
    root = reader.mapping(src.root, "codes file")
    known = [c.value for c in Code]
    specs: dict[Code, CodeSpec] = {}
    for name in keys_of(root):
        line = key_line(root, name)
        if name not in known:
            src.problem(line, f"unknown finding code {name!r}{suggest(name, known)}")
            continue
        entry = reader.mapping(root[name], "code", CODE_KEYS)
        specs[Code(name)] = CodeSpec(
            code=Code(name),
            severity=reader.choice(entry.get("severity"), "severity", SEVERITIES, line),
            action=reader.choice(entry.get("action"), "action", ACTIONS, line),
            message=reader.text(entry.get("message"), "message", line),
            doc=reader.text(entry.get("doc"), "doc", line),
            variants=_variants(reader, entry.get("variants"), line),
            expected=reader.text(entry["expected"], "expected", line) if "expected" in entry else None,
        )
    for code in Code:
        if code not in specs:
            src.problem(src.root.line, f"finding code {code.value} is not defined")
    return specs


def _settings(reader: _Reader, node: Node | None) -> dict[str, Any]:
    entry = reader.mapping(node, "settings", tuple(SETTINGS))
    out: dict[str, Any] = {}
    for name, kind in SETTINGS.items():
        value = plain(entry[name]) if name in entry else None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            reader.src.problem(
                entry[name].line if name in entry else reader.src.root.line,
                f"settings.{name} must be a non-negative {kind.__name__}",
            )
            value = 0
        out[name] = kind(value)
    return out


def _identity(reader: _Reader, node: Node | None) -> tuple[IdentityRule, ...]:
    rules = []
    for item in reader.items(node, "identity"):
        entry = reader.mapping(item, "identity rule", ("fields", "matcher", "severity"))
        rules.append(
            IdentityRule(
                fields=reader.keys(entry.get("fields"), item.line),
                matcher=reader.choice(entry.get("matcher"), "matcher", SCALAR_MATCHERS, item.line),
                severity=reader.choice(entry.get("severity"), "severity", SEVERITIES, item.line),
            )
        )
    return tuple(rules)


def _declarations(reader: _Reader, node: Node | None, catalogue: Catalogue) -> tuple[str, ...]:
    entry = reader.mapping(node, "declarations", ("fields", "all_of_section"))
    keys = list(reader.keys(entry.get("fields"), node.line if node else 1))
    for section in reader.items(entry.get("all_of_section"), "all_of_section"):
        prefix = f"{plain(section)}."
        found = [
            k for k, s in catalogue.fields.items() if k.startswith(prefix) and s.type == "bool"
        ]
        if not found:
            reader.src.problem(section.line, f"no YES/NO fields in section {plain(section)!r}")
        keys += found
    for key in keys:
        if key in catalogue and catalogue[key].type != "bool":
            reader.src.problem(node.line if node else 1, f"{key} is not a YES/NO field")
    return tuple(dict.fromkeys(keys))


def _history(reader: _Reader, node: Node | None) -> tuple[HistoryRule, ...]:
    rules = []
    for item in reader.items(node, "history"):
        entry = reader.mapping(item, "history rule", ("field", "matcher", "window", "conflict"))
        field = reader.key(entry.get("field"), item.line)
        conflict_node = reader.mapping(entry.get("conflict"), "conflict")
        conflict = {
            sub: reader.choice(conflict_node[sub], "conflict matcher", SCALAR_MATCHERS, item.line)
            for sub in keys_of(conflict_node)
        }
        spec = reader.catalogue.fields.get(field)
        subs = list(spec.item) if spec is not None and isinstance(spec.item, dict) else []
        for sub in conflict:
            if sub not in subs:
                reader.src.problem(item.line, f"{field} items have no {sub!r}")
        rules.append(
            HistoryRule(
                field=field,
                matcher=reader.choice(entry.get("matcher"), "matcher", ITEM_MATCHERS, item.line),
                window=reader.flag(entry.get("window"), "window"),
                conflict=conflict,
            )
        )
    return tuple(rules)


def _history_facts(reader: _Reader, node: Node | None) -> tuple[HistoryFact, ...]:
    facts = []
    for item in reader.items(node, "history_facts"):
        entry = reader.mapping(item, "history fact", ("fields", "newer_when_later"))
        later = entry.get("newer_when_later")
        facts.append(
            HistoryFact(
                fields=reader.keys(entry.get("fields"), item.line),
                newer_when_later=reader.key(later, item.line) if later is not None else None,
            )
        )
    return tuple(facts)


def _contact_history(reader: _Reader, node: Node | None) -> tuple[ContactHistoryRule, ...]:
    rules = []
    for item in reader.items(node, "contact_history"):
        entry = reader.mapping(
            item, "contact history rule", ("from", "into", "matcher", "report_as")
        )
        rules.append(
            ContactHistoryRule(
                sources=reader.keys(entry.get("from"), item.line),
                targets=tuple(
                    reader.key_or_item(target, target.line)
                    for target in reader.items(entry.get("into"), "into")
                ),
                matcher=reader.choice(entry.get("matcher"), "matcher", SCALAR_MATCHERS, item.line),
                report_as=reader.key(entry.get("report_as"), item.line),
            )
        )
    return tuple(rules)


def _circumstances(reader: _Reader, node: Node | None, what: str = "circumstances"
                   ) -> tuple[CircumstanceRule, ...]:
    rules = []
    allowed = ("name", "title", "key", "matcher", "also", "material", "when", "none_when")
    for item in reader.items(node, what):
        entry = reader.mapping(item, "circumstance", allowed)
        when = entry.get("when")
        if when is not None and plain(when) != "both":
            reader.src.problem(when.line, f"when must be 'both', not {plain(when)!r}")
        rules.append(
            CircumstanceRule(
                name=reader.text(entry.get("name"), "name", item.line),
                title=reader.text(entry.get("title"), "title", item.line),
                keys=reader.keys(entry.get("key"), item.line),
                matcher=reader.choice(entry.get("matcher"), "matcher", SCALAR_MATCHERS, item.line),
                also=reader.keys(entry.get("also"), item.line) if "also" in entry else (),
                material=reader.flag(entry.get("material"), "material"),
                both_required=when is not None,
                none_when=_none_when(reader, entry.get("none_when"), item.line),
            )
        )
    return tuple(rules)


def _none_when(reader: _Reader, node: Node | None, line: int) -> tuple[str, frozenset[str]] | None:
    if node is None:
        return None
    entry = reader.mapping(node, "none_when", ("key", "values"))
    values = plain(entry["values"]) if "values" in entry else None
    if not isinstance(values, list) or not values:
        reader.src.problem(node.line, "none_when.values must be a non-empty list")
        return None
    return reader.key(entry.get("key"), line), frozenset(str(v).upper() for v in values)


def _simple(reader: _Reader, node: Node | None, what: str) -> tuple[SimpleRule, ...]:
    rules = []
    for item in reader.items(node, what):
        entry = reader.mapping(item, f"{what} rule", ("field", "matcher"))
        rules.append(
            SimpleRule(
                field=reader.key(entry.get("field"), item.line),
                matcher=reader.choice(entry.get("matcher"), "matcher", SCALAR_MATCHERS, item.line),
            )
        )
    return tuple(rules)


def _passport_page(reader: _Reader, node: Node | None, renewals: tuple[CircumstanceRule, ...]
                   ) -> tuple[PassportRule, ...]:
    names = [r.name for r in renewals]
    rules = []
    for item in reader.items(node, "passport_page"):
        entry = reader.mapping(item, "passport_page rule", ("fields", "matcher", "severity", "change"))
        change = plain(entry["change"]) if "change" in entry else None
        if change is not None and change not in names:
            reader.src.problem(entry["change"].line, f"passport_page: change {change!r} is not a "
                                                     f"renewal{suggest(str(change), names)}")
        rules.append(PassportRule(
            fields=reader.keys(entry.get("fields"), item.line),
            matcher=reader.choice(entry.get("matcher"), "matcher", SCALAR_MATCHERS, item.line),
            severity=reader.choice(entry.get("severity"), "severity", SEVERITIES, item.line),
            change=str(change) if change is not None else None,
        ))
    return tuple(rules)


def load_compare_rules(codes_src: Source, fields_src: Source, catalogue: Catalogue) -> CompareRules:
    """Typed compare rules; problems are noted on the sources."""
    reader = _Reader(fields_src, catalogue)
    root = reader.mapping(fields_src.root, "compare fields file", FIELDS_FILE_KEYS)
    settings = _settings(reader, root.get("settings"))
    renewals = tuple(replace(r, material=False) for r in
                     _circumstances(reader, root.get("renewals"), "renewals"))
    return CompareRules(
        codes=load_codes(codes_src),
        min_days_after_refusal=settings["min_days_after_refusal"],
        money_tolerance=settings["money_tolerance"],
        history_window_years=settings["history_window_years"],
        identity=_identity(reader, root.get("identity")),
        declarations=_declarations(reader, root.get("declarations"), catalogue),
        history=_history(reader, root.get("history")),
        history_facts=_history_facts(reader, root.get("history_facts")),
        contact_history=_contact_history(reader, root.get("contact_history")),
        circumstances=_circumstances(reader, root.get("circumstances")),
        trip=_simple(reader, root.get("trip"), "trip"),
        document=_simple(reader, root.get("document"), "document"),
        renewals=renewals,
        passport_page=_passport_page(reader, root.get("passport_page"), renewals),
    )
