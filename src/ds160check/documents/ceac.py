"""Is this document a saved CEAC status page, and what status does it show?

    >>> status = read_ceac_status(load_document("ceac.pdf"))
    >>> status.status, status.case_number, status.refusal.type
    ('Refused', 'AA00C4RX7M', 'unknown')

"Refused" establishes a refusal whose section the page does not give
(``unknown``), or a 221(g) administrative processing when the description
says the case is in it (not when it only says "if you were told your case
was refused for administrative processing"); "Administrative Processing" is
a 221(g) hold; "Issued", "Application Receipt Pending" and the rest establish
none. The labels, statuses and what each means are in
``field_rules/documents/ceac.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Final

from ds160check.documents.ingest import TextDocument, TextSpan
from ds160check.documents.refusal import (
    REFUSAL_SUBTYPES,
    REFUSAL_TYPES,
    Refusal,
    RefusalSubtype,
    RefusalType,
    administrative_processing_sentence,
)
from ds160check.errors import RuleError
from ds160check.rules.load import suggest
from ds160check.rules.source import Node, key_line, keys_of, load_source
from ds160check.rules_path import rules_dir
from ds160check.values import parse_date

__all__ = ["CEAC_RULES_FILE", "CeacStatus", "load_ceac_rules", "read_ceac_status"]

CEAC_RULES_FILE: Final = Path("documents") / "ceac.yaml"
_TOP_KEYS: Final = ("signals", "min_signals", "statuses", "status_label", "case_number", "created",
                    "updated")


@dataclass(frozen=True, slots=True)
class StatusMeaning:
    refusal: RefusalType | None
    subtype: RefusalSubtype | None


@dataclass(frozen=True, slots=True)
class CeacRules:
    signals: tuple[re.Pattern[str], ...]
    min_signals: int
    statuses: dict[str, tuple[str, StatusMeaning]]  # upper-cased name -> (name, meaning)
    status_label: re.Pattern[str]
    case_label: re.Pattern[str]
    case_value: re.Pattern[str]
    created: re.Pattern[str]
    updated: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CeacStatus:
    """A CEAC status page: the case, its status and dates, and the refusal it establishes."""

    case_number: str | None
    status: str
    created: str | None
    updated: str | None
    description: str
    evidence: TextSpan
    refusal: Refusal | None

    def as_dict(self) -> dict[str, Any]:
        return {"case_number": self.case_number, "status": self.status, "created": self.created,
                "updated": self.updated, "description": self.description,
                "refusal": self.refusal.as_dict() if self.refusal else None}


def read_ceac_status(doc: TextDocument, rules: CeacRules | None = None) -> CeacStatus | None:
    """The status page ``doc`` is, or None when it is no CEAC status page."""
    rules = rules or load_ceac_rules()
    lines = [(span, " ".join(span.text.split())) for span in doc.spans if span.text.strip()]
    flat = " ".join(text for _, text in lines)
    found = _status_line(lines, rules)
    if found is None:
        return None
    # The status alone on its line is one of the page's signals.
    if 1 + sum(1 for p in rules.signals if p.search(flat)) < rules.min_signals:
        return None
    index, name, meaning = found
    span = lines[index][0]
    after = lines[index + 1:]
    description = " ".join(text for _, text in after
                           if not (rules.created.search(text) or rules.updated.search(text)))
    status = CeacStatus(
        case_number=_case_number(flat, rules),
        status=name,
        created=_labelled_date(lines, rules.created),
        updated=_labelled_date(lines, rules.updated),
        description=description,
        evidence=span,
        refusal=None,
    )
    return replace(status, refusal=_refusal(status, meaning, [s for s, _ in after]))


def _status_line(lines: list[tuple[TextSpan, str]], rules: CeacRules
                 ) -> tuple[int, str, StatusMeaning] | None:
    for index, (_, text) in enumerate(lines):
        key = rules.status_label.sub("", text).strip(" .:").upper()
        if key in rules.statuses:
            name, meaning = rules.statuses[key]
            return index, name, meaning
    return None


def _case_number(flat: str, rules: CeacRules) -> str | None:
    label = rules.case_label.search(flat)
    if label is not None and (value := rules.case_value.match(flat, label.end())):
        return value[0].upper()
    value = rules.case_value.search(flat)
    return value[0].upper() if value else None


def _labelled_date(lines: list[tuple[TextSpan, str]], label: re.Pattern[str]) -> str | None:
    for _, text in lines:
        match = label.search(text)
        if match is None:
            continue
        try:
            return parse_date(text[match.end():].strip())
        except ValueError:
            return None
    return None


def _refusal(status: CeacStatus, meaning: StatusMeaning, description: list[TextSpan]
             ) -> Refusal | None:
    if meaning.refusal is None:
        return None
    kind, subtype = meaning.refusal, meaning.subtype
    quote = f"Status: {status.status}"
    processing = administrative_processing_sentence(description)
    if kind == "unknown" and processing is not None:
        # "Refused" while the description says the case is in administrative
        # processing: a 221(g) hold.
        kind, subtype, quote = "221g", "administrative_processing", processing
    return Refusal(
        type=kind, subtype=subtype, date=status.updated, post=None, applicant=None,
        case_number=status.case_number, evidence=status.evidence, quote=quote,
        signals=("CEAC status page", f"status '{status.status}'"),
    )


# --- the rule file ----------------------------------------------------------------


@cache
def _shipped_rules() -> CeacRules:
    return load_ceac_rules_from(rules_dir() / CEAC_RULES_FILE)


def load_ceac_rules(path: Path | None = None) -> CeacRules:
    """The shipped ``ceac.yaml`` (loaded once), or the file at ``path``."""
    return _shipped_rules() if path is None else load_ceac_rules_from(path)


def load_ceac_rules_from(path: Path) -> CeacRules:
    source = load_source(path)

    def fail(line: int | None, message: str) -> RuleError:
        return RuleError(source.display, line, message)

    def mapping(node: Node, what: str, keys: tuple[str, ...] | None = None) -> dict[str, Node]:
        if not isinstance(node.value, dict):
            raise fail(node.line, f"{what} must be a mapping")
        value: dict[str, Node] = node.value
        for key in keys_of(value) if keys is not None else ():
            if keys is not None and key not in keys:
                raise fail(key_line(value, key), f"unknown key {key!r} in {what}{suggest(key, keys)}")
        missing = [k for k in keys or () if k not in value]
        if missing:
            raise fail(node.line, f"{what} needs {', '.join(repr(k) for k in missing)}")
        return value

    def pattern(node: Node, what: str) -> re.Pattern[str]:
        if not isinstance(node.value, str) or not node.value.strip():
            raise fail(node.line, f"{what} must be a non-empty regular expression")
        try:
            return re.compile(node.value, re.IGNORECASE)
        except re.error as error:
            raise fail(node.line, f"{what}: not a valid regular expression ({error.msg})") from None

    top = mapping(source.root, "the file", _TOP_KEYS)
    signals = top["signals"]
    if not isinstance(signals.value, list) or not signals.value:
        raise fail(signals.line, "signals must be a non-empty list")
    least = top["min_signals"]
    if isinstance(least.value, bool) or not isinstance(least.value, int) or least.value < 1:
        raise fail(least.line, f"min_signals must be a whole number above 0, not {least.value!r}")
    statuses = {}
    listed = mapping(top["statuses"], "statuses")
    for name in keys_of(listed):
        meaning = mapping(listed[name], f"statuses.{name}", None) if listed[name].value else {}
        for key in keys_of(meaning):
            if key not in ("refusal", "subtype"):
                raise fail(key_line(meaning, key), f"unknown key {key!r} in statuses.{name}"
                                                   f"{suggest(key, ('refusal', 'subtype'))}")
        refusal = meaning["refusal"].value if "refusal" in meaning else None
        subtype = meaning["subtype"].value if "subtype" in meaning else None
        if refusal is not None and refusal not in REFUSAL_TYPES:
            choices = ", ".join(REFUSAL_TYPES)
            raise fail(meaning["refusal"].line, f"statuses.{name}.refusal must be one of {choices}"
                                                f"{suggest(str(refusal), REFUSAL_TYPES)}")
        if subtype is not None and subtype not in REFUSAL_SUBTYPES:
            raise fail(meaning["subtype"].line, f"statuses.{name}.subtype must be one of "
                                                f"{', '.join(REFUSAL_SUBTYPES)}")
        statuses[name.upper()] = (name, StatusMeaning(refusal, subtype))
    case = mapping(top["case_number"], "case_number", ("label", "value"))
    return CeacRules(
        signals=tuple(pattern(item, "signals") for item in signals.value),
        min_signals=least.value,
        statuses=statuses,
        status_label=pattern(top["status_label"], "status_label"),
        case_label=pattern(case["label"], "case_number.label"),
        case_value=pattern(case["value"], "case_number.value"),
        created=pattern(top["created"], "created"),
        updated=pattern(top["updated"], "updated"),
    )
