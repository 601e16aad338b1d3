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
    RuleReader,
    administrative_processing_sentence,
)
from ds160check.rules.load import suggest
from ds160check.rules.source import Node, key_line, keys_of
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
    reader = RuleReader(path)  # the checks refusal.yaml gets: file, line and "did you mean"
    top = reader.mapping(reader.source.root, "the file", _TOP_KEYS)
    case = reader.mapping(top["case_number"], "case_number", ("label", "value"))
    return CeacRules(
        signals=reader.patterns(top["signals"], "signals"),
        min_signals=reader.positive(top["min_signals"], "min_signals"),
        statuses=_statuses(reader, top["statuses"]),
        status_label=reader.pattern(top["status_label"], "status_label"),
        case_label=reader.pattern(case["label"], "case_number.label"),
        case_value=reader.pattern(case["value"], "case_number.value"),
        created=reader.pattern(top["created"], "created"),
        updated=reader.pattern(top["updated"], "updated"),
    )


_MEANING_KEYS: Final = ("refusal", "subtype")


def _statuses(reader: RuleReader, node: Node) -> dict[str, tuple[str, StatusMeaning]]:
    """Each status (upper-cased) -> its name as CEAC prints it and what it establishes."""
    if not isinstance(node.value, dict):
        raise reader.fail(node.line, "statuses must be a mapping")
    listed: dict[str, Node] = node.value
    statuses = {}
    for name in keys_of(listed):
        meaning: dict[str, Node] = listed[name].value if isinstance(listed[name].value, dict) else {}
        for key in keys_of(meaning):
            if key not in _MEANING_KEYS:
                raise reader.fail(key_line(meaning, key), f"unknown key {key!r} in statuses.{name}"
                                                          f"{suggest(key, _MEANING_KEYS)}")
        refusal = reader.choice(meaning.get("refusal"), f"statuses.{name}.refusal", REFUSAL_TYPES)
        subtype = reader.choice(meaning.get("subtype"), f"statuses.{name}.subtype", REFUSAL_SUBTYPES)
        statuses[name.upper()] = (name, StatusMeaning(refusal, subtype))
    return statuses
