"""The rule files of supporting documents, checked and compiled (spaCy is not needed for this).

``field_rules/documents/types.yaml`` (document types), ``entities.yaml`` (the
pipeline's patterns) and ``facts.yaml`` (which entity is which fact, and the
linker's tolerances). Checking collects every problem with its file and line,
as the rest of the rule folder does; :func:`load_evidence_rules` refuses to run
with a broken file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from ds160check.errors import RuleError
from ds160check.evidence.lexical import FLAG_ATTRS, NUMBER_ATTRS, STRING_ATTRS
from ds160check.regex_cache import compile_cached
from ds160check.rules import Rules, load_rules, load_rules_from
from ds160check.rules.registry import register_family
from ds160check.rules.source import Node, Source, key_line, keys_of, load_source, plain, suggest
from ds160check.rules_path import rules_dir

__all__ = [
    "ENTITIES_FILE",
    "ENTITY_LABELS",
    "FACTS_FILE",
    "TYPES_FILE",
    "CuedPattern",
    "DocumentType",
    "EntityRules",
    "EvidenceRules",
    "FactRule",
    "FactRules",
    "TypeRules",
    "check_evidence_rules",
    "load_evidence_rules",
]

TYPES_FILE: Final = Path("documents") / "types.yaml"
ENTITIES_FILE: Final = Path("documents") / "entities.yaml"
FACTS_FILE: Final = Path("documents") / "facts.yaml"

# The entity labels of the pipeline; AMOUNT is a number printed as money with
# no currency (a statement's row), counted as structure only.
ENTITY_LABELS: Final = ("ORG", "PERSON", "JOB_TITLE", "MONEY", "DATE", "ADDRESS", "AMOUNT")
# What a type's `structure` may count.
STRUCTURE_KEYS: Final = ("dates", "money", "amounts", "orgs", "persons", "addresses")
# Facts whose disagreement with the new application a type may call a contradiction.
CONTRADICTION_FACTS: Final = ("employer", "income", "start_date", "spouse", "marital_status")
# The facts of facts.yaml the code reads.
FACT_NAMES: Final = ("employer", "business", "school", "position", "start_date", "issue_date",
                     "event_date", "income", "address")
FALLBACKS: Final = ("first", "latest")
PERIODS: Final = ("monthly", "yearly")
WEIGHT_KEYS: Final = ("title", "keyword", "structure", "heading")

_TYPES_TOP: Final = ("settings", "types")
_SETTINGS_KEYS: Final = ("min_score", "confident_score", "weights", "max_age_days")
_TYPE_KEYS: Final = ("name", "title", "keywords", "not", "structure", "proves", "contradicts",
                     "max_age_days", "income_period", "given")
_ENTITIES_TOP: Final = ("terms", "regex", "regex_terms", "cued", "tokens", "dayfirst", "layout_people")
_LAYOUT_PEOPLE_KEYS: Final = ("rows", "captions", "prefixes", "not_names")
_CAPTION_KEYS: Final = ("full", "surname", "given")
_CUED_KEYS: Final = ("label", "role", "cue", "value")
_FACTS_TOP: Final = ("window", "facts", "employment", "income_period", "currency", "currency_hints",
                      "link")
_FACT_KEYS: Final = ("label", "also", "before", "after", "fallback")
_EMPLOYMENT_KEYS: Final = ("current", "former")
_PERIOD_KEYS: Final = ("after_window", "before_window", *PERIODS)
_LINK_KEYS: Final = ("income_tolerance", "months_per_year", "marital_status")
_MARITAL_KEYS: Final = ("supports", "contradicts")

# Token-pattern keys (https://spacy.io/api/matcher#patterns): the lexical attributes both
# pipelines compute alike (evidence.lexical: the light pipeline reads only these, and spaCy's
# blank pipeline has no tags, lemmas or parses to match), and the operator.
TOKEN_KEYS: Final = frozenset({*STRING_ATTRS, *FLAG_ATTRS, *NUMBER_ATTRS, "OP"})
STRING_PREDICATES: Final = ("IN", "NOT_IN", "REGEX")
NUMBER_PREDICATES: Final = ("IN", "NOT_IN", "==", "!=", ">=", "<=", ">", "<")
TOKEN_PREDICATES: Final = frozenset({*STRING_PREDICATES, *NUMBER_PREDICATES})
_OPS: Final = re.compile(r"[!?+*]|\{\d*,?\d*\}")
_TERM_REF: Final = "$"
_REGEX_TERM: Final = re.compile(r"\{([A-Za-z_]\w*)\}")

TokenPattern = list[dict[str, Any]]


# --- the compiled rules ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentType:
    """One document type of types.yaml."""

    key: str
    name: str
    given: bool
    title: tuple[re.Pattern[str], ...]
    keywords: tuple[re.Pattern[str], ...]
    vetoes: tuple[re.Pattern[str], ...]
    structure: Mapping[str, int]
    proves: frozenset[str]
    contradicts: frozenset[str]
    max_age_days: int | None
    income_period: str


@dataclass(frozen=True, slots=True)
class TypeRules:
    types: tuple[DocumentType, ...]
    min_score: float
    confident_score: float
    weights: Mapping[str, float]

    def get(self, key: str) -> DocumentType | None:
        return next((t for t in self.types if t.key == key), None)


@dataclass(frozen=True, slots=True)
class CuedPattern:
    """A cue (title, label) then a value; only the value becomes the entity."""

    label: str
    role: str
    cue: TokenPattern
    value: TokenPattern


@dataclass(frozen=True, slots=True)
class LayoutPeopleRules:
    """People a form prints by layout: beside a row label, or above a caption."""

    rows: re.Pattern[str]
    captions: Mapping[str, re.Pattern[str]]  # full / surname / given
    prefixes: re.Pattern[str]
    not_names: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class EntityRules:
    regex: tuple[tuple[str, re.Pattern[str]], ...]
    cued: tuple[CuedPattern, ...]
    tokens: tuple[tuple[str, TokenPattern], ...]
    dayfirst: bool
    layout_people: LayoutPeopleRules | None = None


@dataclass(frozen=True, slots=True)
class FactRule:
    """Entities of ``labels`` whose preceding text matches ``before`` are this fact."""

    name: str
    labels: tuple[str, ...]
    before: re.Pattern[str]
    fallback: str | None
    # A caption after the value ("20 сентября 2025 года" over "заключили брак").
    after: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class FactRules:
    window: int
    facts: Mapping[str, FactRule]
    current: tuple[re.Pattern[str], ...]
    former: tuple[re.Pattern[str], ...]
    periods: Mapping[str, re.Pattern[str]]
    after_window: int
    before_window: int
    currency: tuple[re.Pattern[str], ...]
    # ISO code -> words that name the document's country or currency when
    # no amount prints one ("Income-tax Act, 1961", "тенге").
    currency_hints: tuple[tuple[str, re.Pattern[str]], ...]
    income_tolerance: float
    months_per_year: int
    # document type -> (statuses it proves, statuses it contradicts)
    marital_status: Mapping[str, tuple[frozenset[str], frozenset[str]]]


@dataclass(frozen=True, slots=True)
class EvidenceRules:
    types: TypeRules
    entities: EntityRules
    facts: FactRules


# --- reading helpers (every problem is recorded; a default keeps checking going) --------------


class _Reader:
    def __init__(self, src: Source) -> None:
        self.src = src

    def problem(self, line: int | None, message: str) -> None:
        # A YAML alias (*name) repeats a pattern: its problem is reported once.
        if not any(p.line == line and p.message == message for p in self.src.problems):
            self.src.problem(line, message)

    def mapping(self, node: Node | None, what: str, allowed: tuple[str, ...]) -> dict[str, Node]:
        if node is None:
            return {}
        if not isinstance(node.value, dict):
            self.problem(node.line, f"{what} must be a mapping")
            return {}
        for key in keys_of(node.value):
            if key not in allowed:
                self.problem(key_line(node.value, key),
                             f"unknown {what} key {key!r}{suggest(key, allowed)}")
        return {k: node.value[k] for k in keys_of(node.value)}

    def required(self, mapping: dict[str, Node], key: str, what: str, line: int) -> Node | None:
        if key not in mapping:
            self.problem(line, f"{what} needs `{key}`")
            return None
        return mapping[key]

    def number(self, node: Node | None, what: str, default: float, *, minimum: float = 0.0
               ) -> float:
        if node is None:
            return default
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
            self.problem(node.line, f"{what} must be a number of at least {minimum}, not {value!r}")
            return default
        return float(value)

    def boolean(self, node: Node | None, what: str) -> bool:
        if node is None:
            return False
        if not isinstance(node.value, bool):
            self.problem(node.line, f"{what} must be true or false, not {node.value!r}")
            return False
        return node.value

    def strings(self, node: Node | None, what: str) -> list[tuple[str, int]]:
        if node is None:
            return []
        if not isinstance(node.value, list):
            self.problem(node.line, f"{what} must be a list of strings")
            return []
        out = []
        for item in node.value:
            if isinstance(item.value, str):
                out.append((item.value, item.line))
            else:
                self.problem(item.line, f"{what} must be strings, not {item.value!r}")
        return out

    def regex(self, text: str, line: int, what: str) -> re.Pattern[str] | None:
        try:
            return compile_cached(text, re.IGNORECASE)
        except re.error as error:
            self.problem(line, f"{what}: not a valid regular expression ({error.msg})")
            return None

    def regexes(self, node: Node | None, what: str) -> tuple[re.Pattern[str], ...]:
        found = (self.regex(text, line, what) for text, line in self.strings(node, what))
        return tuple(p for p in found if p is not None)

    def names(self, node: Node | None, what: str, known: Iterable[str]) -> frozenset[str]:
        choices = tuple(known)
        out = set()
        for name, line in self.strings(node, what):
            if name in choices:
                out.add(name)
            else:
                self.problem(line, f"{what}: unknown name {name!r}{suggest(name, choices)}")
        return frozenset(out)

    def choice(self, node: Node | None, what: str, choices: tuple[str, ...]) -> str | None:
        if node is None:
            return None
        if node.value not in choices:
            self.problem(node.line, f"{what}: {node.value!r} is not one of {', '.join(choices)}"
                                    f"{suggest(str(node.value), choices)}")
            return None
        return str(node.value)


# --- types.yaml ---------------------------------------------------------------------------------


def _read_types(src: Source, change_names: Iterable[str]) -> TypeRules:
    reader = _Reader(src)
    top = reader.mapping(src.root, "the file", _TYPES_TOP)
    settings = reader.mapping(top.get("settings"), "settings", _SETTINGS_KEYS)
    weights_map = reader.mapping(settings.get("weights"), "settings.weights", WEIGHT_KEYS)
    weights = {k: reader.number(weights_map.get(k), f"weights.{k}", 1.0) for k in WEIGHT_KEYS}
    default_age = reader.number(settings.get("max_age_days"), "settings.max_age_days", 183.0)
    changes = tuple(change_names)
    types = tuple(
        _read_type(reader, key, node, changes, int(default_age))
        for key, node in reader.mapping(top.get("types"), "types", _any_key(top.get("types"))).items()
    )
    return TypeRules(types, reader.number(settings.get("min_score"), "min_score", 1.0, minimum=0.1),
                     reader.number(settings.get("confident_score"), "confident_score", 1.0,
                                   minimum=0.1), weights)


def _any_key(node: Node | None) -> tuple[str, ...]:
    return tuple(keys_of(node.value)) if node is not None and isinstance(node.value, dict) else ()


def _read_type(reader: _Reader, key: str, node: Node, changes: tuple[str, ...],
               default_age: int) -> DocumentType:
    entry = reader.mapping(node, f"type {key!r}", _TYPE_KEYS)
    given = reader.boolean(entry.get("given"), f"{key}.given")
    name_node = reader.required(entry, "name", f"type {key!r}", node.line)
    title = reader.regexes(entry.get("title"), f"{key}.title")
    if not given and not title:
        reader.problem(node.line, f"type {key!r} needs `title` patterns (or `given: true`)")
    return DocumentType(
        key=key,
        name=str(name_node.value) if name_node is not None else key,
        given=given,
        title=title,
        keywords=reader.regexes(entry.get("keywords"), f"{key}.keywords"),
        vetoes=reader.regexes(entry.get("not"), f"{key}.not"),
        structure=_structure(reader, entry.get("structure"), key),
        proves=reader.names(entry.get("proves"), f"{key}.proves", changes),
        contradicts=reader.names(entry.get("contradicts"), f"{key}.contradicts",
                                 CONTRADICTION_FACTS),
        max_age_days=_max_age(reader, entry, key, default_age),
        income_period=reader.choice(entry.get("income_period"), f"{key}.income_period", PERIODS)
        or PERIODS[0],
    )


def _structure(reader: _Reader, node: Node | None, key: str) -> dict[str, int]:
    counts = reader.mapping(node, f"{key}.structure", STRUCTURE_KEYS)
    return {name: int(reader.number(n, f"{key}.structure.{name}", 1.0, minimum=1.0))
            for name, n in counts.items()}


def _max_age(reader: _Reader, entry: dict[str, Node], key: str, default: int) -> int | None:
    node = entry.get("max_age_days")
    if node is None:
        return default
    if node.value is None:
        return None
    return int(reader.number(node, f"{key}.max_age_days", float(default), minimum=1.0))


# --- entities.yaml ------------------------------------------------------------------------------


def _read_entities(src: Source) -> EntityRules:
    reader = _Reader(src)
    top = reader.mapping(src.root, "the file", _ENTITIES_TOP)
    terms = _terms(reader, top.get("terms"))
    regex_terms = {k: str(plain(v)) for k, v in
                   reader.mapping(top.get("regex_terms"), "regex_terms",
                                  _any_key(top.get("regex_terms"))).items()}
    patterns = _TokenPatterns(reader, terms)
    return EntityRules(
        regex=_entity_regexes(reader, top.get("regex"), regex_terms),
        cued=tuple(c for c in (_cued(reader, patterns, item) for item in
                               _list(reader, top.get("cued"), "cued")) if c is not None),
        tokens=_token_entities(reader, patterns, top.get("tokens")),
        dayfirst=reader.boolean(top.get("dayfirst"), "dayfirst"),
        layout_people=_layout_people(reader, top.get("layout_people")),
    )


def _layout_people(reader: _Reader, node: Node | None) -> LayoutPeopleRules | None:
    if node is None:
        return None
    top = reader.mapping(node, "layout_people", _LAYOUT_PEOPLE_KEYS)
    captions = reader.mapping(top.get("captions"), "layout_people.captions", _CAPTION_KEYS)

    def either(item: Node | None, what: str) -> re.Pattern[str]:
        found = reader.strings(item, what)
        joined = "|".join(f"(?:{text})" for text, _ in found)
        line = found[0][1] if found else (node.line if node else 0)
        # A caption may stand in brackets: "(фамилия, имя, отчество)".
        return reader.regex(rf"^\(?(?:{joined})\)?\s*:?$", line, what) or re.compile(r"(?!)")

    return LayoutPeopleRules(
        rows=either(top.get("rows"), "layout_people.rows"),
        captions={k: either(captions.get(k), f"layout_people.captions.{k}") for k in _CAPTION_KEYS},
        prefixes=either(top.get("prefixes"), "layout_people.prefixes"),
        not_names=either(top.get("not_names"), "layout_people.not_names"),
    )


def _list(reader: _Reader, node: Node | None, what: str) -> list[Node]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        reader.problem(node.line, f"{what} must be a list")
        return []
    return list(node.value)


def _terms(reader: _Reader, node: Node | None) -> dict[str, list[str]]:
    mapping = reader.mapping(node, "terms", _any_key(node))
    return {name: [text for text, _ in reader.strings(value, f"terms.{name}")]
            for name, value in mapping.items()}


def _labels(reader: _Reader, node: Node | None, what: str) -> dict[str, Node]:
    mapping = reader.mapping(node, what, ENTITY_LABELS)
    return mapping


def _entity_regexes(reader: _Reader, node: Node | None, terms: dict[str, str]
                    ) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out: list[tuple[str, re.Pattern[str]]] = []
    for label, patterns in _labels(reader, node, "regex").items():
        for text, line in reader.strings(patterns, f"regex.{label}"):
            expanded = _expand_regex_terms(reader, text, line, terms)
            compiled = reader.regex(expanded, line, f"regex.{label}")
            if compiled is not None:
                out.append((label, compiled))
    return tuple(out)


def _expand_regex_terms(reader: _Reader, text: str, line: int, terms: dict[str, str]) -> str:
    def term(match: re.Match[str]) -> str:
        name = match[1]
        if name not in terms:
            reader.problem(line, f"unknown regex term {{{name}}}{suggest(name, terms)}")
            return ""
        return terms[name]

    return _REGEX_TERM.sub(term, text)


class _TokenPatterns:
    """Checks spaCy token patterns without spaCy, expanding ``$term`` lists."""

    def __init__(self, reader: _Reader, terms: dict[str, list[str]]) -> None:
        self.reader = reader
        self.terms = terms

    def pattern(self, node: Node | None, what: str) -> TokenPattern | None:
        if node is None or not isinstance(node.value, list) or not node.value:
            self.reader.problem(node.line if node else None,
                                f"{what} must be a non-empty list of token patterns")
            return None
        tokens = [self.token(item, what) for item in node.value]
        return None if any(t is None for t in tokens) else [t for t in tokens if t is not None]

    def token(self, node: Node, what: str) -> dict[str, Any] | None:
        if not isinstance(node.value, dict):
            self.reader.problem(node.line, f"{what}: a token pattern must be a mapping")
            return None
        out: dict[str, Any] = {}
        for key in keys_of(node.value):
            line = key_line(node.value, key)
            if key not in TOKEN_KEYS:
                self.reader.problem(line, f"{what}: unknown token attribute {key!r}"
                                          f"{suggest(key, TOKEN_KEYS)}")
                return None
            value = self.value(key, node.value[key], what)
            if value is None:
                return None
            out[key] = value
        return out

    def value(self, key: str, node: Node, what: str) -> Any:
        value = plain(node)
        if key == "OP":
            if not (isinstance(value, str) and _OPS.fullmatch(value)):
                self.reader.problem(node.line, f"{what}: OP must be one of ! ? + * {{n,m}}, "
                                               f"not {value!r}")
                return None
            return value
        if isinstance(value, dict):
            return self.predicates(key, value, node.line, what)
        if not _is_value_of(key, value):
            self.reader.problem(node.line, f"{what}: {key} must be {_KINDS[_kind(key)]}, "
                                           f"not {value!r}")
            return None
        return value

    def predicates(self, key: str, value: dict[str, Any], line: int, what: str
                   ) -> dict[str, Any] | None:
        allowed = STRING_PREDICATES if key in STRING_ATTRS else (
            NUMBER_PREDICATES if key in NUMBER_ATTRS else ())
        out: dict[str, Any] = {}
        for name, argument in value.items():
            if name not in TOKEN_PREDICATES:
                self.reader.problem(line, f"{what}: unknown predicate {name!r}"
                                          f"{suggest(name, TOKEN_PREDICATES)}")
                return None
            if name not in allowed:
                self.reader.problem(line, f"{what}: {key} takes "
                                          f"{', '.join(allowed) or 'only true or false'}, not {name}")
                return None
            if name == "REGEX" and self.reader.regex(str(argument), line, what) is None:
                return None
            checked = self.expand(argument, line, what) if name in ("IN", "NOT_IN") else argument
            wrong = [v for v in (checked if name in ("IN", "NOT_IN") else [checked])
                     if not _is_value_of(key, v)]
            if wrong:
                self.reader.problem(line, f"{what}: {key} {name} needs {_KINDS[_kind(key)]}, "
                                          f"not {wrong[0]!r}")
                return None
            out[name] = checked
        return out

    def expand(self, items: Any, line: int, what: str) -> list[Any]:
        if isinstance(items, str) and items.startswith(_TERM_REF):
            items = [items]  # IN: $titles is the whole list
        if not isinstance(items, list):
            self.reader.problem(line, f"{what}: IN/NOT_IN needs a list")
            return []
        out: list[Any] = []
        for item in items:
            if isinstance(item, str) and item.startswith(_TERM_REF):
                name = item[len(_TERM_REF):]
                if name not in self.terms:
                    self.reader.problem(line, f"{what}: unknown term {item!r}"
                                              f"{suggest(name, self.terms)}")
                out.extend(self.terms.get(name, []))
            else:
                out.append(item)
        return out


_KINDS: Final = {"string": "a string", "flag": "true or false", "number": "an integer"}


def _kind(key: str) -> str:
    return "string" if key in STRING_ATTRS else "flag" if key in FLAG_ATTRS else "number"


def _is_value_of(key: str, value: Any) -> bool:
    kind = _kind(key)
    if kind == "string":
        return isinstance(value, str)
    if kind == "flag":
        return isinstance(value, bool)
    return isinstance(value, int) and not isinstance(value, bool)


def _cued(reader: _Reader, patterns: _TokenPatterns, node: Node) -> CuedPattern | None:
    entry = reader.mapping(node, "a cued pattern", _CUED_KEYS)
    label = reader.choice(entry.get("label"), "cued.label", ENTITY_LABELS)
    role = entry.get("role")
    cue = patterns.pattern(entry.get("cue"), "cued.cue")
    value = patterns.pattern(entry.get("value"), "cued.value")
    if label is None or role is None or cue is None or value is None:
        if role is None:
            reader.problem(node.line, "a cued pattern needs `label`, `role`, `cue` and `value`")
        return None
    return CuedPattern(label, str(role.value), cue, value)


def _token_entities(reader: _Reader, patterns: _TokenPatterns, node: Node | None
                    ) -> tuple[tuple[str, TokenPattern], ...]:
    out: list[tuple[str, TokenPattern]] = []
    for label, items in _labels(reader, node, "tokens").items():
        for item in _list(reader, items, f"tokens.{label}"):
            pattern = patterns.pattern(item, f"tokens.{label}")
            if pattern is not None:
                out.append((label, pattern))
    return tuple(out)


# --- facts.yaml ---------------------------------------------------------------------------------


def _read_facts(src: Source) -> FactRules:
    reader = _Reader(src)
    top = reader.mapping(src.root, "the file", _FACTS_TOP)
    facts_map = reader.mapping(top.get("facts"), "facts", FACT_NAMES)
    for name in FACT_NAMES:
        if name not in facts_map:
            reader.problem(src.root.line, f"facts: `{name}` is missing")
    employment = reader.mapping(top.get("employment"), "employment", _EMPLOYMENT_KEYS)
    periods = reader.mapping(top.get("income_period"), "income_period", _PERIOD_KEYS)
    link = reader.mapping(top.get("link"), "link", _LINK_KEYS)
    return FactRules(
        window=int(reader.number(top.get("window"), "window", 80.0, minimum=1.0)),
        facts={name: _fact(reader, name, node) for name, node in facts_map.items()},
        current=reader.regexes(employment.get("current"), "employment.current"),
        former=reader.regexes(employment.get("former"), "employment.former"),
        periods={p: _either(reader, periods.get(p), f"income_period.{p}") for p in PERIODS},
        after_window=int(reader.number(periods.get("after_window"), "after_window", 40.0)),
        before_window=int(reader.number(periods.get("before_window"), "before_window", 40.0)),
        currency=reader.regexes(top.get("currency"), "currency"),
        currency_hints=_currency_hints(reader, top.get("currency_hints")),
        income_tolerance=reader.number(link.get("income_tolerance"), "income_tolerance", 0.1),
        months_per_year=int(reader.number(link.get("months_per_year"), "months_per_year", 12.0,
                                          minimum=1.0)),
        marital_status=_marital(reader, link.get("marital_status")),
    )


def _marital(reader: _Reader, node: Node | None
             ) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    out = {}
    for kind, entry_node in reader.mapping(node, "link.marital_status", _any_key(node)).items():
        entry = reader.mapping(entry_node, f"marital_status.{kind}", _MARITAL_KEYS)
        statuses = [frozenset(text.upper() for text, _ in
                              reader.strings(entry.get(k), f"marital_status.{kind}.{k}"))
                    for k in _MARITAL_KEYS]
        out[kind] = (statuses[0], statuses[1])
    return out


def _either(reader: _Reader, node: Node | None, what: str) -> re.Pattern[str]:
    sources = [text for text, _ in reader.strings(node, what)]
    for text, line in reader.strings(node, what):
        reader.regex(text, line, what)
    either = "|".join(f"(?:{s})" for s in sources) or "(?!)"
    try:
        return compile_cached(either, re.IGNORECASE)
    except re.error:
        return re.compile("(?!)")


def _fact(reader: _Reader, name: str, node: Node) -> FactRule:
    entry = reader.mapping(node, f"facts.{name}", _FACT_KEYS)
    label = reader.choice(entry.get("label"), f"facts.{name}.label", ENTITY_LABELS)
    also = [text for text, line in reader.strings(entry.get("also"), f"facts.{name}.also")
            if reader.choice(Node(text, line), f"facts.{name}.also", ENTITY_LABELS)]
    cues = [text for text, line in reader.strings(entry.get("before"), f"facts.{name}.before")
            if reader.regex(text, line, f"facts.{name}.before") is not None]
    anchored = "|".join(f"(?:{c})" for c in cues) or "(?!)"
    after = [text for text, line in reader.strings(entry.get("after"), f"facts.{name}.after")
             if reader.regex(text, line, f"facts.{name}.after") is not None]
    return FactRule(
        name=name,
        labels=(label or "ORG", *also),
        before=compile_cached(rf"(?:{anchored})[\s,:;'\"«“(-]*$", re.IGNORECASE),
        fallback=reader.choice(entry.get("fallback"), f"facts.{name}.fallback", FALLBACKS),
        after=compile_cached(r"^[\s,.:;)»”\"-]*(?:" + "|".join(f"(?:{a})" for a in after) + ")",
                             re.IGNORECASE) if after else None,
    )


def _currency_hints(reader: _Reader, node: Node | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    hints = reader.mapping(node, "currency_hints", _any_key(node))
    out = []
    for code, item in hints.items():
        if not re.fullmatch(r"[A-Z]{3}", code):
            reader.problem(item.line, f"currency_hints: {code!r} is not an ISO 4217 code (three capitals)")
            continue
        found = reader.strings(item, f"currency_hints.{code}")
        joined = "|".join(f"(?:{text})" for text, _ in found)
        pattern = reader.regex(joined, item.line, f"currency_hints.{code}") if found else None
        if pattern is not None:
            out.append((code, pattern))
    return tuple(out)


# --- entry points ----------------------------------------------------------------------------


_FILES: Final[tuple[tuple[Path, str], ...]] = (
    (TYPES_FILE, "types"), (ENTITIES_FILE, "entities"), (FACTS_FILE, "facts"),
)


def check_evidence_rules(directory: Path, change_names: Iterable[str]
                         ) -> tuple[EvidenceRules, list[Source]]:
    """Read the three files of ``directory/documents``; problems are left in each Source."""
    for relative, _ in _FILES:
        if not (directory / relative).exists():
            raise RuleError(directory / relative, None, "missing from the rule folder")
    sources = [load_source(directory / relative) for relative, _ in _FILES]
    readers: tuple[Callable[[Source], Any], ...] = (
        lambda s: _read_types(s, change_names), _read_entities, _read_facts,
    )
    types, entities, facts = (read(src) for read, src in zip(readers, sources, strict=True))
    _check_type_names(sources[2], facts, types)
    return EvidenceRules(types, entities, facts), sources


def _check_type_names(src: Source, facts: FactRules, types: TypeRules) -> None:
    known = [t.key for t in types.types]
    for kind in facts.marital_status:
        if kind not in known:
            src.problem(None, f"link.marital_status: unknown document type {kind!r}"
                              f"{suggest(kind, known)}")


def _family_sources(directory: Path, rules: Rules) -> list[Source]:
    """The three files checked with the form's rules (``ds160check rules check``, ``load_rules_from``)."""
    changes = tuple(rules.compare.change_names)
    if directory == rules_dir():
        return _checked_shipped(changes)[1]
    return check_evidence_rules(directory, changes)[1]


