"""Load and check the rule files of ``field_rules/``.

Checking never stops at the first problem: ``check_rules`` returns every
problem with file, line and a "did you mean" where one helps, and
``load_rules`` refuses to run with a broken rule set (fail loudly, never skip).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Final

from ds160check.errors import RuleError
from ds160check.rules.compare_rules import load_compare_rules
from ds160check.rules.labels import label_key
from ds160check.rules.model import (
    BLOCK_TEMPLATE,
    EXPLANATION_SUFFIX,
    FIELD_TYPES,
    KINDS,
    ROW_PARSERS,
    TRAP_FIELDS,
    VALUE_TYPES,
    Catalogue,
    FieldSpec,
    LabelSet,
    LayoutRules,
    Marker,
    Origin,
    Row,
    Rules,
)
from ds160check.rules.registry import family_sources
from ds160check.rules.source import Node, Source, key_line, keys_of, load_source, plain, suggest
from ds160check.rules_path import rules_dir

__all__ = ["check_rules", "load_rules", "load_rules_from", "suggest"]

CATALOGUE_FILE = "catalogue.yaml"
LAYOUT_FILE = "layout.yaml"
CONFIRMATION_FILE = "confirmation.yaml"
PRINT_DIR = "print"
COMPARE_CODES_FILE = "compare/codes.yaml"
COMPARE_FIELDS_FILE = "compare/fields.yaml"
PRIVACY_FILE = "privacy.yaml"

CATALOGUE_ENTRY_KEYS = ("type", "kind", "trap", "item", "gate", "explained", "shape", "options")
# A shape: upper-case letters and digits as they must stand, ``*`` for either.
_SHAPE: Final = re.compile(r"[A-Z0-9*]+")
LABEL_FILE_KEYS = ("section", "headings", "markers", "rows")
MARKER_KEYS = ("block", "labels")
ROW_KEYS = ("key", "labels", "in", "item", "part", "parse", "gate", "sets", "ignore")
LAYOUT_KEYS = ("noise", "print_date", "markers", "lookalikes", "sections", "required")
MARKER_KINDS = ("title", "print", "confirmation")
# The first word of the titles of CEAC's Review pages ("Review Personal").
REVIEW_PAGE_WORD = "Review"


def _check_keys(src: Source, mapping: dict[str, Node], allowed: tuple[str, ...], what: str) -> None:
    for key in keys_of(mapping):
        if key not in allowed:
            src.problem(key_line(mapping, key), f"unknown {what} key {key!r}{suggest(key, allowed)}")


def _mapping(src: Source, node: Node, what: str) -> dict[str, Node]:
    if isinstance(node.value, dict):
        return node.value
    src.problem(node.line, f"{what} must be a mapping, not {_kind(node.value)}")
    return {}


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", str: "a string", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _strings(src: Source, node: Node | None, what: str) -> tuple[str, ...]:
    if node is None:
        return ()
    if not isinstance(node.value, list):
        src.problem(node.line, f"{what} must be a list of strings, not {_kind(node.value)}")
        return ()
    out: list[str] = []
    for item in node.value:
        if isinstance(item.value, str) and item.value.strip():
            out.append(item.value)
        else:
            src.problem(item.line, f"{what} must be non-empty strings, not {item.value!r}")
    return tuple(out)


def _bool(src: Source, node: Node | None, what: str) -> bool:
    if node is None:
        return False
    if isinstance(node.value, bool):
        return node.value
    src.problem(node.line, f"{what} must be true or false, not {node.value!r}")
    return False


def _string(src: Source, node: Node | None, what: str) -> str | None:
    if node is None:
        return None
    if isinstance(node.value, str) and node.value.strip():
        return node.value
    src.problem(node.line, f"{what} must be a non-empty string, not {node.value!r}")
    return None


# --- catalogue ---------------------------------------------------------------


def _catalogue_item(src: Source, node: Node | None, type_name: str) -> str | dict[str, str] | None:
    if node is None:
        if type_name == "list":
            src.problem(None, "a list field needs `item`")
        return None
    if isinstance(node.value, str):
        if node.value not in VALUE_TYPES:
            src.problem(node.line, f"unknown item type {node.value!r}{suggest(node.value, VALUE_TYPES)}")
        return str(node.value)
    sub = _mapping(src, node, "item")
    out: dict[str, str] = {}
    for name in keys_of(sub):
        value = sub[name].value
        if value not in VALUE_TYPES:
            src.problem(sub[name].line, f"unknown item type {value!r}{suggest(str(value), VALUE_TYPES)}")
        out[name] = str(value)
    return out


def _catalogue_entry(src: Source, key: str, node: Node) -> list[FieldSpec]:
    entry = _mapping(src, node, f"catalogue entry {key!r}")
    _check_keys(src, entry, CATALOGUE_ENTRY_KEYS, "catalogue entry")
    type_name = plain(entry["type"]) if "type" in entry else None
    kind = plain(entry["kind"]) if "kind" in entry else None
    if type_name not in FIELD_TYPES:
        src.problem(node.line, f"{key}: unknown type {type_name!r}{suggest(str(type_name), FIELD_TYPES)}")
    if kind not in KINDS:
        src.problem(node.line, f"{key}: unknown kind {kind!r}{suggest(str(kind), KINDS)}")
    trap = _string(src, entry.get("trap"), "trap")
    if trap is not None and trap not in TRAP_FIELDS:
        src.problem(entry["trap"].line, f"{key}: unknown trap field {trap!r}{suggest(trap, TRAP_FIELDS)}")
    spec = FieldSpec(
        key=key,
        type=str(type_name),
        kind=str(kind),
        trap=trap,
        item=_catalogue_item(src, entry.get("item"), str(type_name)),
        gate=_string(src, entry.get("gate"), "gate"),
        shape=_shape(src, key, entry.get("shape"), str(type_name)),
        options=_options(src, key, entry.get("options"), str(type_name)),
    )
    specs = [spec]
    if _bool(src, entry.get("explained"), "explained"):
        specs.append(FieldSpec(key + EXPLANATION_SUFFIX, "text", "history", trap))
    return specs


def _shape(src: Source, key: str, node: Node | None, type_name: str) -> str | None:
    shape = _string(src, node, "shape")
    if shape is None or node is None:
        return None
    if type_name != "id":
        src.problem(node.line, f"{key}: a shape is for identifiers (type id), not {type_name!r}")
    if not _SHAPE.fullmatch(shape):
        src.problem(node.line, f"{key}: shape {shape!r} may hold only capital letters, digits and '*'")
    return shape


def _options(src: Source, key: str, node: Node | None, type_name: str) -> tuple[str, ...]:
    options = _strings(src, node, f"{key}: options")
    if node is None:
        return ()
    if type_name != "enum":
        src.problem(node.line, f"{key}: options are for a closed list of answers (type enum), "
                    f"not {type_name!r}")
    for option in options:
        if option != " ".join(option.split()).upper():
            src.problem(node.line, f"{key}: option {option!r} must be written as CEAC prints it "
                        f"(capitals, single spaces): {' '.join(option.split()).upper()!r}")
    if len(set(options)) != len(options):
        src.problem(node.line, f"{key}: an option is listed twice")
    return options


def _catalogue(src: Source) -> Catalogue:
    root = _mapping(src, src.root, "the catalogue")
    fields: dict[str, FieldSpec] = {}
    for key in keys_of(root):
        for spec in _catalogue_entry(src, key, root[key]):
            fields[spec.key] = spec
    for spec in fields.values():
        if spec.gate is not None and (spec.gate not in fields or fields[spec.gate].type != "bool"):
            src.problem(
                key_line(root, spec.key),
                f"{spec.key}: gate {spec.gate!r} is not a YES/NO key{suggest(spec.gate, fields)}",
            )
    return Catalogue(fields)


# --- label files -------------------------------------------------------------


def _marker(src: Source, node: Node) -> Marker | None:
    entry = _mapping(src, node, "a marker")
    _check_keys(src, entry, MARKER_KEYS, "marker")
    block = _string(src, entry.get("block"), "block")
    labels = _strings(src, entry.get("labels"), "labels")
    if block is None or not labels:
        src.problem(node.line, "a marker needs `block` and `labels`")
        return None
    return Marker(block, labels, Origin(src.display, node.line))


def _row(src: Source, node: Node) -> Row | None:
    entry = _mapping(src, node, "a row")
    _check_keys(src, entry, ROW_KEYS, "row")
    labels = _strings(src, entry.get("labels"), "labels")
    ignore = _bool(src, entry.get("ignore"), "ignore")
    key = _string(src, entry.get("key"), "key")
    if not labels:
        src.problem(node.line, "a row needs `labels`")
        return None
    if key is None and not ignore:
        src.problem(node.line, "a row needs a `key` (or `ignore: true`)")
        return None
    parse = _string(src, entry.get("parse"), "parse")
    if parse is not None and parse not in ROW_PARSERS:
        src.problem(entry["parse"].line, f"unknown parse {parse!r}{suggest(parse, ROW_PARSERS)}")
    return Row(
        key=key,
        labels=labels,
        contexts=_strings(src, entry.get("in"), "in"),
        item=_string(src, entry.get("item"), "item"),
        part=_bool(src, entry.get("part"), "part"),
        parse=parse,
        gate=_bool(src, entry.get("gate"), "gate"),
        sets=_string(src, entry.get("sets"), "sets"),
        ignore=ignore,
        origin=Origin(src.display, node.line),
    )


def _label_set(src: Source) -> LabelSet:
    root = _mapping(src, src.root, "a label file")
    _check_keys(src, root, LABEL_FILE_KEYS, "label file")
    section = _string(src, root.get("section"), "section") or src.path.stem
    markers = [_marker(src, n) for n in _items(src, root.get("markers"), "markers")]
    rows = [_row(src, n) for n in _items(src, root.get("rows"), "rows")]
    return LabelSet(
        section=section,
        headings=_strings(src, root.get("headings"), "headings"),
        markers=tuple(m for m in markers if m is not None),
        rows=tuple(r for r in rows if r is not None),
    )


def _items(src: Source, node: Node | None, what: str) -> list[Node]:
    if node is None:
        return []
    if isinstance(node.value, list):
        return list(node.value)
    src.problem(node.line, f"{what} must be a list, not {_kind(node.value)}")
    return []


def _check_row_keys(src: Source, row: Row, catalogue: Catalogue) -> None:
    if row.key is None or BLOCK_TEMPLATE in row.key:
        return
    if row.key not in catalogue:
        src.problem(row.origin.line, f"unknown field key {row.key!r}{suggest(row.key, catalogue.fields)}")
        return
    spec = catalogue[row.key]
    if row.item is not None:
        subs = list(spec.item) if isinstance(spec.item, dict) else []
        if row.item not in subs:
            src.problem(row.origin.line, f"{row.key} has no item {row.item!r}{suggest(row.item, subs)}")
    elif isinstance(spec.item, dict) and not row.gate:
        src.problem(
            row.origin.line,
            f"{row.key} holds objects: name the `item` ({', '.join(spec.item)})",
        )


def _contexts_known(label_sets: list[tuple[Source, LabelSet]], catalogue: Catalogue) -> set[str]:
    known = {ls.section for _, ls in label_sets}
    for _, ls in label_sets:
        known.update(m.block for m in ls.markers)
        known.update(r.sets for r in ls.rows if r.sets)
        known.update(r.key for r in ls.rows if r.key and (r.gate or _is_bool(r.key, catalogue)))
    return known


def _is_bool(key: str, catalogue: Catalogue) -> bool:
    return key in catalogue and catalogue[key].type == "bool"


def _check_label_sets(label_sets: list[tuple[Source, LabelSet]], catalogue: Catalogue) -> None:
    known = _contexts_known(label_sets, catalogue)
    seen: dict[tuple[str, str], tuple[Row | Marker, Source]] = {}
    for src, ls in label_sets:
        for row in ls.rows:
            _check_row_keys(src, row, catalogue)
            for context in row.contexts:
                if context not in known:
                    src.problem(
                        row.origin.line,
                        f"unknown context {context!r} in `in`{suggest(context, known)}",
                    )
        rules: list[Row | Marker] = [*ls.markers, *ls.rows]
        for rule in rules:
            _check_duplicates(src, rule, seen)


def _check_duplicates(
    src: Source, rule: Row | Marker, seen: dict[tuple[str, str], tuple[Row | Marker, Source]]
) -> None:
    contexts = rule.contexts if isinstance(rule, Row) and rule.contexts else ("",)
    for label in rule.labels:
        for context in contexts:
            slot = (label_key(label), context)
            other = seen.get(slot)
            if other is not None and other[0] is not rule and not _same_target(rule, other[0]):
                where = f" in {context!r}" if context else ""
                src.problem(rule.origin.line, f"duplicate label {label!r}{where}: also at {other[0].origin}")
            elif other is None:
                seen[slot] = (rule, src)


def _same_target(a: Row | Marker, b: Row | Marker) -> bool:
    """Two rows that fill the same key and item with a label are one rule written twice, harmlessly."""
    return isinstance(a, Row) and isinstance(b, Row) and (a.key, a.item) == (b.key, b.item)


# --- layout ------------------------------------------------------------------


def _regex(src: Source, node: Node | None, what: str) -> re.Pattern[str] | None:
    text = _string(src, node, what)
    if text is None or node is None:
        return None
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as exc:
        src.problem(node.line, f"{what}: not a valid regular expression ({exc})")
        return None


def _layout(src: Source) -> LayoutRules:
    root = _mapping(src, src.root, "layout")
    _check_keys(src, root, LAYOUT_KEYS, "layout")
    noise_nodes = _items(src, root.get("noise"), "noise")
    noise = [p for p in (_regex(src, n, "noise") for n in noise_nodes) if p is not None]
    markers = _mapping(src, root["markers"], "markers") if "markers" in root else {}
    _check_keys(src, markers, MARKER_KINDS, "markers")
    sections = _mapping(src, root["sections"], "sections") if "sections" in root else {}
    lookalikes = _mapping(src, root["lookalikes"], "lookalikes") if "lookalikes" in root else {}
    print_date = _regex(src, root.get("print_date"), "print_date")
    if print_date is None:
        src.problem(src.root.line, "layout needs a `print_date` pattern")
        print_date = re.compile(r"(?!)")
    return LayoutRules(
        noise=tuple(noise),
        print_date=print_date,
        print_markers=_strings(src, markers.get("print"), "markers.print"),
        confirmation_markers=_strings(src, markers.get("confirmation"), "markers.confirmation"),
        lookalikes={name: _strings(src, lookalikes[name], name) for name in keys_of(lookalikes)},
        print_titles=_strings(src, markers.get("title"), "markers.title"),
        sections={name: _string(src, sections[name], name) or name for name in keys_of(sections)},
        required=_strings(src, root.get("required"), "required"),
    )


def _check_layout_names(
    src: Source, layout: LayoutRules, label_sets: list[tuple[Source, LabelSet]], catalogue: Catalogue
) -> None:
    """The sections and required keys of layout.yaml name real sections and catalogue keys."""
    root = src.root.value if isinstance(src.root.value, dict) else {}
    known = [ls.section for _, ls in label_sets]
    for name in layout.sections:
        if name not in known:
            line = key_line(root["sections"].value, name)
            src.problem(line, f"unknown print section {name!r}{suggest(name, known)}")
    headings = {label_key(h) for _, ls in label_sets for h in ls.headings}
    review_word = label_key(REVIEW_PAGE_WORD)
    for title in layout.print_titles:
        if label_key(title).split()[:1] == [review_word] and label_key(title) not in headings:
            # A Review page's title is its heading too: it tells the section of its rows.
            message = f"the Review page title {title!r} is no heading of a print section"
            src.problem(root["markers"].line, message)
    for key in layout.required:
        if key not in catalogue:
            src.problem(root["required"].line, f"unknown field key {key!r}{suggest(key, catalogue.fields)}")


# --- entry points --------------------------------------------------------------


def _read(path: Path, sources: list[Source]) -> Source:
    src = load_source(path)
    sources.append(src)
    return src


def _build(directory: Path) -> tuple[Rules | None, list[Source]]:
    sources: list[Source] = []
    for needed in (
        CATALOGUE_FILE,
        LAYOUT_FILE,
        CONFIRMATION_FILE,
        PRINT_DIR,
        COMPARE_CODES_FILE,
        COMPARE_FIELDS_FILE,
        PRIVACY_FILE,
    ):
        if not (directory / needed).exists():
            raise RuleError(directory / needed, None, "missing from the rule folder")
    catalogue = _catalogue(_read(directory / CATALOGUE_FILE, sources))
    layout_src = _read(directory / LAYOUT_FILE, sources)
    layout = _layout(layout_src)
    printed = [
        (src, _label_set(src))
        for src in (_read(p, sources) for p in sorted((directory / PRINT_DIR).glob("*.yaml")))
    ]
    conf_src = _read(directory / CONFIRMATION_FILE, sources)
    confirmation = _label_set(conf_src)
    _check_label_sets(printed, catalogue)
    _check_layout_names(layout_src, layout, printed, catalogue)
    _check_label_sets([(conf_src, confirmation)], catalogue)
    compare = load_compare_rules(
        _read(directory / COMPARE_CODES_FILE, sources),
        _read(directory / COMPARE_FIELDS_FILE, sources),
        catalogue,
    )
    rules = Rules(catalogue, tuple(ls for _, ls in printed), confirmation, layout, compare)
    # The rule files of the stages that registered a checker (supporting documents, privacy).
    sources.extend(family_sources(directory, rules))
    return rules, sources


def check_rules(directory: Path | None = None) -> list[str]:
    """Every problem of the rule folder, as ``"FILE:LINE: message"`` lines (empty when clean)."""
    try:
        _, sources = _build(directory or rules_dir())
    except RuleError as exc:
        return [str(exc)]
    return [str(p) for src in sources for p in src.problems]


def load_rules_from(directory: Path) -> Rules:
    """Load a rule folder; raise :class:`RuleError` naming the first problem."""
    rules, sources = _build(directory)
    problems = [p for src in sources for p in src.problems]
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more; run `ds160check rules check`)" if len(problems) > 1 else ""
        raise RuleError(first.path, first.line, first.message + more)
    assert rules is not None
    return rules


@cache
def load_rules() -> Rules:
    """The shipped rules, loaded once per process."""
    return load_rules_from(rules_dir())
