"""Rows (label + value tokens) → catalogue fields: typed values, list items, provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ds160check.application import Field, Span, Unreadable
from ds160check.layout import Token, join_tokens
from ds160check.model import Box
from ds160check.parsing.walker import Row_
from ds160check.rules.model import BLOCK_TEMPLATE, Catalogue, FieldSpec, Row
from ds160check.values import (
    canonical_country,
    currency_of,
    is_null_text,
    mend_date_digits,
    parse_bool,
    parse_value,
    split_name_provided,
)

# Parts of one value printed as separate rows (address lines, supervisor names).
PART_SEPARATOR = ", "
ANSWER_WORDS = ("YES", "NO")
# The country that implies the currency of a bare money amount, first found wins.
CURRENCY_COUNTRY_KEYS = ("contact.home_country", "personal.nationality")


@dataclass
class Piece:
    """Raw text of a value (or of one part of it) with its tokens and label."""

    tokens: list[Token]
    label: str
    # The text when only part of the tokens' text is this value ("DOE" of "DOE, JOHN").
    override: str | None = None
    # One part of a composite value (an address): each printed line is a part too.
    part: bool = False
    # The joined text and how many tokens it was joined from (asked for many times).
    _joined: tuple[int, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self.override is not None:
            return self.override
        joined = self._joined
        if joined is None or joined[0] != len(self.tokens):
            joined = len(self.tokens), join_tokens(self.tokens, PART_SEPARATOR if self.part else " ")
            self._joined = joined
        return joined[1]


@dataclass
class Slot:
    """A value being collected: one piece, or several parts joined later."""

    pieces: list[Piece] = field(default_factory=list)

    def text(self) -> str:
        texts = [text for text in (p.text for p in self.pieces) if text and not is_null_text(text)]
        if not texts:
            return self.pieces[0].text if self.pieces else ""
        return PART_SEPARATOR.join(texts)

    def span(self) -> Span | None:
        tokens = [t for p in self.pieces for t in p.tokens]
        if not tokens:
            return None
        page = tokens[0].page
        box: Box = tokens[0].box
        for token in tokens[1:]:
            if token.page == page:
                box = box.union(token.box)
        sure = [t.confidence for t in tokens if t.confidence is not None]
        return Span(page, box, self.text(), self.pieces[0].label, min(sure) if sure else None)


@dataclass
class Item:
    """One item of a repeated group, and which rules (by label) already filled it."""

    slots: dict[str | None, Slot] = field(default_factory=dict)
    filled_by: set[tuple[int, str]] = field(default_factory=set)


@dataclass
class Collected:
    scalars: dict[str, Slot] = field(default_factory=dict)
    lists: dict[str, list[Item]] = field(default_factory=dict)
    empty_lists: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def _answer_piece(piece: Piece) -> Piece:
    """A YES/NO value is its first YES or NO word; anything else near it is question text. A
    scan's answer may be read with a letter OCR confuses with its own ("VES", "N0")."""
    for token in piece.tokens:
        if token.text.strip(".,;()").upper() in ANSWER_WORDS:
            return Piece([token], piece.label)
    for token in piece.tokens:
        answer = _misread_answer(token)
        if answer is not None:
            return Piece([replace(token, text=answer)], piece.label)
    return piece


# What OCR reads for each letter of YES and NO (a V for the Y's arms, a 0 for the O...).
ANSWER_LOOK_ALIKES: Final = {"Y": "VX¥У", "E": "FB3Е", "S": "58$Ѕ", "N": "MHИ", "O": "0QDО"}


def _misread_answer(token: Token) -> str | None:
    """YES or NO, if OCR read the token as one of them with one letter taken for a look-alike."""
    if token.confidence is None:
        return None
    text = token.text.strip(".,;()").upper()
    for answer in ANSWER_WORDS:
        if len(text) != len(answer):
            continue
        wrong = [(a, t) for a, t in zip(answer, text, strict=True) if a != t]
        if len(wrong) == 1 and wrong[0][1] in ANSWER_LOOK_ALIKES[wrong[0][0]]:
            return answer
    return None


