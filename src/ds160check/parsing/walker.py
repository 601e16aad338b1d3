"""Walk the lines of a print-out and cut them into rows: a recognised label and its value tokens.

How a label is found, whatever the layout:

* it starts a line (or a cell that holds a colon) with a word that is not a
  CAPITALS value;
* it runs, over wrapped lines that start at the same left edge, up to its
  colon or question mark; cells met to the right of the label while it wraps
  (the value column) and a YES/NO standing at the end of a wrapped line are
  kept aside as its value;
* without a colon it ends before the first CAPITALS value word (``Sex MALE``).

Its value is what follows the label on its line, then every following line
that does not start another label or a heading (continuation rows, page
breaks). Text the rules do not know as a label (``A: ASTANA OFFICE``,
``U.S.: …`` on a wrapped employer's second line) goes on the value above it
when it is laid out as more of that value: in its value column, in the cell
beside its label, or written in CAPITALS as values are (labels are in mixed
case). Which field a label means depends on the section and the sub-block
(a heading, a marker such as ``Father's Full Name``, or the last YES/NO
question answered), as declared in ``field_rules/``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ds160check.layout import Line, Token
from ds160check.parsing.index import Entry, LabelIndex, resolve
from ds160check.rules.labels import label_words
from ds160check.rules.model import BLOCK_TEMPLATE, Catalogue, LayoutRules, Marker, Row

# A label is at most this long (the longest DS-160 questions are ~60 words).
MAX_LABEL_TOKENS = 90
# ... and wraps over at most this many lines (a narrow label column wraps
# the communicable-disease question and its note over ~10).
MAX_LABEL_LINES = 14
# A wrapped label's next line starts within this many font sizes of its first line.
WRAP_INDENT_EM = 1.5
# An unrecognised label is still taken for a label (and ends the value before
# it) when it is this short; longer colon-terminated text is a sentence.
MAX_UNKNOWN_LABEL_WORDS = 12
# Share of lower-case letters that tells a heading or a note ("Address and
# Phone Number", "Please bring this page…") from a value (values print in CAPITALS).
HEADING_LOWER_SHARE = 0.3
QUESTION_WORDS = frozenset(
    ["have", "has", "do", "does", "did", "are", "is", "were", "was", "will", "would", "can", "could"]
)
ANSWERS = frozenset({"YES", "NO"})
# Rows of this section (Application ID, location) can stand anywhere.
META_SECTION = "meta"
_INDEX = re.compile(r"^\((\d{1,2})\)$")
# A message about a label that could mean several fields names this many of them.
MEANINGS_SHOWN = 3


@dataclass
class Row_:
    """A label found in the text and the tokens of its value."""

    entry: Entry | None
    label: str
    label_tokens: list[Token]
    index: int | None
    section: str | None
    block: str | None
    tokens: list[Token] = field(default_factory=list)
    # The line the label ends on (its value may start beside it).
    line: int = -1


@dataclass
class _Hit:
    label_tokens: list[Token]
    deferred: list[Token]
    end_line: int
    end_token: int
    terminated: bool


def _is_value_like(token: Token, index: LabelIndex) -> bool:
    """A CAPITALS word that no label uses: the start of a value, not part of a label."""
    letters = [ch for ch in token.text if ch.isalpha()]
    return (
        len(letters) >= 2
        and all(ch.isupper() for ch in letters)
        and not index.is_label_caps(token.text)
    )


def _balanced(tokens: Sequence[Token]) -> bool:
    text = "".join(t.text for t in tokens)
    return text.count("(") == text.count(")")


def _written_as_value(tokens: Sequence[Token]) -> bool:
    """Letters and no lower-case one: how values print (``A``, ``U.S.``), not labels (``Duties``)."""
    text = "".join(t.text for t in tokens)
    return any(ch.isalpha() for ch in text) and not any(ch.islower() for ch in text)


def _starts_label_text(text: str) -> bool:
    """Its first letter or digit is a capital letter."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isalpha() and first.isupper()


def _read_by_ocr(line: Line) -> bool:
    return bool(line.tokens) and line.tokens[0].confidence is not None


