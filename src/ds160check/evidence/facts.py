"""What a supporting document states: its people, employer, position, salary, dates, address.

Each fact is an entity of the pipeline that a cue of
``field_rules/documents/facts.yaml`` names (``employed by`` before an
organisation, ``salary`` before an amount), with the span it was printed in,
so the report can quote it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from ds160check.documents.ingest import TextSpan
from ds160check.evidence.flat import FlatText
from ds160check.evidence.nlp import Entity
from ds160check.evidence.rules import FactRule, FactRules
from ds160check.values import parse_money

__all__ = ["INCOME", "PERSON", "DocumentFacts", "Fact", "extract_facts"]

PERSON: Final = "person"
INCOME: Final = "income"
PERSON_LABEL: Final = "PERSON"
AMOUNT_LABEL: Final = "AMOUNT"
MONEY_LABEL: Final = "MONEY"
DATE_LABEL: Final = "DATE"
_SPACES: Final = re.compile(r"\s+")
# Where a sentence ends: a stop then a capital ("... tax. She has ..."); "p.m." and
# "Rs." inside a sentence are not followed by one.
_SENTENCE_END: Final = re.compile(r"[.;!?]\s+(?=[A-Z])")
_IN_WORDS: Final = re.compile(r"^\s*\([^()\d]{1,120}\)")
# How much further to look for a period past an amount written out in words.
_WORDS_ALLOWANCE: Final = 120


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact: its normalised ``value``, the ``text`` as printed and the span it sits in.

    Income values are ``{"amount", "currency", "period"}`` (``monthly``/``yearly``);
    dates ISO strings; names, organisations, titles and addresses the text.
    """

    name: str
    value: Any
    text: str
    span: TextSpan
    role: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """Every fact of one document, by name, in text order (cued ones before a fallback)."""

    persons: tuple[Fact, ...] = ()
    facts: Mapping[str, tuple[Fact, ...]] = field(default_factory=dict)
    currency: str | None = None
    current_employment: bool | None = None

    def all(self, name: str) -> tuple[Fact, ...]:
        return self.facts.get(name, ())

    def first(self, name: str) -> Fact | None:
        found = self.all(name)
        return found[0] if found else None

    def to_dict(self) -> dict[str, Any]:
        """Facts as plain values (for fixtures' expected files and debugging)."""
        out: dict[str, Any] = {name: [f.value for f in facts]
                               for name, facts in sorted(self.facts.items()) if facts}
        out["persons"] = [{"name": p.value, "role": p.role} for p in self.persons]
        return out


def extract_facts(
    flat: FlatText,
    entities: Sequence[Entity],
    rules: FactRules,
    *,
    income_period: str,
    reference_date: str | None = None,
) -> DocumentFacts:
    """The facts of one analysed document.

    ``income_period`` reads an amount with no period near it (the document
    type's default); ``reference_date`` (the new application's date) bounds the
    ``latest`` fallback, so an expiry date is no issue date.
    """
    currency = _currency(flat.text, rules)
    facts = {name: _fact(rule, flat, entities, rules, reference_date)
             for name, rule in rules.facts.items() if name != INCOME}
    facts[INCOME] = _incomes(flat, entities, rules, currency, income_period)
    persons = tuple(_plain_fact(PERSON, e, flat) for e in entities if e.label == PERSON_LABEL)
    return DocumentFacts(persons, facts, currency, _employment(flat.text, rules))


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _plain_fact(name: str, entity: Entity, flat: FlatText) -> Fact:
    value = entity.value if entity.value is not None else _normal(entity.text)
    return Fact(name, value, _normal(entity.text), flat.span_at(entity.start), entity.role)


def _cued(rule: FactRule, entity: Entity, flat: FlatText, window: int) -> bool:
    before = _SPACES.sub(" ", flat.line_before(entity.start, window))
    if rule.before.search(before) is not None:
        return True
    if not before.strip() and _alone_on_line(flat, entity):
        # A value alone on its line (a table cell the reader put on a line of
        # its own): its label is the line above ("Gross total income" / "16,80,000").
        above = _SPACES.sub(" ", flat.line_before(max(0, entity.start - 1), window))
        if rule.before.search(above) is not None:
            return True
    # A caption after the value, on its line or the next one.
    after = flat.text[entity.end: entity.end + window].split("\n", 2)
    return rule.after is not None and any(rule.after.match(part) for part in after[:2])


