"""History lists: which item of the old list is which item of the new one.

:func:`align` pairs the items of two lists by an item scorer so that a
reordered list aligns fully, a dropped item shows as ``(i, None)`` and an added
one as ``(None, j)``.  The pairing is optimal: as many pairs as possible
(each scoring at least ``threshold``), then the highest total score, then the
pairs closest to their printed positions (so duplicates pair in order).

The item scorers below fit the list items of ``docs/extraction.md``; each
returns 0..100, how likely two items are the same entry of the history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from rapidfuzz import fuzz

from ds160check.matching.fold import collapse
from ds160check.matching.names import match_person
from ds160check.matching.result import MAX_SCORE, MIN_SCORE, Match
from ds160check.matching.values import (
    days_between,
    match_countries,
    match_dates,
    match_durations,
    match_emails,
    match_ids,
    match_organizations,
    match_phones,
    match_text,
)

__all__ = [
    "DEFAULT_ALIGN_THRESHOLD",
    "VISIT_ARRIVAL_TOLERANCE_DAYS",
    "Pair",
    "align",
    "country_score",
    "drivers_license_score",
    "email_score",
    "employer_score",
    "lost_passport_score",
    "other_name_score",
    "phone_score",
    "school_score",
    "social_media_score",
    "text_score",
    "visit_score",
]

T = TypeVar("T")
Item = Mapping[str, Any]

# Two items scoring below this are never paired.
DEFAULT_ALIGN_THRESHOLD: Final = 80.0


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of an alignment: indexes into the old and new lists (None: no counterpart)."""

    old_index: int | None
    new_index: int | None
    score: float


# ---------------------------------------------------------------------------
# Optimal assignment

# Every pair is worth this much more than any score, so that the assignment
# first makes as many pairs as possible ...
_PAIR_BONUS: Final = 1_000.0
# ... and among equal scores prefers items that stay in place (this is far
# below the 0.1 resolution of scores, so it only breaks ties).
_DISPLACEMENT_COST: Final = 1e-4


def _hungarian(cost: Sequence[Sequence[float]]) -> list[int]:
    """Column of each row in a minimum-cost assignment of a square matrix (Kuhn-Munkres)."""
    size = len(cost)
    row_potential = [0.0] * (size + 1)
    column_potential = [0.0] * (size + 1)
    owner = [0] * (size + 1)  # owner[column] = row (1-based), 0 = free
    for row in range(1, size + 1):
        _augment(cost, row, row_potential, column_potential, owner)
    columns = [0] * size
    for column in range(1, size + 1):
        columns[owner[column] - 1] = column - 1
    return columns


def _augment(
    cost: Sequence[Sequence[float]],
    row: int,
    row_potential: list[float],
    column_potential: list[float],
    owner: list[int],
) -> None:
    """Add ``row`` to the assignment along a shortest augmenting path (potentials kept feasible)."""
    size = len(cost)
    owner[0] = row
    shortest = [float("inf")] * (size + 1)
    previous = [0] * (size + 1)
    visited = [False] * (size + 1)
    column = 0
    while owner[column]:
        visited[column] = True
        current, delta, nearest = owner[column], float("inf"), 0
        for other in range(1, size + 1):
            if visited[other]:
                continue
            reduced = (
                cost[current - 1][other - 1] - row_potential[current] - column_potential[other]
            )
            if reduced < shortest[other]:
                shortest[other], previous[other] = reduced, column
            if shortest[other] < delta:
                delta, nearest = shortest[other], other
        for other in range(size + 1):
            if visited[other]:
                row_potential[owner[other]] += delta
                column_potential[other] -= delta
            else:
                shortest[other] -= delta
        column = nearest
    while column:
        owner[column] = owner[previous[column]]
        column = previous[column]


def _weights(
    old_items: Sequence[T], new_items: Sequence[T], score: Callable[[T, T], float], threshold: float
) -> dict[tuple[int, int], float]:
    """The score of every pair that may be made."""
    weights = {}
    for i, old in enumerate(old_items):
        for j, new in enumerate(new_items):
            value = float(score(old, new))
            if value >= threshold:
                weights[i, j] = value
    return weights


def align(
    old_items: Sequence[T],
    new_items: Sequence[T],
    score: Callable[[T, T], float],
    *,
    threshold: float = DEFAULT_ALIGN_THRESHOLD,
) -> list[Pair]:
    """Pair the items of two lists: old items in their order (with their partner or None),
    then the new items left over, in their order."""
    weights = _weights(old_items, new_items, score, threshold)
    size = max(len(old_items), len(new_items))
    cost = [
        [
            -(_PAIR_BONUS + weights[i, j] - _DISPLACEMENT_COST * abs(i - j))
            if (i, j) in weights
            else 0.0
            for j in range(size)
        ]
        for i in range(size)
    ]
    partner = {i: j for i, j in enumerate(_hungarian(cost)) if (i, j) in weights} if size else {}
    pairs = [
        Pair(i, partner.get(i), weights[i, partner[i]] if i in partner else MIN_SCORE)
        for i in range(len(old_items))
    ]
    taken = set(partner.values())
    pairs += [Pair(None, j, MIN_SCORE) for j in range(len(new_items)) if j not in taken]
    return pairs


# ---------------------------------------------------------------------------
# Item scorers

# A visit is the same visit when it arrived within this many days ...
VISIT_ARRIVAL_TOLERANCE_DAYS: Final = 3
# ... scoring this much less per day apart.
VISIT_SCORE_PER_DAY: Final = 5.0
# Among items with equal keys (two stays at one employer, two visits on one
# date), a disagreeing secondary field lowers the score by this much: enough to
# choose the better partner, too little to unpair.
TIEBREAK_PENALTY: Final = 2.0
# Lost passports and driver's licenses: a number from another country/state.
ISSUER_PENALTY: Final = 10.0

