"""Turn printed text into the typed JSON values of the field catalogue.

Every parser takes the raw printed string (odd whitespace and line breaks are
fine) and returns the value in the JSON form of ``docs/extraction.md``:

- ``None`` for the DS-160 "null" texts (``DOES NOT APPLY``, ``DO NOT KNOW``,
  ``NO EXPIRATION``, ``N/A`` and empty), see :func:`is_null_text`;
- otherwise the typed value, or a :class:`ValueError` whose message quotes the
  text that could not be read.

:func:`find_dates` finds in running text the dates :func:`parse_date` reads
(``--redact`` hides a date of birth with it, so reading and hiding share one
grammar).

Nothing is read at import time; the country table (``field_rules/countries.yaml``)
is loaded once, on first use.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final, Literal, TypedDict

import yaml

from ds160check.errors import RuleError
from ds160check.rules_path import rules_dir

__all__ = [
    "DASHES",
    "DATE_FILLER_WORDS",
    "NULL_TEXTS",
    "VALUE_TYPES",
    "DateSpan",
    "Duration",
    "DurationUnit",
    "Money",
    "ParsedValue",
    "canonical_country",
    "ceac_countries",
    "currency_of",
    "date_readings",
    "duration_days",
    "find_dates",
    "is_null_text",
    "parse_bool",
    "parse_country",
    "parse_date",
    "parse_duration",
    "parse_enum",
    "parse_id",
    "parse_money",
    "parse_name",
    "parse_phone",
    "parse_print_header_date",
    "parse_text",
    "parse_value",
    "split_name_provided",
]

# ---------------------------------------------------------------------------
# Value shapes

DurationUnit = Literal["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]


class Money(TypedDict):
    """``{"amount": 350000.0, "currency": "KZT"}``; currency is ISO 4217 or None."""

    amount: float
    currency: str | None


class Duration(TypedDict):
    """``{"value": 2, "unit": "WEEK"}``."""

    value: int
    unit: DurationUnit


ParsedValue = str | bool | Money | Duration | None

# ---------------------------------------------------------------------------
# Null texts, text, names

NULL_TEXTS: Final = frozenset({"", "DOES NOT APPLY", "DO NOT KNOW", "NO EXPIRATION", "N/A"})


def _collapse(s: str) -> str:
    """Whitespace runs (any Unicode space, tabs, line breaks) to one space, ends trimmed."""
    return " ".join(s.split())


def is_null_text(s: str) -> bool:
    """True for the texts CEAC prints instead of a value (any case, any spacing)."""
    return _collapse(s).upper() in NULL_TEXTS


def parse_text(s: str) -> str | None:
    """Whitespace collapsed, capitals kept as printed."""
    text = _collapse(s)
    return None if is_null_text(text) else text


def parse_name(s: str) -> str | None:
    """A name as printed (whitespace collapsed); matching variants is the name matcher's job."""
    return parse_text(s)


def parse_enum(s: str) -> str | None:
    """A CEAC option text as printed (whitespace collapsed), e.g. ``MARRIED``."""
    return parse_text(s)


def split_name_provided(s: str) -> tuple[str | None, str | None]:
    """``"SURNAME, GIVEN NAMES"`` -> ``("SURNAME", "GIVEN NAMES")``, split at the first comma.

    Without a comma the whole text is the surname; an empty side is ``None``.
    """
    name = parse_name(s)
    if name is None:
        return None, None
    surnames, _, given_names = name.partition(",")
    return surnames.strip() or None, given_names.strip() or None


# ---------------------------------------------------------------------------
# Dates

_MONTH_NAMES: Final = (
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
)
_MONTH_ABBREVIATION_LENGTH: Final = 3
# Month names of the documents our users bring: Russian (nominative and the
# genitive of "3 декабря 2025 г."), Kazakh, Uzbek in Latin and Cyrillic script.
_LOCAL_MONTH_NAMES: Final = (
    ("ЯНВАРЬ ЯНВАРЯ ҚАҢТАР ҚАҢТАРДАҒЫ YANVAR ЯНВАР", 1),
    ("ФЕВРАЛЬ ФЕВРАЛЯ АҚПАН FEVRAL ФЕВРАЛ", 2),
    ("МАРТ МАРТА НАУРЫЗ MART", 3),
    ("АПРЕЛЬ АПРЕЛЯ СӘУІР APREL АПРЕЛ", 4),
    ("МАЙ МАЯ МАМЫР", 5),
    ("ИЮНЬ ИЮНЯ МАУСЫМ IYUN ИЮН", 6),
    ("ИЮЛЬ ИЮЛЯ ШІЛДЕ IYUL ИЮЛ", 7),
    ("АВГУСТ АВГУСТА ТАМЫЗ AVGUST", 8),
    ("СЕНТЯБРЬ СЕНТЯБРЯ ҚЫРКҮЙЕК SENTABR SENTYABR СЕНТЯБР", 9),
    ("ОКТЯБРЬ ОКТЯБРЯ ҚАЗАН OKTABR OKTYABR ОКТЯБР", 10),
    ("НОЯБРЬ НОЯБРЯ ҚАРАША NOYABR НОЯБР", 11),
    ("ДЕКАБРЬ ДЕКАБРЯ ЖЕЛТОҚСАН DEKABR ДЕКАБР", 12),
)
MONTHS: Final[Mapping[str, int]] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:_MONTH_ABBREVIATION_LENGTH]: n for n, name in enumerate(_MONTH_NAMES, start=1)},
    "SEPT": 9,
    **{name: number for names, number in _LOCAL_MONTH_NAMES for name in names.split()},
}
MONTHS_IN_YEAR: Final = 12

# Dates outside this range are taken as misreadings rather than real dates.
MIN_YEAR: Final = 1800
MAX_YEAR: Final = 2199

# Two-digit years: 00-49 are 20xx, 50-99 are 19xx (a pivot fixed in code, never
# "today", so that a result does not depend on when it is computed).
TWO_DIGIT_YEAR_PIVOT: Final = 50

