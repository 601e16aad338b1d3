"""A passport's data page: the machine-readable zone and the printed fields, each value with where it stands.

    >>> page = read_passport(load_document("passport.pdf"))
    >>> field = page.fields["passport.number"]
    >>> field.value, field.source, field.verified, field.quote
    ('N12946051', 'mrz', True, 'N129460513KAZ8609214M3002108860921300457<<52')

Fields are keyed by the catalogue keys of the form they are compared with
(``personal.surnames``, ``passport.number`` ...). The MRZ
(:mod:`ds160check.documents.mrz`) gives names, number, nationality, date of
birth, sex and expiry; the printed fields are read under their captions
(``field_rules/documents/passport.yaml``): the value below a caption (a PDF's
boxes), beside it on its line, after its colon, or (a DOCX, no boxes) the
next paragraph in capitals. Which one is compared: the MRZ's, where it has
the field (a check digit guards the number and the dates), else the printed
one (the issue date is printed only; a name that fills the MRZ's field to
the end may be cut short there). ``verified`` is False for a field whose
check digit does not verify: the read is not trusted, and the warnings say so.

A document is a data page when its MRZ is found, or, without one, when its
title and ``min_labels`` captions are printed on it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Final, Literal

from ds160check.documents.ingest import TextDocument, TextSpan
from ds160check.documents.mrz import CHECKS, COMPOSITE, Mrz, MrzRules, read_mrz
from ds160check.documents.refusal import RuleReader
from ds160check.model import TRUSTED_OCR
from ds160check.rules.load import suggest
from ds160check.rules.source import Node, key_line, keys_of
from ds160check.rules_path import rules_dir
from ds160check.values import canonical_country, parse_date

__all__ = ["FIELD_NAMES", "PASSPORT_RULES_FILE", "PassportField", "PassportPage", "PassportRules",
           "load_passport_rules", "read_passport"]

PASSPORT_RULES_FILE: Final = Path("documents") / "passport.yaml"
SURNAMES, GIVEN_NAMES, NUMBER = "personal.surnames", "personal.given_names", "passport.number"
NATIONALITY, BIRTH, SEX = "personal.nationality", "personal.date_of_birth", "personal.sex"
ISSUED, EXPIRES = "passport.issue_date", "passport.expiration_date"
# The fields a data page gives, by the catalogue key they are compared with, and their names.
FIELD_NAMES: Final[Mapping[str, str]] = {
    SURNAMES: "surname", GIVEN_NAMES: "given names", NUMBER: "passport number",
    NATIONALITY: "nationality", BIRTH: "date of birth", SEX: "sex", ISSUED: "date of issue",
    EXPIRES: "date of expiry",
}
_NAMES: Final = (SURNAMES, GIVEN_NAMES)
_DATES: Final = (BIRTH, ISSUED, EXPIRES)
# The MRZ's sex codes (ICAO 9303 Part 4: M, F; X and '<' unspecified) as the form writes sex.
_MRZ_SEX: Final = {"M": "MALE", "F": "FEMALE"}

_TOP_KEYS: Final = ("title", "min_labels", "mrz", "labels", "label_prefix", "sex")
_MRZ_KEYS: Final = ("fillers", "filler_letters", "filler_run", "homoglyphs", "digits", "letters",
                    "max_repairs")
_SEX_VALUES: Final = tuple(_MRZ_SEX.values())

# Without an MRZ, a data page names itself in its first lines, and is short (a letter that
# lists a passport's details in a table is no data page).
HEADING_SPANS: Final = 8
MAX_PAGE_SPANS: Final = 80
# A caption followed by its value on one line without a colon is at most this many words.
MAX_CAPTION_WORDS: Final = 8
# A value stands below its caption within this many caption heights, or on its line.
VALUE_REACH_LINES: Final = 2.5
# A line's spans overlap vertically by at least this share of the shorter one.
SAME_LINE_OVERLAP: Final = 0.5
_LATIN: Final = re.compile(r"[A-Za-z]")
_NOT_LATIN_LETTER: Final = re.compile(r"[^\W\d_A-Za-z]")
# "21 СЕН/SEP 1986": a month in another alphabet before its Latin one.
_FOREIGN_MONTH: Final = re.compile(r"[^\W\d_A-Za-z]+\.?\s*/\s*")
_MRZ_LIKE: Final = re.compile(r"[<«‹]")

Source = Literal["mrz", "printed"]


@dataclass(frozen=True, slots=True)
class PassportField:
    """One value of the data page: as compared (``value``), as read (``raw``) and where.

    ``quote`` is what the report quotes: the MRZ line, or the caption and the
    printed value. ``verified``: True when a check digit of the MRZ verifies
    it, False when it does not (not to be trusted), None when none covers it.
    """

    key: str
    value: str
    raw: str
    source: Source
    span: TextSpan
    quote: str
    verified: bool | None
    line: int | None = None  # the MRZ line (1 or 2) it stands on


@dataclass(frozen=True, slots=True)
class PassportPage:
    """A passport data page: the values compared, the printed ones, the MRZ, and what to know about them."""

    fields: Mapping[str, PassportField]
    printed: Mapping[str, PassportField]
    mrz: Mrz | None
    warnings: tuple[str, ...]
    signals: tuple[str, ...]

    @property
    def failed(self) -> tuple[str, ...]:
        """What the MRZ check digits that do not verify guard (empty without an MRZ)."""
        return self.mrz.failed if self.mrz is not None else ()

    @property
    def trusted(self) -> bool:
        """An MRZ was read and every check digit of it verifies."""
        return self.mrz is not None and not self.failed

    @property
    def holder(self) -> str:
        """The holder's name as the page gives it: surname, then given names (a name the MRZ and
        the print disagree on, as printed)."""
        return " ".join(f.value for f in self._holder_names() if f.value)

    @property
    def holder_trusted(self) -> bool:
        """Every part of :attr:`holder` was read surely: no check digit guards the names, so one
        read unsurely (by OCR, under TRUSTED_OCR) cannot tell whose page it is."""
        return all(f.verified is not False for f in self._holder_names())

    def _holder_names(self) -> list[PassportField]:
        parts = [self.fields.get(key) for key in _NAMES]
        return [self.printed.get(f.key, f) if f.verified is False else f
                for f in parts if f is not None]


@dataclass(frozen=True, slots=True)
class PassportRules:
    """``passport.yaml``, compiled. See the file for what each part means."""

    title: tuple[re.Pattern[str], ...]
    min_labels: int
    mrz: MrzRules
    labels: Mapping[str, re.Pattern[str]]
    label_prefix: re.Pattern[str]
    sex: Mapping[str, str]  # a printed word, upper case -> MALE / FEMALE


UNREAD_SECOND_LINE: Final = ("the MRZ's second line could not be read in full: the passport number, "
                             "the dates and their check digits could not be verified, and the read is "
                             "not trusted")


# --- the page -----------------------------------------------------------------------------------


def read_passport(doc: TextDocument, rules: PassportRules | None = None) -> PassportPage | None:
    """The data page ``doc`` is, or None when it is none."""
    rules = rules or load_passport_rules()
    mrz = read_mrz(doc.spans, rules.mrz)
    captions = _captions(doc.spans, rules)
    title = _title(doc.spans, captions, rules)
    if mrz is None and not (title and len({c.key for c in captions}) >= rules.min_labels
                            and len(doc.spans) <= MAX_PAGE_SPANS):
        return None
    printed = {key: replace(f, verified=False) if _unsure(f.span) or _misread(f) else f
               for key, f in _printed(doc.spans, captions, rules).items()}
    from_mrz = _mrz_fields(mrz) if mrz is not None else {}
    fields, differ = _chosen(from_mrz, printed, mrz)
    warnings = _warnings(mrz, differ)
    return PassportPage(fields, printed, mrz, warnings, _signals(mrz, title, captions))


def _title(spans: Sequence[TextSpan], captions: list[_Caption], rules: PassportRules) -> str | None:
    """The page's own name as a heading of its first lines (not "Passport No." of a caption)."""
    at_caption = {c.index for c in captions}
    for index, span in enumerate(spans[:HEADING_SPANS]):
        if index in at_caption:
            continue
        text = " ".join(span.text.split())
        found = next((m for p in rules.title if (m := p.search(text))), None)
        if found is not None:
            return found[0]
    return None


