"""Matchers for the typed values of the field catalogue: dates, ids, phones, emails,
countries, money, durations, free text, organisation names and addresses.

Each takes two values in the JSON form of ``docs/extraction.md`` and returns a
:class:`~ds160check.matching.result.Match`; none raises on odd input (an
unreadable value is compared as text).  Thresholds are keyword arguments with
named defaults so that rules in ``field_rules/`` can set them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ds160check.matching.fold import collapse, fold_latin, has_cyrillic, word_script
from ds160check.matching.result import MAX_SCORE, Match, different, same, variant
from ds160check.matching.translit import romanizations
from ds160check.values import (
    Duration,
    Money,
    canonical_country,
    duration_days,
    parse_date,
    parse_id,
)

# The normal forms of one text (a date's parts, a name folded and romanized) are pure and asked
# for every pair a history list's alignment scores: remembered, within this bound.
NORMAL_FORMS_REMEMBERED: Final = 1 << 14

__all__ = [
    "DEFAULT_ADDRESS_THRESHOLD",
    "DEFAULT_DURATION_RELATIVE_TOLERANCE",
    "DEFAULT_DURATION_TOLERANCE_DAYS",
    "DEFAULT_MONEY_TOLERANCE",
    "DEFAULT_ORGANIZATION_THRESHOLD",
    "DEFAULT_TEXT_THRESHOLD",
    "DEFAULT_WORD_ORDER_FLOOR",
    "LEGAL_FORMS",
    "days_between",
    "match_addresses",
    "match_countries",
    "match_dates",
    "match_durations",
    "match_emails",
    "match_ids",
    "match_money",
    "match_organizations",
    "match_phones",
    "match_text",
]

SAME_IGNORING_FORM: Final = "same ignoring case, punctuation and spacing"

# Scores of the variants that are exactly the same fact written another way.
SCORE_OTHER_PREFIX: Final = 95.0
SCORE_GMAIL_SPELLING: Final = 95.0
SCORE_COUNTRY_ALIAS: Final = 98.0
SCORE_CURRENCY_ONE_SIDE: Final = 99.0
SCORE_OTHER_UNITS: Final = 99.0
SCORE_LEGAL_FORM: Final = 97.0
SCORE_ABBREVIATIONS: Final = 97.0

# ---------------------------------------------------------------------------
# Dates

# A date this many days (or more) away scores 0.
DATE_SCORE_SPAN_DAYS: Final = 365
MONTHS_SCORE_SPAN: Final = 12
# A partial date against a fuller one in the same period: the coarser the
# partial date, the less it says.
PARTIAL_DATE_SCORES: Final[Mapping[int, float]] = {1: 80.0, 2: 90.0}
_PRECISION_WORDS: Final[Mapping[int, str]] = {1: "same year", 2: "same month"}

_DateParts = tuple[int, ...]  # (year,), (year, month) or (year, month, day)


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _date_parts(text: str) -> _DateParts | None:
    try:
        iso = parse_date(text)
    except ValueError:
        return None
    return None if iso is None else tuple(int(part) for part in iso.split("-"))


def _days_apart(a: _DateParts, b: _DateParts) -> int:
    return abs((dt.date(*a) - dt.date(*b)).days)


def days_between(a: str, b: str) -> int | None:
    """Days between two full dates, None when either is partial or unreadable."""
    parts_a, parts_b = _date_parts(a), _date_parts(b)
    if parts_a is None or parts_b is None or len(parts_a) != 3 or len(parts_b) != 3:
        return None
    return _days_apart(parts_a, parts_b)


def _date_score(a: _DateParts, b: _DateParts) -> float:
    if len(a) == len(b) == 3:
        return MAX_SCORE * (1 - min(_days_apart(a, b), DATE_SCORE_SPAN_DAYS) / DATE_SCORE_SPAN_DAYS)
    months_a = a[0] * 12 + (a[1] if len(a) > 1 else 1)
    months_b = b[0] * 12 + (b[1] if len(b) > 1 else 1)
    return MAX_SCORE * (1 - min(abs(months_a - months_b), MONTHS_SCORE_SPAN) / MONTHS_SCORE_SPAN)


def _swapped_day_month(a: _DateParts, b: _DateParts) -> bool:
    return len(a) == len(b) == 3 and a[0] == b[0] and (a[1], a[2]) == (b[2], b[1])


def match_dates(a: str, b: str) -> Match:
    """ISO dates, full or partial: ``2024-03`` vs ``2024-03-15`` is a variant (same month)."""
    if a == b:
        return same()
    parts_a, parts_b = _date_parts(a), _date_parts(b)
    if parts_a is None or parts_b is None:
        return different("not a readable date", float(fuzz.ratio(a, b)))
    if parts_a == parts_b:
        return same("same date written another way")
    shorter, longer = sorted((parts_a, parts_b), key=len)
    if longer[: len(shorter)] == shorter:
        precision = len(shorter)
        words = _PRECISION_WORDS[precision]
        return variant(f"one date is partial ({words})", PARTIAL_DATE_SCORES[precision])
    score = _date_score(parts_a, parts_b)
    if _swapped_day_month(parts_a, parts_b):
        return different("day and month swapped", score)
    if len(parts_a) == len(parts_b) == 3:
        return different(f"{_days_apart(parts_a, parts_b)} days apart", score)
    return different("different dates", score)


# ---------------------------------------------------------------------------
# Identifiers

# Characters that OCR and hurried typing confuse; a difference only in these is
# still a different number, but the reason says what to check.
LOOK_ALIKES: Final[Mapping[str, str]] = {"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"}
_NOT_ALNUM: Final = re.compile(r"[\W_]+")


def _normal_id(text: str) -> str:
    try:
        ident = parse_id(text)
    except ValueError:
        ident = None
    return ident if ident is not None else _NOT_ALNUM.sub("", text).upper()


def _without_look_alikes(ident: str) -> str:
    return "".join(LOOK_ALIKES.get(char, char) for char in ident)


def _id_difference(a: str, b: str) -> str:
    if _without_look_alikes(a) == _without_look_alikes(b):
        return "differs only in look-alike characters (O/0, I/1, S/5, B/8, Z/2)"
    if len(a) == len(b) and sorted(a) == sorted(b) and Levenshtein.distance(a, b) == 2:
        return "two characters swapped"
    if Levenshtein.distance(a, b) == 1:
        return "one character differs"
    return "different numbers"


def match_ids(a: str, b: str) -> Match:
    """Passport, visa, national id numbers: equal once spaces and dashes are removed, or not."""
    if a == b:
        return same()
    ident_a, ident_b = _normal_id(a), _normal_id(b)
    if ident_a == ident_b:
        return same("same after removing spaces and dashes")
    return different(_id_difference(ident_a, ident_b), float(fuzz.ratio(ident_a, ident_b)))


# ---------------------------------------------------------------------------
# Phone numbers

# ITU-T E.164 country calling codes.  No code is a prefix of another, so a
# number with its country code names exactly one.
_CALLING_CODES_TEXT: Final = """
    1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58
    60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98
    211 212 213 216 218 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234 235
    236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 252 253 254 255 256
    257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299
    350 351 352 353 354 355 356 357 358 359 370 371 372 373 374 375 376 377 378 379 380
    381 382 383 385 386 387 389 420 421 423 500 501 502 503 504 505 506 507 508 509
    590 591 592 593 594 595 596 597 598 599 670 672 673 674 675 676 677 678 679 680 681
    682 683 685 686 687 688 689 690 691 692 850 852 853 855 856 880 886
    960 961 962 963 964 965 966 967 968 970 971 972 973 974 975 976 977
    992 993 994 995 996 998
