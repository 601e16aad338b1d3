"""Is this supporting document a visa refusal letter, and what does it say?

    >>> refusal = read_refusal(load_document("letter.pdf"))
    >>> refusal.type, refusal.subtype, refusal.date, refusal.post
    ('221g', 'documents', '2025-03-12', 'ASTANA')

What counts as a refusal and how each fact is found is declared in
``field_rules/documents/refusal.yaml``; this module only matches. Patterns run
on the document's text with whitespace collapsed, so a sentence wrapped over
two lines of a PDF, or cut between runs of a DOCX paragraph, still matches;
the span where the refusal sentence starts is the evidence.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

from ds160check.documents.ingest import TextDocument, TextSpan
from ds160check.errors import RuleError
from ds160check.regex_cache import compile_cached
from ds160check.rules.load import suggest
from ds160check.rules.source import Node, key_line, keys_of, load_source
from ds160check.rules_path import rules_dir
from ds160check.values import parse_date

__all__ = [
    "REFUSAL_RULES_FILE",
    "REFUSAL_SUBTYPES",
    "REFUSAL_TYPES",
    "Refusal",
    "RefusalRules",
    "RefusalSubtype",
    "RefusalType",
    "RuleReader",
    "administrative_processing_sentence",
    "load_refusal_rules",
    "read_confirmation_hint",
    "read_refusal",
    "read_refusal_signals",
    "refusal_signals",
]

RefusalType = Literal["214b", "221g", "212a", "unknown"]
RefusalSubtype = Literal["documents", "administrative_processing"]
REFUSAL_TYPES: Final[tuple[RefusalType, ...]] = ("214b", "221g", "212a", "unknown")
# The statutes a letter may cite (``unknown`` is a refusal that cites none).
STATUTE_TYPES: Final[tuple[RefusalType, ...]] = ("214b", "221g", "212a")
REFUSAL_SUBTYPES: Final[tuple[RefusalSubtype, ...]] = ("documents", "administrative_processing")

REFUSAL_RULES_FILE: Final = Path("documents") / "refusal.yaml"

# How far before a date its label (or a reason to skip it) may start.
DATE_CONTEXT_CHARS: Final = 40
# A full date, as values.parse_date returns it: YYYY-MM-DD.
_FULL_DATE_LENGTH: Final = 10
# Longer "names" are sentences that happen to follow a label.
MAX_NAME_WORDS: Final = 6

_TERM: Final = re.compile(r"\{([A-Za-z_]\w*)\}")
_LABEL_END: Final = r"[ :#.–—-]*$"
_NAME: Final = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]*)*(?:,? [^\W\d_]+(?:['’.-][^\W\d_]*)*)*")
# A name ends where other particulars start on the same line.
_NAME_END: Final = re.compile(r"[(;|/\t]")
# After a mission's name: an optional "in"/"at"/comma, then capitalised words.
_CITY_WORDS: Final = re.compile(
    r"(?:,? (?:in|at) |, | [-–] | )?(?P<city>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})"
)
_CITY_SEPARATORS: Final = re.compile(r"[ -]+")

_Key = TypeVar("_Key", bound=str)

_TOP_KEYS: Final = (
    "terms", "not_a_letter", "statutes", "signals", "weights", "min_score", "subtypes", "date",
    "post", "applicant", "case_number", "application_id",
)
_SIGNAL_KEYS: Final = ("decision", "hold", "not_refused", "hypothetical", "third_person",
                       "lead_in", "bullet", "addressed", "issuer", "addressee", "unmarked_box",
                       "marked_box")
# Signal keys that are one pattern, not a list.
_ONE_PATTERN: Final = ("bullet", "unmarked_box", "marked_box")
_WEIGHT_KEYS: Final = ("decision", "statute", "issuer", "addressee", "addressed")
_DATE_KEYS: Final = ("formats", "labels", "skip_after", "dayfirst")
_POST_KEYS: Final = ("markers", "window", "cities", "aliases", "not_city")
_APPLICANT_KEYS: Final = ("labels", "separator", "salutation", "not_names")
_CASE_KEYS: Final = ("labels", "separator", "value")


@dataclass(frozen=True, slots=True)
class Refusal:
    """What a refusal letter says; ``evidence`` is the span where the deciding sentence starts.

    ``type`` is ``214b``, ``221g``, ``212a`` (``subsections`` lists what was cited,
    ``212(a)(6)(C)(i)``) or ``unknown`` (a refusal that cites no section).
    ``quote`` is the sentence that decided the type; ``signals`` say what made
    it a refusal. ``date`` is ISO (``2025-03-12``); ``post`` the mission's city
    in capitals (``NEW DELHI``); ``applicant`` and ``case_number`` as printed.
    ``requested`` are the marked items of a check-box form; ``says_not_refused``
    is true for a 221(g) slip saying "your application has not been refused".
    """

    type: RefusalType
    subtype: RefusalSubtype | None
    date: str | None
    post: str | None
    applicant: str | None
    case_number: str | None
    evidence: TextSpan
    quote: str = ""
    subsections: tuple[str, ...] = ()
    requested: tuple[str, ...] = ()
    says_not_refused: bool = False
    signals: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A plain JSON-ready dict (the evidence box as ``[x0, top, x1, bottom]``)."""
        span = self.evidence
        return {
            "type": self.type,
            "subtype": self.subtype,
            "date": self.date,
            "post": self.post,
            "applicant": self.applicant,
            "case_number": self.case_number,
            "quote": self.quote,
            "subsections": list(self.subsections),
            "requested": list(self.requested),
            "says_not_refused": self.says_not_refused,
            "signals": list(self.signals),
            "evidence": {
                "text": span.text,
                "page": span.page,
                "paragraph": span.paragraph,
                "part": span.part,
                "box": span.box.as_list() if span.box is not None else None,
            },
        }