def _signals(mrz: Mrz | None, title: str | None, captions: list[_Caption]) -> tuple[str, ...]:
    signals = []
    if mrz is not None:
        page = mrz.spans[0].page
        signals.append("machine-readable zone (TD3)" + (f", page {page}" if page else ""))
    if title:
        signals.append(f"title '{title}'")
    keys = dict.fromkeys(c.key for c in captions)
    if keys:
        signals.append("captions: " + ", ".join(FIELD_NAMES[k] for k in keys))
    return tuple(signals)


def _chosen(from_mrz: dict[str, PassportField], printed: dict[str, PassportField], mrz: Mrz | None
            ) -> tuple[dict[str, PassportField], list[str]]:
    """The value compared for each field, and where the printed one says otherwise than the MRZ.

    Where a check digit verifies the MRZ's value, it is compared whatever is printed. Where none
    covers it (names, nationality, sex) and the printed value differs, the page disagrees with
    itself: one of the two was misread, and the field is not trusted.
    """
    cut_short = mrz is not None and mrz.name_cut_short
    fields: dict[str, PassportField] = {}
    differ = []
    for key in FIELD_NAMES:
        coded, shown = from_mrz.get(key), printed.get(key)
        unsure_name = coded is not None and coded.verified is False and key in _NAMES
        if coded is not None and not ((cut_short or unsure_name) and key in _NAMES and shown is not None):
            fields[key] = coded
        elif shown is not None:
            fields[key] = shown
        if coded is None or shown is None or _same(key, coded, shown):
            continue
        if coded.verified is False and fields[key] is not shown:
            continue  # a failed check digit: said by the MRZ's own warnings
        if fields[key] is shown and not unsure_name:
            continue  # a name the MRZ cut short: the printed one is the whole of it
        what = FIELD_NAMES[key]
        if coded.verified:
            differ.append(f"the printed {what} ({shown.raw}) is not the MRZ's ({coded.value}): the "
                          "MRZ is compared, its check digit verifies")
        else:  # printed chosen over an MRZ name read unsurely, or the MRZ's unguarded value
            fields[key] = replace(fields[key], verified=False)
            differ.append(f"the printed {what} ({shown.raw}) is not the MRZ's ({coded.value}) and no "
                          "check digit tells which was misread: the read is not trusted")
    return fields, differ