"""
COUNTRY_CALLING_CODES: Final = frozenset(_CALLING_CODES_TEXT.split())
# Dialled before a national number inside the country: 0 almost everywhere, 8
# in Kazakhstan, Russia and the other former Soviet republics.
TRUNK_PREFIXES: Final = frozenset("08")
INTERNATIONAL_PREFIX: Final = "00"
# A national number shorter than this is not a whole phone number.
MIN_NATIONAL_DIGITS: Final = 7
_NON_DIGIT: Final = re.compile(r"\D")

_Reading = tuple[str | None, str]  # (country code or None when not written, national number)


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _phone_digits(text: str) -> tuple[bool, str]:
    """Whether the number is written international (``+`` or ``00``), and its digits."""
    stripped = text.strip()
    digits = _NON_DIGIT.sub("", stripped)
    if stripped.startswith("+"):
        return True, digits
    if digits.startswith(INTERNATIONAL_PREFIX):
        return True, digits[len(INTERNATIONAL_PREFIX) :]
    return False, digits


def _country_split(digits: str) -> _Reading | None:
    for length in (1, 2, 3):
        if digits[:length] in COUNTRY_CALLING_CODES:
            national = digits[length:]
            # "+44 (0)20 ..." keeps the trunk 0 after the country code.
            if national[:1] in TRUNK_PREFIXES:
                national = national[1:]
            return digits[:length], national
    return None


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _phone_readings(text: str) -> frozenset[_Reading]:
    """The (country code, national number) pairs a written number can stand for."""
    international, digits = _phone_digits(text)
    split = _country_split(digits)
    if international:
        return frozenset({split} if split else {(None, digits)})
    readings: set[_Reading] = {(None, digits)}
    if digits[:1] in TRUNK_PREFIXES:
        readings.add((None, digits[1:]))
    if split:
        readings.add(split)
    return frozenset(readings)


def _same_line(a: _Reading, b: _Reading) -> bool:
    country_a, national_a = a
    country_b, national_b = b
    countries_agree = country_a is None or country_b is None or country_a == country_b
    return countries_agree and national_a == national_b and len(national_a) >= MIN_NATIONAL_DIGITS


def match_phones(a: str, b: str) -> Match:
    """Phone numbers; country code and trunk prefix are optional (+77011234567 = 87011234567)."""
    if a == b:
        return same()
    digits_a, digits_b = _phone_digits(a)[1], _phone_digits(b)[1]
    if digits_a and digits_a == digits_b:
        return same("same number")
    readings_a, readings_b = _phone_readings(a), _phone_readings(b)
    if any(_same_line(x, y) for x in readings_a for y in readings_b):
        return variant("same number, country code/trunk prefix differs", SCORE_OTHER_PREFIX)
    return different("different numbers", float(fuzz.ratio(digits_a, digits_b)))


# ---------------------------------------------------------------------------
# Email addresses

# Gmail ignores dots and anything after "+" in the mailbox name.
DOT_BLIND_DOMAINS: Final = frozenset({"GMAIL.COM", "GOOGLEMAIL.COM"})
_WHITESPACE: Final = re.compile(r"\s+")


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _normal_email(text: str) -> str:
    return _WHITESPACE.sub("", text).upper()


def _mailbox(email: str) -> str | None:
    local, at, domain = email.rpartition("@")
    if not at or domain not in DOT_BLIND_DOMAINS:
        return None
    return local.split("+", 1)[0].replace(".", "") + "@GMAIL.COM"


def match_emails(a: str, b: str) -> Match:
    """Email addresses, ignoring case and stray spaces; Gmail's dots and +tags are a variant."""
    if a == b:
        return same()
    email_a, email_b = _normal_email(a), _normal_email(b)
    if email_a == email_b:
        return same("same ignoring case and spaces")
    mailbox_a = _mailbox(email_a)
    if mailbox_a is not None and mailbox_a == _mailbox(email_b):
        return variant("same Gmail mailbox (dots and +tags ignored)", SCORE_GMAIL_SPELLING)
    return different("different addresses", float(fuzz.ratio(email_a, email_b)))