@dataclass(frozen=True, slots=True)
class LabelledField:
    """A value printed after a label: ``line`` matches a whole span, ``inline`` finds one inside."""

    line: re.Pattern[str]
    inline: re.Pattern[str]
    value: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class RefusalRules:
    """``refusal.yaml``, compiled. See the file for what each part means."""

    not_a_letter: tuple[re.Pattern[str], ...]
    statutes: tuple[tuple[RefusalType, re.Pattern[str]], ...]  # grounds after the numbers
    statute_priority: tuple[RefusalType, ...]
    decision: tuple[re.Pattern[str], ...]
    hold: tuple[re.Pattern[str], ...]
    not_refused: tuple[re.Pattern[str], ...]
    hypothetical: tuple[re.Pattern[str], ...]
    third_person: tuple[re.Pattern[str], ...]
    lead_in: tuple[re.Pattern[str], ...]
    bullet: re.Pattern[str]
    addressed: tuple[re.Pattern[str], ...]
    issuer: tuple[re.Pattern[str], ...]
    addressee: tuple[re.Pattern[str], ...]
    unmarked_box: re.Pattern[str]
    marked_box: re.Pattern[str]
    weights: Mapping[str, int]
    min_score: int
    subtypes: tuple[tuple[RefusalSubtype, tuple[re.Pattern[str], ...]], ...]
    date_formats: tuple[re.Pattern[str], ...]
    date_label: re.Pattern[str]
    date_skip: re.Pattern[str]
    dayfirst: bool
    post_marker: re.Pattern[str]
    post_window: int
    post_city: re.Pattern[str]
    post_names: Mapping[str, str]
    not_city: frozenset[str]
    applicant: LabelledField
    other_label: re.Pattern[str]
    salutation: re.Pattern[str]
    not_names: frozenset[str]
    case_number: LabelledField
    application_id: re.Pattern[str]


# --- reading a document -------------------------------------------------------


def read_refusal(doc: TextDocument, rules: RefusalRules | None = None) -> Refusal | None:
    """The refusal a letter states, or None when ``doc`` is not a refusal letter."""
    return read_refusal_signals(doc, rules)[0]


def refusal_signals(doc: TextDocument, rules: RefusalRules | None = None) -> tuple[str, ...]:
    """The refusal signals found in ``doc`` even when too few to decide: why it may be one."""
    return read_refusal_signals(doc, rules)[1]


def read_refusal_signals(doc: TextDocument, rules: RefusalRules | None = None
                         ) -> tuple[Refusal | None, tuple[str, ...]]:
    """The refusal ``doc`` states (or None), and the refusal signals it shows either way."""
    rules = rules or load_refusal_rules()
    text = _FlatText(doc.spans)
    reading = _Reading(text, rules)
    signals = _signals_seen(reading)
    if any(p.search(text.text) for p in rules.not_a_letter):
        return None, signals
    decided = reading.decide()
    if decided is None:
        return None, signals
    kind, sentence, decisive = decided
    return Refusal(
        type=kind,
        subtype=reading.subtype() if kind == "221g" else None,
        date=_letter_date(text.text, rules),
        post=_post(text, rules),
        applicant=_applicant(text.spans, rules),
        case_number=_case_number(text.spans, rules),
        evidence=text.span_at(sentence.start),
        quote=sentence.text,
        subsections=reading.subsections() if kind == "212a" else (),
        requested=reading.requested(),
        says_not_refused=reading.says_not_refused(),
        signals=decisive,
    ), signals


def _signals_seen(reading: _Reading) -> tuple[str, ...]:
    found = []
    if reading.statutes():
        found.append("statute " + ", ".join(sorted({s.kind for s in reading.statutes()})))
    if reading.counted():
        found.append("refusal wording")
    if reading.issuer:
        found.append(f"issuer '{reading.issuer}'")
    return tuple(found)


