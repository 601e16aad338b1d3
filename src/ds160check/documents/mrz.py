"""A passport's machine-readable zone (ICAO Doc 9303 TD3, two lines of 44) found, repaired, verified.

    >>> zone = read_mrz(load_document("passport.pdf").spans, rules)
    >>> zone.lines[1], zone.checks["passport.number"]
    ('N129460513KAZ8609214M3002108860921300457<<52', True)

Where the zone is: a span whose characters (upper case, spaces removed, the
filler's look-alikes made fillers) begin a first line, ``P`` and four letters
or fillers, and the spans after it up to two lines' worth: a line may be split
in two spans, or both lines joined in one. Every way of cutting those
characters into the two lines is tried (at a span's end, at 44) and the cut
whose check digits verify best wins.

What is repaired, and only where ICAO 9303 Part 4 fixes what a position holds
(the look-alikes and fillers are in ``field_rules/documents/passport.yaml``):
a letter read in a digit position is its digit (``O`` → ``0`` in a date), a
digit read in a letter position its letter (``0`` → ``O`` in a name); fillers
lost or doubled at the end of a line or of the personal number; fillers read
as ``K`` where a line has no ``<`` at all. In the passport number and the
personal number, letters and digits are both allowed: a look-alike is changed
there only when that alone makes the field's check digit verify.

Check digits are verified by the ``mrz`` package (:class:`TD3CodeChecker`),
never computed here. A check that fails is reported, not repaired away.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, product
from typing import Final

from mrz.base.errors import FieldError, LengthError
from mrz.checker.td3 import TD3CodeChecker

from ds160check.documents.ingest import TextSpan
from ds160check.values import canonical_country

__all__ = ["LINE_LENGTH", "Mrz", "MrzRules", "read_mrz"]

LINE_LENGTH: Final = 44
FILLER: Final = "<"
# A first line: the document code P and a second letter or filler, then the issuing State.
_LINE1_START: Final = re.compile(r"P[A-Z0-9<][A-Z0-9<]{3}")
_MRZ_CHARS: Final = re.compile(r"[A-Z0-9<?]+")
# A character OCR read that the MRZ has not ('/' for a digit): unknown, for the check digits to tell.
UNKNOWN: Final = "?"
# A span is MRZ text with at most this many unknown characters in it, when it is a line's length.
_MAX_UNKNOWN: Final = 2
_LINE_LIKE: Final = 30
# The two lines are looked for in at most this many characters from the start of the first.
_STREAM_CHARS: Final = 2 * LINE_LENGTH - 8
# What the warnings name as damage seen in the text as read.
_LOOK_ALIKE_FILLERS: Final = "«»‹≪〈＜"
_INNER_SPACE: Final = re.compile(r"\S\s+\S")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04FF]")
# Marks OCR adds before or after a line; the run of fillers (or lower-case misreads) ending one.
_STRAY: Final = re.compile(r"^[^A-Za-z0-9<«‹≪〈＜\u0400-\u04FF]+|[^A-Za-z0-9<«»‹≪〈＜\u0400-\u04FF]+$")
# One or two marks standing apart before a long run: perhaps no part of the line.
_STRAY_LEAD: Final = re.compile(r"^\s*\S{1,2}\s+(?=\S{20})")
_LOWER_FILLER_TAIL: Final = re.compile(r"[<«»‹≪〈＜a-z\s]*[a-z<«»‹≪〈＜]$")
# A first line starts its span, or a few stray characters into it (a 'P' deeper inside, as in
# YUSUPOV, is a name, not a line's start).
_MAX_LEAD: Final = 3
# A cut between the lines is tried this far from where it belongs.
_CUT_SLACK: Final = 8
# The shortest first line taken when its fillers were lost: code, State and a name of two letters.
_MIN_LINE1: Final = 9

# What each position of the second line holds (ICAO 9303 Part 4, 4.2.2.2): A letters or
# digits or fillers, D a digit, F a digit or the filler, L a letter or filler, S the sex.
_LINE2_KINDS: Final = "A" * 9 + "D" + "L" * 3 + "D" * 6 + "D" + "S" + "D" * 6 + "D" + "A" * 14 + "F" + "D"
_SEXES: Final = "MFX<"
_DIGITS: Final = "0123456789"
_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# What an unknown character of each kind of position may be.
_ALLOWED: Final = {"A": _DIGITS + _LETTERS + FILLER, "D": _DIGITS, "F": _DIGITS + FILLER,
                   "L": _LETTERS + FILLER, "S": _SEXES}
_NUMBER, _OPTIONAL = slice(0, 9), slice(28, 42)
_NATIONALITY: Final = slice(10, 13)
_OPTIONAL_LENGTH: Final = 14
_NAME_START: Final = 5

# The check digits, by the field they guard: (the mrz checker's property, what it is called).
PERSONAL_NUMBER, COMPOSITE = "personal_number", "composite"
CHECKS: Final[tuple[tuple[str, str, str], ...]] = (
    ("passport.number", "document_number_hash", "the passport number"),
    ("personal.date_of_birth", "birth_date_hash", "the date of birth"),
    ("passport.expiration_date", "expiry_date_hash", "the date of expiry"),
    (PERSONAL_NUMBER, "optional_data_hash", "the personal number"),
    (COMPOSITE, "final_hash", "the whole second line (the composite check digit)"),
)
_CHECK_KEYS: Final = tuple(key for key, _, _ in CHECKS)
# A first line is taken without its second when this long (code, State, '<<' and a name).
_MIN_LONE_LINE1: Final = 15
# A second line read without the first is taken only when all of these verify.
_LONE_LINE_CHECKS: Final = ("passport.number", "personal.date_of_birth", "passport.expiration_date",
                             COMPOSITE)
# Fields of letters and digits, each with its own check digit: where a look-alike may be either.
_FREE_FIELDS: Final = ((_NUMBER, "document_number_hash", "the passport number"),
                       (_OPTIONAL, "optional_data_hash", "the personal number"))


@dataclass(frozen=True, slots=True)
class MrzRules:
    """The ``mrz`` part of ``passport.yaml``: what OCR makes of the zone's characters."""

    fillers: Mapping[str, str]
    filler_letters: frozenset[str]
    filler_run: int
    homoglyphs: Mapping[str, str]
    digits: Mapping[str, str]
    letters: Mapping[str, str]
    max_repairs: int