# ---------------------------------------------------------------------------
# Countries


def match_countries(a: str, b: str) -> Match:
    """Countries by their CEAC name: ``USA`` and ``UNITED STATES OF AMERICA`` are one country."""
    if a == b:
        return same()
    plain_a, plain_b = collapse(a).upper(), collapse(b).upper()
    if plain_a == plain_b:
        return same("same ignoring case and spacing")
    country_a, country_b = canonical_country(a), canonical_country(b)
    if country_a is not None and country_a == country_b:
        return variant(f"same country ({country_a})", SCORE_COUNTRY_ALIAS)
    reason = "different countries" if country_a and country_b else "unknown country"
    return different(reason, float(fuzz.ratio(plain_a, plain_b)))


# ---------------------------------------------------------------------------
# Money and durations

# Relative difference two amounts may have and still be the same figure
# (rounding, a raise announced but not yet paid, exchange of a few percent).
DEFAULT_MONEY_TOLERANCE: Final = 0.05


def _amount_text(amount: float) -> str:
    return f"{amount:,.2f}".removesuffix(".00")


def match_money(a: Money, b: Money, *, tolerance: float = DEFAULT_MONEY_TOLERANCE) -> Match:
    """Amounts in one currency within ``tolerance`` (relative); other currencies are different."""
    if a == b:
        return same()
    currency_a, currency_b = a.get("currency"), b.get("currency")
    if currency_a and currency_b and currency_a != currency_b:
        return different(f"different currencies ({currency_a} vs {currency_b})", 0.0)
    x, y = float(a["amount"]), float(b["amount"])
    if not (math.isfinite(x) and math.isfinite(y)):
        return different("not a finite amount", 0.0)
    largest = max(abs(x), abs(y))
    gap = abs(x - y) / largest if largest else 0.0
    score = MAX_SCORE * (1 - min(gap, 1.0))
    amounts = f"{_amount_text(x)} vs {_amount_text(y)}"
    if gap == 0:
        return variant("same amount, currency given on one side only", SCORE_CURRENCY_ONE_SIDE)
    if gap <= tolerance:
        return variant(f"within {tolerance:.0%} ({amounts})", score)
    return different(f"differ by {gap:.0%} ({amounts})", score)


