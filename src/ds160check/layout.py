"""Positioned words → lines and cells, with the browser's header and footer taken out.

A *line* is the words sharing a baseline; a *cell* is a run of words on a
line with no wide gap inside, so a two-column print gives a label cell and a
value cell. Lines of all pages form one stream, so a value that runs over a
page break reads on as if the page had not ended.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from ds160check.model import Box, Page, Word
from ds160check.rules.model import LayoutRules

# Words whose vertical centres differ by less than this fraction of their
# height sit on one line (tolerates mixed fonts and sub-point jitter).
LINE_TOLERANCE = 0.5
# A horizontal gap wider than this many font sizes separates two cells: one
# space is ~0.25-0.3 em, a table column gap is several em.
CELL_GAP_EM = 1.2
# Header and footer live in these top and bottom fractions of the page.
MARGIN_ZONE = 0.08
# A line repeated on several pages within this top or bottom fraction is page
# furniture (a banner, a running title), whatever it says ...
FURNITURE_ZONE = 0.2
# ... when it is on at least this share of the pages (and on two or more).
FURNITURE_SHARE = 0.5
# ... at the same height, within this many points.
FURNITURE_STEP = 3.0
# A colon splits a word when it follows a letter, a closing bracket, a dot
# ("U.S.:") or a question mark, and does not start a URL scheme or a time
# ("https://", "3:42").
_COLON = re.compile(r"(?<=[^\W\d_]|[).?]):(?!//)")
_COLON_SPLIT = re.compile(f"({_COLON.pattern})")
_X0, _TOP, _BOTTOM = attrgetter("x0"), attrgetter("top"), attrgetter("bottom")


# Not frozen, only hashable (one per word; a frozen dataclass is five times as slow to build).
# Read-only all the same.
@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word, or part of a word split at a colon, with its place in the stream."""

    text: str
    box: Box
    page: int
    size: float
    # True when this token is the rest of the previous token's word ("Sex:MALE").
    attached: bool = False
    # How sure OCR was of the word (0-100); None for a word of a text layer.
    confidence: float | None = None


