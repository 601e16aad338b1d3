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

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from rapidfuzz import fuzz

from ds160check.matching.blocking import Blocking, candidate_pairs
from ds160check.matching.fold import collapse
from ds160check.matching.names import match_person
from ds160check.matching.result import MAX_SCORE, MIN_SCORE, Match
from ds160check.matching.values import (
    DEFAULT_WORD_ORDER_FLOOR,
    date_span,
    days_between,
    email_form,
    gmail_mailbox,
    id_form,
    match_countries,
    match_dates,
    match_durations,
    match_emails,
    match_ids,
    match_organizations,
    match_phones,
    match_text,
    organization_core,
    organization_sound,
    phone_digits,
    phone_lines,
    text_form,
)
from ds160check.values import canonical_country

__all__ = [
    "COUNTRY_BLOCKING",
    "DEFAULT_ALIGN_THRESHOLD",
    "DRIVERS_LICENSE_BLOCKING",
    "EMAIL_BLOCKING",
    "EMPLOYER_BLOCKING",
    "LOST_PASSPORT_BLOCKING",
    "PHONE_BLOCKING",
    "SCHOOL_BLOCKING",
    "SOCIAL_MEDIA_BLOCKING",
    "TEXT_BLOCKING",
    "VISIT_BLOCKING",
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
        costs, potential = cost[current - 1], row_potential[current]
        for other in range(1, size + 1):
            if visited[other]:
                continue
            reduced = costs[other - 1] - potential - column_potential[other]
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
    old_items: Sequence[T],
    new_items: Sequence[T],
    score: Callable[[T, T], float],
    threshold: float,
    blocking: Blocking[T] | None,
) -> dict[tuple[int, int], float]:
    """The score of every pair that may be made (of the pairs ``blocking`` lets through)."""
    if blocking is None:
        pairs: Iterable[tuple[int, int]] = (
            (i, j) for i in range(len(old_items)) for j in range(len(new_items))
        )
    else:
        pairs = candidate_pairs(old_items, new_items, blocking, threshold)
    weights = {}
    for i, j in pairs:
        value = float(score(old_items[i], new_items[j]))
        if value >= threshold:
            weights[i, j] = value
    return weights


def align(
    old_items: Sequence[T],
    new_items: Sequence[T],
    score: Callable[[T, T], float],
    *,
    threshold: float = DEFAULT_ALIGN_THRESHOLD,
    blocking: Blocking[T] | None = None,
) -> list[Pair]:
    """Pair the items of two lists: old items in their order (with their partner or None),
    then the new items left over, in their order.

    ``blocking`` (see :mod:`.blocking`) leaves unscored the pairs that cannot reach
    ``threshold``: the same pairs, in far fewer calls of ``score`` on long lists."""
    weights = _weights(old_items, new_items, score, threshold, blocking)
    size = max(len(old_items), len(new_items))
    cost = [[0.0] * size for _ in range(size)]
    for (i, j), weight in weights.items():
        cost[i][j] = -(_PAIR_BONUS + weight - _DISPLACEMENT_COST * abs(i - j))
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


# ---------------------------------------------------------------------------
# Blocking: what two items must share for the scorer above to pair them (see :mod:`.blocking`).
# Each keeps the contract for any threshold above 0; tests/test_list_blocking.py checks that the
# blocked alignment is the all-pairs one.  Other names (``match_person``: transliterations,
# swapped or re-split parts, the mean of two fuzzy scores, one of which may be low) have no
# cheap key sure to be shared, and their lists are a few items: they are not blocked.

Keys = Collection[Hashable] | None
# Arrivals are blocked by periods of this many days, not fewer than the days a visit's arrival
# may be off (VISIT_ARRIVAL_TOLERANCE_DAYS): two such arrivals fall in one period or neighbours.
VISIT_BLOCK_DAYS: Final = max(7, VISIT_ARRIVAL_TOLERANCE_DAYS)
_UNREAD: Final = "unread"
_PLAIN: Final = "plain"
_CANONICAL: Final = "canonical"


def _field(item: Any, key: str) -> str | None:
    return _text(item, key) if isinstance(item, Mapping) else None


