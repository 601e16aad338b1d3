"""The one result every matcher returns: a verdict, a score and a reason a broker can read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "IDENTICAL",
    "MAX_DIFFERENT_SCORE",
    "MAX_SCORE",
    "MIN_SCORE",
    "Match",
    "Verdict",
    "clamp_score",
    "different",
    "same",
    "variant",
]

Verdict = Literal["same", "variant", "different"]

MAX_SCORE: Final = 100.0
MIN_SCORE: Final = 0.0
# 100 means identical, which two different values never are.
MAX_DIFFERENT_SCORE: Final = 99.9
IDENTICAL: Final = "identical"


@dataclass(frozen=True, slots=True)
class Match:
    """How two values compare.

    ``verdict``: ``same`` (equal once written the same way), ``variant`` (the
    same thing written another way: a transliteration, an alias, a partial
    date) or ``different``.  ``score`` is a similarity from 0 to 100 (100 =
    identical).  ``reason`` is one short phrase a broker can read aloud.
    """

    verdict: Verdict
    score: float
    reason: str

    @property
    def agrees(self) -> bool:
        """True unless the values differ: ``same`` and ``variant`` both tell the same fact."""
        return self.verdict != "different"


def clamp_score(score: float) -> float:
    """A score inside 0..100, rounded to one decimal so that reports stay byte-stable."""
    if score != score:  # NaN: nothing sensible to say about similarity
        return MIN_SCORE
    return round(min(MAX_SCORE, max(MIN_SCORE, score)), 1)


def same(reason: str = IDENTICAL, score: float = MAX_SCORE) -> Match:
    return Match("same", clamp_score(score), reason)


def variant(reason: str, score: float) -> Match:
    return Match("variant", clamp_score(score), reason)


def different(reason: str, score: float) -> Match:
    return Match("different", min(clamp_score(score), MAX_DIFFERENT_SCORE), reason)
