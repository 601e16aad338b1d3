"""Values as a person writes them: the words every report and every stage that quotes a value uses.

Below the pipeline (like :mod:`ds160check.values`): the comparison quotes
values in its messages with these, and every report format shows them, so
that the text, Markdown and HTML reports and the JSON's quotes agree.

    >>> describe({"amount": 650000.0, "currency": "KZT"})
    '650,000 KZT'
    >>> describe("2017-10-09")
    '9 October 2017'
    >>> describe([{"arrived": "2017-10-09", "length_of_stay": {"value": 10, "unit": "DAY"}}])
    'arrived 9 October 2017, length of stay 10 days'
"""

from __future__ import annotations

import re
from typing import Any, Final

NULL_TEXT: Final = "(does not apply)"
NONE_TEXT: Final = "(none)"
MISSING_TEXT: Final = "—"
ITEM_SEPARATOR: Final = "; "
MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?")
_UNIT_WORDS: Final = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


# Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides: in a file
# name or document text they would move the cursor, retitle the terminal (OSC), make links or
# reorder what is shown. Colour codes of our own (SGR) may be kept.
_UNSAFE = re.compile(r"(\x1b\[[0-9;]*m)"
                     r"|([\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069])")


def printable(text: str, *, keep_colour: bool = False) -> str:
    """``text`` safe for a terminal: every control character shown as ``\\xNN`` (``\\u202e``)."""

    def shown(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1) if keep_colour else "\\x1b" + match.group(1)[1:]
        char = match.group(2)
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _UNSAFE.sub(shown, text)


def describe(value: Any) -> str:
    """One value as a person reads it: dates in words, money with its currency, lists item by item."""
    if value is None:
        return NULL_TEXT
    if isinstance(value, bool):
        return "YES" if value else "NO"
    if isinstance(value, list):
        return ITEM_SEPARATOR.join(describe(item) for item in value) if value else NONE_TEXT
    if isinstance(value, dict):
        return _describe_mapping(value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, str):
        return date_words(value) or value
    return str(value)


def describe_lines(value: Any) -> list[str]:
    """A list as one line per item (how a report shows it); any other value as one line."""
    if isinstance(value, list) and value:
        return [describe(item) for item in value]
    return [describe(value)]


def value_lines(raw: str | None, normalized: Any) -> list[str]:
    """A compared value (as printed, as normalized) the way every report shows it: money with its
    currency, dates in words, a list item by item, else as printed; ``—`` when there is none."""
    if raw is None and normalized is None:
        return [MISSING_TEXT]
    if isinstance(normalized, (list, dict, bool)) or (isinstance(normalized, str)
                                                        and describe(normalized) != normalized):
        return describe_lines(normalized)
    return [raw or describe(normalized)]


def date_words(text: str) -> str | None:
    """``2017-10-09`` → ``9 October 2017`` (``2017-10`` → ``October 2017``); None if no ISO date."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12 or (day is not None and not 1 <= int(day) <= 31):
        return None
    words = f"{MONTHS[int(month) - 1]} {year}"
    if day is not None:
        words = f"{int(day)} {words}"
    if hour is not None:
        words += f", {hour}:{minute}"
    return words


def money_words(amount: float | int, currency: str | None) -> str:
    """``650,000 KZT``; cents kept only when there are some."""
    shown = f"{amount:,.2f}".removesuffix(".00")
    return f"{shown} {currency or '(currency not given)'}"


def duration_words(value: int, unit: str) -> str:
    word = _UNIT_WORDS.get(unit, unit.lower())
    return f"{value} {word}{'' if value == 1 else 's'}"


def _describe_mapping(value: dict[str, Any]) -> str:
    if set(value) == {"amount", "currency"}:
        return money_words(value["amount"], value["currency"])
    if set(value) == {"value", "unit"}:
        return duration_words(value["value"], value["unit"])
    parts = [f"{key.replace('_', ' ')} {describe(item)}" for key, item in value.items()
             if item not in (None, "", [])]
    return ", ".join(parts) or NONE_TEXT


__all__ = ["MISSING_TEXT", "NONE_TEXT", "NULL_TEXT", "date_words", "describe", "describe_lines",
           "duration_words", "money_words", "printable", "value_lines"]