# Cells and lines as tokens: hashable, not frozen (one of each per cell and line; a frozen
# dataclass sets every field through object.__setattr__). Read-only all the same, but for the
# text and tokens they make on first use.
@dataclass(slots=True, unsafe_hash=True)
class Cell:
    """Words of one line without a wide gap between them."""

    tokens: tuple[Token, ...]
    # The text, joined on first use (the walk asks for it many times).
    _text: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def x0(self) -> float:
        return self.tokens[0].box.x0

    @property
    def x1(self) -> float:
        return self.tokens[-1].box.x1

    @property
    def text(self) -> str:
        text = self._text
        if text is None:
            text = self._text = join_tokens(self.tokens)
        return text


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """One printed line: its cells left to right."""

    page: int
    top: float
    bottom: float
    cells: tuple[Cell, ...]
    # Text and tokens, made on first use: the walk reads them at every token of the line.
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _tokens: tuple[Token, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def x0(self) -> float:
        return self.cells[0].x0

    @property
    def text(self) -> str:
        text = self._text
        if text is None:
            text = self._text = " ".join(c.text for c in self.cells)
        return text

    @property
    def tokens(self) -> tuple[Token, ...]:
        tokens = self._tokens
        if tokens is None:
            tokens = self.cells[0].tokens if len(self.cells) == 1 else tuple(
                t for c in self.cells for t in c.tokens
            )
            self._tokens = tokens
        return tokens


@dataclass(frozen=True)
class Flow:
    """The lines of a whole document, header and footer removed."""

    lines: tuple[Line, ...]
    noise: tuple[Cell, ...]
    page_count: int


def join_tokens(tokens: Sequence[Token], line_break: str = " ") -> str:
    """The printed text of tokens: words spaced, split pieces of one word glued back,
    and ``line_break`` where the text goes on to a new line."""
    if line_break == " ":
        # A new line is spaced as the next word is: no need to look for one.
        return "".join([
            token.text if n == 0 or token.attached else " " + token.text
            for n, token in enumerate(tokens)
        ])
    out: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if previous is None or token.attached:
            gap = ""
        elif _new_line(previous, token) and not previous.text.endswith(line_break.strip() or " "):
            gap = line_break
        else:
            gap = " "
        out.append(gap + token.text)
        previous = token
    return "".join(out)


def _new_line(previous: Token, token: Token) -> bool:
    height = max(previous.box.bottom - previous.box.top, 1.0)
    return (
        token.page != previous.page
        or abs(token.box.top - previous.box.top) > LINE_TOLERANCE * height
    )


def split_colons(word: Word, page: int) -> list[Token]:
    """``Sex:MALE`` → ``Sex``, ``:``, ``MALE``, boxes shared out by character count."""
    if ":" not in word.text:  # most words: nothing to split
        return [Token(word.text, word.box, page, word.size, False, word.confidence)]
    pieces = [p for p in _COLON_SPLIT.split(word.text) if p]
    if len(pieces) == 1:
        return [Token(word.text, word.box, page, word.size, False, word.confidence)]
    width = (word.x1 - word.x0) / max(len(word.text), 1)
    out: list[Token] = []
    x = word.x0
    for piece in pieces:
        x1 = x + width * len(piece)
        out.append(Token(piece, Box(x, word.top, x1, word.bottom), page, word.size, bool(out),
                         word.confidence))
        x = x1
    return out


def group_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by baseline, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    total = 0.0  # of the centres of the words of the line being grouped
    # Each word's centre computed once, for the sort and the grouping (a stable sort either way).
    mids = [(w.top + w.bottom) / 2 for w in words]
    for n in sorted(range(len(mids)), key=mids.__getitem__):
        word, mid = words[n], mids[n]
        height = max(word.bottom - word.top, 1.0)
        # Near the line's mean centre, not its first word's: on a photo with keystone a line's
        # answer stands a little higher than its label ('VISAYAS POWER SYSTEMS INC.' 3.5 px
        # above 'or School Name:'), and measured from the answer the label's end fell off the
        # line and its words joined the answer. A text layer's lines are as before.
        if lines and abs(mid - total / len(lines[-1])) <= LINE_TOLERANCE * height:
            lines[-1].append(word)
            total += mid
        else:
            lines.append([word])
            total = mid
    return [sorted(line, key=_X0) for line in lines]


def split_cells(words: Sequence[Word], page: int) -> tuple[Cell, ...]:
    """One line's words (left to right) cut into cells at wide gaps."""
    cells: list[list[Token]] = [[]]
    tokens = cells[-1]
    previous: Word | None = None
    for word in words:
        size = word.size
        # max(size, 1.0) written out (the same value, NaN included): this runs once per word.
        if previous is not None and word.x0 - previous.x1 > CELL_GAP_EM * (1.0 if size < 1.0 else size):
            tokens = []
            cells.append(tokens)
        text = word.text
        if ":" in text:
            tokens.extend(split_colons(word, page))
        else:  # most words: split_colons's first case, without the call
            box = Box(word.x0, word.top, word.x1, word.bottom)
            tokens.append(Token(text, box, page, size, False, word.confidence))
        previous = word
    return tuple(Cell(tuple(tokens)) for tokens in cells if tokens)


def _in_margin(line: Line, page: Page) -> bool:
    return line.top < page.height * MARGIN_ZONE or line.bottom > page.height * (1 - MARGIN_ZONE)


def _strip_noise(line: Line, page: Page, rules: LayoutRules, noise: list[Cell]) -> Line | None:
    if not _in_margin(line, page):
        return line
    if any(p.search(line.text) for p in rules.noise):
        # A whole line of noise its gaps cut into cells none of which is noise alone: a fax's
        # 'SEP-21-2026 09:47 | FROM: | ALA-TOO BM LLC +996 312 432871 | P.04/05'.
        noise.extend(line.cells)
        return None
    kept = []
    for cell in line.cells:
        if any(p.search(cell.text) for p in rules.noise):
            noise.append(cell)
            continue
        start = _noise_from(cell, rules)
        if start is not None:
            # An answer and the footer after it in one cell (a photocopy, enlarged, brought the
            # last answer of a page down beside the browser's footer: 'IRYNKA_LVIV91
            # httos://ceac.state.qov/GenNIV/...'): the answer kept, the footer set aside.
            kept.append(Cell(cell.tokens[:start]))
            noise.append(Cell(cell.tokens[start:]))
            continue
        kept.append(cell)
    if not kept:
        return None
    return Line(line.page, line.top, line.bottom, tuple(kept))


def _noise_from(cell: Cell, rules: LayoutRules) -> int | None:
    """The first of a cell's tokens from which the rest of the cell is noise, when it is preceded
    by something else (a cell all noise is :func:`_strip_noise`'s)."""
    tokens = cell.tokens
    for start in range(1, len(tokens)):
        tail = join_tokens(tokens[start:])
        if any(p.search(tail) for p in rules.noise):
            return start
    return None


def page_lines(page: Page) -> list[Line]:
    """The lines of one page, noise included."""
    out = []
    for words in group_lines(page.words):
        cells = split_cells(words, page.number)
        if cells:
            out.append(Line(page.number, min(map(_TOP, words)), max(map(_BOTTOM, words)), cells))
    return out


def _furniture_key(line: Line) -> str:
    """A line's text with digits masked ("Page 2 of 9" = "Page 3 of 9") and its height on the page:
    furniture stands at the same place on every page, a repeated answer ("NO") does not."""
    return f"{round(line.top / FURNITURE_STEP)}:{re.sub(r'[0-9]+', '#', line.text.casefold())}"


def _in_furniture_zone(line: Line, page: Page) -> bool:
    return line.top < page.height * FURNITURE_ZONE or line.bottom > page.height * (
        1 - FURNITURE_ZONE
    )


def _furniture(pages: Sequence[Page], per_page: list[list[Line]]) -> set[str]:
    """Texts repeated near the top or bottom of many pages: banners and running heads, not answers."""
    if len(pages) < 2:
        return set()
    seen: dict[str, set[int]] = {}
    for page, lines in zip(pages, per_page, strict=True):
        for line in lines:
            if _in_furniture_zone(line, page):
                seen.setdefault(_furniture_key(line), set()).add(page.number)
    needed = max(2, FURNITURE_SHARE * len(pages))
    return {key for key, where in seen.items() if len(where) >= needed}


def build_flow(pages: Sequence[Page], rules: LayoutRules) -> Flow:
    """All pages as one stream of lines; header/footer cells are kept aside as ``noise``."""
    per_page = [page_lines(page) for page in pages]
    furniture = _furniture(pages, per_page)
    lines: list[Line] = []
    noise: list[Cell] = []
    for page, page_lines_ in zip(pages, per_page, strict=True):
        for line in page_lines_:
            if _in_furniture_zone(line, page) and _furniture_key(line) in furniture:
                noise.extend(line.cells)
                continue
            kept = _strip_noise(line, page, rules, noise)
            if kept is not None:
                lines.append(kept)
    return Flow(tuple(lines), tuple(noise), len(pages))