def _fact(rule: FactRule, flat: FlatText, entities: Sequence[Entity], rules: FactRules,
          reference_date: str | None) -> tuple[Fact, ...]:
    labelled = [e for e in entities if e.label in rule.labels]
    cued = [_plain_fact(rule.name, e, flat) for e in labelled if _cued(rule, e, flat, rules.window)]
    fallback = _fallback(rule, labelled, reference_date)
    extra = [_plain_fact(rule.name, fallback, flat)] if fallback is not None else []
    return tuple(cued + [f for f in extra if f.text not in {c.text for c in cued}])


def _fallback(rule: FactRule, labelled: Sequence[Entity], reference_date: str | None
              ) -> Entity | None:
    if not labelled or rule.fallback is None:
        return None
    if rule.fallback == "first":
        return labelled[0]
    dated = [e for e in labelled if isinstance(e.value, str)
             and (reference_date is None or e.value <= reference_date)]
    return max(dated, key=lambda e: e.value, default=None)


def _alone_on_line(flat: FlatText, entity: Entity) -> bool:
    return not flat.line_after(entity.end, 2).strip()


def _currency(text: str, rules: FactRules) -> str | None:
    """The currency a document states once for all its amounts, or implies by its country."""
    for pattern in rules.currency:
        match = pattern.search(text)
        if match:
            return match[1].upper()
    for code, hint in rules.currency_hints:
        if hint.search(text):
            return code
    return None


def _employment(text: str, rules: FactRules) -> bool | None:
    if any(p.search(text) for p in rules.current):
        return True
    if any(p.search(text) for p in rules.former):
        return False
    return None


# --- income ----------------------------------------------------------------------------------


def _incomes(flat: FlatText, entities: Sequence[Entity], rules: FactRules,
             currency: str | None, default_period: str) -> tuple[Fact, ...]:
    rule = rules.facts[INCOME]
    out = []
    for entity in entities:
        if entity.label not in rule.labels or not _cued(rule, entity, flat, rules.window):
            continue
        money = _money(entity, currency)
        if money is None:
            continue
        money["period"] = _period(flat, entity, rules) or default_period
        out.append(Fact(INCOME, money, _normal(entity.text), flat.span_at(entity.start)))
    return tuple(out)


def _money(entity: Entity, currency: str | None) -> dict[str, Any] | None:
    if entity.label == MONEY_LABEL:
        value: dict[str, Any] = dict(entity.value)
        return value if value.get("currency") else None
    if entity.label != AMOUNT_LABEL or currency is None:
        return None
    try:
        parsed = parse_money(entity.text.lstrip("+-"), currency)
    except ValueError:
        return None
    return dict(parsed) if parsed else None


def _period(flat: FlatText, entity: Entity, rules: FactRules) -> str | None:
    """The period named nearest the amount, after it or before it in its sentence.

    "his annual gross salary is PKR 5,880,000 (...), paid in twelve equal
    monthly instalments": "annual" stands nearer than "monthly".
    """
    # The sum in words may stand between the amount and its period:
    # "N7,800,000.00 (Seven Million ... Naira) per annum".
    tail = _IN_WORDS.sub("", flat.line_after(entity.end, rules.after_window + _WORDS_ALLOWANCE), count=1)
    after = _SENTENCE_END.split(tail[: rules.after_window], maxsplit=1)[0]
    before = _SENTENCE_END.split(flat.line_before(entity.start, rules.before_window))[-1]
    found = [f for f in (_nearest(after, rules.periods, from_end=False),
                         _nearest(before, rules.periods, from_end=True)) if f is not None]
    return min(found)[1] if found else None


def _nearest(text: str, periods: Mapping[str, re.Pattern[str]], *, from_end: bool
             ) -> tuple[int, str] | None:
    """The period word nearest the amount in ``text``, with its distance in characters."""
    best: tuple[int, str] | None = None
    for name, pattern in periods.items():
        for match in pattern.finditer(text):
            distance = len(text) - match.end() if from_end else match.start()
            if best is None or distance < best[0]:
                best = (distance, name)
    return best