def _same(key: str, coded: PassportField, shown: PassportField) -> bool:
    if key == NATIONALITY:  # a code in the MRZ, a name printed
        known = canonical_country(coded.value), canonical_country(shown.value)
        return None in known or known[0] == known[1]
    return _plain(coded.value) == _plain(shown.value)


def _plain(value: str) -> str:
    return "".join(value.upper().split())


def _warnings(mrz: Mrz | None, differ: list[str]) -> tuple[str, ...]:
    if mrz is None:
        return ("no machine-readable zone (MRZ) was found: the printed fields were read without "
                "check digits", *differ)
    told = []
    if not mrz.second_line_read:
        told.append(UNREAD_SECOND_LINE)
    for key, _, what in CHECKS:
        if mrz.checks.get(key, False) or not mrz.second_line_read:
            continue
        if key == COMPOSITE:
            told.append("the MRZ's composite check digit does not verify: the read of its second "
                        "line is not trusted")
        else:
            told.append(f"the MRZ check digit of {what} does not verify: the read is not trusted")
    if mrz.repairs:
        told.append("the MRZ was read with OCR damage repaired: " + "; ".join(mrz.repairs))
    if not mrz.first_line_read:
        told.append("the MRZ's first line could not be read: the names were read from the print, "
                    "without the MRZ")
    elif _unsure(mrz.spans[0]):
        told.append(f"the MRZ's first line was read by OCR with a confidence of "
                    f"{mrz.spans[0].ocr_confidence:.0f} of 100 and no check digit guards the names: "
                    "they are not trusted")
    if mrz.name_cut_short:
        told.append("the name fills the MRZ's name field: it may be cut short there")
    elif mrz.first_line_read_short:
        told.append("the MRZ's first line was read only in part: the name read last may be cut "
                    "short, and is not trusted")
    return (*told, *differ)


# --- the MRZ's fields ---------------------------------------------------------------------------


def _mrz_fields(mrz: Mrz) -> dict[str, PassportField]:
    checks = mrz.checks
    # No check digit guards the names: read by OCR unsurely, they are not trusted (never a
    # contradiction); the print is then what names the holder.
    names: bool | None = False if _unsure(mrz.spans[0]) else None
    # A first line whose end OCR lost: the name read last may be cut ('…<<A' for '…<<ANI').
    cut = mrz.first_line_read_short
    given_cut = cut and bool(mrz.given_names)
    values: list[tuple[str, str | None, str, int, bool | None]] = [
        (SURNAMES, mrz.surnames, mrz.surnames, 1, False if cut and not given_cut else names),
        (GIVEN_NAMES, mrz.given_names, mrz.given_names, 1, False if given_cut else names),
        (NUMBER, mrz.number, mrz.number, 2, checks[NUMBER]),
        (NATIONALITY, mrz.nationality, mrz.nationality, 2, None),
        (BIRTH, mrz.date_of_birth, mrz.lines[1][13:19], 2, checks[BIRTH]),
        (SEX, _MRZ_SEX.get(mrz.sex), mrz.sex, 2, None),
        (EXPIRES, mrz.expiry, mrz.lines[1][21:27], 2, checks[EXPIRES]),
    ]
    return {key: PassportField(key, value, raw, "mrz", mrz.spans[line - 1], mrz.quote(line),
                               verified, line)
            for key, value, raw, line, verified in values if value}


