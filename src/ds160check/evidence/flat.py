"""A document's spans as one text for the pipeline, with offsets that lead back to each span.

Spans are joined by what separates them on the page:

- the next piece of the same PDF line (another column): a tab, so a phrase
  pattern cannot run from one column into the other but a label's cue still
  reads across it;
- the next line of a wrapped PDF paragraph: a space, so a sentence broken by
  the line end (``employed by STEPPE CARGO`` / ``LOGISTICS LLP since``) is one
  sentence again;
- the next cell of a DOCX table: a tab, as the next column of a PDF line;
- anything else (a DOCX paragraph, a short PDF line): a newline.

A label's colon wins over all of these: ``Employee:`` and the cell or column
after it are joined by a space, so the value reads as the label's value.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ds160check.documents.ingest import TextSpan
from ds160check.model import Box

__all__ = ["MAX_ANALYSED_CHARS", "FlatText", "flatten"]

# A long document is analysed up to here: the facts that prove a change sit on
# the first pages, and spaCy's time grows with the text.
MAX_ANALYSED_CHARS: Final = 200_000
# A PDF line continues the previous one when it starts this close (points) to
# the previous line's left edge ...
SAME_COLUMN_TOLERANCE: Final = 6.0
# ... no further below it than this many line heights ...
PARAGRAPH_GAP_LINES: Final = 0.9
# ... and the previous line reached this share of the page's text width (it
# was wrapped, not ended).
WRAPPED_LINE_FILL: Final = 0.8
# Two pieces are on one line when their boxes overlap vertically by this share.
SAME_LINE_OVERLAP: Final = 0.5

COLUMN, WRAP, BREAK = "\t", " ", "\n"
LABEL_END: Final = ":"
TABLE_PART: Final = "table"


@dataclass(frozen=True, slots=True)
class FlatText:
    """The joined text; ``starts[i]`` is where ``spans[i]`` begins in it."""

    text: str
    spans: tuple[TextSpan, ...]
    starts: tuple[int, ...]
    truncated: bool

    def span_at(self, offset: int) -> TextSpan:
        """The span holding the character at ``offset``."""
        return self.spans[max(0, bisect_right(self.starts, offset) - 1)]

    def line_before(self, offset: int, window: int) -> str:
        """Up to ``window`` characters before ``offset`` on its line (or wrapped paragraph)."""
        start = max(0, offset - window)
        head = self.text[start:offset]
        return head.rsplit(BREAK, 1)[-1]

    def line_after(self, offset: int, window: int) -> str:
        tail = self.text[offset : offset + window]
        return tail.split(BREAK, 1)[0]


def flatten(spans: Sequence[TextSpan]) -> FlatText:
    """Join ``spans`` (see the module docstring), up to MAX_ANALYSED_CHARS characters."""
    edges = _page_edges(spans)
    pieces: list[str] = []
    kept: list[TextSpan] = []
    starts: list[int] = []
    position = 0
    previous: TextSpan | None = None
    for span in spans:
        text = span.text.strip()
        if not text:
            continue
        joint = "" if previous is None else _joint(previous, span, edges)
        if position + len(joint) + len(text) > MAX_ANALYSED_CHARS:
            return FlatText("".join(pieces), tuple(kept), tuple(starts), truncated=True)
        pieces.append(joint)
        position += len(joint)
        kept.append(span)
        starts.append(position)
        pieces.append(text)
        position += len(text)
        previous = span
    return FlatText("".join(pieces), tuple(kept), tuple(starts), truncated=False)


def _page_edges(spans: Sequence[TextSpan]) -> dict[int, tuple[float, float]]:
    """Each PDF page's text edges: the leftmost x0 and the rightmost x1."""
    edges: dict[int, tuple[float, float]] = {}
    for span in spans:
        if span.box is None or span.page is None:
            continue
        left, right = edges.get(span.page, (span.box.x0, span.box.x1))
        edges[span.page] = (min(left, span.box.x0), max(right, span.box.x1))
    return edges


def _joint(previous: TextSpan, span: TextSpan, edges: dict[int, tuple[float, float]]) -> str:
    joint = _layout_joint(previous, span, edges)
    if joint != BREAK and previous.text.rstrip().endswith(LABEL_END):
        return WRAP
    return joint


def _layout_joint(previous: TextSpan, span: TextSpan, edges: dict[int, tuple[float, float]]
                  ) -> str:
    if previous.part == span.part == TABLE_PART:
        return COLUMN
    a, b = previous.box, span.box
    if a is None or b is None or previous.page != span.page or span.page is None:
        return BREAK
    if _same_line(a, b):
        return COLUMN
    left, right = edges[span.page]
    return WRAP if _continues(a, b, left, right) else BREAK


def _same_line(a: Box, b: Box) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    height = min(a.bottom - a.top, b.bottom - b.top)
    return height > 0 and overlap >= SAME_LINE_OVERLAP * height


def _continues(a: Box, b: Box, left: float, right: float) -> bool:
    height = max(a.bottom - a.top, 1.0)
    below = b.top - a.bottom
    width = max(right - left, 1.0)
    return (
        abs(b.x0 - a.x0) <= SAME_COLUMN_TOLERANCE
        and 0 <= below <= PARAGRAPH_GAP_LINES * height
        and (a.x1 - left) >= WRAPPED_LINE_FILL * width
    )