@dataclass(frozen=True, slots=True)
class Mrz:
    """The zone as verified: both lines repaired, the spans they were read from, each check's result.

    ``read`` is each line as the document gives it (the span's text);
    ``repairs`` names what OCR damage was repaired, for the document's warnings.
    """

    lines: tuple[str, str]
    read: tuple[str, str]
    spans: tuple[TextSpan, TextSpan]
    checks: Mapping[str, bool]
    repairs: tuple[str, ...]

    @property
    def failed(self) -> tuple[str, ...]:
        """What the failing check digits guard, in the order of the line."""
        return tuple(what for key, _, what in CHECKS if not self.checks.get(key, False))

    def quote(self, line: int) -> str:
        """Line 1 or 2 as verified, and as read when that differs."""
        text, read = self.lines[line - 1], self.read[line - 1]
        return text if text in "".join(read.split()) else f"{text} (read as: {read})"

    @property
    def surnames(self) -> str:
        return self._names()[0]

    @property
    def given_names(self) -> str:
        return self._names()[1]

    @property
    def first_line_read_short(self) -> bool:
        """The first line as read ended before its 44 characters on a letter, not a filler: OCR
        lost its end ('P<ARMMKRTCHYAN<<A' for '…<<ANI<<<…'), and the name read last may be cut."""
        read = "".join(self.read[0].split())
        return self.first_line_read and len(read) < LINE_LENGTH and not read.endswith(FILLER) \
            and not read.endswith(tuple(_LOOK_ALIKE_FILLERS))

    @property
    def first_line_read(self) -> bool:
        """False when only the second line was read (the names are then not the MRZ's)."""
        return bool(self.lines[0])

    @property
    def second_line_read(self) -> bool:
        """False when only the first line was read: no check digit could be verified."""
        return bool(self.lines[1])

    @property
    def name_cut_short(self) -> bool:
        """The name fills its field to the last character: it may have been cut to fit."""
        return self.first_line_read and not self.lines[0].endswith(FILLER)

    def _names(self) -> tuple[str, str]:
        name = self.lines[0][_NAME_START:].rstrip(FILLER)
        surnames, _, given = name.partition(FILLER * 2)
        return _words(surnames), _words(given)

    @property
    def number(self) -> str:
        return self.lines[1][_NUMBER].rstrip(FILLER)

    @property
    def nationality(self) -> str:
        return self.lines[1][10:13].rstrip(FILLER)

    @property
    def date_of_birth(self) -> str | None:
        return _date(self.lines[1][13:19], past=True)

    @property
    def sex(self) -> str:
        return self.lines[1][20] if self.second_line_read else ""

    @property
    def expiry(self) -> str | None:
        return _date(self.lines[1][21:27], past=False)

    @property
    def personal_number(self) -> str:
        return self.lines[1][_OPTIONAL].rstrip(FILLER)