# A stay told in other units is the same when within a day, or within this
# share of the length (1 MONTH = 4 WEEK(S), 1 YEAR = 12 MONTH(S)).
DEFAULT_DURATION_TOLERANCE_DAYS: Final = 1.0
DEFAULT_DURATION_RELATIVE_TOLERANCE: Final = 0.07
_EXACT_DAYS: Final = 1e-9


def _duration_text(duration: Duration) -> str:
    return f"{duration['value']} {duration['unit']}(S)"


def _days(duration: Duration) -> float | None:
    value = duration.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        days = duration_days(duration)
    except KeyError:  # not one of the catalogue's units
        return None
    return days if math.isfinite(days) else None


def match_durations(
    a: Duration,
    b: Duration,
    *,
    tolerance_days: float = DEFAULT_DURATION_TOLERANCE_DAYS,
    relative_tolerance: float = DEFAULT_DURATION_RELATIVE_TOLERANCE,
) -> Match:
    """Lengths of time in any units: ``2 WEEK(S) = 14 DAY(S)``; close ones within a tolerance."""
    if a == b:
        return same()
    days_a, days_b = _days(a), _days(b)
    if days_a is None or days_b is None:
        return different("not a length of time", 0.0)
    longest = max(days_a, days_b)
    gap = abs(days_a - days_b)
    score = MAX_SCORE * (1 - min(gap / longest, 1.0)) if longest else MAX_SCORE
    texts = _duration_text(a), _duration_text(b)
    if gap <= _EXACT_DAYS:
        return variant(f"{texts[0]} = {texts[1]}", SCORE_OTHER_UNITS)
    if gap <= max(tolerance_days, relative_tolerance * longest):
        return variant(f"{texts[0]} ≈ {texts[1]}", score)
    return different(f"{texts[0]} vs {texts[1]}", score)