_SOCIAL_PLATFORMS: Final[Mapping[str, str]] = {
    "X": "TWITTER",
    "FB": "FACEBOOK",
    "IG": "INSTAGRAM",
    "INSTA": "INSTAGRAM",
    "VK": "VKONTAKTE",
    "TG": "TELEGRAM",
    "OK": "ODNOKLASSNIKI",
    "LINKEDIN": "LINKEDIN",
}


def _text(item: Item, key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _agreeing(match: Match) -> float:
    return MAX_SCORE if match.agrees else MIN_SCORE


def _secondary(
    item_a: Item, item_b: Item, key: str, matcher: Callable[[Any, Any], Match], kind: type
) -> float:
    """The penalty for a secondary field that both items give (as ``kind``) and that differs."""
    a, b = item_a.get(key), item_b.get(key)
    if not (isinstance(a, kind) and isinstance(b, kind)):
        return 0.0
    return 0.0 if matcher(a, b).agrees else TIEBREAK_PENALTY


def visit_score(a: Item, b: Item) -> float:
    """``{arrived, length_of_stay}``: the same arrival date, give or take a few days."""
    arrived_a, arrived_b = _text(a, "arrived"), _text(b, "arrived")
    if arrived_a is None or arrived_b is None:
        return MIN_SCORE
    match = match_dates(arrived_a, arrived_b)
    days = days_between(arrived_a, arrived_b)
    if match.agrees:
        base = match.score
    elif days is not None and days <= VISIT_ARRIVAL_TOLERANCE_DAYS:
        base = MAX_SCORE - VISIT_SCORE_PER_DAY * days
    else:
        base = MIN_SCORE
    return max(MIN_SCORE, base - _secondary(a, b, "length_of_stay", match_durations, dict))


def _named_item_score(a: Item, b: Item) -> float:
    name_a, name_b = _text(a, "name"), _text(b, "name")
    if name_a is None or name_b is None:
        return MIN_SCORE
    base = match_organizations(name_a, name_b).score
    return max(MIN_SCORE, base - _secondary(a, b, "date_from", match_dates, str))


def employer_score(a: Item, b: Item) -> float:
    """Previous employers ``{name, ..., date_from}``: by name; the start date breaks ties."""
    return _named_item_score(a, b)


def school_score(a: Item, b: Item) -> float:
    """Schools ``{name, ..., date_from}``: by name; the start date breaks ties."""
    return _named_item_score(a, b)


def _platform(item: Item) -> str:
    words = collapse((_text(item, "platform") or "").upper().replace("-", " "))
    return _SOCIAL_PLATFORMS.get(words, words)


def _handle(item: Item) -> str:
    """The identifier without case, a leading @ or a profile URL around it."""
    handle = (_text(item, "identifier") or "").strip().rstrip("/")
    if "/" in handle:
        handle = handle.rsplit("/", 1)[1]
    return handle.lstrip("@").casefold()


def social_media_score(a: Item, b: Item) -> float:
    """``{platform, identifier}``: same platform, identifier ignoring case and a leading @. A
    platform not read on one side (a scan's unsure word) is unknown, not another platform: the
    handle decides."""
    platform_a, platform_b = _platform(a), _platform(b)
    if platform_a and platform_b and platform_a != platform_b:
        return MIN_SCORE
    handle_a, handle_b = _handle(a), _handle(b)
    if not handle_a or not handle_b:
        return MIN_SCORE
    return MAX_SCORE if handle_a == handle_b else float(fuzz.ratio(handle_a, handle_b))


def other_name_score(a: Item, b: Item) -> float:
    """``{surnames, given_names}``: the mean of the two name scores of :func:`match_person`."""
    surnames, given = match_person(
        _text(a, "surnames"), _text(a, "given_names"), _text(b, "surnames"), _text(b, "given_names")
    )
    return (surnames.score + given.score) / 2


def _numbered_item_score(
    a: Item, b: Item, issuer: str, issuer_matcher: Callable[[str, str], Match]
) -> float:
    number_a, number_b = _text(a, "number"), _text(b, "number")
    if number_a is None or number_b is None:
        return MIN_SCORE
    base = match_ids(number_a, number_b).score
    issuer_a, issuer_b = _text(a, issuer), _text(b, issuer)
    if issuer_a and issuer_b and not issuer_matcher(issuer_a, issuer_b).agrees:
        base -= ISSUER_PENALTY
    return max(MIN_SCORE, base)


def lost_passport_score(a: Item, b: Item) -> float:
    """``{number, country, explanation}``: by number; another issuing country lowers it."""
    return _numbered_item_score(a, b, "country", match_countries)


def drivers_license_score(a: Item, b: Item) -> float:
    """``{number, state}``: by number; another state lowers it."""
    return _numbered_item_score(a, b, "state", match_text)


def country_score(a: str, b: str) -> float:
    """Countries visited, other nationalities: the same country (any alias) or not at all."""
    return _agreeing(match_countries(a, b))


def phone_score(a: str, b: str) -> float:
    """Phone numbers: country code and trunk prefix optional; a typo still scores high."""
    return match_phones(a, b).score


def email_score(a: str, b: str) -> float:
    """Email addresses, ignoring case and spaces."""
    return match_emails(a, b).score


def text_score(a: str, b: str) -> float:
    """Plain text items (languages, organisations, locations)."""
    return match_text(a, b).score
