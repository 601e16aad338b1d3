"""Whether OCR could have read one value for another: letters lost, or read as look-alikes.

A scanned print-out's native name read as ``ДАВААСУРЭН`` where the other application gives
``ДАВААСҮРЭН ОЮУНЧИМЭГ`` is no other name: Russian OCR has no Ү and read У, and it lost the
second word. Read as ``YMYTBEK`` for ``ҮМҮТБЕК`` (English read the Kyrgyz letters as the Latin
ones they look like), the same. Such a read is not a contradiction: the field could not be read
in full (FIELD_UNREADABLE), and the broker checks it by eye. A read that gives a word the other
value has not, or more words than it, is a difference OCR does not explain.
"""

from __future__ import annotations

from typing import Final, Literal

from ds160check.matching.fold import name_tokens

# Letters that OCR, reading in the wrong language or without a letter in its alphabet, reads
# as another of the same shape: each mapped to one shape (Latin where there is one).
_SHAPES: Final = str.maketrans({
    **dict(zip("АВЕКМНОРСТУХІЈЅ", "ABEKMHOPCTYXIJS", strict=True)),
    "Ә": "A", "Ё": "E", "Қ": "K", "Ң": "H", "Ө": "O", "Ү": "Y", "Ұ": "Y", "Һ": "H", "Ї": "I",
    "Б": "B", "З": "3", "Ҳ": "X", "Ҷ": "Y", "Ў": "Y", "Ғ": "F", "Ӯ": "Y",
    "0": "O", "Ø": "O",
})

Explained = Literal["part", "shapes"]


def _shapes(text: str) -> list[str]:
    return [token.translate(_SHAPES) for token in name_tokens(text)]


def ocr_explains(read: str, other: str) -> Explained | None:
    """How OCR could have read ``read`` for ``other``: ``"shapes"`` (the same letters but for
    look-alikes), ``"part"`` (some of its words, each the same but for look-alikes, in order),
    or None when it gives a word, or a letter, that ``other`` has not."""
    mine, theirs = _shapes(read), _shapes(other)
    if not mine or not theirs:
        return None
    if mine == theirs:
        return "shapes" if name_tokens(read) != name_tokens(other) else None
    rest = iter(theirs)
    if len(mine) < len(theirs) and all(token in rest for token in mine):
        return "part"
    return None