def _words(field: str) -> str:
    return " ".join(field.replace(FILLER, " ").split())


def _date(yymmdd: str, *, past: bool) -> str | None:
    """YYMMDD as ISO: a birth date is never in the future; an expiry date is in this century."""
    try:
        day = dt.datetime.strptime(yymmdd, "%y%m%d").date()
    except ValueError:
        return None
    year = 2000 + day.year % 100
    if past and year > dt.date.today().year:
        year -= 100
    try:
        return day.replace(year=year).isoformat()
    except ValueError:  # 29 February of a year that is not a leap year in the other century
        return None


# --- finding the zone -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Stream:
    """The zone's characters from the start of its first line, and which span each piece came from."""

    text: str
    starts: tuple[int, ...]  # where each span's characters begin in ``text``
    spans: tuple[TextSpan, ...]
    raw: tuple[str, ...]  # each span's text as read

    def span_at(self, start: int, end: int) -> tuple[TextSpan, str]:
        """The span (or spans, merged) that characters ``start:end`` came from, and their text."""
        picked = [i for i, s in enumerate(self.starts)
                  if s < end and (i + 1 == len(self.starts) or self.starts[i + 1] > start)]
        spans = [self.spans[i] for i in picked]
        text = " ".join(self.raw[i] for i in picked)
        return _merged(spans, text), text


def _merged(spans: list[TextSpan], text: str) -> TextSpan:
    first = spans[0]
    box = first.box
    for span in spans[1:]:
        if box is None or span.box is None or span.page != first.page:
            box = None
            break
        box = box.union(span.box)
    return replace(first, text=text, box=box)


@dataclass(frozen=True, slots=True)
class _Found:
    mrz: Mrz
    score: tuple[int, ...]


def read_mrz(spans: Sequence[TextSpan], rules: MrzRules) -> Mrz | None:
    """The best-verifying TD3 zone among ``spans``, or None when there is none.

    A mark or two OCR read before a line, apart from it ('E B4051827331TJK…': a speck, or the
    edge of the photo beside the zone), is tried both with and without it: a line split where
    OCR saw a space ('E 5518307<3MNG…') keeps its first letter; the check digits tell which."""
    texts = [_characters(span.text, rules) for span in spans]
    trimmed = [_characters(_STRAY_LEAD.sub("", span.text, count=1), rules) for span in spans]
    best = _best_reading(spans, texts, rules)
    if trimmed != texts:
        other = _best_reading(spans, trimmed, rules)
        if other is not None and (best is None or other.score > best.score):
            best = other
    if best is None:
        return (_lone_second_line(spans, texts, rules) or _lone_second_line(spans, trimmed, rules)
                or _lone_first_line(spans, texts, rules))
    return best.mrz


def _best_reading(spans: Sequence[TextSpan], texts: list[str], rules: MrzRules) -> _Found | None:
    best: _Found | None = None
    for index, chars in enumerate(texts):
        if not _MRZ_CHARS.fullmatch(chars):
            continue
        for start in (m.start() for m in _LINE1_START.finditer(chars[:_MAX_LEAD + 5])):
            if start > _MAX_LEAD:
                continue
            stream = _stream(spans, texts, index, start)
            for found in _readings(stream, rules, at_start=start == 0):
                if best is None or found.score > best.score:
                    best = found
    return best