# ---------------------------------------------------------------------------
# Free text, organisations, addresses

# token_set_ratio at or above this: the same text written slightly differently.
DEFAULT_TEXT_THRESHOLD: Final = 90.0
DEFAULT_ORGANIZATION_THRESHOLD: Final = 90.0
DEFAULT_ADDRESS_THRESHOLD: Final = 90.0
# token_set_ratio is 100 when one text's words are a subset of the other's
# ("KAZ TRADE" vs "KAZ TRADE INTERNATIONAL"); the word-order-free ratio of the
# whole texts must also reach this, so that added words still count.
DEFAULT_WORD_ORDER_FLOOR: Final = 80.0

_PUNCTUATION: Final = re.compile(r"[\W_]+")
_NUMBER: Final = re.compile(r"\d+")


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _normal_text(text: str) -> str:
    return collapse(_PUNCTUATION.sub(" ", fold_latin(text)))


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _numbers(text: str) -> tuple[tuple[str, int], ...]:
    """The numbers of a text and how often each occurs, in one order."""
    return tuple(sorted(Counter(_NUMBER.findall(text)).items()))


def _numbers_differ(a: str, b: str) -> bool:
    """House numbers, years, amounts: a text with other numbers is never a spelling variant."""
    return _numbers(a) != _numbers(b)


def _fuzzy(a: str, b: str, threshold: float, floor: float, reasons: tuple[str, str]) -> Match:
    """Compare two normalised texts with token_set_ratio (guarded by the word-order-free floor).

    ``reasons``: what to say when they are nearly the same, and when they differ.
    """
    if not a or not b:
        return different("one side is empty", 0.0)
    set_score = float(fuzz.token_set_ratio(a, b))
    sort_score = float(fuzz.token_sort_ratio(a, b))
    if _numbers_differ(a, b):
        return different("numbers differ", min(set_score, sort_score))
    if set_score >= threshold and sort_score >= floor:
        return variant(reasons[0], set_score)
    return different(reasons[1], min(set_score, sort_score))


def match_text(
    a: str,
    b: str,
    *,
    threshold: float = DEFAULT_TEXT_THRESHOLD,
    floor: float = DEFAULT_WORD_ORDER_FLOOR,
) -> Match:
    """Free text: same ignoring case, punctuation, accents and spacing; near-equal is a variant."""
    if a == b:
        return same()
    text_a, text_b = _normal_text(a), _normal_text(b)
    if text_a == text_b:
        return same(SAME_IGNORING_FORM)
    return _fuzzy(text_a, text_b, threshold, floor, ("nearly the same wording", "different text"))


# Legal forms, in every spelling seen on forms (Latin and Cyrillic); stripped
# from either end of an organisation's name before comparing.
_LEGAL_FORMS_TEXT: Final = """
    LLP LLC LTD LIMITED JSC PJSC OJSC CJSC TOO OOO AO OAO ZAO PAO IP PVT PRIVATE PTE PTY
    GMBH AG INC INCORPORATED CORP CORPORATION CO COMPANY PLC SA SRL BV NV LP KFT SPA
    ТОО ООО АО ОАО ЗАО ПАО ИП ЧП ТОВ ПАТ ПРАТ ЖШС АҚ THE
    ZHSHS AQ MCHJ AJ XK QK OK YATT MChJ
"""
LEGAL_FORMS: Final = frozenset(_LEGAL_FORMS_TEXT.split())
_LEGAL_PHRASES: Final = (
    "LIMITED LIABILITY PARTNERSHIP",
    "LIMITED LIABILITY COMPANY",
    "JOINT STOCK COMPANY",
    "PUBLIC LIMITED COMPANY",
    "PRIVATE LIMITED",
    # Russian and Kazakh legal forms spelled out, in Latin letters (romanized first).
    "TOVARISHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU",
    "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU",
    "AKTSIONERNOE OBSHCHESTVO",
    "ZHAUAPKERSHILIGI SHEKTEULI SERIKTESTIK",
)