def _unsure(span: TextSpan) -> bool:
    return span.ocr_confidence is not None and span.ocr_confidence < TRUSTED_OCR


# What a printed value can hold: a passport number letters and digits (ICAO 9303: the MRZ's
# alphabet), a name or nationality letters with spaces, hyphens and apostrophes.
_PLAUSIBLE: Final = {"number": re.compile(r"[A-Z0-9]+"),
                     "name": re.compile(r"[^\W\d_]+\.?(?:[ '’-][^\W\d_]+\.?)*")}


def _misread(field: PassportField) -> bool:
    """OCR read a value that is not of its kind: a number or a name with a mark no such value
    holds ('¥7305518' at 87 under a glare) is a misreading, not a passport that says otherwise."""
    pattern = _PLAUSIBLE.get(_kind(field.key))
    return field.span.ocr_confidence is not None and pattern is not None \
        and pattern.fullmatch(field.value) is None


# --- the printed fields -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Caption:
    index: int  # of its span
    key: str
    caption: str
    inline: str | None  # the value printed after it on its span


def _captions(spans: Sequence[TextSpan], rules: PassportRules) -> list[_Caption]:
    found = []
    for index, span in enumerate(spans):
        caption = _caption_of(" ".join(span.text.split()), rules)
        if caption is not None:
            key, text, inline = caption
            found.append(_Caption(index, key, text, inline))
    return found


def _caption_of(text: str, rules: PassportRules) -> tuple[str, str, str | None] | None:
    """(key, caption, value after it) when ``text`` is a caption, or begins with one."""
    label, colon, rest = text.partition(":")
    if colon and (key := _caption_key(label, rules)):
        return key, label.strip(), rest.strip() or None
    if key := _caption_key(text, rules):
        return key, text, None
    words = text.split()
    for cut in range(min(len(words) - 1, MAX_CAPTION_WORDS), 0, -1):
        # "Surname YUSUPOV": a caption, then a value in capitals
        value = " ".join(words[cut:])
        if _in_capitals(value) and (key := _caption_key(" ".join(words[:cut]), rules)):
            return key, " ".join(words[:cut]), value
    return None


# Parts of a caption in several languages that must name its field when another part is unread.
MIN_CAPTION_PARTS_MATCHED: Final = 2


def _caption_key(caption: str, rules: PassportRules) -> str | None:
    """The field every '/'-separated part of ``caption`` names, or None. A caption in three
    languages or more may have one part no caption matches (OCR read the Kazakh "Тегі" as "Teri",
    "Туған күні" as "Тухан кун!") when at least two of its parts name the field and none another."""
    text = rules.label_prefix.sub("", caption.strip(), count=1)
    parts = [p.strip(" .:") for p in text.split("/")]
    if not parts or not all(parts):
        return None
    keys = [next((k for k, p in rules.labels.items() if p.fullmatch(part)), None) for part in parts]
    named = {k for k in keys if k is not None}
    if len(named) != 1:
        return None
    matched = len(parts) - keys.count(None)
    return named.pop() if matched == len(parts) or matched >= MIN_CAPTION_PARTS_MATCHED else None


def _in_capitals(text: str) -> bool:
    return not any(c.islower() for c in text) and any(c.isalnum() for c in text)


def _printed(spans: Sequence[TextSpan], captions: list[_Caption], rules: PassportRules
             ) -> dict[str, PassportField]:
    caption_at = {c.index for c in captions}
    values = _values_by_order(spans, captions)
    printed: dict[str, PassportField] = {}
    for caption in captions:
        if caption.key in printed:
            continue
        found = _value_of(caption, spans, caption_at) or values.get(caption.index)
        if found is None:
            continue
        raw, span = found
        value = _NORMALISE[_kind(caption.key)](raw, rules)
        if value:
            quote = f"{caption.caption}: {raw}"
            printed[caption.key] = PassportField(caption.key, value, raw, "printed", span, quote, None)
    return printed