def _lone_second_line(spans: Sequence[TextSpan], texts: list[str], rules: MrzRules) -> Mrz | None:
    """A second line whose every check digit verifies, when the first was not read at all (in a
    photo it is the line nearest the shadow of the hand): its number, dates and sex are as sure
    as with both lines; the names come from the print. Failing that, one whose composite check
    digit verifies and all but one of the others: an MRZ line with one broken check digit, whose
    field is then not trusted (a passport page with a forged or misprinted date says so). None
    when no such line is there."""
    one_off: Mrz | None = None
    for span, chars in zip(spans, texts, strict=True):
        if not (_MRZ_CHARS.fullmatch(chars) and abs(len(chars) - LINE_LENGTH) <= 2):
            continue
        for line2, repairs in _second_lines(chars, rules):
            stand_in = _stand_in_first_line(line2)
            resolved = _unknowns_resolved(stand_in, line2)
            if resolved is None:
                continue
            line2, more = resolved
            checks = _checks(stand_in, line2)
            if checks is None:
                continue
            found = Mrz(("", line2), ("", span.text), (span, span), checks, (*repairs, *more))
            failed = [key for key in _LONE_LINE_CHECKS if not checks[key]]
            if not failed:
                return found
            if one_off is None and len(failed) == 1 and checks[COMPOSITE]:
                one_off = found
    return one_off


def _lone_first_line(spans: Sequence[TextSpan], texts: list[str], rules: MrzRules) -> Mrz | None:
    """A first line (document code, State, a name with its '<<') whose second line was not read in
    full: the page has an MRZ, none of its check digits could be verified."""
    for span, chars in zip(spans, texts, strict=True):
        if not (_MRZ_CHARS.fullmatch(chars) and chars.startswith("P") and len(chars) >= _MIN_LONE_LINE1
                and FILLER * 2 in chars[_NAME_START:]):
            continue
        line1 = _first_line(chars, rules)
        if line1 is not None:
            return Mrz((line1[0], ""), (span.text, ""), (span, span), dict.fromkeys(_CHECK_KEYS, False),
                       tuple(line1[1]))
    return None


def _stand_in_first_line(line2: str) -> str:
    """A first line for the checker, which wants two: the second line's check digits do not read it."""
    return ("P<" + line2[10:13] + FILLER * LINE_LENGTH)[:LINE_LENGTH]


def _characters(text: str, rules: MrzRules) -> str:
    """A span's text as MRZ characters: upper case, Latin, look-alike fillers made fillers, no spaces.

    Stray marks at either end ("|", ".") are dropped; lower-case letters in the run of fillers
    that ends a line are fillers OCR misread ("<<<<ccece<cc": the MRZ has no lower case).
    """
    text = _STRAY.sub("", text)
    tail = _LOWER_FILLER_TAIL.search(text)
    if tail is not None and any(c in rules.fillers or c == FILLER for c in tail[0]):
        text = text[:tail.start()] + re.sub(r"[a-z]", FILLER, tail[0])
    chars = "".join("".join(rules.fillers.get(c, rules.homoglyphs.get(c, c)) for c in text.upper()).split())
    return _unknowns_marked(chars)


def _unknowns_marked(chars: str) -> str:
    """A line's worth of MRZ characters with one or two others among them: those made unknown."""
    if len(chars) < _LINE_LIKE or _MRZ_CHARS.fullmatch(chars):
        return chars
    marked = re.sub(r"[^A-Z0-9<]", UNKNOWN, chars)
    return marked if marked.count(UNKNOWN) <= _MAX_UNKNOWN else chars


def _stream(spans: Sequence[TextSpan], texts: list[str], index: int, start: int) -> _Stream:
    text, starts, picked, raw = texts[index][start:], [0], [spans[index]], [spans[index].text]
    for following in range(index + 1, len(texts)):
        if len(text) >= _STREAM_CHARS or not _MRZ_CHARS.fullmatch(texts[following]):
            break
        starts.append(len(text))
        text += texts[following]
        picked.append(spans[following])
        raw.append(spans[following].text)
    return _Stream(text, tuple(starts), tuple(picked), tuple(raw))


def _readings(stream: _Stream, rules: MrzRules, *, at_start: bool) -> Iterator[_Found]:
    """Every reading of the stream as two lines; ``at_start``: the first line begins its span (a 'P'
    inside a line, as in YUSUPOV, is a worse start, whatever its second line verifies)."""
    cuts = {LINE_LENGTH, *stream.starts[1:]}
    for cut in sorted(c for c in cuts if abs(c - LINE_LENGTH) <= _CUT_SLACK or _short_line1(stream, c)):
        line1 = _first_line(stream.text[:cut], rules)
        if line1 is None:
            continue
        for line2, repairs in _second_lines(stream.text[cut:], rules):
            found = _verified(stream, cut, line1, line2, repairs, rules, at_start)
            if found is not None:
                yield found