_WORD: Final = re.compile(r"[^\W\d_]+")
CYRILLIC: Final = "CYRILLIC"


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def romanized(text: str) -> str:
    """Cyrillic words in Latin letters (the first scheme of ``translit``): СЕВЕРНЫЙ → SEVERNYI."""
    def latin(match: re.Match[str]) -> str:
        word = match[0]
        if word_script(word) != CYRILLIC:
            return word
        found = romanizations(word)
        return found[0][1] if found else word

    return _WORD.sub(latin, text)


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _without_legal_form(name: str) -> str:
    text = f" {name} "
    for phrase in _LEGAL_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    words = text.split()
    while words and words[0] in LEGAL_FORMS:
        words.pop(0)
    while words and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words) or name


def match_organizations(
    a: str,
    b: str,
    *,
    threshold: float = DEFAULT_ORGANIZATION_THRESHOLD,
    floor: float = DEFAULT_WORD_ORDER_FLOOR,
) -> Match:
    """Employer and school names; legal forms, quotes and the alphabet do not count.

    ``"KAZ TRADE" LLP`` = ``KAZ TRADE LLP`` = ``ТОО KAZ TRADE`` = ``ТОО «КАЗ ТРЕЙД»``
    (LLP = ТОО = TOO, LLC = ООО, JSC = АО, PVT LTD = PRIVATE LIMITED: all legal
    forms are set aside; Cyrillic is compared in Latin letters).
    """
    if a == b:
        return same()
    text_a, text_b = _normal_text(romanized(a)), _normal_text(romanized(b))
    if text_a == text_b:
        return same(SAME_IGNORING_FORM)
    core_a, core_b = _without_legal_form(text_a), _without_legal_form(text_b)
    if core_a == core_b:
        return variant("same name, legal form or quotes differ", SCORE_LEGAL_FORM)
    found = _fuzzy(core_a, core_b, threshold, floor, ("nearly the same name", "different names"))
    if found.verdict == "different" and (has_cyrillic(a) != has_cyrillic(b)) and \
            _sound_key(core_a) == _sound_key(core_b):
        # «Степп Карго Логистикс» is STEPPE CARGO LOGISTICS written back in Cyrillic.
        return variant("the same name written in Cyrillic", SCORE_LEGAL_FORM)
    return found


# An English name written in Cyrillic and romanized again loses its spelling,
# not its sound: C/K, X/KS, PH/F, W/V, Y/I, doubled letters, a final silent E, and
# in a word of one syllable the vowel before it said as its name (TRADE is ТРЕЙД,
# TREID; LINE is ЛАЙН, LAIN; SERVICE is СЕРВИС).
_SOUND_RULES: Final = ((r"PH", "F"), (r"CK|Q|C(?=[AOU]|$|[^EIY])", "K"), (r"C", "S"), (r"X", "KS"),
                       (r"W", "V"), (r"Y", "I"), (r"KH", "H"), (r"J", "DZH"), (r"([A-Z])\1+", r"\1"),
                       (r"\b([B-DF-HJ-NP-TV-Z]+)A([B-DF-HJ-NP-TV-Z])E\b", r"\1EI\2"),
                       (r"\b([B-DF-HJ-NP-TV-Z]+)I([B-DF-HJ-NP-TV-Z])E\b", r"\1AI\2"),
                       (r"(?<=[A-Z]{3})E\b", ""))


@lru_cache(maxsize=NORMAL_FORMS_REMEMBERED)
def _sound_key(text: str) -> str:
    key = text
    for pattern, replacement in _SOUND_RULES:
        key = re.sub(pattern, replacement, key)
    return " ".join(key.split())


