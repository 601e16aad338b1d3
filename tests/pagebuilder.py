"""Build positioned-word pages by hand, to test layout handling without PDFs.

Each line is a list of ``(x, text)`` cells; words get a fixed advance per
character, like a monospaced font, so gaps are exactly what the test says.
"""

from __future__ import annotations

from collections.abc import Sequence

from ds160check.model import Page, Word

SIZE = 10.0
CHAR_W = 5.0
SPACE_W = 2.5
LINE_H = 14.0
TOP = 80.0
LETTER = (612.0, 792.0)

Cell = tuple[float, str]


def words_of(x: float, y: float, text: str, size: float = SIZE) -> list[Word]:
    out = []
    for word in text.split():
        width = CHAR_W * len(word)
        out.append(Word(word, x, y, x + width, y + size, size))
        x += width + SPACE_W
    return out


def make_page(
    lines: Sequence[Sequence[Cell] | str],
    number: int = 1,
    size: tuple[float, float] = LETTER,
    header: bool = True,
) -> Page:
    """A page; a plain string line is one cell at x=40."""
    words: list[Word] = []
    if header:
        words += words_of(30, 10, "11/26/26, 3:42 PM")
        words += words_of(220, 10, "Consular Electronic Application Center - Print Application")
        words += words_of(30, size[1] - 20, "https://ceac.state.gov/GenNIV/General/complete/complete_personalreview.aspx")
        words += words_of(size[0] - 50, size[1] - 20, f"{number}/2")
    y = TOP
    for line in lines:
        cells = [(40.0, line)] if isinstance(line, str) else line
        for x, text in cells:
            words += words_of(x, y, text)
        y += LINE_H
    return Page(number, size[0], size[1], tuple(words))


TITLE = "Online Nonimmigrant Visa Application (DS-160)"