# Words that may stand between the parts of a written date ("15th of March 2020").
# "3 декабря 2025 г.", "2025 yil 3 dekabr", "2025 жылғы 3 желтоқсан" too.
DATE_FILLER_WORDS: Final = frozenset({
    "OF", "DAY", "THE", "THIS", "Г", "ГОДА", "ГОД", "YIL", "YILDA", "YILNING", "ЖЫЛҒЫ", "ЖЫЛ", "ЖЫЛЫ",
    "ЙИЛ", "Ж",
})
# A weekday before a date ("Monday, November 12, 2018") is not part of it.
_WEEKDAY: Final = re.compile(
    r"^(?:MON|TUES?|WED(?:NES)?|THU(?:RS)?|FRI|SAT(?:UR)?|SUN)(?:DAY)?\.?,?\s+")

_NUMERIC_DATE: Final = re.compile(r"[0-9]+(?:\s*[-/.]\s*[0-9]+)*")
_ISO_DAY: Final = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_ISO_MONTH: Final = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})")
_YEAR_ONLY: Final = re.compile(r"[0-9]{4}")
_MONTH_YEAR: Final = re.compile(r"([0-9]{1,2})[-/.]([0-9]{4})")
_DAY_MONTH_YEAR: Final = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})")

_WORDED_DATE_CHARS: Final = re.compile(r"[A-Z0-9А-ЯЁӘҒҚҢӨҰҮҺІЎҲ ,./'-]+")
# The ending of a day written as an ordinal: 1ST, 12TH, "12-го апреля".
_ORDINAL_ENDING: Final = r"(?:ST|ND|RD|TH|-?ГО)"
_DATE_TOKEN: Final = re.compile(rf"[0-9]+{_ORDINAL_ENDING}?|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲ]+")
_DAY_TOKEN: Final = re.compile(rf"([0-9]{{1,2}}){_ORDINAL_ENDING}?")
# Dates printed as digits alone (file names, machine-readable lines): 19880412, 12041988, 880412.
_COMPACT_DATE: Final = re.compile(r"[0-9]{8}|[0-9]{6}")
_YEAR_TOKEN: Final = re.compile(r"[0-9]{4}|[0-9]{2}")

_PRINT_HEADER: Final = re.compile(
    r"([0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2}))"
    r"(?:,?\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[AP]\.?M\.?)?)?"
)


def _date_error(text: str, reason: str) -> ValueError:
    return ValueError(f"not a date: {text!r} ({reason})")


