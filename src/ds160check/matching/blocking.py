"""Blocking: which pairs of two history lists are worth scoring at all.

Scoring every old item against every new one grows with the product of the
lengths.  A :class:`Blocking` names, for each item, what any item it could be
paired with must share (exact *keys*: a visit's weeks, a country's canonical
name) or be alike in (a *text*, compared in bulk by a rapidfuzz scorer, in
C).  :func:`candidate_pairs` returns the pairs that pass; the others are never
scored and count as non-matches.

The contract a blocking keeps for its item scorer: every pair that scores at
least a threshold above 0 shares a key, or has texts at least
``min(threshold, ceiling)`` alike by ``similarity``, or has an item whose keys
are ``None`` (nothing to block it by: it is scored against every item).  Then
the alignment is the one of scoring all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from rapidfuzz import fuzz, process

from ds160check.matching.result import MAX_SCORE, MIN_SCORE

__all__ = ["FUZZY_CUTOFF_MARGIN", "Blocking", "candidate_pairs"]

T = TypeVar("T")

# The bulk pass keeps texts this many points less alike than the cutoff: scores are rounded to
# 0.1 (69.96 is 70.0) and rapidfuzz's bulk scores are 32-bit floats.
FUZZY_CUTOFF_MARGIN: Final = 1.0


def _no_text(_item: Any) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class Blocking(Generic[T]):
    """What two items must share to be scored (see the module's contract).

    ``keys``: an item's blocking keys, or None when it may be like any item.
    ``text``: an item's text for the bulk pass (None or empty: only its keys count).
    ``similarity``: the rapidfuzz scorer of that pass (no processor).
    ``ceiling``: the pass's cutoff is the alignment threshold, but at most this (a scorer that
    pairs texts this alike even when its score is lower).
    """

    keys: Callable[[T], Collection[Hashable] | None]
    text: Callable[[T], str | None] = _no_text
    similarity: Callable[..., float] = fuzz.ratio
    ceiling: float = MAX_SCORE


Pairs = set[tuple[int, int]]


def _all_pairs(old_count: int, new_count: int) -> Pairs:
    return {(i, j) for i in range(old_count) for j in range(new_count)}


def _shared_keys(
    old_keys: Sequence[Collection[Hashable] | None], new_keys: Sequence[Collection[Hashable] | None]
) -> Pairs:
    """Pairs sharing a key, and every pair of an item without keys."""
    index: defaultdict[Hashable, list[int]] = defaultdict(list)
    pairs: Pairs = set()
    for j, keys in enumerate(new_keys):
        if keys is None:
            pairs.update((i, j) for i in range(len(old_keys)))
            continue
        for key in keys:
            index[key].append(j)
    for i, keys in enumerate(old_keys):
        if keys is None:
            pairs.update((i, j) for j in range(len(new_keys)))
            continue
        for key in keys:
            pairs.update((i, j) for j in index.get(key, ()))
    return pairs


def _alike_texts(
    old_texts: Sequence[str | None],
    new_texts: Sequence[str | None],
    similarity: Callable[..., float],
    cutoff: float,
) -> Pairs:
    """Pairs whose texts are at least ``cutoff`` alike (rapidfuzz, one C loop per old text)."""
    choices = {j: text for j, text in enumerate(new_texts) if text}
    pairs: Pairs = set()
    if not choices:
        return pairs
    for i, text in enumerate(old_texts):
        if not text:
            continue
        found = process.extract(
            text, choices, scorer=similarity, score_cutoff=cutoff, limit=None
        )
        pairs.update((i, j) for _choice, _score, j in found)
    return pairs


def candidate_pairs(
    old_items: Sequence[T], new_items: Sequence[T], blocking: Blocking[T], threshold: float
) -> list[tuple[int, int]]:
    """The pairs ``(old index, new index)`` that may score ``threshold``, in row order."""
    if threshold <= MIN_SCORE:  # every pair scores 0 or more
        return sorted(_all_pairs(len(old_items), len(new_items)))
    pairs = _shared_keys(
        [blocking.keys(item) for item in old_items], [blocking.keys(item) for item in new_items]
    )
    if blocking.text is not _no_text:
        cutoff = min(threshold, blocking.ceiling) - FUZZY_CUTOFF_MARGIN
        old_texts = [blocking.text(item) for item in old_items]
        new_texts = [blocking.text(item) for item in new_items]
        if cutoff <= MIN_SCORE:
            pairs |= {(i, j) for i, a in enumerate(old_texts) if a
                      for j, b in enumerate(new_texts) if b}  # fmt: skip
        else:
            pairs |= _alike_texts(old_texts, new_texts, blocking.similarity, cutoff)
    return sorted(pairs)