# A scanned value's first or last word that OCR read under this confidence, with no more than
# SPECK_LETTERS letters or digits, none of them capitals among capitals, is what a speck beside the
# value was read as ("af KAZAKH", ", UNITED ARAB EMIRATES"): answers are printed in capitals.
SPECK_CONFIDENCE: Final = 60.0
SPECK_LETTERS: Final = 2
# Marks read at either end of a scanned value that no answer begins or ends with ("`АСТАНА",
# "ARMAN-", 'NO"'); a full stop and brackets stay ("(B)", "HOUSES.").
EDGE_MARKS: Final = ",;:`'\"‘’“”_~*°·|-"


def _without_specks(tokens: Sequence[Token]) -> list[Token]:
    """A value's tokens, rid of what specks beside a scanned value were read as, when a word OCR
    was sure of remains (a value read unsurely throughout stays as read, and is not trusted)."""
    kept = list(tokens)
    if not kept or kept[0].confidence is None:
        return kept  # a text layer's value is as printed
    sure = [t for t in kept if (t.confidence or 0.0) >= SPECK_CONFIDENCE]
    capitals = bool(sure) and all(not c.islower() for t in sure for c in t.text)
    if all(_speck(t, capitals) for t in kept):
        return kept
    while _speck(kept[0], capitals):
        kept.pop(0)
    while _speck(kept[-1], capitals):
        kept.pop()
    # A mark standing alone at an end, however surely read (a dash kept as text, "- KAZAKHSTAN"):
    # no answer begins or ends with one.
    while len(kept) > 1 and not kept[0].text.lstrip(EDGE_MARKS):
        kept.pop(0)
    while len(kept) > 1 and not kept[-1].text.rstrip(EDGE_MARKS):
        kept.pop()
    first, last = kept[0].text.lstrip(EDGE_MARKS), kept[-1].text.rstrip(EDGE_MARKS)
    if len(kept) == 1:
        first = last = first.rstrip(EDGE_MARKS)
    if first:
        kept[0] = replace(kept[0], text=first)
    if last and len(kept) > 1:
        kept[-1] = replace(kept[-1], text=last)
    return kept


def _speck(token: Token, among_capitals: bool) -> bool:
    """Read unsurely and no word of the value: only marks, or a letter or two in small letters
    beside capitals."""
    if token.confidence is None or token.confidence >= SPECK_CONFIDENCE:
        return False
    letters = [c for c in token.text if c.isalnum()]
    if not letters:
        return True
    return among_capitals and len(letters) <= SPECK_LETTERS and any(c.islower() for c in letters)


def _number_misread(items: Sequence[Item], row: Row_) -> bool:
    """An item number OCR read that skips items never seen ("Postal Zone/ZIP Code (4)" after item
    1) is a misread "(1)": the row goes where an unnumbered one would, not into a phantom item
    the other application lacks (a false HISTORY_OMITTED). A text layer's number is as printed."""
    read_by_ocr = any(t.confidence is not None for t in row.tokens)
    return read_by_ocr and row.index is not None and row.index > len(items) + 1