def read_confirmation_hint(doc: TextDocument, rules: RefusalRules | None = None) -> str | None:
    """The first DS-160 Application ID (``AA00`` + 6 letters/digits) in ``doc``, upper case."""
    rules = rules or load_refusal_rules()
    match = rules.application_id.search(_FlatText(doc.spans).text)
    return match[0].upper() if match else None


class _FlatText:
    """The spans' texts, whitespace collapsed, joined by one space; offsets lead back to spans."""

    def __init__(self, spans: list[TextSpan]) -> None:
        self.spans: list[tuple[TextSpan, str]] = []
        self._starts: list[int] = []
        position = 0
        for span in spans:
            flat = " ".join(span.text.split())
            if flat:
                self.spans.append((span, flat))
                self._starts.append(position)
                position += len(flat) + 1
        self.text = " ".join(flat for _, flat in self.spans)

    @property
    def starts(self) -> list[int]:
        return self._starts

    def span_at(self, offset: int) -> TextSpan:
        return self.spans[bisect_right(self._starts, offset) - 1][0]

    def span_end(self, offset: int) -> int:
        """Where the span holding ``offset`` ends in ``text``."""
        index = bisect_right(self._starts, offset) - 1
        return self._starts[index] + len(self.spans[index][1])


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    text: str
    box: Literal["marked", "unmarked"] | None = None
    # An item of a list whose lead-in gives examples ("reasons may include:").
    example: bool = False

    def before(self, offset: int) -> str:
        """The sentence's text before the absolute ``offset``."""
        return self.text[: max(0, offset - self.start)]


@dataclass(frozen=True, slots=True)
class _Statute:
    kind: RefusalType
    sentence: _Sentence
    subsection: str | None


# A sentence ends at a stop, colon, semicolon, "!" or "?" before a space, except
# the stop of a capital's abbreviation (U.S., D.C.) or of a title (Mr.).
_SENTENCE_END: Final = re.compile(
    r"(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|No|St))(?<!\bSec)[.!?:;](?= )|\?")
# A line this short that does not end a sentence still ends one (a heading,
# a letterhead line) when the next line starts with a capital.
SHORT_LINE_CHARS: Final = 60


def _sentences(text: _FlatText, rules: RefusalRules) -> list[_Sentence]:
    """The flat text cut into sentences, each list item (bullet, check box) one of its own."""
    cuts = {0, len(text.text)}
    flats = [flat for _, flat in text.spans]
    for index, (flat, start) in enumerate(zip(flats, text.starts, strict=True)):
        following = flats[index + 1] if index + 1 < len(flats) else ""
        if _is_item(flat, rules):
            cuts.add(start)  # an item's wrapped lines stay one sentence
        if (_ends_sentence(flat) or _is_item(following, rules)
                or (len(flat) < SHORT_LINE_CHARS and following[:1].isupper())):
            cuts.add(start + len(flat))
    cuts.update(m.end() for m in _SENTENCE_END.finditer(text.text))
    ordered = sorted(cuts)
    out: list[_Sentence] = []
    lead_in = ""  # the sentence ending in a colon that the list items follow
    for begin, end in zip(ordered, ordered[1:], strict=False):
        piece = text.text[begin:end]
        stripped = piece.strip()
        if not stripped:
            continue
        at = begin + len(piece) - len(piece.lstrip())
        item = _is_item(stripped, rules)
        if not item:
            lead_in = stripped if stripped.endswith(":") else ""
        example = item and any(p.search(lead_in) for p in rules.lead_in)
        out.append(_Sentence(at, stripped, _box_of(stripped, rules), example))
    return out


# A stop that ends an abbreviation, not a sentence: "U.S.", "Mr.", "Sec.".
_ABBREVIATION_END: Final = re.compile(r"(?:\b[A-Z]|\bMrs|\b(?:Mr|Ms|Dr|No|St)|\bSec)\.$")


def _ends_sentence(line: str) -> bool:
    return line[-1] in "!?:;" or (line[-1] == "." and not _ABBREVIATION_END.search(line))


def _is_item(flat: str, rules: RefusalRules) -> bool:
    return bool(flat) and (_box_of(flat, rules) is not None or rules.bullet.match(flat) is not None)


def _quoted(text: str) -> list[tuple[int, int]]:
    """Where ``text`` is inside quotation marks: reported words, not the document's own."""
    spans, opened = [], None
    for index, char in enumerate(text):
        if char in "“«„" and opened is None:
            opened = index
        elif char in "”»" and opened is not None:
            spans.append((opened, index))
            opened = None
        elif char == '"':
            if opened is None:
                opened = index
            else:
                spans.append((opened, index))
                opened = None
    return spans


def _box_of(flat: str, rules: RefusalRules) -> Literal["marked", "unmarked"] | None:
    if rules.unmarked_box.match(flat):
        return "unmarked"
    if rules.marked_box.match(flat):
        return "marked"
    return None


