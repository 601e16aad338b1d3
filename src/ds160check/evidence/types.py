"""What kind of supporting document this is, how sure, and why.

    >>> classify(text, entities).kind, classification.confidence
    ('employment_letter', 0.83)

Types, their words and structure are declared in
``field_rules/documents/types.yaml``; this module only scores (see the file for
the formula). ``refusal_letter`` and ``confirmation_page`` are recognised
before this runs and are given with :func:`given`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from ds160check.evidence.nlp import Entity
from ds160check.evidence.rules import DocumentType, TypeRules, load_evidence_rules

__all__ = ["OTHER", "Classification", "classify", "given"]

OTHER: Final = "other"
OTHER_NAME: Final = "other document"
# Entity labels → the structure counts of types.yaml.
STRUCTURE_OF_LABEL: Final[Mapping[str, str]] = {
    "DATE": "dates", "MONEY": "money", "AMOUNT": "amounts", "ORG": "orgs", "PERSON": "persons",
    "ADDRESS": "addresses",
}
# A document's own title stands in its first lines: a title pattern matched
# within this many characters of the start counts `weights.heading` more.
HEADING_CHARS: Final = 320
# How many matched words a reason quotes before "(+N more)".
REASON_QUOTES: Final = 3
_DIGITS: Final = 2


@dataclass(frozen=True, slots=True)
class Classification:
    """The document type (a key of types.yaml, or ``other``), the confidence 0..1 and the reason."""

    kind: str
    name: str
    confidence: float
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "confidence": self.confidence,
                "reason": self.reason}


@dataclass(frozen=True, slots=True)
class _Score:
    kind: DocumentType
    score: float
    titles: tuple[str, ...]
    keywords: tuple[str, ...]
    structure: tuple[str, ...]
    headed: bool = False


def given(kind: str, reason: str, rules: TypeRules | None = None) -> Classification:
    """A type already known (a refusal letter, a confirmation page), at full confidence."""
    rules = rules or load_evidence_rules().types
    known = rules.get(kind)
    return Classification(kind, known.name if known else kind, 1.0, reason)


def classify(text: str, entities: Sequence[Entity], rules: TypeRules | None = None
             ) -> Classification:
    """The best-scoring type of types.yaml for ``text``, or ``other`` below ``min_score``."""
    rules = rules or load_evidence_rules().types
    flat = " ".join(text.split())
    counts = Counter(STRUCTURE_OF_LABEL.get(e.label, e.label) for e in entities)
    scores = [_score(t, flat, counts, rules) for t in rules.types if not t.given]
    # A tie goes to the type more of whose own words were found (a bank's words
    # against the structure any letter has), then to the file's order.
    ranked = sorted(scores, key=lambda s: (-s.score, -(len(s.titles) + len(s.keywords))))
    if not ranked or ranked[0].score < rules.min_score:
        best = ranked[0] if ranked else None
        hint = f"; closest: {best.kind.key} ({_reason(best)})" if best and best.score else ""
        return Classification(OTHER, OTHER_NAME, 0.0, f"no document type's words found{hint}")
    best, runner_up = ranked[0], (ranked[1].score if len(ranked) > 1 else 0.0)
    strength = min(1.0, best.score / rules.confident_score)
    confidence = round(strength * best.score / (best.score + runner_up), _DIGITS)
    return Classification(best.kind.key, best.kind.name, confidence, _reason(best))


def _score(kind: DocumentType, flat: str, counts: Counter[str], rules: TypeRules) -> _Score:
    if any(p.search(flat) for p in kind.vetoes):
        return _Score(kind, 0.0, (), (), ())
    titles = _found(kind.title, flat)
    headed = any(p.search(flat[:HEADING_CHARS]) for p in kind.title)
    keywords = _found(kind.keywords, flat)
    structure = tuple(f"{name} >= {least}" for name, least in kind.structure.items()
                      if counts[name] >= least)
    weights = rules.weights
    score = (weights["title"] * len(titles) + weights["keyword"] * len(keywords)
             + weights["structure"] * len(structure) + (weights["heading"] if headed else 0))
    return _Score(kind, score, titles, keywords, structure, headed)


def _found(patterns: Sequence[re.Pattern[str]], flat: str) -> tuple[str, ...]:
    """The text each pattern matched first (each pattern counts once)."""
    found = []
    for pattern in patterns:
        match = pattern.search(flat)
        if match:
            found.append(match[0].strip().lower())
    return tuple(found)


def _quoted(words: tuple[str, ...]) -> str:
    shown = ", ".join(f"'{w}'" for w in words[:REASON_QUOTES])
    more = len(words) - REASON_QUOTES
    return shown + (f" (+{more} more)" if more > 0 else "")


def _reason(score: _Score) -> str:
    parts = []
    if score.titles:
        parts.append(f"{'heading' if score.headed else 'title'} {_quoted(score.titles)}")
    if score.keywords:
        parts.append(f"words {_quoted(score.keywords)}")
    if score.structure:
        parts.append(f"structure {', '.join(score.structure)}")
    return "; ".join(parts) + f" (score {score.score:g})"