register_family("documents", _family_sources)

# The shipped files as checked, by the form's change names: the same check load_rules() makes of
# them as a family (when this module was imported first) gives the rules the documents stage uses.
_SHIPPED_CHECKS: dict[tuple[Path, tuple[str, ...]], tuple[EvidenceRules, list[Source]]] = {}


def _checked_shipped(change_names: tuple[str, ...]) -> tuple[EvidenceRules, list[Source]]:
    key = (rules_dir(), change_names)
    if key not in _SHIPPED_CHECKS:
        _SHIPPED_CHECKS[key] = check_evidence_rules(*key)
    return _SHIPPED_CHECKS[key]


@cache
def _shipped() -> EvidenceRules:
    rules, sources = _checked_shipped(tuple(load_rules().compare.change_names))
    _refuse_problems(sources)
    return rules


def load_evidence_rules(directory: Path | None = None) -> EvidenceRules:
    """The shipped rules (loaded once), or those of ``directory``; a problem raises RuleError."""
    return _shipped() if directory is None else load_evidence_rules_from(directory)


def load_evidence_rules_from(directory: Path) -> EvidenceRules:
    changes = load_rules_from(directory).compare.change_names
    rules, sources = check_evidence_rules(directory, changes)
    _refuse_problems(sources)
    return rules


def _refuse_problems(sources: list[Source]) -> None:
    """A :class:`RuleError` naming the first problem of ``sources``, if any."""
    problems = [p for src in sources for p in src.problems]
    if problems:
        first = problems[0]
        raise RuleError(first.path, first.line, first.message)