def _short_line1(stream: _Stream, cut: int) -> bool:
    """A first line read short (its run of fillers lost) that ends its span: the cut after it is
    tried whatever its length, when it holds a filler as a line 1 does ("P<KAZYUSUPOV<<YURIY"; a
    word such as PASSPORT before the second line is not a first line)."""
    return cut in stream.starts and cut >= _MIN_LINE1 and FILLER in stream.text[:cut]


def _verified(stream: _Stream, cut: int, line1: tuple[str, list[str]], line2: str,
              repairs: list[str], rules: MrzRules, at_start: bool) -> _Found | None:
    first, first_repairs = line1
    resolved = _unknowns_resolved(first, line2)
    if resolved is None:
        return None
    line2, unknown_repairs = resolved
    repairs = repairs + unknown_repairs
    line2, free_repairs = _repair_free_fields(first, line2, rules)
    checks = _checks(first, line2)
    if checks is None:
        return None
    span1, read1 = stream.span_at(0, min(cut, len(stream.text)))
    span2, read2 = stream.span_at(cut, cut + LINE_LENGTH)
    all_repairs = _described_repairs(stream, first_repairs + repairs + free_repairs)
    mrz = Mrz((first, line2), (read1, read2), (span1, span2), checks, all_repairs)
    at_span_end = cut in stream.starts
    score = (sum(checks.values()), int(at_start), -len(all_repairs), int(at_span_end),
             -abs(cut - LINE_LENGTH))
    return _Found(mrz, score)


def _described_repairs(stream: _Stream, repairs: list[str]) -> tuple[str, ...]:
    told = list(repairs)
    if any(c in read for read in stream.raw for c in _LOOK_ALIKE_FILLERS):
        told.insert(0, "look-alikes of the filler '<' read as fillers")
    if any(_INNER_SPACE.search(read.strip()) for read in stream.raw):
        told.insert(0, "spaces inside the lines removed")
    if any((tail := _LOWER_FILLER_TAIL.search(read)) and re.search("[a-z]", tail[0])
           for read in stream.raw):
        told.insert(0, "lower-case letters read for fillers")
    if any(_CYRILLIC.search(read) for read in stream.raw):
        told.insert(0, "Cyrillic look-alikes read as Latin letters")
    return tuple(dict.fromkeys(told))


# --- the first line -----------------------------------------------------------------------------


def _first_line(chars: str, rules: MrzRules) -> tuple[str, list[str]] | None:
    """Line 1 as 44 characters, its letter positions repaired, or None when it cannot be one."""
    repairs: list[str] = []
    if FILLER not in chars and rules.filler_letters:
        chars, changed = _letters_as_fillers(chars, rules)
        if changed:
            repairs.append(f"fillers read as {'/'.join(sorted(rules.filler_letters))} in line 1")
    fitted = _fitted(chars)
    if fitted is None:
        return None
    if fitted != chars:
        repairs.append("fillers missing or doubled at the end of line 1")
    line = fitted[:1] + _as_letters(fitted[1:], rules, repairs, "line 1")
    if not re.fullmatch(r"P[A-Z<][A-Z<]{42}", line):
        return None
    return line, repairs


def _letters_as_fillers(chars: str, rules: MrzRules) -> tuple[str, bool]:
    """Where '<' was read as K: the document code's second letter, the run at the end, the name's '<<'."""
    letters = "".join(sorted(rules.filler_letters))
    head, name = chars[:_NAME_START], chars[_NAME_START:]
    if len(head) > 1 and head[1] in rules.filler_letters:
        head = head[0] + FILLER + head[2:]
    run = re.search(f"[{letters}]{{{rules.filler_run},}}$", name)
    if run is not None:
        name = name[:run.start()] + FILLER * len(run[0])
    pair = re.search(f"[{letters}]{{2}}", name)
    if pair is not None and pair.start() > 0:
        name = name[:pair.start()] + FILLER * 2 + name[pair.end():]
    fixed = head + name
    return fixed, fixed != chars


def _fitted(chars: str) -> str | None:
    """44 characters: fillers added at the end, or extra ones at the end taken away."""
    if len(chars) <= LINE_LENGTH:
        return chars.ljust(LINE_LENGTH, FILLER)
    kept = chars.rstrip(FILLER)
    return kept.ljust(LINE_LENGTH, FILLER) if len(kept) <= LINE_LENGTH else None


