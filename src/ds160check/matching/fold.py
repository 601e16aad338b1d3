"""Folding text for comparison: case, Latin diacritics, punctuation, scripts, homoglyphs.

Only Latin (and Greek) letters lose their diacritics: in Cyrillic a breve or a
diaeresis makes another letter (Й is not И), so Cyrillic is only upper-cased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

__all__ = [
    "LATIN",
    "apostrophes_removed",
    "collapse",
    "fold_latin",
    "icao_latin",
    "name_tokens",
    "script_of",
    "upper",
    "word_script",
]

LATIN: Final = "LATIN"
_STRIPPED_SCRIPTS: Final = frozenset({LATIN, "GREEK"})

# Latin letters that do not decompose into a base letter and a mark.
_SPECIAL_LATIN: Final[Mapping[str, str]] = {
    "ß": "SS",
    "ẞ": "SS",
    "Æ": "AE",
    "Œ": "OE",
    "Ø": "O",
    "Ł": "L",
    "Đ": "D",
    "Ð": "D",
    "Þ": "TH",
    "Ħ": "H",
    "Ŀ": "L",
}
# ICAO 9303 Part 3 writes these Latin letters as two letters in the MRZ; names
# often keep that spelling elsewhere (MÜLLER -> MUELLER).
_ICAO_LATIN: Final[Mapping[str, str]] = {
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "Å": "AA",
    "Æ": "AE",
    "Ø": "OE",
    "ß": "SS",
    "Þ": "TH",
}
# Apostrophes and quote marks vanish inside a name (O'NEIL = ONEIL, Uzbek OʻGʻLI).
_APOSTROPHES: Final = re.compile(
    "['\u2018\u2019\u02bb\u02bc\u02b9\u02ba`\u00b4\"\u201c\u201d\u00b7]"
)
# Hyphens, dots, commas and slashes separate name parts (ANNA-MARIA = ANNA MARIA).
_NAME_SEPARATORS: Final = re.compile(r"[\s\-\u2010-\u2015\u2212.,/;:_()]+")

# Letters that look alike in Latin and Cyrillic: a word typed with a mixed
# keyboard layout (TОО with a Cyrillic О) is read in the script of most of its letters.
CYRILLIC_TO_LATIN: Final[Mapping[str, str]] = dict(
    zip("АВЕКМНОРСТУХІЈ", "ABEKMHOPCTYXIJ", strict=True)
)
_LATIN_TO_CYRILLIC: Final[Mapping[str, str]] = {v: k for k, v in CYRILLIC_TO_LATIN.items()}

# The folds are pure and asked of the same few texts again and again (a history list's items
# are folded for every pair the alignment scores): remembered, within these bounds.
_TEXTS_REMEMBERED: Final = 1 << 14
_CHARS_REMEMBERED: Final = 1 << 12


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def upper(text: str) -> str:
    """Upper case, except Georgian: its capitals (Mtavruli) are not how names are written."""
    return "".join(char if script_of(char) == "GEORGIAN" else char.upper() for char in text)


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends trimmed."""
    return " ".join(text.split())


@lru_cache(maxsize=_CHARS_REMEMBERED)
def script_of(char: str) -> str | None:
    """The script of a letter (``LATIN``, ``CYRILLIC``, ``GEORGIAN`` ...), None for a non-letter."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else None


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def has_cyrillic(text: str) -> bool:
    """Does ``text`` hold a Cyrillic letter (Russian, Kazakh, Uzbek in Cyrillic...)?"""
    return any(script_of(char) == "CYRILLIC" for char in text)


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def word_script(word: str) -> str:
    """The script of most letters of ``word`` (Latin for a word without letters)."""
    counts: dict[str, int] = {}
    for char in word:
        script = script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return LATIN
    return max(sorted(counts), key=lambda script: counts[script])


def _unmix(word: str) -> str:
    """Rewrite look-alike letters of the minority script into the word's main script."""
    script = word_script(word)
    table = {LATIN: CYRILLIC_TO_LATIN, "CYRILLIC": _LATIN_TO_CYRILLIC}.get(script)
    if table is None:
        return word
    return "".join(table.get(char, char) for char in word)


def _strip_mark(char: str) -> str:
    if char in _SPECIAL_LATIN:
        return _SPECIAL_LATIN[char]
    if script_of(char) not in _STRIPPED_SCRIPTS:
        return char
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def apostrophes_removed(text: str) -> str:
    return _APOSTROPHES.sub("", text)


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def fold_latin(text: str) -> str:
    """Upper case, Latin diacritics removed (ALİYEV -> ALIYEV, JOSÉ -> JOSE), apostrophes gone."""
    capitals = upper(apostrophes_removed(unicodedata.normalize("NFC", text)))
    return "".join(_strip_mark(char) for char in _unmix(capitals))


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def icao_latin(text: str) -> str:
    """Like :func:`fold_latin`, but umlauts written out as ICAO 9303 does (MÜLLER -> MUELLER)."""
    capitals = upper(unicodedata.normalize("NFC", text))
    return fold_latin("".join(_ICAO_LATIN.get(char, char) for char in capitals))


def name_tokens(text: str) -> list[str]:
    """The parts of a name, upper-cased, split at spaces, hyphens, dots and commas."""
    cleaned = upper(apostrophes_removed(unicodedata.normalize("NFC", text)))
    return [_unmix(token) for token in _NAME_SEPARATORS.split(cleaned) if token]