def _value_of(caption: _Caption, spans: Sequence[TextSpan], captions: set[int]
              ) -> tuple[str, TextSpan] | None:
    """The value after the caption's colon, or the span below it (or beside it) on a PDF page."""
    span = spans[caption.index]
    if caption.inline is not None:
        return caption.inline, span
    if span.box is None:
        return None
    found = _below(caption.index, spans) or _beside(caption.index, spans)
    if found is None or found in captions or not _is_value(spans[found].text):
        return None
    return " ".join(spans[found].text.split()), spans[found]


def _below(index: int, spans: Sequence[TextSpan]) -> int | None:
    """The nearest span under the caption that shares its columns, within reach."""
    label = spans[index].box
    assert label is not None
    reach = VALUE_REACH_LINES * max(label.bottom - label.top, 1.0)
    near = [(box.top - label.bottom, abs(box.x0 - label.x0), i) for i, s in enumerate(spans)
            if (box := s.box) is not None and s.page == spans[index].page and i != index
            and -reach / 4 <= box.top - label.bottom <= reach
            and box.x0 < label.x1 and box.x1 > label.x0]
    return min(near)[2] if near else None


def _beside(index: int, spans: Sequence[TextSpan]) -> int | None:
    """The nearest span to the right of the caption on its line."""
    label = spans[index].box
    assert label is not None
    height = max(label.bottom - label.top, 1.0)
    near = [(box.x0 - label.x1, i) for i, s in enumerate(spans)
            if (box := s.box) is not None and s.page == spans[index].page and box.x0 >= label.x1
            and min(box.bottom, label.bottom) - max(box.top, label.top) >= SAME_LINE_OVERLAP * height]
    return min(near)[1] if near else None


def _values_by_order(spans: Sequence[TextSpan], captions: list[_Caption]) -> dict[int, tuple[str, TextSpan]]:
    """Without boxes: each caption's value is the next paragraph in capitals, in the captions' order.

    "Surname, YUSUPOV, Given names, YURIY" and a row of captions before a row
    of values ("Type, Code, Passport No., P, KAZ, N12946051") both pair up: a
    caption waits for the next value. A mixed-case paragraph that is no known
    caption is taken for an unknown one (it waits for a value too).
    """
    by_index = {c.index: c for c in captions}
    waiting: deque[int | None] = deque()
    values: dict[int, tuple[str, TextSpan]] = {}
    for index, span in enumerate(spans):
        if span.box is not None:
            continue
        caption = by_index.get(index)
        if caption is not None:
            if caption.inline is None:
                waiting.append(index)
            continue
        if _is_value(span.text):
            if waiting:
                owner = waiting.popleft()
                if owner is not None:
                    values[owner] = (" ".join(span.text.split()), span)
        elif any(c.islower() for c in span.text):
            waiting.append(None)
    return values


def _is_value(text: str) -> bool:
    return _in_capitals(text) and not _MRZ_LIKE.search(text)


# --- printed values as the form writes them ---------------------------------------------------


def _kind(key: str) -> str:
    if key in _NAMES or key == NATIONALITY:
        return "name"
    if key in _DATES:
        return "date"
    return "sex" if key == SEX else "number"


def _latin(text: str) -> str:
    """The Latin half of a value printed in two alphabets ("ЮСУПОВ / YUSUPOV" → "YUSUPOV")."""
    parts = [p.strip() for p in text.split("/")]
    latin = [p for p in parts if _LATIN.search(p) and not _NOT_LATIN_LETTER.search(p)]
    return " ".join(latin) if latin else text


def _name(text: str, rules: PassportRules) -> str:
    return " ".join(_latin(text).upper().split())


# Signs OCR reads for the letter they look like, where only letters and digits can stand.
_SIGN_LOOK_ALIKES: Final = str.maketrans({"¥": "Y", "€": "E", "$": "S"})


def _number(text: str, rules: PassportRules) -> str:
    compact = "".join(text.upper().split()).translate(_SIGN_LOOK_ALIKES)
    return re.sub(r"^(?:№|N[O°º]\.?)(?=\d)", "", compact)


def _printed_date(text: str, rules: PassportRules) -> str:
    try:
        return parse_date(_FOREIGN_MONTH.sub("", text), dayfirst=True) or ""
    except ValueError:
        return ""