def _as_letters(text: str, rules: MrzRules, repairs: list[str], where: str) -> str:
    out = []
    for char in text:
        letter = rules.letters.get(char, char)
        if letter != char:
            repairs.append(f"'{char}' read for '{letter}' in {where}")
        out.append(letter)
    return "".join(out)


# --- the second line ----------------------------------------------------------------------------


def _second_lines(chars: str, rules: MrzRules) -> Iterator[tuple[str, list[str]]]:
    """Line 2 as 44 characters, each way its length can be mended, its fixed positions repaired."""
    seen: set[str] = set()
    for candidate, repairs in _lengths(chars):
        fixed, more = _fixed_positions(candidate, rules)
        if fixed is None or fixed in seen:
            continue
        seen.add(fixed)
        yield fixed, repairs + more
    if len(chars) == LINE_LENGTH + 1:
        dropped = _one_too_many(chars, rules)
        if dropped is not None and dropped[0] not in seen:
            yield dropped


def _one_too_many(chars: str, rules: MrzRules) -> tuple[str, list[str]] | None:
    """A line 2 read one character too long (a photographed '<<08' read '<<098'), as the one
    line without one of its characters whose every check digit verifies; None when no removal
    does, or removals giving two different lines do. The check digits cover all of line 2 but
    the nationality and sex, so a wrong removal is all but sure to break one of them."""
    found: dict[str, tuple[int, list[str]]] = {}
    for position in range(len(chars)):
        if chars[position] == UNKNOWN:
            continue
        line, more = _fixed_positions(chars[:position] + chars[position + 1:], rules)
        if line is None or UNKNOWN in line or line in found:
            continue
        checks = _checks(_stand_in_first_line(line), line)
        if checks is not None and all(checks.values()):
            found[line] = (position, more)
    if len(found) > 1:
        # No check digit covers the nationality: a removal before it shifts a digit into it
        # ('B4051827331TJK…' without its 4th '1' verifies with nationality '1JK' too). A code
        # no country has is no nationality.
        found = {line: at for line, at in found.items()
                 if canonical_country(line[_NATIONALITY]) or FILLER in line[_NATIONALITY]}
    if len(found) != 1:
        return None
    (line, (position, more)), = found.items()
    return line, [f"one character too many in line 2: '{chars[position]}' at position "
                  f"{position + 1} dropped, the only one whose removal makes every check digit "
                  "verify", *more]


def _lengths(chars: str) -> Iterator[tuple[str, list[str]]]:
    if len(chars) == LINE_LENGTH:
        yield chars, []
        return
    if len(chars) > LINE_LENGTH:
        yield chars[:LINE_LENGTH], []  # what follows the line is not part of it
    if len(chars) >= _OPTIONAL.start + 2:
        head, middle, tail = chars[:_OPTIONAL.start], chars[_OPTIONAL.start:-2], chars[-2:]
        kept = middle.rstrip(FILLER)
        if len(kept) <= _OPTIONAL_LENGTH:
            yield (head + kept.ljust(_OPTIONAL_LENGTH, FILLER) + tail,
                   ["fillers missing or doubled in the personal number of line 2"])


def _fixed_positions(line: str, rules: MrzRules) -> tuple[str | None, list[str]]:
    """Digits where a digit must stand, letters where a letter must: None when a position is impossible."""
    repairs: list[str] = []
    out = []
    for position, (char, kind) in enumerate(zip(line, _LINE2_KINDS, strict=True)):
        fixed = _fixed(char, kind, rules)
        if fixed is None:
            return None, repairs
        if fixed != char:
            repairs.append(f"'{char}' read for '{fixed}' at position {position + 1} of line 2")
        out.append(fixed)
    return "".join(out), repairs


def _fixed(char: str, kind: str, rules: MrzRules) -> str | None:
    if char == UNKNOWN:
        return char  # for the check digits to tell (_unknowns_resolved)
    if kind == "A":
        return char
    if kind in "DF":
        if kind == "F" and (char == FILLER or char in rules.filler_letters):
            return FILLER
        digit = rules.digits.get(char, char)
        return digit if digit.isdigit() else None
    if kind == "L":
        letter = rules.letters.get(char, char)
        return letter if letter.isalpha() or letter == FILLER else None
    if char in rules.filler_letters:
        return FILLER
    return char if char in _SEXES else None


