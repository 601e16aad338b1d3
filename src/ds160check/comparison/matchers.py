"""The matcher names used in ``field_rules/compare/fields.yaml``, bound to ``ds160check.matching``.

A value may be ``None`` (printed DOES NOT APPLY): two ``None`` are the same,
one ``None`` against a value is different.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ds160check.matching import (
    Blocking,
    Match,
    lists,
    match_addresses,
    match_countries,
    match_dates,
    match_durations,
    match_emails,
    match_ids,
    match_money,
    match_names,
    match_organizations,
    match_phones,
    match_text,
)
from ds160check.matching.result import MAX_SCORE, different, same

NOT_APPLICABLE = "DOES NOT APPLY in one application only"


def _names(a: Any, b: Any, native: tuple[Any, Any] = (None, None), **_: Any) -> Match:
    return match_names(str(a), str(b), native_a=native[0], native_b=native[1])


def _money(a: Any, b: Any, tolerance: float | None = None, **_: Any) -> Match:
    if tolerance is None:
        return match_money(a, b)
    return match_money(a, b, tolerance=tolerance)


def _bool(a: Any, b: Any, **_: Any) -> Match:
    return same() if a == b else different("YES in one, NO in the other", 0.0)


def _plain(function: Callable[[Any, Any], Match]) -> Callable[..., Match]:
    def call(a: Any, b: Any, **_: Any) -> Match:
        return function(a, b)

    return call


SCALAR: dict[str, Callable[..., Match]] = {
    "name": _names,
    "date": _plain(match_dates),
    "text": _plain(lambda a, b: match_text(str(a), str(b))),
    "place": _plain(lambda a, b: match_text(str(a), str(b))),
    "country": _plain(match_countries),
    "id": _plain(match_ids),
    "phone": _plain(match_phones),
    "email": _plain(match_emails),
    "money": _money,
    "duration": _plain(match_durations),
    "organization": _plain(lambda a, b: match_organizations(str(a), str(b))),
    "address": _plain(lambda a, b: match_addresses(str(a), str(b))),
    "bool": _bool,
}


def match_scalar(matcher: str, a: Any, b: Any, **options: Any) -> Match:
    """Compare two values with the named matcher (names take ``native=(old, new)``)."""
    if a is None or b is None:
        return same() if a is b else different(NOT_APPLICABLE, 0.0)
    if a == b:
        return same()
    return SCALAR[matcher](a, b, **options)


def _military_score(a: Any, b: Any) -> float:
    """Two periods of service are one when country and branch agree; dates decide among several."""
    if not (isinstance(a, dict) and isinstance(b, dict)):
        return 0.0
    country = match_scalar("country", a.get("country"), b.get("country"))
    branch = match_scalar("text", a.get("branch"), b.get("branch"))
    start = match_scalar("date", a.get("date_from"), b.get("date_from"))
    return (country.score + branch.score) / 2 - (0.0 if start.agrees else MILITARY_DATE_PENALTY)


# Among several periods in one branch, the one that started on another date is less alike.
MILITARY_DATE_PENALTY = 10.0

ITEM_SCORERS: dict[str, Callable[[Any, Any], float]] = {
    "visit": lists.visit_score,
    "license": lists.drivers_license_score,
    "other_name": lists.other_name_score,
    "employer": lists.employer_score,
    "school": lists.school_score,
    "country": lists.country_score,
    "phone": lists.phone_score,
    "email": lists.email_score,
    "social": lists.social_media_score,
    "lost_passport": lists.lost_passport_score,
    "military": _military_score,
    "text": lists.text_score,
}


# What two items must share to be scored at all, per matcher (see ``matching.blocking``); a
# matcher missing here has every pair scored. Military service is not blocked: its score is the
# mean of a country's and a branch's, one of which may be far off, and its lists are a few items.
# Other names are not blocked either (see ``matching.lists``).
ITEM_BLOCKINGS: dict[str, Blocking[Any]] = {
    "visit": lists.VISIT_BLOCKING,
    "license": lists.DRIVERS_LICENSE_BLOCKING,
    "employer": lists.EMPLOYER_BLOCKING,
    "school": lists.SCHOOL_BLOCKING,
    "country": lists.COUNTRY_BLOCKING,
    "phone": lists.PHONE_BLOCKING,
    "email": lists.EMAIL_BLOCKING,
    "social": lists.SOCIAL_MEDIA_BLOCKING,
    "lost_passport": lists.LOST_PASSPORT_BLOCKING,
    "text": lists.TEXT_BLOCKING,
}


def item_blocking(matcher: str) -> Blocking[Any] | None:
    """The blocking of the named matcher's list items, None when every pair is scored."""
    return ITEM_BLOCKINGS.get(matcher)


def item_scorer(matcher: str) -> Callable[[Any, Any], float]:
    """A 0-100 similarity of two list items, for aligning old and new lists (equal items score 100)."""
    scorer = ITEM_SCORERS[matcher]

    def score(a: Any, b: Any) -> float:
        return MAX_SCORE if a == b else scorer(a, b)

    return score
