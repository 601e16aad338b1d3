"""Whether OCR could have read one value for another: words lost, or letters read as look-alikes.

A scanned print-out's native name read as ``ДАВААСУРЭН`` where the other application gives
``ДАВААСҮРЭН ОЮУНЧИМЭГ`` is no other name: Russian OCR has no Ү and read У, and it lost the
second word. Read as ``YMYTBEK`` for ``ҮМҮТБЕК`` (English read the Kyrgyz letters as the Latin
ones they look like), the same; so is a fax's ``$5000`` for ``85000`` and ``DOES NOT APPLY I``
(a speck read as a letter) for ``DOES NOT APPLY``, and ``NGUYEN`` (OCR without Vietnamese data)
for ``NGUYỄN``. Such a read is not a contradiction: the field
could not be read in full (FIELD_UNREADABLE), and the broker checks it by eye. A read with a word
the other value has not, more words than it, or a letter no look-alike explains, is a difference.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal

from ds160check.matching.fold import CYRILLIC_TO_LATIN, name_tokens

# Letters that OCR, reading in the wrong language or without a letter in its alphabet, reads
# as another of the same shape: each mapped to one shape (Latin where there is one).
_SHAPES: Final = str.maketrans({
    **CYRILLIC_TO_LATIN, "Ѕ": "S",
    "Ә": "A", "Ё": "E", "Қ": "K", "Ң": "H", "Ө": "O", "Ү": "Y", "Ұ": "Y", "Һ": "H", "Ї": "I",
    "Б": "B", "З": "3", "Ҳ": "X", "Ҷ": "Y", "Ў": "Y", "Ғ": "F", "Ӯ": "Y",
})
# Marks a worn scan, a fax or a photocopy confuses with each other (one group each): a read that
# differs from the other value only in a few of these may be either.
_CONFUSED: Final = ("8B$S5&", "0OQDØ", "1Il|!", "2Z", "6G", "9gq")
_GROUP: Final = {char: group for group in _CONFUSED for char in group}
# A lone mark like these is a speck read as a word.
_SPECKS: Final = frozenset("Il|!.,'`’‘:;-_~*^i")
# At most this many marks confused in a value: more is another value, not a worn one.
MAX_CONFUSED: Final = 2

Explained = Literal["part", "shapes"]


def _unmarked(token: str) -> str:
    """The token without its diacritics: OCR without the language's data reads NGUYỄN as NGUYEN."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", token)
                                                if not unicodedata.combining(c)))


def _tokens(text: str) -> list[str]:
    return [_unmarked(token).translate(_SHAPES) for token in name_tokens(text)
            if not (len(token) == 1 and token in _SPECKS)]


def _confused(a: str, b: str) -> int | None:
    """How many marks of ``a`` and ``b`` (as long as each other) differ, each pair a confusion;
    None when a pair is none."""
    if len(a) != len(b):
        return None
    count = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if _GROUP.get(x) is None or _GROUP.get(x) != _GROUP.get(y):
            return None
        count += 1
    return count


def ocr_explains(read: str, other: str) -> Explained | None:
    """How OCR could have read ``read`` for ``other``: ``"shapes"`` (the same words but for
    look-alike letters, a few confused marks or a speck), ``"part"`` (some of its words so, in
    order), or None: a word, a letter or a mark that ``other`` has not, or nothing to explain."""
    mine, theirs = _tokens(read), _tokens(other)
    if not mine or not theirs or name_tokens(read) == name_tokens(other):
        return None
    if len(mine) == len(theirs):
        counts = [_confused(a, b) for a, b in zip(mine, theirs, strict=True)]
        if all(c is not None for c in counts) and sum(c or 0 for c in counts) <= MAX_CONFUSED:
            return "shapes"
        return None
    if len(mine) > len(theirs):
        return None
    confused, at = 0, 0
    for token in mine:  # each word of the read, in order, is one of the other's
        while at < len(theirs) and _confused(token, theirs[at]) is None:
            at += 1
        if at == len(theirs):
            return None
        confused += _confused(token, theirs[at]) or 0
        at += 1
    return "part" if confused <= MAX_CONFUSED else None


__all__ = ["MAX_CONFUSED", "Explained", "ocr_explains"]
