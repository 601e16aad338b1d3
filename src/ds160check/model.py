"""Plain data types passed between the pipeline stages.

Coordinates are PDF points with the origin at the top-left corner of the
page (``top`` grows downwards), as pdfplumber reports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# A value OCR read with its least sure word under this confidence (0-100) is not taken as read:
# it could not be confirmed, and contradicts nothing.
TRUSTED_OCR: Final = 70.0


# Not frozen, only hashable, as Word below: every word and token gets one. Read-only all the same.
@dataclass(slots=True, unsafe_hash=True)
class Box:
    """An axis-aligned rectangle on a page."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def as_list(self) -> list[float]:
        return [round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1)]


# Not frozen, only hashable: a frozen dataclass sets each field through object.__setattr__,
# which made building a page's words five times as slow. Treat a Word as read-only all the same.
@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One word of a page: text without spaces and its box; ``size`` is the font size.
    ``confidence``: how sure OCR was of it (0-100), None for a word of a text layer."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    confidence: float | None = None

    @property
    def box(self) -> Box:
        return Box(self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Page:
    """The positioned words of one page, in content-stream order; ``number`` is 1-based."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
