"""What our own pipeline components decide, on token indices: shared by both pipelines.

:mod:`ds160check.evidence.nlp` runs these inside spaCy components, and
:mod:`ds160check.evidence.light` on its own tokens; neither imports spaCy here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, TypeVar

from ds160check.values import parse_date, parse_money

__all__ = ["MAX_NAME_TOKENS", "add_without_overlap", "cued_value_end", "dropped", "entity_value"]

# A name after a title or label is at most this many words ("AKHMETOVA AIGERIM
# SERIKKYZY" is three): past it the sentence goes on ("MR. JOHN SMITH IS...").
MAX_NAME_TOKENS: Final = 5
MONEY, DATE, PERSON = "MONEY", "DATE", "PERSON"
LABEL_COLON: Final = ":"

S = TypeVar("S")


def add_without_overlap(existing: Sequence[S], spans: Iterable[S],
                        bounds: Callable[[S], tuple[int, int]]) -> list[S]:
    """``existing`` plus those of ``spans`` that overlap no entity, in token order. Candidates are
    tried earliest first, the longer of two at one start first."""
    taken = {i for ent in existing for i in range(*bounds(ent))}
    added = list(existing)
    for span in sorted(spans, key=lambda s: (bounds(s)[0], bounds(s)[0] - bounds(s)[1])):
        tokens = set(range(*bounds(span)))
        if tokens and not tokens & taken:
            added.append(span)
            taken |= tokens
    return sorted(added, key=lambda s: bounds(s)[0])


def cued_value_end(label: str, start: int, end: int, texts: Sequence[str]) -> int:
    """Where a cued value ends: a name is cut to MAX_NAME_TOKENS words and before a label."""
    if label == PERSON:
        end = min(end, start + MAX_NAME_TOKENS)
        # "TOSHMATOV BOBUR Currency: UZS": a word before a colon is the next label.
        while end - start > 1 and end < len(texts) and texts[end] == LABEL_COLON:
            end -= 1
    return end


def entity_value(label: str, text: str, dayfirst: bool) -> Any:
    """Money read by ``values.parse_money``, dates by ``values.parse_date``; else None."""
    try:
        if label == MONEY:
            return parse_money(text)
        if label == DATE:
            return parse_date(text, dayfirst=dayfirst)
    except ValueError:
        return None
    return None


def dropped(label: str, value: Any) -> bool:
    """Money or a date that does not read as one is not an entity."""
    return label in (MONEY, DATE) and value is None