ADDRESS_WORDS: Final[Mapping[str, str]] = {
    "ST": "STREET",
    "STR": "STREET",
    "UL": "STREET",
    "ULITSA": "STREET",
    "KOSHESI": "STREET",
    "AVE": "AVENUE",
    "AV": "AVENUE",
    "PR": "AVENUE",
    "PROSP": "AVENUE",
    "PROSPEKT": "AVENUE",
    "PROSPECT": "AVENUE",
    "DANGYLY": "AVENUE",
    "APT": "APARTMENT",
    "APP": "APARTMENT",
    "APPT": "APARTMENT",
    "KV": "APARTMENT",
    "FLAT": "APARTMENT",
    "BLDG": "BUILDING",
    "BLD": "BUILDING",
    "RD": "ROAD",
    "BLVD": "BOULEVARD",
    "DR": "DRIVE",
    "LN": "LANE",
    "HWY": "HIGHWAY",
    "STE": "SUITE",
    "FL": "FLOOR",
    "SQ": "SQUARE",
    "MKR": "MICRODISTRICT",
    "MKRN": "MICRODISTRICT",
    "MIKRORAYON": "MICRODISTRICT",
    "MICRORAYON": "MICRODISTRICT",
    "DOM": "HOUSE",
    "D": "HOUSE",
    "H": "HOUSE",
    "UY": "HOUSE",
    "UI": "HOUSE",
    "ZD": "BUILDING",
    "KORPUS": "BUILDING",
    "KORP": "BUILDING",
    "K": "BUILDING",
    "STROENIE": "BUILDING",
    "STR.": "BUILDING",
    "OFIS": "OFFICE",
    "OF": "OFFICE",
    "PEREULOK": "LANE",
    "PER": "LANE",
    "KOCHASI": "STREET",
    "KUCHASI": "STREET",
    "KO'CHASI": "STREET",
    "SHOSSE": "HIGHWAY",
    "PLOSHCHAD": "SQUARE",
    "MIKRORAION": "MICRODISTRICT",
    "MAVZESI": "MICRODISTRICT",
    "G": "CITY",
    "GOROD": "CITY",
    "QALASY": "CITY",
    "SHAHRI": "CITY",
    "RAION": "DISTRICT",
    "RAYON": "DISTRICT",
    "AUDANY": "DISTRICT",
    "TUMANI": "DISTRICT",
    "OBL": "REGION",
    "OBLAST": "REGION",
    "OBLYSY": "REGION",
    "VILOYATI": "REGION",
}
# Words that name what a part is, not which: they never decide a match.
ADDRESS_KIND_WORDS: Final = frozenset({
    "STREET", "AVENUE", "APARTMENT", "BUILDING", "ROAD", "BOULEVARD", "DRIVE", "LANE", "HIGHWAY",
    "SUITE", "FLOOR", "SQUARE", "MICRODISTRICT", "HOUSE", "OFFICE", "CITY", "DISTRICT", "REGION",
    "REPUBLIC", "OF", "THE", "AND",
})
# A street word of one address counts as found in the other at this similarity
# (SATPAEV / SATPAEVA: the genitive of a street named after someone).
ADDRESS_WORD_SIMILARITY: Final = 80.0
# Numbers this long are postcodes or IDs, not house or apartment numbers ...
POSTCODE_DIGITS: Final = 5
# ... and one this long may be a postcode when only one address prints it.
POSTCODE_MIN_DIGITS: Final = 4
# Words that only mark a number ("NO. 5", "# 5", "N 5").
ADDRESS_NOISE: Final = frozenset({"NO", "N", "NUMBER"})


# "N27", "D.58", "KV45": a number glued to its marker.
_GLUED_NUMBER: Final = re.compile(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z]{2})")


def _normal_address(text: str) -> str:
    words = (ADDRESS_WORDS.get(word, word) for word in _GLUED_NUMBER.sub(" ", _normal_text(text)).split())
    return " ".join(word for word in words if word not in ADDRESS_NOISE)