def _visit_keys(item: Any) -> Keys:
    """The periods an arrival may fall in, and the next (a full date's neighbour a few days on);
    an unreadable arrival agrees only with itself; no arrival: only an equal item pairs."""
    arrived = _field(item, "arrived")
    if arrived is None:
        return None
    try:
        span = date_span(arrived)
    except ValueError:
        return None
    if span is None:
        return {(_UNREAD, arrived)}
    first, last = (day.toordinal() // VISIT_BLOCK_DAYS for day in span)
    return set(range(first, last + 2))


def _core(item: Any) -> str | None:
    name = _field(item, "name")
    return (organization_core(name) or None) if name is not None else None


def _named_item_keys(item: Any) -> Keys:
    """A name's sound (written back in Cyrillic); its core goes to the bulk pass."""
    name = _field(item, "name")
    return None if name is None or not organization_core(name) else {organization_sound(name)}


def _country_keys(item: Any) -> Keys:
    if not isinstance(item, str):
        return None
    canonical = canonical_country(item)
    plain = {(_PLAIN, collapse(item).upper())}
    return plain if canonical is None else plain | {(_CANONICAL, canonical)}


def _phone_text(item: Any) -> str | None:
    return (phone_digits(item) or None) if isinstance(item, str) else None


def _phone_keys(item: Any) -> Keys:
    """The national numbers a phone can stand for; its digits go to the bulk pass (typos)."""
    return None if _phone_text(item) is None else phone_lines(item)


def _email_text(item: Any) -> str | None:
    return (email_form(item) or None) if isinstance(item, str) else None


def _email_keys(item: Any) -> Keys:
    if _email_text(item) is None:
        return None
    mailbox = gmail_mailbox(item)
    return set() if mailbox is None else {mailbox}


def _handle_text(item: Any) -> str | None:
    return (_handle(item) or None) if isinstance(item, Mapping) else None


def _handle_keys(item: Any) -> Keys:
    """Nothing but the handle, in the bulk pass: a platform not read must still pair."""
    return None if _handle_text(item) is None else set()


def _number_text(item: Any) -> str | None:
    number = _field(item, "number")
    return (id_form(number) or None) if number is not None else None


def _number_keys(item: Any) -> Keys:
    return None if _number_text(item) is None else set()


def _plain_text(item: Any) -> str | None:
    return (text_form(item) or None) if isinstance(item, str) else None


def _plain_keys(item: Any) -> Keys:
    return None if _plain_text(item) is None else set()


VISIT_BLOCKING: Final[Blocking[Any]] = Blocking(keys=_visit_keys)
# Names pair from token_sort_ratio min(threshold, the word-order floor) on (match_organizations).
EMPLOYER_BLOCKING: Final[Blocking[Any]] = Blocking(
    keys=_named_item_keys, text=_core, similarity=fuzz.token_sort_ratio,
    ceiling=DEFAULT_WORD_ORDER_FLOOR,
)  # fmt: skip
SCHOOL_BLOCKING: Final[Blocking[Any]] = EMPLOYER_BLOCKING
COUNTRY_BLOCKING: Final[Blocking[Any]] = Blocking(keys=_country_keys)
PHONE_BLOCKING: Final[Blocking[Any]] = Blocking(keys=_phone_keys, text=_phone_text)
EMAIL_BLOCKING: Final[Blocking[Any]] = Blocking(keys=_email_keys, text=_email_text)
SOCIAL_MEDIA_BLOCKING: Final[Blocking[Any]] = Blocking(keys=_handle_keys, text=_handle_text)
LOST_PASSPORT_BLOCKING: Final[Blocking[Any]] = Blocking(keys=_number_keys, text=_number_text)
DRIVERS_LICENSE_BLOCKING: Final[Blocking[Any]] = LOST_PASSPORT_BLOCKING
TEXT_BLOCKING: Final[Blocking[Any]] = Blocking(
    keys=_plain_keys, text=_plain_text, similarity=fuzz.token_sort_ratio,
    ceiling=DEFAULT_WORD_ORDER_FLOOR,
)  # fmt: skip
