"""Matchers worth trusting: is a difference between two forms a real contradiction?

Every matcher returns a :class:`Match` -- ``verdict`` (``same``, ``variant``:
the same thing written another way, or ``different``), a ``score`` 0..100 and
a ``reason`` a broker can read.  ``names`` compares names across
transliterations, ``values`` the typed field values, ``lists`` aligns history
lists item by item (``blocking``: scoring only the pairs that can pair).
"""

from __future__ import annotations

from ds160check.matching.blocking import Blocking
from ds160check.matching.lists import (
    DEFAULT_ALIGN_THRESHOLD,
    Pair,
    align,
    country_score,
    drivers_license_score,
    email_score,
    employer_score,
    lost_passport_score,
    other_name_score,
    phone_score,
    school_score,
    social_media_score,
    text_score,
    visit_score,
)
from ds160check.matching.names import match_names, match_person
from ds160check.matching.result import Match, Verdict
from ds160check.matching.values import (
    DEFAULT_ADDRESS_THRESHOLD,
    DEFAULT_DURATION_RELATIVE_TOLERANCE,
    DEFAULT_DURATION_TOLERANCE_DAYS,
    DEFAULT_MONEY_TOLERANCE,
    DEFAULT_ORGANIZATION_THRESHOLD,
    DEFAULT_TEXT_THRESHOLD,
    DEFAULT_WORD_ORDER_FLOOR,
    match_addresses,
    match_countries,
    match_dates,
    match_durations,
    match_emails,
    match_ids,
    match_money,
    match_organizations,
    match_phones,
    match_text,
)

__all__ = [
    "DEFAULT_ADDRESS_THRESHOLD",
    "DEFAULT_ALIGN_THRESHOLD",
    "DEFAULT_DURATION_RELATIVE_TOLERANCE",
    "DEFAULT_DURATION_TOLERANCE_DAYS",
    "DEFAULT_MONEY_TOLERANCE",
    "DEFAULT_ORGANIZATION_THRESHOLD",
    "DEFAULT_TEXT_THRESHOLD",
    "DEFAULT_WORD_ORDER_FLOOR",
    "Blocking",
    "Match",
    "Pair",
    "Verdict",
    "align",
    "country_score",
    "drivers_license_score",
    "email_score",
    "employer_score",
    "lost_passport_score",
    "match_addresses",
    "match_countries",
    "match_dates",
    "match_durations",
    "match_emails",
    "match_ids",
    "match_money",
    "match_names",
    "match_organizations",
    "match_person",
    "match_phones",
    "match_text",
    "other_name_score",
    "phone_score",
    "school_score",
    "social_media_score",
    "text_score",
    "visit_score",
]