def match_addresses(
    a: str,
    b: str,
    *,
    threshold: float = DEFAULT_ADDRESS_THRESHOLD,
    floor: float = DEFAULT_WORD_ORDER_FLOOR,
) -> Match:
    """Addresses, ST/STREET, AVE/AVENUE, APT/KV/APARTMENT ... read alike; numbers must agree."""
    if a == b:
        return same()
    text_a, text_b = _normal_text(a), _normal_text(b)
    if text_a == text_b:
        return same(SAME_IGNORING_FORM)
    address_a, address_b = _normal_address(romanized(a)), _normal_address(romanized(b))
    if address_a == address_b:
        return variant("same address, abbreviations differ", SCORE_ABBREVIATIONS)
    found = _fuzzy(
        address_a, address_b, threshold, floor, ("nearly the same address", "different addresses")
    )
    if found.verdict == "different" and _same_parts(address_a, address_b):
        return variant("same street, house and apartment, in another order or with other parts",
                       max(found.score, threshold))
    return found


def _address_parts(address: str) -> tuple[set[str], set[str]]:
    """The house/apartment numbers and the naming words (street, city) of a normalised address."""
    words = address.split()
    numbers = {w.lstrip("0") or "0" for w in words if w.isdigit() and len(w) < POSTCODE_DIGITS}
    names = {w for w in words if not w.isdigit() and w not in ADDRESS_KIND_WORDS and len(w) > 1}
    return numbers, names


def _same_parts(a: str, b: str) -> bool:
    """The same house and apartment numbers, and one street word of the shorter address in the other.

    A property certificate prints the postcode, district and country the
    form leaves out, in its own order ("Satpaev st., 40, apt. 12, Almaty"
    against "40 SATPAEV STREET APT 12"): what must agree is the house, the
    apartment and the street.
    """
    (numbers_a, names_a), (numbers_b, names_b) = _address_parts(a), _address_parts(b)
    # A four-digit number on one side only is a postcode ("Dhaka-1230") the other left out.
    one_sided = {n for n in numbers_a ^ numbers_b if len(n) >= POSTCODE_MIN_DIGITS}
    numbers_a, numbers_b = numbers_a - one_sided, numbers_b - one_sided
    if not numbers_a or not numbers_b:
        return False
    if numbers_a != numbers_b:
        return False  # "123 MAIN ST" is not "123 MAIN ST APT 5"
    fewer, more = sorted((names_a, names_b), key=len)
    return any(fuzz.ratio(x, y) >= ADDRESS_WORD_SIMILARITY for x in fewer for y in more)


# ---------------------------------------------------------------------------
# Blocking forms: what two values must share, or be alike in, for the matchers above to find
# them the same (history lists are blocked by these before their items are scored).


def date_span(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a full or partial date can be (``2024-03``: March 1 to 31), None
    when unreadable; ``ValueError`` when read as a day the calendar has not."""
    parts = _date_parts(text)
    if parts is None:
        return None
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def phone_digits(text: str) -> str:
    """The digits of a phone number, without an international ``00``: what a typo is measured on."""
    return _phone_digits(text)[1]


def phone_lines(text: str) -> frozenset[str]:
    """The whole national numbers a written phone number can stand for (with or without its
    country code and trunk prefix): two numbers on one line share one."""
    return frozenset(
        national for _country, national in _phone_readings(text)
        if len(national) >= MIN_NATIONAL_DIGITS
    )  # fmt: skip


def email_form(text: str) -> str:
    """An address as :func:`match_emails` compares it (no case, no spaces)."""
    return _normal_email(text)


def gmail_mailbox(text: str) -> str | None:
    """The Gmail mailbox of an address (dots and +tag dropped), None for other domains."""
    return _mailbox(_normal_email(text))


def id_form(text: str) -> str:
    """A document number as :func:`match_ids` compares it."""
    return _normal_id(text)


def text_form(text: str) -> str:
    """A text as :func:`match_text` compares it (folded, no punctuation, spacing collapsed)."""
    return _normal_text(text)


def organization_core(name: str) -> str:
    """A name as :func:`match_organizations` compares it: romanized, folded, no legal form."""
    return _without_legal_form(_normal_text(romanized(name)))


def organization_sound(name: str) -> str:
    """The sound of a name's core: a name written back in Cyrillic keeps it."""
    return _sound_key(organization_core(name))