def _sex(text: str, rules: PassportRules) -> str:
    words = [w for w in re.split(r"[\s/]+", text.upper()) if w]
    words.sort(key=lambda w: not _LATIN.search(w))  # the Latin word decides first
    return next((rules.sex[w] for w in words if w in rules.sex), "")


_NORMALISE: Final[Mapping[str, Callable[[str, PassportRules], str]]] = {
    "name": _name, "number": _number, "date": _printed_date, "sex": _sex,
}


# --- the rule file ------------------------------------------------------------------------------


@cache
def _shipped_rules() -> PassportRules:
    return load_passport_rules_from(rules_dir() / PASSPORT_RULES_FILE)


def load_passport_rules(path: Path | None = None) -> PassportRules:
    """The shipped ``passport.yaml`` (loaded once), or the file at ``path``.

    A problem in the file is a :class:`~ds160check.errors.RuleError` naming the file and line.
    """
    return _shipped_rules() if path is None else load_passport_rules_from(path)


def load_passport_rules_from(path: Path) -> PassportRules:
    reader = RuleReader(path)  # the checks refusal.yaml gets: file, line and "did you mean"
    top = reader.mapping(reader.source.root, "the file", _TOP_KEYS)
    return PassportRules(
        title=reader.patterns(top["title"], "title"),
        min_labels=reader.positive(top["min_labels"], "min_labels"),
        mrz=_mrz_rules(reader, top["mrz"]),
        labels=_labels(reader, top["labels"]),
        label_prefix=reader.compiled(rf"^{reader.string(top['label_prefix'], 'label_prefix')}",
                                     top["label_prefix"].line, "label_prefix"),
        sex=_sex_words(reader, top["sex"]),
    )


def _mrz_rules(reader: RuleReader, node: Node) -> MrzRules:
    mrz = reader.mapping(node, "mrz", _MRZ_KEYS)
    fillers = _characters(reader, mrz["fillers"], "mrz.fillers", lambda v: set(v) == {"<"})
    letters = reader.strings(mrz["filler_letters"], "mrz.filler_letters")
    for letter in letters:
        if not re.fullmatch("[A-Z]", letter):
            raise reader.fail(mrz["filler_letters"].line,
                              f"mrz.filler_letters: {letter!r} is not one capital letter")
    return MrzRules(
        fillers=fillers,
        filler_letters=frozenset(letters),
        filler_run=reader.positive(mrz["filler_run"], "mrz.filler_run"),
        homoglyphs=_characters(reader, mrz["homoglyphs"], "mrz.homoglyphs",
                               lambda v: re.fullmatch("[A-Z]", v) is not None),
        digits=_characters(reader, mrz["digits"], "mrz.digits", str.isdigit),
        letters=_characters(reader, mrz["letters"], "mrz.letters",
                            lambda v: re.fullmatch("[A-Z]", v) is not None),
        max_repairs=reader.positive(mrz["max_repairs"], "mrz.max_repairs"),
    )


def _characters(reader: RuleReader, node: Node, what: str, allowed: Callable[[str], bool]
                ) -> dict[str, str]:
    """A mapping of one character to what it is read as."""
    if not isinstance(node.value, dict):
        raise reader.fail(node.line, f"{what} must be a mapping of character: character")
    out = {}
    for key in keys_of(node.value):
        value = node.value[key].value
        if len(str(key)) != 1 or not isinstance(value, str) or not allowed(value):
            raise reader.fail(key_line(node.value, key),
                              f"{what}: {key!r}: {value!r} is not what this mapping allows")
        out[str(key)] = value
    return out


def _labels(reader: RuleReader, node: Node) -> dict[str, re.Pattern[str]]:
    if not isinstance(node.value, dict):
        raise reader.fail(node.line, "labels must be a mapping of field key: captions")
    labels = {}
    for key in keys_of(node.value):
        if key not in FIELD_NAMES:
            raise reader.fail(key_line(node.value, key), f"labels: {key!r} is not a field a data "
                              f"page gives{suggest(key, FIELD_NAMES)}")
        sources = reader.sources(node.value[key], f"labels.{key}")
        labels[key] = reader.compiled("|".join(f"(?:{s})" for s in sources), node.value[key].line,
                                      f"labels.{key}")
    return labels


def _sex_words(reader: RuleReader, node: Node) -> dict[str, str]:
    mapping = reader.mapping(node, "sex", _SEX_VALUES)
    return {word.upper(): sex for sex in _SEX_VALUES
            for word in reader.strings(mapping[sex], f"sex.{sex}")}

