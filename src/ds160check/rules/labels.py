"""How printed labels are compared: by their words, ignoring case, punctuation and wraps."""

from __future__ import annotations

import re
import unicodedata

_SPLIT = re.compile(r"[/\-–—_]+")
_DROP = re.compile(r"[^\w\s]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def label_words(text: str) -> tuple[str, ...]:
    """The comparable words of a label.

    ``"Country/Region of Birth:"`` → ``("country", "region", "of", "birth")``.

    Possessive ``'s`` is kept as part of the word (``father's`` → ``fathers``),
    dots vanish (``U.S.`` → ``us``), slashes and dashes separate words.
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = _SPLIT.sub(" ", text)
    text = _DROP.sub("", text)
    return tuple(text.split())


def label_key(text: str) -> str:
    """One string form of :func:`label_words`, for dictionaries and messages."""
    return " ".join(label_words(text))