class _Reading:
    """The signals of one document, sentence by sentence."""

    def __init__(self, text: _FlatText, rules: RefusalRules) -> None:
        self.rules = rules
        self.text = text
        self.sentences = _sentences(text, rules)
        self.issuer = _first_match_text(text.text, rules.issuer)
        self.quoted = _quoted(text.text)
        self.addressee = any(p.search(flat) for _, flat in text.spans for p in rules.addressee)
        # counted() and statutes(), made on first use and kept with this reading (a functools
        # cache on the methods would keep every reading of the process alive: all of a batch
        # worker's documents, their texts and sentences, growing with every case).
        self._counted: tuple[tuple[_Sentence, str], ...] | None = None
        self._statutes: tuple[_Statute, ...] | None = None

    # -- sentences

    def _plain(self, sentence: _Sentence, offset: int) -> bool:
        """Not hypothetical before ``offset``, not about someone else, not an unmarked box."""
        if sentence.box == "unmarked" or sentence.example or sentence.text.rstrip().endswith("?"):
            return False
        if any(start < offset < end for start, end in self.quoted):
            return False
        before = sentence.before(offset)
        if any(p.search(before) for p in self.rules.hypothetical):
            return False
        return not any(p.search(sentence.text) for p in self.rules.third_person)

    def _signal(self, sentence: _Sentence, patterns: tuple[re.Pattern[str], ...]) -> bool:
        for pattern in patterns:
            for match in pattern.finditer(sentence.text):
                if self._plain(sentence, sentence.start + match.start()):
                    return True
        return False

    def counted(self) -> tuple[tuple[_Sentence, str], ...]:
        """The sentences whose decision or hold counts, each with ``decision``/``hold``."""
        if self._counted is None:
            self._counted = self._count()
        return self._counted

    def _count(self) -> tuple[tuple[_Sentence, str], ...]:
        out = []
        for sentence in self.sentences:
            not_refused = self._signal(sentence, self.rules.not_refused)
            if not not_refused and self._signal(sentence, self.rules.decision):
                what = "decision"
            elif not_refused or self._signal(sentence, self.rules.hold):
                what = "hold"
            else:
                continue
            speaks = any(p.search(sentence.text) for p in self.rules.addressed[:1])
            addressed = any(p.search(sentence.text) for p in self.rules.addressed)
            if sentence.text.endswith(":") and not speaks:
                continue  # a heading of an information page: "Refused under Section 214(b):"
            if addressed or self._statutes_in(sentence):
                out.append((sentence, what))
        return tuple(out)

    def statutes(self) -> tuple[_Statute, ...]:
        if self._statutes is None:
            self._statutes = tuple(s for sentence in self.sentences for s in self._statutes_in(sentence))
        return self._statutes

    def _statutes_in(self, sentence: _Sentence) -> list[_Statute]:
        found = []
        for kind, pattern in self.rules.statutes:
            for match in pattern.finditer(sentence.text):
                if sentence.box == "unmarked" or not self._plain(sentence, sentence.start + match.start()):
                    continue
                sub = _subsection(match) if kind == "212a" else None
                found.append(_Statute(kind, sentence, sub))
        return found

    def says_not_refused(self) -> bool:
        return any(self._signal(s, self.rules.not_refused) for s in self.sentences)

    # -- the decision

    def decide(self) -> tuple[RefusalType, _Sentence, tuple[str, ...]] | None:
        counted = self.counted()
        if not counted:
            return None
        statutes = self.statutes()
        weights = self.rules.weights
        addressed = any(any(p.search(s.text) for p in self.rules.addressed) for s, _ in counted)
        parts = [("decision" if any(w == "decision" for _, w in counted) else "hold", weights["decision"]),
                 ("statute", weights["statute"] if statutes else 0),
                 ("issuer", weights["issuer"] if self.issuer else 0),
                 ("addressee", weights["addressee"] if self.addressee else 0),
                 ("addressed", weights["addressed"] if addressed else 0)]
        if sum(w for _, w in parts) < self.rules.min_score:
            return None
        kind, sentence = self._type(counted, statutes)
        signals = tuple(self._describe(name, statutes) for name, w in parts if w)
        return kind, sentence, signals

    def _type(self, counted: tuple[tuple[_Sentence, str], ...], statutes: tuple[_Statute, ...]
              ) -> tuple[RefusalType, _Sentence]:
        priority = self.rules.statute_priority
        holds_only = all(what == "hold" for _, what in counted)
        # A hold cites 221(g); a 214(b) beside it ("this is not a 214(b) denial") is no decision.
        usable = [s for s in statutes if not holds_only or s.kind == "221g"]
        deciding = {id(s): w for s, w in counted}
        inside = [s for s in usable if id(s.sentence) in deciding]
        for pool in (inside, usable):
            if pool:
                best = min(pool, key=lambda s: (priority.index(s.kind), s.sentence.start))
                sentence = best.sentence if best in inside else self._nearest(counted, best)
                return best.kind, sentence
        first = counted[0][0]
        return ("221g", first) if holds_only else ("unknown", first)

    def _nearest(self, counted: tuple[tuple[_Sentence, str], ...], statute: _Statute) -> _Sentence:
        return min((s for s, _ in counted), key=lambda s: abs(s.start - statute.sentence.start))

    def _describe(self, name: str, statutes: tuple[_Statute, ...]) -> str:
        if name == "statute":
            return "statute " + ", ".join(dict.fromkeys(_STATUTE_NAMES[s.kind] for s in statutes))
        if name == "issuer":
            return f"issuer '{self.issuer}'"
        return {"decision": "refusal wording", "hold": "221(g) hold wording",
                "addressee": "addressed to the applicant", "addressed": "speaks to the applicant"
                }[name]

    # -- details

    def subtype(self) -> RefusalSubtype | None:
        """The first subtype (in the rule file's order) whose wording the letter says, not supposes."""
        return next((kind for kind, patterns in self.rules.subtypes if self.saying(patterns)), None)

    def saying(self, patterns: tuple[re.Pattern[str], ...]) -> _Sentence | None:
        """The first sentence that says (not supposes, reports or leaves unmarked) one of ``patterns``."""
        for sentence in self.sentences:
            if sentence.box == "unmarked":
                continue
            for pattern in patterns:
                match = pattern.search(sentence.text)
                if match and self._plain(sentence, sentence.start + match.start()):
                    return sentence
        return None

    def subsections(self) -> tuple[str, ...]:
        subs = [s.subsection for s in self.statutes() if s.kind == "212a" and s.subsection]
        return tuple(dict.fromkeys(subs))

    def requested(self) -> tuple[str, ...]:
        items = []
        for sentence in self.sentences:
            if sentence.box == "marked":
                item = self.rules.marked_box.sub("", sentence.text, count=1).strip(" .;:")
                items.append(" ".join(item.split()[:REQUESTED_WORDS]))
        return tuple(items)