class Assembler:
    """Collects rows into fields; :meth:`finish` types them."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.got = Collected()

    # --- collecting ------------------------------------------------------------

    def add(self, row: Row_) -> None:
        if row.entry is None or not isinstance(row.entry.rule, Row):
            return
        rule = row.entry.rule
        key = self._key(rule, row)
        if rule.ignore or key is None:
            return
        piece = Piece(_without_specks(row.tokens), row.label, part=rule.part)
        spec = self.catalogue[key]
        if rule.gate:
            self._gate(key, piece)
        elif rule.parse is not None:
            self._derived(rule.parse, piece)
        elif spec.is_list:
            self._list_value(spec, rule, row, piece)
        else:
            self._scalar(spec, piece, rule.part)

    def _key(self, rule: Row, row: Row_) -> str | None:
        key = rule.key
        if key is None or BLOCK_TEMPLATE not in key:
            return key
        filled = key.replace(BLOCK_TEMPLATE, row.block or "")
        return filled if row.block and filled in self.catalogue else None

    def _gate(self, key: str, piece: Piece) -> None:
        answer = _answer_piece(piece)
        try:
            said = parse_bool(answer.text)
        except ValueError:
            self.got.warnings.append(f"{piece.label!r}: expected YES or NO, found {piece.text!r}")
            return
        if said is False:
            self.got.empty_lists.add(key)

    def _scalar(self, spec: FieldSpec, piece: Piece, part: bool) -> None:
        if spec.type == "bool":
            piece = _answer_piece(piece)
        slot = self.got.scalars.get(spec.key)
        if slot is None or not slot.text():
            # An empty row (a caption such as "Location") does not hold the key.
            self.got.scalars[spec.key] = Slot([piece])
        elif part:
            slot.pieces.append(piece)
        elif slot.text() != piece.text:
            self.got.warnings.append(
                f"{spec.key} is printed twice ({slot.pieces[0].label!r}, {piece.label!r}); the first is used"
            )

    def _derived(self, how: str, piece: Piece) -> None:
        if how == "name_provided":
            self._split_into(piece, ("personal.surnames", "personal.given_names"), name=True)
        else:
            self._split_into(
                piece, ("personal.birth_city", "personal.birth_state", "personal.birth_country")
            )

    def _split_into(self, piece: Piece, keys: Sequence[str], name: bool = False) -> None:
        text = piece.text
        if not text:
            return
        if name:
            parts: list[str | None] = list(split_name_provided(text))
        else:
            raw = [p.strip() for p in text.split(",")]
            middle = ", ".join(raw[1:-1]) or None
            parts = [raw[0], middle, raw[-1]] if len(raw) > 1 else [raw[0], None, None]
        for key, part in zip(keys, parts, strict=True):
            if part is not None and key not in self.got.scalars:
                self.got.scalars[key] = Slot(
                    [Piece(_tokens_for(piece.tokens, part), piece.label, part)]
                )

    def _list_value(self, spec: FieldSpec, rule: Row, row: Row_, piece: Piece) -> None:
        items = self.got.lists.setdefault(spec.key, [])
        item = self._item_for(items, rule, row)
        stamp = (id(rule), row.label.casefold())
        item.filled_by.add(stamp)
        slot = item.slots.setdefault(rule.item, Slot())
        if rule.item is None or rule.part or not slot.pieces:
            slot.pieces.append(piece)

    def _item_for(self, items: list[Item], rule: Row, row: Row_) -> Item:
        if row.index is not None and row.index >= 1 and not _number_misread(items, row):
            while len(items) < row.index:
                items.append(Item())
            return items[row.index - 1]
        stamp = (id(rule), row.label.casefold())
        if (
            not items
            or rule.item is None
            or stamp in items[-1].filled_by
            or (rule.item in items[-1].slots and not rule.part)
        ):
            items.append(Item())
        return items[-1]

    # --- typing ----------------------------------------------------------------

    def finish(self) -> tuple[dict[str, Field], dict[str, Unreadable], list[str]]:
        fields: dict[str, Field] = {}
        unreadable: dict[str, Unreadable] = {}
        currency = self._currency_hint()
        for key, slot in self.got.scalars.items():
            self._type_scalar(key, slot, currency, fields, unreadable)
        self._gates_from_answers(fields)
        for key in self.catalogue.fields:
            if key in self.got.lists:
                self._type_list(self.catalogue[key], self.got.lists[key], fields, unreadable)
            elif key in self.got.empty_lists:
                fields[key] = Field(key, [], None, ())
        ordered = {key: fields[key] for key in self.catalogue.fields if key in fields}
        return ordered, unreadable, self.got.warnings

    def _currency_hint(self) -> str | None:
        for key in CURRENCY_COUNTRY_KEYS:
            slot = self.got.scalars.get(key)
            if slot is not None and slot.text():
                found = currency_of(slot.text())
                if found:
                    return found
        return None

    def _type_scalar(
        self,
        key: str,
        slot: Slot,
        currency: str | None,
        fields: dict[str, Field],
        unreadable: dict[str, Unreadable],
    ) -> None:
        spec = self.catalogue[key]
        text = slot.text()
        span = slot.span()
        try:
            value = _parsed(spec.type, text, span, currency)
        except ValueError as exc:
            unreadable[key] = Unreadable(key, text, str(exc), span)
            return
        fields[key] = Field(key, value, span)

    def _gates_from_answers(self, fields: dict[str, Field]) -> None:
        """A gated list whose question was answered NO is present and empty."""
        for spec in self.catalogue.fields.values():
            gate = fields.get(spec.gate) if spec.gate else None
            if gate is not None and gate.value is False and spec.key not in self.got.lists:
                self.got.empty_lists.add(spec.key)

    def _type_list(
        self,
        spec: FieldSpec,
        items: list[Item],
        fields: dict[str, Field],
        unreadable: dict[str, Unreadable],
    ) -> None:
        values: list[Any] = []
        spans: list[Any] = []
        for number, item in enumerate(items, start=1):
            if not item.slots:
                continue
            if isinstance(spec.item, dict):
                value, item_spans = self._type_object(spec, item, number, unreadable)
                values.append(value)
                spans.append(item_spans)
            else:
                for slot in item.slots.values():
                    typed = self._typed_item(spec, None, slot, number, unreadable)
                    if typed is not _UNREAD and typed is not None:
                        values.append(typed)
                        spans.append(slot.span())
        fields[spec.key] = Field(spec.key, values, None, tuple(spans))

    def _type_object(
        self, spec: FieldSpec, item: Item, number: int, unreadable: dict[str, Unreadable]
    ) -> tuple[dict[str, Any], dict[str, Span]]:
        value: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        assert isinstance(spec.item, dict)
        for sub in spec.item:
            slot = item.slots.get(sub)
            if slot is None:
                continue
            typed = self._typed_item(spec, sub, slot, number, unreadable)
            if typed is not _UNREAD:
                value[sub] = typed
                span = slot.span()
                if span is not None:
                    spans[sub] = span
        return value, spans

    def _typed_item(
        self,
        spec: FieldSpec,
        sub: str | None,
        slot: Slot,
        number: int,
        unreadable: dict[str, Unreadable],
    ) -> Any:
        text = slot.text()
        try:
            return _parsed(spec.item_type(sub), text, slot.span(), None)
        except ValueError as exc:
            where = f"{spec.key}[{number}]" + (f".{sub}" if sub else "")
            unreadable[where] = Unreadable(where, text, str(exc), slot.span())
            return _UNREAD


_UNREAD = object()


def _parsed(kind: str, text: str, span: Span | None, currency: str | None) -> Any:
    """``text`` as a value of ``kind``; a date OCR read that is no date as read is tried again with
    its numbers' look-alike letters made digits (``O1 JUNE 2026``), and a country OCR read with a
    lone mark before or after it that no country has is the country without it (``i POLAND``,
    ``H ITALY``: a leader's or a speck's remains). A text layer's value is as typed."""
    if kind == "country" and span is not None and span.ocr_confidence is not None:
        text = _country_without_specks(text)
    try:
        return parse_value(kind, text, currency=currency)
    except ValueError:
        if kind != "date" or span is None or span.ocr_confidence is None:
            raise
        mended = mend_date_digits(text)
        if mended == text:
            raise
        return parse_value(kind, mended, currency=currency)


def _tokens_for(tokens: Sequence[Token], part: str) -> list[Token]:
    """The tokens that printed ``part`` of a split value (for its box); all tokens if unsure."""
    words = part.split()
    for start in range(len(tokens)):
        texts = [t.text.strip(",") for t in tokens[start : start + len(words)]]
        if texts == [w.strip(",") for w in words]:
            return list(tokens[start : start + len(words)])
    return list(tokens)


def _country_without_specks(text: str) -> str:
    """``text``, or it without a one-character word at either end when only that makes it a
    country CEAC lists."""
    if canonical_country(text) is not None:
        return text
    words = text.split()
    if len(words) < 2:
        return text
    for kept in (words[1:] if len(words[0]) == 1 else [], words[:-1] if len(words[-1]) == 1 else []):
        if kept and canonical_country(" ".join(kept)) is not None:
            return " ".join(kept)
    return text
