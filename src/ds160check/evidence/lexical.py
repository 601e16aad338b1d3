"""The token attributes our patterns may test, as spaCy's English vocabulary defines them.

Each is a function of the token's text alone (a lexeme attribute: ``spacy.lang.lex_attrs``, with
English ``like_num`` from ``spacy.lang.en.lex_attrs``), so both pipelines give every token the same
values; ``tests/test_light_pipeline.py`` compares them with spaCy's on every token of the corpora.
The rule loader accepts exactly these keys in token patterns (``evidence.rules``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Final

__all__ = ["FLAG_ATTRS", "NUMBER_ATTRS", "STRING_ATTRS", "attribute_getters", "word_shape"]

# spaCy's word_shape: a text this long is "LONG", and a character class repeats at most 4 times.
LONG_SHAPE: Final = "LONG"
LONG_LENGTH: Final = 100
MAX_SHAPE_REPEAT: Final = 4
PUNCT_CATEGORY: Final = "P"
NUMBER_SIGNS: Final = ("+", "-", "±", "~")
ORDINAL_SUFFIXES: Final = ("st", "nd", "rd", "th")

STRING_ATTRS: Final = ("ORTH", "TEXT", "LOWER", "SHAPE")
FLAG_ATTRS: Final = ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                     "IS_PUNCT", "IS_SPACE", "LIKE_NUM")
NUMBER_ATTRS: Final = ("LENGTH",)

Getter = Callable[[str], object]


def is_punct(text: str) -> bool:
    return all(unicodedata.category(char).startswith(PUNCT_CATEGORY) for char in text)


def is_ascii(text: str) -> bool:
    return all(ord(char) < 128 for char in text)


def word_shape(text: str) -> str:
    if len(text) >= LONG_LENGTH:
        return LONG_SHAPE
    shape, last, seq = [], "", 0
    for char in text:
        if char.isalpha():
            shape_char = "X" if char.isupper() else "x"
        elif char.isdigit():
            shape_char = "d"
        else:
            shape_char = char
        if shape_char == last:
            seq += 1
        else:
            seq, last = 0, shape_char
        if seq < MAX_SHAPE_REPEAT:
            shape.append(shape_char)
    return "".join(shape)


def like_num(number_words: frozenset[str]) -> Callable[[str], bool]:
    """English ``like_num``: digits (signs, separators, a fraction), number and ordinal words."""

    def check(text: str) -> bool:
        if text.startswith(NUMBER_SIGNS):
            text = text[1:]
        text = text.replace(",", "").replace(".", "")
        if text.isdigit():
            return True
        if text.count("/") == 1:
            num, denom = text.split("/")
            if num.isdigit() and denom.isdigit():
                return True
        lower = text.lower()
        if lower in number_words:
            return True
        return lower.endswith(ORDINAL_SUFFIXES) and lower[:-2].isdigit()

    return check


def attribute_getters(number_words: Iterable[str]) -> dict[str, Getter]:
    """Attribute name -> its value for a token's text."""
    return {
        "ORTH": str, "TEXT": str, "LOWER": str.lower, "SHAPE": word_shape, "LENGTH": len,
        "IS_ALPHA": str.isalpha, "IS_ASCII": is_ascii, "IS_DIGIT": str.isdigit,
        "IS_LOWER": str.islower, "IS_UPPER": str.isupper, "IS_TITLE": str.istitle,
        "IS_PUNCT": is_punct, "IS_SPACE": str.isspace, "LIKE_NUM": like_num(frozenset(number_words)),
    }