class Walker:
    """Cuts a stream of lines into rows; one instance per document."""

    def __init__(
        self,
        lines: Sequence[Line],
        index: LabelIndex,
        catalogue: Catalogue,
        layout: LayoutRules | None = None,
    ) -> None:
        self.lines = lines
        self.index = index
        self.catalogue = catalogue
        # The print's sections in the form's order: where a label before any heading belongs.
        self.form_order = tuple(layout.sections) if layout else ()
        # The print's own title lines: a heading that opens no section of the form.
        self.titles = frozenset(label_words(t) for t in layout.print_titles) if layout else frozenset()
        self.section: str | None = None
        self.block: str | None = None
        self.rows: list[Row_] = []
        self.unknown: list[Row_] = []
        self.warnings: list[str] = []
        # Per line, each token's cell number, and whether it starts its cell: only there can a
        # label start.
        self._cell_of: list[list[int]] = []
        self._cell_starts: list[list[bool]] = []
        for line in lines:
            numbers, starts = self._cell_numbers(line)
            self._cell_of.append(numbers)
            self._cell_starts.append(starts)
        # What the walk asks again and again of one line or one word: answered once (a word's
        # answers depend on its text and the index only: the index keeps them for every walk).
        self._headings: dict[int, str | None] = {}
        self._value_like, self._label_start = index.word_answers()

    @staticmethod
    def _cell_numbers(line: Line) -> tuple[list[int], list[bool]]:
        """Each token's cell number, and whether it is its cell's first."""
        numbers: list[int] = []
        starts: list[bool] = []
        for n, cell in enumerate(line.cells):
            count = len(cell.tokens)
            numbers += [n] * count
            starts += [True] + [False] * (count - 1) if count else []
        return numbers, starts

    # --- label recognition -----------------------------------------------------

    def _continues(self, line_no: int, start_x: float, size: float, label: list[Token]) -> bool:
        """Does line ``line_no`` carry on the label ``label`` (first token at ``start_x``)?"""
        if line_no >= len(self.lines) or line_no < 1:
            return False
        line = self.lines[line_no]
        previous = self.lines[line_no - 1]
        if line.page != previous.page and not self._first_on_page(line_no):
            return False
        if not self._aligned(line, label, start_x, size):
            return False
        first = line.tokens[0]
        if (self._is_value_like(first) and not first.text.endswith("?")) or self._heading_at(
            line_no
        ):
            return False
        if self._question_in_progress(label):
            return True
        # A line that is itself a complete known label ("Marital Status:") starts a new row.
        own = self._scan(line_no, 0, single_line=True)
        return not (own and own.terminated and self._lookup(own)[1])

    def _first_on_page(self, line_no: int) -> bool:
        """The first line of a page (after the header): a label may go on there from the last page."""
        return line_no > 0 and self.lines[line_no].page != self.lines[line_no - 1].page

    @staticmethod
    def _aligned(line: Line, label: list[Token], start_x: float, size: float) -> bool:
        """Wrapped label lines share the label's left edge, right edge (right-aligned labels) or centre."""
        tolerance = WRAP_INDENT_EM * max(size, 1.0)
        if abs(line.x0 - start_x) <= tolerance:
            return True
        if not label:
            return False
        first_top = label[0].box.top
        right = max(t.box.x1 for t in label if abs(t.box.top - first_top) < 1.0)
        left = min(t.box.x0 for t in label if abs(t.box.top - first_top) < 1.0)
        cell = line.cells[0]
        return (
            abs(cell.x1 - right) <= tolerance
            or abs((cell.x0 + cell.x1) / 2 - (left + right) / 2) <= tolerance
        )

    def _question_in_progress(self, label: list[Token]) -> bool:
        """A question that has not reached its question mark and is not a known label by itself."""
        if not label or label[-1].text.endswith("?"):
            return False
        words = self.index.words(" ".join(t.text for t in label))
        return bool(words) and words[0] in QUESTION_WORDS and not self.index.exact(words)

    def _scan(self, line_no: int, token_no: int, single_line: bool = False) -> _Hit | None:
        """Collect label tokens from a position up to the terminator (see module doc)."""
        start = self.lines[line_no].tokens[token_no]
        label: list[Token] = []
        deferred: list[Token] = []
        cell = self._cell_of[line_no][token_no]
        line, k = line_no, token_no
        paren = False
        value_like, is_value_like = self._value_like, self._is_value_like
        for _ in range(MAX_LABEL_LINES):
            tokens = self.lines[line].tokens
            cells = self._cell_of[line]
            while k < len(tokens):
                token = tokens[k]
                if cells[k] != cell:
                    deferred.extend(tokens[k:])
                    k = len(tokens)
                    break
                text = token.text
                if text == ":":
                    return _Hit(label, deferred, line, k + 1, True)
                if paren and text.endswith(")") and _balanced(label + [token]):
                    label.append(token)
                    k += 1
                    if k < len(tokens) and tokens[k].text == ":":
                        k += 1
                    return _Hit(label, deferred, line, k, True)
                # self._is_value_like(token), its remembered answer looked up here: once a word
                found = value_like.get(text)
                if (is_value_like(token) if found is None else found) and not text.endswith("?"):
                    if self._answer_at_wrap(line, k, start, label):
                        deferred.extend(tokens[k:])
                        k = len(tokens)
                        break
                    return _Hit(label, deferred, line, k, False) if label else None
                label.append(token)
                k += 1
                if text.endswith("?"):
                    if k < len(tokens) and tokens[k].text.startswith("(") and cells[k] == cell:
                        # "…significance? (Communicable diseases … Services.)": the note is the question's
                        paren = True
                        continue
                    return _Hit(label, deferred, line, k, True)
                if len(label) > MAX_LABEL_TOKENS:
                    return None
            if single_line or not self._continues(line + 1, start.box.x0, start.size, label):
                return _Hit(label, deferred, line, k, False) if label else None
            line, k, cell = line + 1, 0, 0
        return None

    def _answer_at_wrap(self, line: int, k: int, start: Token, label: list[Token]) -> bool:
        """A YES/NO ending a wrapped question's first line, the question going on below."""
        tokens = self.lines[line].tokens
        rest = [t.text for t in tokens[k:]]
        if len(rest) != 1 or rest[0] not in ANSWERS or not label:
            return False
        return self._question_in_progress(label) and self._continues(
            line + 1, start.box.x0, start.size, label
        )

    def _lookup(self, hit: _Hit) -> tuple[int | None, list[Entry], int]:
        """(index, entries, words used) for the label text of a hit."""
        texts = [t.text for t in hit.label_tokens]
        number = None
        if texts and _INDEX.match(texts[-1]):
            number = int(_INDEX.match(texts[-1]).group(1))  # type: ignore[union-attr]
            texts = texts[:-1]
        words = self.index.words(" ".join(texts))
        found = self.index.exact(words)
        if found:
            return number, found, len(hit.label_tokens)
        if not hit.terminated:
            return number, [], 0
        length, found = self.index.prefix(words)
        if found:
            return number, found, len(hit.label_tokens)
        found = self.index.fuzzy(words) or self.index.fuzzy_prefix(words)
        return number, found, len(hit.label_tokens)

    def _heading_at(self, line_no: int) -> str | None:
        if line_no not in self._headings:
            line = self.lines[line_no]
            words = self.index.words(line.text)
            heading = self.index.heading(words)
            if heading is None and _read_by_ocr(line) and ":" not in line.text:
                heading = self.index.heading_like(words)  # a text layer's headings are as printed
            self._headings[line_no] = heading
        return self._headings[line_no]

    def _is_value_like(self, token: Token) -> bool:
        """:func:`_is_value_like`, remembered per word text."""
        found = self._value_like.get(token.text)
        if found is None:
            found = self._value_like[token.text] = _is_value_like(token, self.index)
        return found

    def _starts_label(self, token: Token) -> bool:
        """Can a label start with this word: its first letter or digit a capital, and no CAPITALS
        value (remembered per word text)."""
        found = self._label_start.get(token.text)
        if found is None:
            found = _starts_label_text(token.text) and not self._is_value_like(token)
            self._label_start[token.text] = found
        return found

    # --- the walk ----------------------------------------------------------------

    def walk(self) -> list[Row_]:
        current: Row_ | None = None
        line_no = 0
        while line_no < len(self.lines):
            section = self._heading_at(line_no)
            if section == META_SECTION and self.index.words(self.lines[line_no].text) in self.titles:
                # The title above the answers: labels under it are still at the form's start.
                current, line_no = None, line_no + 1
                continue
            if section is not None:
                self.section, self.block = section, None
                current = None
                line_no += 1
                continue
            current, line_no = self._line(line_no, current)
        return self.rows

    def _line(self, line_no: int, current: Row_ | None) -> tuple[Row_ | None, int]:
        """Read one line (and the lines a wrapped label takes); return the open row and the next line."""
        line = self.lines[line_no]
        k = 0
        tokens = line.tokens
        cell_starts = self._cell_starts[line_no]
        while k < len(tokens):
            if not cell_starts[k]:  # no label starts inside a cell: more of the open value
                if current is not None:
                    current.tokens.append(tokens[k])
                k += 1
                continue
            row, end_line, end_k = self._try_label(line_no, k, current)
            if row is not None:
                current = row
                if end_line != line_no:
                    return current, self._finish_wrapped(current, end_line, end_k)
                k = end_k
                continue
            if k == 0 and current is not None and self._unknown_heading(line_no, current):
                return None, line_no + 1
            if current is not None:
                current.tokens.append(tokens[k])
            k += 1
        return current, line_no + 1

    def _unknown_heading(self, line_no: int, current: Row_) -> bool:
        """A mixed-case line under a CAPITALS value (a heading we do not know, a note) is not more value,
        unless it stands in the value's column: a heading or note is not printed there."""
        line = self.lines[line_no]
        if not self._starts_label(line.tokens[0]) or self._in_value_place(current, line_no, 0):
            return False
        value = " ".join(t.text for t in current.tokens)
        if not value or any(ch.islower() for ch in value):
            return False
        letters = [ch for ch in line.text if ch.isalpha()]
        lower = sum(ch.islower() for ch in letters)
        return lower >= HEADING_LOWER_SHARE * len(letters)

    def _finish_wrapped(self, row: Row_, end_line: int, end_k: int) -> int:
        row.tokens.extend(self.lines[end_line].tokens[end_k:])
        return end_line + 1

    def _try_label(self, line_no: int, k: int, current: Row_ | None) -> tuple[Row_ | None, int, int]:
        tokens = self.lines[line_no].tokens
        token = tokens[k]
        first = k == 0
        if not self._cell_starts[line_no][k] or not self._starts_label(token):
            return None, line_no, k
        hit = self._scan(line_no, k)
        if hit is None:
            return None, line_no, k
        number, entries, _ = self._lookup(hit)
        if not entries and not self._plausible_unknown(hit):
            return None, line_no, k
        if not entries and self._continues_value(current, line_no, k, hit):
            return None, line_no, k
        if not first and not hit.terminated:
            return None, line_no, k
        number, end_k = self._index_after(hit, number)
        row = self._open_row(hit, entries, number)
        row.line = hit.end_line
        row.tokens.extend(hit.deferred)
        return row, hit.end_line, end_k

    def _continues_value(self, current: Row_ | None, line_no: int, k: int, hit: _Hit) -> bool:
        """Is text no rule knows as a label, at ``line_no``/``k``, laid out as more of the open row's value?

        Only a field's row goes on (not a question, whose answer is one word, nor a
        marker). It does where the text stands in the value's place
        (:meth:`_in_value_place`), or where it is written as values are: capitals,
        initials or the capital words labels also use (``A``, ``U.S.``, ``J``),
        no lower-case letter; labels print in mixed case.
        """
        if current is None or current.entry is None or not isinstance(current.entry.rule, Row):
            return False
        if current.label_tokens and current.label_tokens[-1].text.endswith("?"):
            return False
        return _written_as_value(hit.label_tokens) or self._in_value_place(current, line_no, k)

    def _in_value_place(self, current: Row_, line_no: int, k: int) -> bool:
        """Where the open row's value goes: the cell right after its label, the line below a label
        that has no value beside it, or a line that starts at the left edge of the value's column
        where that column is not the label's (a two-column print)."""
        if not current.tokens:
            return current.line == (line_no if k > 0 else line_no - 1)
        if k > 0 or not current.label_tokens:
            return False
        value_x = current.tokens[0].box.x0
        tolerance = WRAP_INDENT_EM * max(current.tokens[0].size, 1.0)
        own_column = abs(value_x - current.label_tokens[0].box.x0) > tolerance
        return own_column and abs(self.lines[line_no].x0 - value_x) <= tolerance

    def _index_after(self, hit: _Hit, number: int | None) -> tuple[int | None, int]:
        """``Label: (1): VALUE`` puts the item number after the colon."""
        tokens = self.lines[hit.end_line].tokens
        k = hit.end_token
        if number is None and k < len(tokens) and _INDEX.match(tokens[k].text):
            number = int(_INDEX.match(tokens[k].text).group(1))  # type: ignore[union-attr]
            k += 1
            if k < len(tokens) and tokens[k].text == ":":
                k += 1
        return number, k

    def _plausible_unknown(self, hit: _Hit) -> bool:
        """Text we do not know that still looks like a label, so it must not join a value."""
        words = self.index.words(" ".join(t.text for t in hit.label_tokens))
        if not words:
            return False
        if not hit.terminated:
            # An unknown question with its answer beside it, wrapped without "?".
            return (
                words[0] in QUESTION_WORDS
                and bool(hit.deferred)
                and all(t.text in ANSWERS for t in hit.deferred)
            )
        if hit.label_tokens[-1].text.endswith("?"):
            return words[0] in QUESTION_WORDS
        return len(words) <= MAX_UNKNOWN_LABEL_WORDS

    def _open_row(self, hit: _Hit, entries: list[Entry], number: int | None) -> Row_:
        label = " ".join(t.text for t in hit.label_tokens)
        entry = resolve(entries, self.section, self.block) if entries else None
        if entry is None and entries and self.section is None:
            entry = self._by_form_order(entries, label, hit.label_tokens[0].page)
        row = Row_(entry, label, hit.label_tokens, number, self.section, self.block)
        if entry is None:
            if not entries:
                # A label no rule knows (a generic one outside its blocks is expected: an
                # additional contact's "City" is no field of ours).
                self.unknown.append(row)
            words = self.index.words(label)
            if words and words[0] in QUESTION_WORDS:
                # An `Explain` under a question we do not know is not about the one before it.
                self.block = None
            return row
        self.rows.append(row)
        self._enter(entry, row)
        return row

    def _by_form_order(self, entries: list[Entry], label: str, page: int) -> Entry | None:
        """A generic label printed before any heading ("Surname:"): the form starts with its
        first section (Personal), so a label that section knows means what it means there
        (the rule checker keeps that one meaning), and the section is entered. One that
        only a sub-block or question explains ("City:") is told, not guessed."""
        first = self.form_order[0] if self.form_order else None
        for entry in entries:
            if first is not None and first in entry.contexts:
                self.section = first
                return entry
        self.warnings.append(
            f"page {page}: {label!r} before any section heading: it means something only "
            f"under a heading or question ({_meanings(entries)}), none of them printed; not read"
        )
        return None

    def _enter(self, entry: Entry, row: Row_) -> None:
        """Move section/block on: markers and ``sets`` open a block, YES/NO questions become the block."""
        rule = entry.rule
        if self._moves_section(entry):
            if entry.section != self.section:
                self.block = None
            self.section = entry.section
        if isinstance(rule, Marker):
            self.block = rule.block
            return
        assert isinstance(rule, Row)
        if rule.sets:
            self.block = rule.sets
        elif rule.key and (rule.gate or self._is_bool(rule.key)):
            self.block = rule.key

    def _moves_section(self, entry: Entry) -> bool:
        """A label only one section has tells where we are when headings are missing."""
        rule = entry.rule
        if entry.contexts or entry.section == META_SECTION:
            return False
        return not (isinstance(rule, Row) and rule.key and BLOCK_TEMPLATE in rule.key)

    def rows_by_section(self) -> list[str]:
        """The sections (of the rules) in which at least one field row was read."""
        return sorted({row.entry.section for row in self.rows if row.entry is not None})

    def _is_bool(self, key: str) -> bool:
        return key in self.catalogue and self.catalogue[key].type == "bool"


def _meanings(entries: Sequence[Entry]) -> str:
    """The keys a label can give, for a message: ``contact.home_city or passport.issued_city``."""
    keys = sorted({e.rule.key for e in entries if isinstance(e.rule, Row) and e.rule.key})
    shown = " or ".join(keys[:MEANINGS_SHOWN]) or "no field of ours"
    return shown + (f" or {len(keys) - MEANINGS_SHOWN} more" if len(keys) > MEANINGS_SHOWN else "")