# How many words of a requested item the report quotes.
REQUESTED_WORDS: Final = 14
_STATUTE_NAMES: Final = {"214b": "214(b)", "221g": "221(g)", "212a": "212(a)"}
_SUB_PART: Final = re.compile(r"[0-9A-Za-z]{1,4}")


def _subsection(match: re.Match[str]) -> str:
    """``212(a)(6)(C)(i)`` however it was printed: ``212 (a) (6) (c) (i)``, ``212[a][6][C][i]``."""
    parts = _SUB_PART.findall(match["sub"] or "")
    # (6) digits, (C) a capital, (i) a small roman numeral, (II) a capital one.
    shaped = [p if p.isdigit() else p.lower() if index == 2 else p.upper()
              for index, p in enumerate(parts)]
    return "212(a)" + "".join(f"({p})" for p in shaped)


def _first_match_text(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    found = [m for p in patterns if (m := p.search(text))]
    return min(found, key=lambda m: m.start())[0] if found else None


def _letter_date(text: str, rules: RefusalRules) -> str | None:
    first: str | None = None
    for start, iso in _dates(text, rules):
        before = text[max(0, start - DATE_CONTEXT_CHARS) : start]
        if rules.date_label.search(before):
            return iso
        if first is None and not rules.date_skip.search(before):
            first = iso
    return first


def _dates(text: str, rules: RefusalRules) -> Iterator[tuple[int, str]]:
    """Full dates in text order, each with its offset."""
    found = {m.start(): m[0] for p in rules.date_formats for m in p.finditer(text)}
    for start in sorted(found):
        try:
            iso = parse_date(found[start], dayfirst=rules.dayfirst)
        except ValueError:
            continue  # "31 February": a misprint, not the letter's date
        if iso is not None and len(iso) == _FULL_DATE_LENGTH:
            yield start, iso


def _fold(text: str) -> str:
    """Accents off and curly apostrophes straight, so São Paulo meets SAO PAULO."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _post(flat: _FlatText, rules: RefusalRules) -> str | None:
    text = flat.text
    for marker in rules.post_marker.finditer(text):
        end = marker.end()
        window = _fold(text[end : end + rules.post_window])
        if city := rules.post_city.search(window):
            return rules.post_names[_city_key(city[0])]
        # An unknown city is only trusted on the marker's own line: the next
        # line may be anything ("Mr. John Smith").
        same_line = _fold(text[end : min(end + rules.post_window, flat.span_end(end - 1))])
        if guess := _city_after_marker(same_line, rules):
            return guess
    return None


def _city_key(name: str) -> str:
    return _CITY_SEPARATORS.sub(" ", name.upper())


def _city_after_marker(window: str, rules: RefusalRules) -> str | None:
    match = _CITY_WORDS.match(window)
    if match is None:
        return None
    words: list[str] = []
    for word in match["city"].split():
        if word.strip(".,").lower() in rules.not_city:
            break
        words.append(word.strip(".,"))
    return " ".join(words).upper() or None


def _applicant(spans: list[tuple[TextSpan, str]], rules: RefusalRules) -> str | None:
    for value in _labelled_values(spans, rules.applicant):
        if name := _clean_name(value, rules):
            return name
    for _, flat in spans:
        greeting = rules.salutation.match(flat)
        if greeting and (name := _clean_name(greeting["name"], rules)):
            return name
    return None


def _clean_name(value: str, rules: RefusalRules) -> str | None:
    value = rules.other_label.split(value, maxsplit=1)[0]
    name = _NAME_END.split(value, maxsplit=1)[0].strip(" ,.:-")
    if name.lower() in rules.not_names or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name if _NAME.fullmatch(name) else None


def _case_number(spans: list[tuple[TextSpan, str]], rules: RefusalRules) -> str | None:
    field = rules.case_number
    assert field.value is not None  # the loader always sets it for case numbers
    for index, (_, flat) in enumerate(spans):
        for label in field.inline.finditer(flat):
            rest = flat[label.end() :] or _next_text(spans, index)
            if value := field.value.match(rest):
                return value[0]
    return None


def _labelled_values(spans: list[tuple[TextSpan, str]], field: LabelledField) -> Iterator[str]:
    """Values after a label starting a span; an empty value is the next span's text."""
    for index, (_, flat) in enumerate(spans):
        if match := field.line.match(flat):
            yield match["value"] or _next_text(spans, index)


def _next_text(spans: list[tuple[TextSpan, str]], index: int) -> str:
    return spans[index + 1][1] if index + 1 < len(spans) else ""


# --- the rule file ----------------------------------------------------------------


@cache
def _shipped_rules() -> RefusalRules:
    return load_refusal_rules_from(rules_dir() / REFUSAL_RULES_FILE)


def load_refusal_rules(path: Path | None = None) -> RefusalRules:
    """The shipped ``refusal.yaml`` (loaded once), or the file at ``path``.

    A problem in the file is a :class:`RuleError` naming the file and line.
    """
    return _shipped_rules() if path is None else load_refusal_rules_from(path)


def load_refusal_rules_from(path: Path) -> RefusalRules:
    return RuleReader(path).rules()


class RuleReader:
    """Checks a rule file of this stage (``refusal.yaml``, ``ceac.yaml``) while compiling it.

    The first problem raises a :class:`RuleError` with the file and line.
    """

    def __init__(self, path: Path) -> None:
        self.source = load_source(path)
        self.display = self.source.display
        self.terms: dict[str, str] = {}

    def fail(self, line: int | None, message: str) -> RuleError:
        return RuleError(self.display, line, message)

    def rules(self) -> RefusalRules:
        top = self.mapping(self.source.root, "the file", _TOP_KEYS)
        self.terms = self.read_terms(top["terms"])
        date = self.mapping(top["date"], "date", _DATE_KEYS)
        post = self.mapping(top["post"], "post", _POST_KEYS)
        applicant = self.mapping(top["applicant"], "applicant", _APPLICANT_KEYS)
        case = self.mapping(top["case_number"], "case_number", _CASE_KEYS)
        names = self.post_names(post)
        signals = self.mapping(top["signals"], "signals", _SIGNAL_KEYS)
        weights = self.mapping(top["weights"], "weights", _WEIGHT_KEYS)
        statutes, priority = self.statutes(top["statutes"])
        listed = {k: self.patterns(signals[k], f"signals.{k}") for k in _SIGNAL_KEYS
                  if k not in _ONE_PATTERN}
        return RefusalRules(
            not_a_letter=self.patterns(top["not_a_letter"], "not_a_letter"),
            statutes=statutes,
            statute_priority=priority,
            decision=listed["decision"], hold=listed["hold"], not_refused=listed["not_refused"],
            hypothetical=listed["hypothetical"], third_person=listed["third_person"],
            lead_in=listed["lead_in"], bullet=self.pattern(signals["bullet"], "signals.bullet"),
            addressed=listed["addressed"], issuer=listed["issuer"], addressee=listed["addressee"],
            unmarked_box=self.pattern(signals["unmarked_box"], "signals.unmarked_box"),
            marked_box=self.pattern(signals["marked_box"], "signals.marked_box"),
            weights={k: self.positive(weights[k], f"weights.{k}") for k in _WEIGHT_KEYS},
            min_score=self.positive(top["min_score"], "min_score"),
            subtypes=self.keyed_patterns(top["subtypes"], "subtypes", REFUSAL_SUBTYPES),
            date_formats=self.patterns(date["formats"], "date.formats"),
            date_label=self.ending(date["labels"], "date.labels"),
            date_skip=self.ending(date["skip_after"], "date.skip_after"),
            dayfirst=self.boolean(date["dayfirst"], "date.dayfirst"),
            post_marker=self.alternation(post["markers"], "post.markers"),
            post_window=self.positive(post["window"], "post.window"),
            post_city=_city_pattern(names),
            post_names=names,
            not_city=frozenset(w.lower() for w in self.strings(post["not_city"], "post.not_city")),
            applicant=self.labelled(applicant, "applicant", value=None),
            other_label=self.any_label((applicant, case), date),
            salutation=self.pattern(applicant["salutation"], "applicant.salutation"),
            not_names=frozenset(
                n.lower() for n in self.strings(applicant["not_names"], "applicant.not_names")
            ),
            case_number=self.labelled(case, "case_number", value=case["value"]),
            application_id=self.pattern(top["application_id"], "application_id"),
        )

    def statutes(self, node: Node) -> tuple[tuple[tuple[RefusalType, re.Pattern[str]], ...],
                                            tuple[RefusalType, ...]]:
        mapping = self.mapping(node, "statutes", ("priority", "grounds", *STATUTE_TYPES))
        order = self.strings(mapping["priority"], "statutes.priority")
        if sorted(order) != sorted(STATUTE_TYPES):
            raise self.fail(mapping["priority"].line,
                            f"statutes.priority must list {', '.join(STATUTE_TYPES)} once each")
        by_name = {str(k): k for k in STATUTE_TYPES}
        priority = tuple(by_name[name] for name in order)
        patterns = [(kind, self.pattern(mapping[kind], f"statutes.{kind}")) for kind in priority]
        grounds = mapping["grounds"]
        if not isinstance(grounds.value, dict):
            raise self.fail(grounds.line, "statutes.grounds must be a mapping of statute: pattern")
        for key in keys_of(grounds.value):
            if key not in by_name:
                raise self.fail(key_line(grounds.value, key), f"unknown statute {key!r} in "
                                f"statutes.grounds{suggest(key, STATUTE_TYPES)}")
            patterns.append((by_name[key], self.pattern(grounds.value[key], f"statutes.grounds.{key}")))
        return tuple(patterns), priority

    # -- shapes

    def mapping(self, node: Node, what: str, keys: tuple[str, ...]) -> dict[str, Node]:
        if not isinstance(node.value, dict):
            raise self.fail(node.line, f"{what} must be a mapping")
        mapping: dict[str, Node] = node.value
        for key in keys_of(mapping):
            if key not in keys:
                hint = suggest(key, keys)
                raise self.fail(key_line(mapping, key), f"unknown key {key!r} in {what}{hint}")
        missing = [key for key in keys if key not in mapping]
        if missing:
            raise self.fail(node.line, f"{what} needs {', '.join(repr(k) for k in missing)}")
        return mapping

    def strings(self, node: Node, what: str) -> list[str]:
        if not isinstance(node.value, list) or not node.value:
            raise self.fail(node.line, f"{what} must be a non-empty list")
        return [self.string(item, what) for item in node.value]

    def string(self, node: Node, what: str) -> str:
        if not isinstance(node.value, str) or not node.value.strip():
            raise self.fail(node.line, f"{what} must hold non-empty strings, not {node.value!r}")
        return node.value

    def boolean(self, node: Node, what: str) -> bool:
        if not isinstance(node.value, bool):
            raise self.fail(node.line, f"{what} must be true or false, not {node.value!r}")
        return node.value

    def choice(self, node: Node | None, what: str, choices: tuple[_Key, ...]) -> _Key | None:
        """One of ``choices`` (None when the key is absent)."""
        if node is None:
            return None
        by_name = {str(c): c for c in choices}
        if node.value not in by_name:
            raise self.fail(node.line, f"{what} must be one of {', '.join(choices)}, not "
                                       f"{node.value!r}{suggest(str(node.value), choices)}")
        return by_name[node.value]

    def positive(self, node: Node, what: str) -> int:
        if isinstance(node.value, bool) or not isinstance(node.value, int) or node.value < 1:
            raise self.fail(node.line, f"{what} must be a whole number above 0, not {node.value!r}")
        return node.value

    # -- patterns

    def read_terms(self, node: Node) -> dict[str, str]:
        mapping = node.value if isinstance(node.value, dict) else None
        if mapping is None:
            raise self.fail(node.line, "terms must be a mapping of name: regular expression")
        terms = {key: self.string(mapping[key], f"terms.{key}") for key in keys_of(mapping)}
        for key, value in terms.items():
            self.compiled(value, mapping[key].line, f"terms.{key}")
        return terms

    def expand(self, pattern: str, line: int, what: str) -> str:
        def term(match: re.Match[str]) -> str:
            name = match[1]
            if name not in self.terms:
                raise self.fail(line, f"{what}: unknown term {{{name}}}{suggest(name, self.terms)}")
            return f"(?:{self.terms[name]})"

        return _TERM.sub(term, pattern)

    def compiled(self, pattern: str, line: int, what: str) -> re.Pattern[str]:
        try:
            return compile_cached(pattern, re.IGNORECASE)
        except re.error as error:
            raise self.fail(line, f"{what}: not a valid regular expression ({error.msg})") from None

    def pattern(self, node: Node, what: str) -> re.Pattern[str]:
        return self.compiled(self.expand(self.string(node, what), node.line, what), node.line, what)

    def patterns(self, node: Node, what: str) -> tuple[re.Pattern[str], ...]:
        self.strings(node, what)
        return tuple(self.pattern(item, what) for item in node.value)

    def sources(self, node: Node, what: str) -> list[str]:
        """Each pattern of a list, expanded and checked, as source text for a larger pattern."""
        self.patterns(node, what)
        return [self.expand(item.value, item.line, what) for item in node.value]

    def alternation(self, node: Node, what: str) -> re.Pattern[str]:
        either = "|".join(f"(?:{source})" for source in self.sources(node, what))
        return self.compiled(either, node.line, what)

    def ending(self, node: Node, what: str) -> re.Pattern[str]:
        """Matches when the text ends with one of the patterns (and separators)."""
        either = "|".join(self.sources(node, what))
        return self.compiled(rf"\b(?:{either}){_LABEL_END}", node.line, what)

    def keyed_patterns(
        self, node: Node, what: str, keys: tuple[_Key, ...]
    ) -> tuple[tuple[_Key, tuple[re.Pattern[str], ...]], ...]:
        """Pattern lists under known keys, in the file's order (the order may matter)."""
        self.mapping(node, what, keys)
        by_name = {str(key): key for key in keys}
        mapping: dict[str, Node] = node.value
        return tuple(
            (by_name[name], self.patterns(mapping[name], f"{what}.{name}"))
            for name in keys_of(mapping)
        )

    def labelled(self, mapping: dict[str, Node], what: str, value: Node | None) -> LabelledField:
        labels = "|".join(self.sources(mapping["labels"], f"{what}.labels"))
        separator = self.expand(self.string(mapping["separator"], f"{what}.separator"),
                                mapping["separator"].line, f"{what}.separator")
        line = mapping["labels"].line
        return LabelledField(
            line=self.compiled(rf"^(?:{labels})(?:(?:{separator})(?P<value>.*)|\s*)$", line, what),
            inline=self.compiled(rf"(?:^|(?<= ))(?:{labels})(?:{separator})", line, what),
            value=self.pattern(value, f"{what}.value") if value is not None else None,
        )

    def any_label(
        self, fields: tuple[dict[str, Node], ...], date: dict[str, Node]
    ) -> re.Pattern[str]:
        """Any field's label inside a line, with its colon: where a name printed before it ends."""
        nodes = [(f["labels"], "labels") for f in fields] + [(date["labels"], "date.labels")]
        either = "|".join(source for node, what in nodes for source in self.sources(node, what))
        return self.compiled(rf" (?:{either}) ?[:#]", date["labels"].line, "labels")

    def post_names(self, post: dict[str, Node]) -> dict[str, str]:
        """Every city name and alias (upper case, hyphens as spaces) → the city's name."""
        cities = [c.upper() for c in self.strings(post["cities"], "post.cities")]
        names = {_city_key(_fold(city)): city for city in cities}
        aliases = post["aliases"]
        if not isinstance(aliases.value, dict):
            raise self.fail(aliases.line, "post.aliases must be a mapping of alias: city")
        for alias in keys_of(aliases.value):
            city = self.string(aliases.value[alias], f"post.aliases.{alias}").upper()
            if city not in cities:
                raise self.fail(aliases.value[alias].line,
                                f"post.aliases.{alias}: {city!r} is not in post.cities"
                                f"{suggest(city, cities)}")
            names[_city_key(_fold(alias))] = city
        return names


def _city_pattern(names: Mapping[str, str]) -> re.Pattern[str]:
    """Any known city as a whole word; spaces and hyphens inside a name are interchangeable."""
    longest_first = sorted(names, key=len, reverse=True)
    choices = "|".join("[ -]+".join(re.escape(w) for w in n.split()) for n in longest_first)
    return compile_cached(rf"(?<![\w-])(?:{choices})(?![\w-])", re.IGNORECASE)



def administrative_processing_sentence(spans: list[TextSpan], rules: RefusalRules | None = None
                                       ) -> str | None:
    """The first sentence of ``spans`` that says, not supposes, administrative processing."""
    rules = rules or load_refusal_rules()
    reading = _Reading(_FlatText(spans), rules)
    found = reading.saying(dict(rules.subtypes)["administrative_processing"])
    return found.text if found is not None else None