def _full_year(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        year += 1900 if year >= TWO_DIGIT_YEAR_PIVOT else 2000
    return year


def _iso(text: str, year: int, month: int | None = None, day: int | None = None) -> str:
    """The ISO form of a (partial) date after checking it is a real calendar date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _date_error(text, f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= MONTHS_IN_YEAR:
        raise _date_error(text, f"there is no month {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        raise _date_error(text, f"{_MONTH_NAMES[month - 1]} {year} has no day {day}") from None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _day_and_month(first: int, second: int, day_first: bool) -> tuple[int, int]:
    """Read ``first``/``second`` in the preferred order unless only the other one is a date."""
    day, month = (first, second) if day_first else (second, first)
    if month > MONTHS_IN_YEAR >= day:
        day, month = month, day
    return day, month


def _parse_numeric_date(compact: str, text: str, dayfirst: bool) -> str:
    if match := _ISO_DAY.fullmatch(compact):
        return _iso(text, int(match[1]), int(match[3]), int(match[4]))
    if match := _ISO_MONTH.fullmatch(compact):
        return _iso(text, int(match[1]), int(match[2]))
    if _YEAR_ONLY.fullmatch(compact):
        return _iso(text, int(compact))
    if match := _MONTH_YEAR.fullmatch(compact):
        return _iso(text, int(match[2]), int(match[1]))
    if match := _DAY_MONTH_YEAR.fullmatch(compact):
        # Dotted dates (15.01.1990) are day-first everywhere; slashes and dashes
        # follow ``dayfirst``.
        day_first = dayfirst or match[2] == "."
        day, month = _day_and_month(int(match[1]), int(match[3]), day_first)
        return _iso(text, _full_year(match[4]), month, day)
    raise _date_error(text, "unknown numeric layout")


def _parse_compact_date(digits: str, text: str, dayfirst: bool) -> str:
    """Year first (``19880412``, ``880412``: ISO 8601's basic form) or, when that is no date,
    year last (``12041988``, ``041288``) with day and month read as :func:`_day_and_month` does."""
    year_digits = len(digits) - len("MMDD")
    try:
        return _iso(text, _full_year(digits[:year_digits]), int(digits[-4:-2]), int(digits[-2:]))
    except ValueError:
        day, month = _day_and_month(int(digits[:2]), int(digits[2:4]), dayfirst)
        return _iso(text, _full_year(digits[4:]), month, day)


def _day_from(token: str, text: str) -> int:
    match = _DAY_TOKEN.fullmatch(token)
    if match is None:
        raise _date_error(text, f"{token!r} is not a day of the month")
    return int(match[1])


def _year_from(token: str, text: str, *, two_digits_ok: bool) -> int:
    if not _YEAR_TOKEN.fullmatch(token) or (len(token) == 2 and not two_digits_ok):
        raise _date_error(text, f"{token!r} is not a year")
    return _full_year(token)


# Uzbek and Kazakh put the case on the month: "1-sentabrdan" (since), "қаңтарда" (in).
_CASE_ENDINGS: Final = ("DAN", "DA", "GA", "NI", "ДАН", "ДЕН", "ДА", "ДЕ", "ҒА", "ГЕ", "НАН")


def _without_case_ending(token: str) -> str:
    if token in MONTHS or token[0].isdigit():
        return token
    for ending in _CASE_ENDINGS:
        if token.endswith(ending) and token[: -len(ending)] in MONTHS:
            return token[: -len(ending)]
    return token


def _date_tokens(cleaned: str, text: str) -> tuple[list[str], int]:
    """The tokens of a written date and the index of its one month name."""
    if not _WORDED_DATE_CHARS.fullmatch(cleaned):
        raise _date_error(text, "unexpected characters")
    tokens = [_without_case_ending(t) for t in _DATE_TOKEN.findall(cleaned) if t not in DATE_FILLER_WORDS]
    words = [i for i, token in enumerate(tokens) if not token[0].isdigit()]
    unknown = [tokens[i] for i in words if tokens[i] not in MONTHS]
    if unknown:
        raise _date_error(text, f"{unknown[0]!r} is not an English month name")
    if len(words) != 1:
        raise _date_error(text, "expected exactly one month name")
    return tokens, words[0]


def _parse_worded_date(cleaned: str, text: str) -> str:
    tokens, at = _date_tokens(cleaned, text)
    month = MONTHS[tokens[at]]
    numbers = tokens[:at] + tokens[at + 1 :]
    layout = (at, len(tokens))
    if layout == (0, 2):  # NOVEMBER 2027
        return _iso(text, _year_from(numbers[0], text, two_digits_ok=False), month)
    if layout == (1, 2) and _YEAR_ONLY.fullmatch(numbers[0]):  # 2027 NOVEMBER
        return _iso(text, _full_year(numbers[0]), month)
    if layout == (1, 3) and _YEAR_ONLY.fullmatch(numbers[0]):  # 2027-NOV-15
        return _iso(text, _full_year(numbers[0]), month, _day_from(numbers[1], text))
    if layout == (2, 3) and _YEAR_ONLY.fullmatch(numbers[0]):  # 2025 YIL 3 DEKABR
        return _iso(text, _full_year(numbers[0]), month, _day_from(numbers[1], text))
    if layout in {(1, 3), (0, 3)}:  # 15 JAN 2027, JAN 15, 2027
        year = _year_from(numbers[1], text, two_digits_ok=True)
        return _iso(text, year, month, _day_from(numbers[0], text))
    raise _date_error(text, "unknown layout")


# A time after the date ("24 NOVEMBER 2026 10:41:07", "Nov 24, 2026, 3:42 PM EST")
# is not part of the date.
_TRAILING_TIME = re.compile(
    r"[,\s]+(AT\s+)?\d{1,2}:\d{2}(:\d{2})?(\s*[AP]\.?M\.?)?(\s*(UTC|GMT|[A-Z]{2,4}T)([+-]\d{1,2}(:?\d{2})?)?)?$"
)


_UNITS: Final = (
    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN",
    "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
)
_ORDINAL_UNITS: Final = (
    "ZEROTH", "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH",
    "TENTH", "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH",
    "SEVENTEENTH", "EIGHTEENTH", "NINETEENTH",
)
_TENS: Final = {"TWENTY": 20, "THIRTY": 30, "FORTY": 40, "FIFTY": 50, "SIXTY": 60, "SEVENTY": 70,
                "EIGHTY": 80, "NINETY": 90, "TWENTIETH": 20, "THIRTIETH": 30}
_NUMBER_WORDS: Final[Mapping[str, int]] = {
    **{w: n for n, w in enumerate(_UNITS)}, **{w: n for n, w in enumerate(_ORDINAL_UNITS)}, **_TENS,
}
_NUMBER_WORD_RUN: Final = re.compile(
    r"\b(?:(?:" + "|".join(sorted([*_NUMBER_WORDS, "HUNDRED", "THOUSAND", "AND"], key=len, reverse=True))
    + r")\b[ -]?)+")


def _number_of_words(words: list[str]) -> int | None:
    """``TWO THOUSAND TWENTY SIX`` -> 2026, ``FOURTH`` -> 4; None when they are no number."""
    total, current = 0, 0
    for word in words:
        if word == "AND":
            continue
        if word == "THOUSAND":
            total, current = total + max(current, 1) * 1000, 0
        elif word == "HUNDRED":
            current = max(current, 1) * 100
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        else:
            return None
    return total + current


def _numbers_in_words(text: str) -> str:
    """A date written in words, as legal documents write it, in figures:
    ``FOURTH DAY OF MARCH TWO THOUSAND TWENTY-SIX`` -> ``4 DAY OF MARCH 2026``."""
    def figures(match: re.Match[str]) -> str:
        words = [w for w in re.split(r"[ -]+", match[0].strip()) if w]
        if words == ["AND"]:
            return match[0]
        number = _number_of_words(words)
        return f"{number} " if number is not None else match[0]

    return _NUMBER_WORD_RUN.sub(figures, text).strip()


def parse_date(s: str, *, dayfirst: bool = False, compact: bool = False) -> str | None:
    """A printed date as ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only that is printed.

    Written forms: ``07 FEBRUARY 2000``, ``15-JAN-1990``, ``15-JAN-90``,
    ``Jan 15, 2027``, ``January 15th, 2027``, ``15 Jan 2027``, ``NOVEMBER 2027``
    (English month names, full or three-letter, any case); a time after the
    date is ignored (``24 NOVEMBER 2026 10:41:07``).  Numeric forms:
    ``1990-01-15``, ``1990-01``, ``2027``, ``11/2027``, ``15.01.1990`` (dots are
    always day first) and ``01/15/1990`` / ``01-15-1990``, read month first (US)
    unless ``dayfirst``; when only one reading is a valid date (``15/01/1990``)
    that one is taken whatever ``dayfirst`` says.  Two-digit years: 00-49 are
    20xx, 50-99 are 19xx.  Impossible dates (31 FEBRUARY) raise ``ValueError``.
    With ``compact``, six or eight digits alone are a date too: ``19880412`` and
    ``880412`` year first, else ``12041988`` year last (off by default: in a
    document such a number is more often an account than a date).
    """
    text = _collapse(s)
    if is_null_text(text):
        return None
    cleaned = _WEEKDAY.sub("", _TRAILING_TIME.sub("", text.upper()).strip(" ,."))
    cleaned = _numbers_in_words(cleaned.replace("«", "").replace("»", "").replace('"', ""))
    if _NUMERIC_DATE.fullmatch(cleaned):
        digits = "".join(cleaned.split())
        if compact and _COMPACT_DATE.fullmatch(digits):
            return _parse_compact_date(digits, text, dayfirst)
        return _parse_numeric_date(digits, text, dayfirst)
    return _parse_worded_date(cleaned, text)


def parse_print_header_date(s: str) -> str:
    """The date of the browser's print header, ``"11/26/26, 3:42 PM"`` -> ``"2026-11-26"``.

    Read month first (the en-US browser format), unless only day first is a date.
    """
    text = _collapse(s)
    match = _PRINT_HEADER.fullmatch(text.upper())
    if match is None:
        raise ValueError(f"not a browser print date: {text!r} (expected e.g. '11/26/26, 3:42 PM')")
    return _parse_numeric_date(match[1], text, dayfirst=False)


# ---------------------------------------------------------------------------
# Dates in running text

# A date in running text is a run of the tokens parse_date reads: numbers (an
# ordinal ending allowed), month names (a case ending and a full stop allowed)
# and fillers, with a few spaces or marks between them. A month name may be
# glued to letters before it (DOBAPRIL), a number to anything but digits.
_MAX_DATE_PARTS: Final = 3  # day, month, year
_MAX_DATE_TOKENS: Final = 7  # "THE 12TH DAY OF APRIL 1988 Г": the parts and the fillers between them
_DATE_GAP: Final = re.compile(r"[\s,./'\"«»-]{0,4}")
_ANY_DIGIT: Final = re.compile(r"[0-9]")
_YEAR_LENGTH: Final = len("YYYY")
# Stretches already read (a report repeats its dates); bounded, as the text may be anything.
_READINGS_CACHE_SIZE: Final = 4096


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date found in running text, ``text[start:end]``, and what it may be: every reading
    :func:`parse_date` gives it (``04/12/1988`` is 1988-04-12 or 1988-12-04)."""

    start: int
    end: int
    readings: frozenset[str]


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _running_date_token() -> re.Pattern[str]:
    month = rf"(?:{_alternatives(MONTHS)})(?:{_alternatives(_CASE_ENDINGS)})?\.?"
    filler = rf"(?<![^\W\d_])(?:{_alternatives(DATE_FILLER_WORDS)})\.?"
    number = rf"(?<![0-9])[0-9]{{1,8}}(?![0-9]){_ORDINAL_ENDING}?"
    return re.compile(rf"(?P<number>{number})|(?:(?P<month>{month})|(?P<filler>{filler}))(?![^\W\d_])",
                      re.IGNORECASE)  # fmt: skip


@lru_cache(maxsize=_READINGS_CACHE_SIZE)
def date_readings(span: str) -> frozenset[str]:
    """Every date :func:`parse_date` reads ``span`` as, day first or not, digits alone
    included (``compact``), when it names a month: ``04/12/1988`` → 1988-04-12 and
    1988-12-04; ``1988`` and ``31 FEB 1988`` → none."""
    found = set()
    for dayfirst in (False, True):
        try:
            iso = parse_date(span, dayfirst=dayfirst, compact=True)
        except ValueError:
            continue
        if iso is not None and len(iso) > _YEAR_LENGTH:
            found.add(iso)
    return frozenset(found)


def find_dates(text: str) -> Iterator[DateSpan]:
    """Every stretch of ``text`` that :func:`parse_date` reads as a date with at least its month.

    Written as the parser reads it: ``12.04.88``, ``1988 April 12``, ``12 OF APRIL 1988``,
    ``12 апреля 1988 г.``, ``19880412`` (digits alone, ``compact``). Stretches overlap
    (``1988 APRIL`` and ``1988 APRIL 12`` are both given); a year alone is no date.
    """
    if _ANY_DIGIT.search(text) is None:  # every date has a number
        return
    tokens = list(_running_date_token().finditer(text))
    for first, token in enumerate(tokens):
        if token["filler"] is None:
            yield from _dates_from(text, tokens[first : first + _MAX_DATE_TOKENS])


def _dates_from(text: str, tokens: list[re.Match[str]]) -> Iterator[DateSpan]:
    """The dates that start at the first of ``tokens``, shortest first."""
    start, parts, named = tokens[0].start(), 0, False
    for before, token in zip([None, *tokens], tokens, strict=False):
        if before is not None and not _DATE_GAP.fullmatch(text, before.end(), token.start()):
            return
        if token["filler"] is not None:
            continue
        parts, named = parts + 1, named or token["month"] is not None
        if parts > _MAX_DATE_PARTS:
            return
        span = text[start : token.end()]
        if _may_be_date(span, parts, named) and (readings := date_readings(span)):
            yield DateSpan(start, token.end(), readings)


def _may_be_date(span: str, parts: int, named: bool) -> bool:
    """Whether :func:`parse_date` can read ``span`` at all, decided before trying (most
    runs of numbers cannot): a month name, digits alone, or numbers joined by ``-/.``."""
    if named:
        return True
    return bool((_COMPACT_DATE if parts == 1 else _NUMERIC_DATE).fullmatch(span))


# ---------------------------------------------------------------------------
# YES/NO, identifiers, phone numbers

_BOOL_WORDS: Final[Mapping[str, bool]] = {"YES": True, "NO": False}
_EDGE_PUNCTUATION: Final = re.compile(r"^[\W_]+|[\W_]+$")


def parse_bool(s: str) -> bool | None:
    """``YES`` -> True, ``NO`` -> False, any case, surrounding punctuation ignored."""
    text = _collapse(s)
    if is_null_text(text):
        return None
    word = _EDGE_PUNCTUATION.sub("", text).upper()
    if word not in _BOOL_WORDS:
        raise ValueError(f"not YES or NO: {text!r}")
    return _BOOL_WORDS[word]


# The dashes a number may be printed with, escaped for a character class.
DASHES: Final = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_ID_SEPARATORS: Final = re.compile(rf"[\s{DASHES}]+")
_COMPACT_NULL_TEXTS: Final = frozenset("".join(t.split()) for t in NULL_TEXTS if t)


# Marks read before or after an identifier that are none of its characters.
_ID_EDGE_PUNCTUATION: Final = ".,;:'\"`‘’“”*°·"


def parse_id(s: str) -> str | None:
    """Upper case with spaces and dashes removed: ``"n 123-456"`` -> ``"N123456"``. Punctuation
    at either end is not part of a number (a full stop after it, a speck OCR read as a comma)."""
    text = _collapse(s)
    if is_null_text(text):
        return None
    ident = _ID_SEPARATORS.sub("", text).upper().strip(_ID_EDGE_PUNCTUATION)
    if ident in _COMPACT_NULL_TEXTS:
        return None
    if not any(char.isalnum() for char in ident):
        raise ValueError(f"not an identifier: {text!r} has no letters or digits")
    return ident


# What OCR reads for a digit where a letter stands, and the reverse (the shapes of IDs tell which
# a character must be: ``shape`` in field_rules/catalogue.yaml).
_OCR_DIGITS: Final = {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "G": "6",
                      "B": "8"}
_OCR_LETTERS: Final = {"0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B"}


# Cyrillic capitals OCR reads for the Latin (and digit) shapes they share: an identifier is
# written in Latin letters and digits (a Russian re-reading made AA00QZHP8B 'ААООО7НРЗВ').
_LATIN_OF_CYRILLIC: Final = str.maketrans("АВЕКМНОРСТХУЗ", "ABEKMHOPCTXY3")


def mend_shape(ident: str, shape: str) -> str:
    """An identifier OCR read, its look-alikes mended where ``shape`` fixes a digit or a letter:
    ``mend_shape("AAOON9CE47", "AA00******") == "AA00N9CE47"``, Cyrillic look-alikes of Latin
    capitals made Latin first. Left as read when its length is not the shape's, or a fixed
    character is neither the one written nor its look-alike."""
    latin = ident.translate(_LATIN_OF_CYRILLIC)
    if latin.isascii():
        ident = latin
    if len(ident) != len(shape):
        return ident
    out = []
    for char, wanted in zip(ident, shape, strict=True):
        if wanted == "*" or char == wanted:
            out.append(char)
            continue
        table = _OCR_DIGITS if wanted.isdigit() else _OCR_LETTERS
        if table.get(char) != wanted:
            return ident
        out.append(wanted)
    return "".join(out)


def mend_date_digits(text: str) -> str:
    """A date OCR read, each of its numbers' look-alike letters made digits: a word of a date that
    holds a digit and is no longer than a year is a number, whose letters can only be misread
    digits (``O1 JUNE 2026`` is ``01 JUNE 2026``, ``12 MAY 2O19`` is ``12 MAY 2019``). A month name
    and a word of letters only are left as read."""
    words = []
    for word in text.split(" "):
        if 0 < len(word) <= 4 and any(c.isdigit() for c in word) \
                and all(c.isdigit() or c in _OCR_DIGITS for c in word):
            word = "".join(_OCR_DIGITS.get(c, c) for c in word)
        words.append(word)
    return " ".join(words)


# An OCR reading is taken for an option when it is this many letters off it at most and at least
# OPTION_CLEAR letters off every other option (CEAC's options differ by far more than one letter).
OPTION_EDITS: Final = 1
OPTION_CLEAR: Final = 3
OPTION_MIN_LENGTH: Final = 4


def mend_option(text: str, options: Iterable[str]) -> str | None:
    """The option of a closed question an OCR reading is, or None: ``MARRIED`` itself, or a reading
    one letter off one option and far from every other (``MARRLED`` is MARRIED; ``MALE`` is not
    FEMALE, nor is a short reading taken for anything but itself)."""
    from rapidfuzz.distance import Levenshtein

    read = " ".join(text.split()).upper()
    choices = tuple(options)
    if read in choices:
        return read
    if len(read) < OPTION_MIN_LENGTH:
        return None
    ranked = sorted((Levenshtein.distance(read, option), option) for option in choices)
    if not ranked or ranked[0][0] > OPTION_EDITS or len(ranked[0][1]) < OPTION_MIN_LENGTH:
        return None
    if len(ranked) > 1 and ranked[1][0] < OPTION_CLEAR:
        return None
    return ranked[0][1]


_PHONE: Final = re.compile(rf"\(?\+?[0-9 ()./{DASHES}]*[0-9][0-9 ()./{DASHES}]*")
_NOT_DIGIT: Final = re.compile(r"[^0-9]")


def parse_phone(s: str) -> str | None:
    """Digits only, a leading ``+`` kept: ``+7 (701) 123-45-67`` -> ``+77011234567``."""
    text = _collapse(s)
    if is_null_text(text):
        return None
    if not _PHONE.fullmatch(text):
        raise ValueError(
            f"not a phone number: {text!r} (only digits, spaces, a leading +, "
            f"brackets, dots, slashes and dashes can be read)"
        )
    plus = "+" if text.lstrip("(").startswith("+") else ""
    return plus + _NOT_DIGIT.sub("", text)


# ---------------------------------------------------------------------------
# Money

_THOUSANDS_GROUP: Final = 3
_INDIAN_GROUP: Final = 2  # 12,34,567 (lakh/crore grouping)
_DECIMAL_MARKS: Final = ",."
_GROUP_SEPARATORS: Final = frozenset(" ,.'\u2019")
_AMOUNT: Final = re.compile(r"[0-9](?:[0-9 ,.'\u2019]*[0-9])?")
# "Rs. 35,000/-" and "350.-" close an amount with a dash.
_AMOUNT_TRAILER: Final = re.compile(r"^[/.,]?-+")
_APOSTROPHES: Final = re.compile(r"[\u2018\u2019\u02bb\u02bc`]")
_CURRENCY_CODE: Final = re.compile(r"[A-Z]{3}")

_DOLLARS: Final = ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN")
_POUNDS: Final = ("GBP", "EGP", "LBP", "SYP", "SDG", "GIP", "FKP", "SHP")
_RUPEES: Final = ("INR", "PKR", "LKR", "NPR", "MUR", "SCR")
_RUBLES: Final = ("RUB", "BYN")
_PESOS: Final = ("MXN", "PHP", "COP", "ARS", "CLP", "CUP", "DOP", "UYU")
_FRANCS: Final = ("CHF", "XOF", "XAF", "CDF", "GNF", "RWF", "BIF", "DJF", "KMF", "XPF")
_DINARS: Final = ("KWD", "JOD", "BHD", "IQD", "LYD", "TND", "DZD", "RSD")
_RIYALS: Final = ("SAR", "QAR", "OMR", "YER", "IRR")
_SHILLINGS: Final = ("KES", "UGX", "TZS", "SOS")

# Currency signs and words (keys folded by _currency_key) -> the currencies they
# may stand for.  An ambiguous one ("$", "RUPEES") means the hint currency when
# that is among them, else the first.
CURRENCY_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "$": _DOLLARS,
    "DOLLAR": _DOLLARS,
    "DOLLARS": _DOLLARS,
    "US$": ("USD",),
    "$US": ("USD",),
    "USDOLLAR": ("USD",),
    "USDOLLARS": ("USD",),
    "C$": ("CAD",),
    "CA$": ("CAD",),
    "A$": ("AUD",),
    "AU$": ("AUD",),
    "NZ$": ("NZD",),
    "S$": ("SGD",),
    "HK$": ("HKD",),
    "NT$": ("TWD",),
    "MX$": ("MXN",),
    "R$": ("BRL",),
    "€": ("EUR",),
    "EURO": ("EUR",),
    "EUROS": ("EUR",),
    "£": _POUNDS,
    "POUND": _POUNDS,
    "POUNDS": _POUNDS,
    "STERLING": ("GBP",),
    "POUNDSTERLING": ("GBP",),
    "E£": ("EGP",),
    "₸": ("KZT",),
    "TENGE": ("KZT",),
    "ТЕҢГЕ": ("KZT",),
    # Nigerian documents write the naira sign as a plain N: "N7,800,000.00".
    "N": ("NGN",),
    "ТЕНГЕ": ("KZT",),
    "ТГ": ("KZT",),
    "SUM": ("UZS",),
    "SO'M": ("UZS",),
    # Uzbek puts the case on the word: "9 500 000 so'mni tashkil etadi".
    "SO'MNI": ("UZS",),
    "SO'MDAN": ("UZS",),
    "SO'MGA": ("UZS",),
    "SO'MLIK": ("UZS",),
    "СУМ": ("UZS",),
    "СЎМ": ("UZS",),
    "SOM": ("KGS", "UZS"),
    "СОМ": ("KGS", "UZS"),
    "\u20c0": ("KGS",),
    "SOMONI": ("TJS",),
    "СОМОНИ": ("TJS",),
    "₹": ("INR",),
    "₨": ("PKR", *_RUPEES),
    "RS": _RUPEES,
    "RUPEE": _RUPEES,
    "RUPEES": _RUPEES,
    "₽": ("RUB",),
    "RUBLE": _RUBLES,
    "RUBLES": _RUBLES,
    "ROUBLE": _RUBLES,
    "ROUBLES": _RUBLES,
    "Р": _RUBLES,
    "РУБ": _RUBLES,
    "РУБЛЬ": _RUBLES,
    "РУБЛЯ": _RUBLES,
    "РУБЛЕЙ": _RUBLES,
    "BR": ("BYN",),
    "₴": ("UAH",),
    "ГРН": ("UAH",),
    "HRYVNIA": ("UAH",),
    "HRYVNIAS": ("UAH",),
    "¥": ("CNY", "JPY"),
    "CN¥": ("CNY",),
    "RMB": ("CNY",),
    "YUAN": ("CNY",),
    "元": ("CNY",),
    "JP¥": ("JPY",),
    "YEN": ("JPY",),
    "円": ("JPY",),
    "₩": ("KRW", "KPW"),
    "WON": ("KRW", "KPW"),
    "₺": ("TRY",),
    "TL": ("TRY",),
    "LIRA": ("TRY",),
    "₦": ("NGN",),
    "NAIRA": ("NGN",),
    "₱": ("PHP",),
    "PESO": _PESOS,
    "PESOS": _PESOS,
    "₫": ("VND",),
    "DONG": ("VND",),
    "₪": ("ILS",),
    "NIS": ("ILS",),
    "SHEKEL": ("ILS",),
    "SHEKELS": ("ILS",),
    "₼": ("AZN",),
    "MANAT": ("AZN", "TMT"),
    "₾": ("GEL",),
    "LARI": ("GEL",),
    "֏": ("AMD",),
    "DRAM": ("AMD",),
    "฿": ("THB",),
    "BAHT": ("THB",),
    "৳": ("BDT",),
    "TAKA": ("BDT",),
    "TK": ("BDT",),
    "₮": ("MNT",),
    "TUGRIK": ("MNT",),
    "₭": ("LAK",),
    "KIP": ("LAK",),
    "៛": ("KHR",),
    "RIEL": ("KHR",),
    "₲": ("PYG",),
    "₡": ("CRC",),
    "RM": ("MYR",),
    "RINGGIT": ("MYR",),
    "RP": ("IDR",),
    "RUPIAH": ("IDR",),
    "ZŁ": ("PLN",),
    "ZL": ("PLN",),
    "ZLOTY": ("PLN",),
    "KČ": ("CZK",),
    "KR": ("SEK", "NOK", "DKK", "ISK"),
    "FT": ("HUF",),
    "FORINT": ("HUF",),
    "LEI": ("RON",),
    "RAND": ("ZAR",),
    "FRANC": _FRANCS,
    "FRANCS": _FRANCS,
    "DINAR": _DINARS,
    "DINARS": _DINARS,
    "RIYAL": _RIYALS,
    "RIYALS": _RIYALS,
    "RIAL": _RIYALS,
    "RIALS": _RIYALS,
    "DIRHAM": ("AED", "MAD"),
    "DIRHAMS": ("AED", "MAD"),
    "SHILLING": _SHILLINGS,
    "SHILLINGS": _SHILLINGS,
    "CEDI": ("GHS",),
    "CEDIS": ("GHS",),
    "BIRR": ("ETB",),
    "REAL": ("BRL",),
    "REAIS": ("BRL",),
    "SOL": ("PEN",),
    "SOLES": ("PEN",),
    "KYAT": ("MMK",),
}

# ISO 4217 codes accepted as printed besides those of countries.yaml.
_EXTRA_CURRENCY_CODES: Final = frozenset({"XAU", "XAG", "CNH", "XCG", "VED"})


def _money_error(text: str, reason: str) -> ValueError:
    return ValueError(f"not an amount of money: {text!r} ({reason})")


def _currency_key(token: str) -> str:
    """Fold a printed currency for lookup: ``"Rs."`` -> ``"RS"``, ``"U.S. $"`` -> ``"US$"``."""
    folded = _APOSTROPHES.sub("'", token.upper())
    return "".join(folded.replace(".", "").split())


def _known_currency_codes() -> frozenset[str]:
    table = _country_table()
    codes = {code for code in table.currencies.values() if code is not None}
    return frozenset(codes) | _EXTRA_CURRENCY_CODES


def _resolve_currency(token: str, text: str, hint: str | None) -> str:
    key = _currency_key(token)
    if key in _known_currency_codes():
        return key
    candidates = CURRENCY_WORDS.get(key)
    if candidates is None:
        raise _money_error(text, f"unknown currency {token!r}")
    return hint if hint in candidates else candidates[0]


# The amount in words between the figure and the currency:
# "650 000 (шестьсот пятьдесят тысяч) тенге", "25,000 (twenty-five thousand) pesos".
_AMOUNT_IN_WORDS: Final = re.compile(r"^\([^()\d]*\)\s*")


def _printed_currency(pre: str, post: str, text: str, hint: str | None) -> str | None:
    after = _AMOUNT_IN_WORDS.sub("", post.strip())
    tokens = [token.strip() for token in (pre, _AMOUNT_TRAILER.sub("", after))]
    found = {_resolve_currency(token, text, hint) for token in tokens if token}
    if len(found) > 1:
        raise _money_error(text, f"two currencies: {', '.join(sorted(found))}")
    return found.pop() if found else None


def _decimal_mark(number: str) -> str | None:
    """The decimal mark of ``number``, or None when it has no fraction.

    Both ``,`` and ``.`` present: the last one is the decimal mark.  One of them,
    repeated: thousands.  One of them, once: thousands when exactly three digits
    follow and one to three digits (not starting with 0) precede it
    (``350,000``, ``1.234``), else decimal (``12,50``, ``1234.567``, ``0,500``).
    """
    marks = [char for char in number if char in _DECIMAL_MARKS]
    if not marks:
        return None
    last = marks[-1]
    if len(set(marks)) > 1:
        return last
    if len(marks) > 1:
        return None
    whole, _, tail = number.rpartition(last)
    looks_grouped = whole.isdigit() and len(whole) <= _THOUSANDS_GROUP and whole[0] != "0"
    return None if looks_grouped and len(tail) == _THOUSANDS_GROUP else last


def _valid_groups(groups: list[str], separator: str) -> bool:
    first, rest = groups[0], groups[1:]
    if not (first.isdigit() and len(first) <= _THOUSANDS_GROUP and first[0] != "0"):
        return False
    if all(g.isdigit() and len(g) == _THOUSANDS_GROUP for g in rest):
        return True
    middle, last = rest[:-1], rest[-1]
    return (
        separator == ","
        and last.isdigit()
        and len(last) == _THOUSANDS_GROUP
        and all(g.isdigit() and len(g) == _INDIAN_GROUP for g in middle)
    )


def _ungroup(whole: str, text: str) -> str:
    """The digits of the integer part, after checking its thousands separators."""
    if whole.isdigit():
        return whole
    separators = {char for char in whole if not char.isdigit()}
    if not whole or len(separators) != 1 or not separators <= _GROUP_SEPARATORS:
        raise _money_error(text, f"cannot read the digit groups of {whole!r}")
    separator = separators.pop()
    groups = whole.split(separator)
    if not _valid_groups(groups, separator):
        raise _money_error(text, f"{whole!r} is not grouped in thousands")
    return "".join(groups)


def _parse_amount(number: str, text: str) -> float:
    mark = _decimal_mark(number)
    whole, fraction = number.rsplit(mark, 1) if mark else (number, "0")
    if not fraction.isdigit():
        raise _money_error(text, f"cannot read the decimals {fraction!r}")
    amount = float(f"{_ungroup(whole, text)}.{fraction}")
    if not math.isfinite(amount):
        raise _money_error(text, "too large")
    return amount


def _currency_hint(currency: str | None) -> str | None:
    if currency is None or not currency.strip():
        return None
    code = currency.strip().upper()
    if not _CURRENCY_CODE.fullmatch(code):
        raise ValueError(f"not an ISO 4217 currency code: {currency!r}")
    return code


def parse_money(s: str, currency: str | None = None) -> Money | None:
    """An amount with its currency: ``"350 000"`` -> ``{"amount": 350000.0, "currency": hint}``.

    Separators: spaces, apostrophes, ``,`` or ``.`` group thousands (Indian
    ``3,50,000`` too); the decimal mark is chosen by :func:`_decimal_mark`, so
    ``350.000,50`` and ``1,234.56`` both read as expected.  A currency code,
    sign or word may be printed before or after the number (``KZT``, ``₸``,
    ``TENGE``, ``Rs.``, ``$``, ``€``...); a printed currency wins over
    ``currency`` (the hint, an ISO 4217 code, e.g. implied by the home country),
    which also settles ambiguous signs (``$`` with hint ``CAD`` is CAD).
    """
    hint = _currency_hint(currency)
    text = _collapse(s)
    if is_null_text(text):
        return None
    match = _AMOUNT.search(text)
    if match is None:
        raise _money_error(text, "no digits")
    printed = _printed_currency(text[: match.start()], text[match.end() :], text, hint)
    amount = _parse_amount(match.group(), text)
    return {"amount": amount, "currency": printed or hint}


# ---------------------------------------------------------------------------
# Durations

DAYS_PER_UNIT: Final[Mapping[DurationUnit, float]] = {
    "HOUR": 1 / 24,
    "DAY": 1,
    "WEEK": 7,
    "MONTH": 30,
    "YEAR": 365,
}
_DURATION_UNIT_WORDS: Final[Mapping[str, DurationUnit]] = {
    "HOUR": "HOUR",
    "HR": "HOUR",
    "DAY": "DAY",
    "WEEK": "WEEK",
    "WK": "WEEK",
    "MONTH": "MONTH",
    "MTH": "MONTH",
    "MO": "MONTH",
    "YEAR": "YEAR",
    "YR": "YEAR",
}
_MAX_DURATION_DIGITS: Final = 6
_DURATION: Final = re.compile(
    rf"(?:LESS THAN\s*)?([0-9]{{1,{_MAX_DURATION_DIGITS}}})\s*([A-Z]+?)(?:\(S\)|S)?\.?"
)


def parse_duration(s: str) -> Duration | None:
    """``2 WEEK(S)`` -> ``{"value": 2, "unit": "WEEK"}``; ``LESS THAN 24 HOURS`` -> 24 HOUR."""
    text = _collapse(s)
    if is_null_text(text):
        return None
    match = _DURATION.fullmatch(text.upper())
    unit = _DURATION_UNIT_WORDS.get(match[2]) if match else None
    if match is None or unit is None:
        units = ", ".join(DAYS_PER_UNIT)
        raise ValueError(f"not a length of time: {text!r} (a number and one of {units})")
    return {"value": int(match[1]), "unit": unit}


def duration_days(duration: Duration) -> float:
    """The duration in days, for comparisons (WEEK = 7, MONTH = 30, YEAR = 365 days)."""
    return duration["value"] * DAYS_PER_UNIT[duration["unit"]]


# ---------------------------------------------------------------------------
# Countries

COUNTRIES_FILE: Final = "countries.yaml"
_COUNTRY_ENTRY_KEYS: Final = frozenset({"aliases", "currency"})
_NOT_WORD: Final = re.compile(r"[\W_]+")
_OPTIONAL_ARTICLE: Final = "THE"
_SAINT_WORDS: Final[Mapping[str, str]] = {"SAINT": "ST"}
# libyaml when present (8 ms instead of 84 for the table): it is read by every command that parses.
_YAML_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class _CountryTable:
    currencies: Mapping[str, str | None]  # CEAC name -> ISO 4217 code
    by_key: Mapping[str, str]  # folded name or alias -> CEAC name


def _fold_country(s: str) -> str:
    """The lookup key of a country text: no accents, case or punctuation, no leading/trailing THE.

    ``"Côte d'Ivoire"`` and ``"COTE D`IVOIRE"`` fold alike; ``"U.S.A."`` is ``"USA"``.
    """
    decomposed = unicodedata.normalize("NFKD", s)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    spaced = _NOT_WORD.sub(" ", plain.upper().replace(".", "").replace("&", " AND "))
    words = [_SAINT_WORDS.get(word, word) for word in spaced.split()]
    if words and words[0] == _OPTIONAL_ARTICLE:
        words = words[1:]
    if words and words[-1] == _OPTIONAL_ARTICLE:
        words = words[:-1]
    return " ".join(words)


def _parse_table(text: str, path: Path) -> tuple[dict[str, int], Any]:
    """The table's 1-based line of each country and its data, from one parse of ``text``."""
    loader = _YAML_LOADER(text)
    try:
        root = loader.get_single_node()
        return _key_lines(root, path), loader.construct_document(root)
    finally:
        loader.dispose()


def _key_lines(root: yaml.Node | None, path: Path) -> dict[str, int]:
    """1-based line of each top-level key, refusing a duplicated key."""
    if not isinstance(root, yaml.MappingNode):
        raise RuleError(path, 1, "expected a mapping of CEAC country name -> {aliases, currency}")
    lines: dict[str, int] = {}
    for key_node, _ in root.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise RuleError(path, line, "a country name must be plain text")
        if key_node.value in lines:
            raise RuleError(path, line, f"country {key_node.value!r} is listed twice")
        lines[key_node.value] = line
    return lines


def _check_country_entry(name: object, entry: object, path: Path, line: int | None) -> None:
    if not isinstance(name, str) or name != _collapse(name).upper() or not name:
        raise RuleError(path, line, f"country name {name!r} must be upper case, single-spaced")
    if not isinstance(entry, dict) or not set(entry) <= _COUNTRY_ENTRY_KEYS:
        raise RuleError(path, line, f"{name}: expected keys {sorted(_COUNTRY_ENTRY_KEYS)}")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise RuleError(path, line, f"{name}: aliases must be a list of texts, got {aliases!r}")
    currency = entry.get("currency")
    valid_code = isinstance(currency, str) and _CURRENCY_CODE.fullmatch(currency) is not None
    if currency is not None and not valid_code:
        raise RuleError(
            path, line, f"{name}: currency {currency!r} is not an ISO 4217 code or null"
        )


def _add_country_key(
    by_key: dict[str, str], text: str, name: str, path: Path, line: int | None
) -> None:
    key = _fold_country(text)
    if not key:
        raise RuleError(path, line, f"{name}: {text!r} has no letters or digits")
    if key in by_key:
        raise RuleError(path, line, f"{name}: {text!r} is already taken by {by_key[key]!r}")
    by_key[key] = name


def _load_country_table(path: Path) -> _CountryTable:
    try:
        lines, data = _parse_table(path.read_text(encoding="utf-8"), path)
    except OSError as error:
        raise RuleError(path, None, f"cannot read the country table: {error.strerror}") from error
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise RuleError(path, line, f"invalid YAML: {error.problem}") from error
    currencies: dict[str, str | None] = {}
    by_key: dict[str, str] = {}
    for name, entry in data.items():
        line = lines.get(name)
        _check_country_entry(name, entry, path, line)
        currencies[name] = entry.get("currency")
        for alias in [name, *entry.get("aliases", [])]:
            _add_country_key(by_key, alias, name, path, line)
    return _CountryTable(currencies=currencies, by_key=by_key)


@cache
def _country_table() -> _CountryTable:
    return _load_country_table(rules_dir() / COUNTRIES_FILE)


def ceac_countries() -> frozenset[str]:
    """Every CEAC country name of ``countries.yaml``."""
    return frozenset(_country_table().currencies)


def parse_country(s: str) -> str | None:
    """The country as printed, upper-cased and single-spaced (see :func:`canonical_country`)."""
    text = _collapse(s).upper()
    if is_null_text(text):
        return None
    if not any(char.isalpha() for char in text):
        raise ValueError(f"not a country name: {text!r} has no letters")
    return text


def canonical_country(s: str) -> str | None:
    """The CEAC name for a country text or alias, or None when unknown.

    ``USA``, ``U.S.``, ``United States`` -> ``UNITED STATES OF AMERICA``;
    ``South Korea`` -> ``KOREA, REPUBLIC OF (SOUTH)``; ``MYANMAR`` -> ``BURMA``.
    Case, accents, punctuation, a leading or trailing ``THE`` and
    ``SAINT``/``ST.`` do not matter.
    """
    if is_null_text(s):
        return None
    return _country_table().by_key.get(_fold_country(s))


def currency_of(country: str) -> str | None:
    """The ISO 4217 currency of a country (name or alias), or None when unknown."""
    name = canonical_country(country)
    return None if name is None else _country_table().currencies[name]


# ---------------------------------------------------------------------------
# Dispatch on the fields.md type names

_PARSERS: Final[Mapping[str, Callable[[str], ParsedValue]]] = {
    "text": parse_text,
    "name": parse_name,
    "enum": parse_enum,
    "date": parse_date,
    "bool": parse_bool,
    "country": parse_country,
    "id": parse_id,
    "phone": parse_phone,
    "duration": parse_duration,
}
VALUE_TYPES: Final = frozenset({*_PARSERS, "money"})


def parse_value(type_name: str, s: str, *, currency: str | None = None) -> ParsedValue:
    """Parse ``s`` as the fields.md type ``type_name``; ``currency`` is the money hint."""
    if type_name == "money":
        return parse_money(s, currency)
    parser = _PARSERS.get(type_name)
    if parser is None:
        known = ", ".join(sorted(VALUE_TYPES))
        raise ValueError(f"unknown value type {type_name!r} (known: {known})")
    return parser(s)