def _repair_free_fields(line1: str, line2: str, rules: MrzRules) -> tuple[str, list[str]]:
    """The passport and personal numbers: a look-alike changed only when that alone makes its check verify."""
    repairs: list[str] = []
    for where, prop, what in _FREE_FIELDS:
        checker = _checker(line1, line2)
        if checker is None:
            continue
        if getattr(checker, prop):
            repaired = _fillers_at_end(line1, line2, where, prop, rules)
        else:
            repaired = _only_repair(line1, line2, where, prop, rules)
        if repaired is not None:
            changed = [f"'{a}' read for '{b}'" for a, b in zip(line2[where], repaired[where], strict=True)
                       if a != b]
            repairs.append(f"{', '.join(changed)} in {what}")
            line2 = repaired
    return line2, repairs


def _fillers_at_end(line1: str, line2: str, where: slice, prop: str, rules: MrzRules) -> str | None:
    """On a line with no '<' at all, the filler letters ending a field that verifies are fillers too,
    when it still verifies with them ("…0457KK" weighs what "…0457<<" does in the check digit)."""
    if FILLER in line2:
        return None
    field = line2[where]
    kept = field.rstrip("".join(rules.filler_letters))
    if kept == field:
        return None
    candidate = line2[:where.start] + kept.ljust(len(field), FILLER) + line2[where.stop:]
    checker = _checker(line1, candidate)
    return candidate if checker is not None and getattr(checker, prop) else None


def _only_repair(line1: str, line2: str, where: slice, prop: str, rules: MrzRules) -> str | None:
    """The one way of changing fewest look-alikes in ``line2[where]`` that verifies, or None."""
    field = line2[where]
    changes = _look_alike_changes(field, rules)
    if not changes or len(changes) > rules.max_repairs:
        return None
    for count in range(1, len(changes) + 1):
        verifying = []
        for chosen in combinations(changes, count):
            chars = list(field)
            for position, char in chosen:
                chars[position] = char
            candidate = line2[:where.start] + "".join(chars) + line2[where.stop:]
            checker = _checker(line1, candidate)
            if checker is not None and getattr(checker, prop):
                verifying.append(candidate)
        if verifying:
            return verifying[0] if len(verifying) == 1 else None  # two answers: none is sure
    return None


def _look_alike_changes(field: str, rules: MrzRules) -> list[tuple[int, str]]:
    """A letter that may be a digit; a filler letter in the run at the field's end that may be '<'."""
    changes = [(i, rules.digits[c]) for i, c in enumerate(field) if c in rules.digits]
    tail = len(field) - len(field.rstrip("".join(rules.filler_letters) + FILLER))
    changes += [(i, FILLER) for i in range(len(field) - tail, len(field))
                if field[i] in rules.filler_letters]
    return changes


def _unknowns_resolved(line1: str, line2: str) -> tuple[str, list[str]] | None:
    """Line 2 with each unknown character the one its position allows that makes the check digits
    verify best, when exactly one choice does; None when no check tells (a letter of the
    nationality, the sex) or two choices verify as well."""
    where = [i for i, c in enumerate(line2) if c == UNKNOWN]
    if not where:
        return line2, []
    scored: dict[int, list[str]] = {}
    for chosen in product(*(_ALLOWED[_LINE2_KINDS[i]] for i in where)):
        chars = list(line2)
        for position, char in zip(where, chosen, strict=True):
            chars[position] = char
        candidate = "".join(chars)
        checks = _checks(line1, candidate)
        if checks is not None:
            scored.setdefault(sum(checks.values()), []).append(candidate)
    if not scored:
        return None
    best = scored[max(scored)]
    if len(best) != 1:
        return None
    told = [f"an unreadable character at position {i + 1} of line 2 taken as '{best[0][i]}', the "
            "one its check digits verify" for i in where]
    return best[0], told


def _checker(line1: str, line2: str) -> TD3CodeChecker | None:
    try:
        return TD3CodeChecker(f"{line1}\n{line2}")
    except (LengthError, FieldError, ValueError, IndexError):
        return None


def _checks(line1: str, line2: str) -> dict[str, bool] | None:
    checker = _checker(line1, line2)
    if checker is None:
        return None
    return {key: bool(getattr(checker, prop)) for key, prop, _ in CHECKS}
