"""The label rules as lookup tables: exact label words, known prefixes, headings, contexts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ds160check.rules.labels import label_words
from ds160check.rules.model import LabelSet, Marker, Row

# A printed label that merely starts with a known label is taken for it when
# the known label has at least this many words (long questions are listed by
# their opening words) ...
PREFIX_MIN_WORDS = 3
# ... or covers at least this share of the printed label's words.
PREFIX_MIN_SHARE = 0.5
# Fuzzy matching of a whole label (typos, small wording changes), 0-100.
FUZZY_LABEL_SCORE = 92.0
# A heading OCR read with a word wrong ("Address and Phone Sania of Point of Contact") is the known
# heading this close, when it is this many words long or more.
FUZZY_HEADING_SCORE = 88.0
FUZZY_HEADING_MIN_WORDS = 4
# Fuzzy opening-words matching is for questions: known labels at least this long.
FUZZY_PREFIX_MIN_WORDS = 6
# The word answers an index keeps for the walks (see LabelIndex.word_answers): cleared when they
# reach this many words, so that a long batch does not grow a worker.
MAX_REMEMBERED_WORDS = 50_000


def _ascii_label_characters() -> dict[int, str | None]:
    """What label_words does to each ASCII character, asked of label_words itself: it keeps it
    (lower-cased), drops it (``U.S.`` -> ``us``) or makes it a space (``/``, ``-``, whitespace).
    On ASCII text it works character by character, so the table and a split give its words."""
    table: dict[int, str | None] = {}
    for code in range(128):
        character = chr(code)
        words = label_words(f"a{character}b")
        if words == ("a", "b"):
            table[code] = " "
        elif words == ("ab",):
            table[code] = None
        elif words == (f"a{character.lower()}b",):
            table[code] = character.lower()
        else:  # pragma: no cover - label_words changed: the table must be thought again
            raise RuntimeError(f"label_words({character!r}) is not a per-character rule: {words}")
    return table


_ASCII_LABEL_CHARACTERS = _ascii_label_characters()


@dataclass(frozen=True)
class Entry:
    """A rule reachable by a label, with the section of the file that declared it."""

    rule: Row | Marker
    section: str

    @property
    def contexts(self) -> tuple[str, ...]:
        return self.rule.contexts if isinstance(self.rule, Row) else ()


@dataclass
class LabelIndex:
    """Everything the walker needs to recognise labels and headings."""

    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    headings: dict[tuple[str, ...], str] = field(default_factory=dict)
    caps_words: set[str] = field(default_factory=set)
    max_words: int = 0
    _fuzzy_keys: list[str] = field(default_factory=list)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    # label_words of the texts the rules print (labels, headings): the walk asks for a label's
    # words at every label it meets, and most are printed as the rules spell them.
    _words_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # What the walk asks of a word's text (is it a CAPITALS value; can a label start with it),
    # answered from the text and this index alone: kept for every document the index reads, not
    # worked out again for each (both print-outs of a case, and every case of a batch, print the
    # same labels).
    _value_like: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _label_start: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, label_sets: Iterable[LabelSet]) -> LabelIndex:
        index = cls()
        for label_set in label_sets:
            for heading in label_set.headings:
                index.headings[index._known_words(heading)] = label_set.section
                index._note_caps(heading)
            rules: list[Row | Marker] = [*label_set.markers, *label_set.rows]
            for rule in rules:
                for label in rule.labels:
                    words = index._known_words(label)
                    index.entries[words].append(Entry(rule, label_set.section))
                    index.max_words = max(index.max_words, len(words))
                    index._note_caps(label)
        index._fuzzy_keys = [" ".join(words) for words in index.entries]
        for words in index.entries:
            if len(words) >= FUZZY_PREFIX_MIN_WORDS:
                index._by_length.setdefault(len(words), []).append(" ".join(words))
        return index

    def word_answers(self) -> tuple[dict[str, bool], dict[str, bool]]:
        """The walks' remembered answers by word text: whether a word is value-like, whether a
        label can start with it (filled by the walker; emptied first once they hold
        MAX_REMEMBERED_WORDS words)."""
        if len(self._value_like) + len(self._label_start) >= MAX_REMEMBERED_WORDS:
            self._value_like.clear()
            self._label_start.clear()
        return self._value_like, self._label_start

    def _known_words(self, text: str) -> tuple[str, ...]:
        words = self._words_of[text] = label_words(text)
        return words

    def words(self, text: str) -> tuple[str, ...]:
        """:func:`~ds160check.rules.labels.label_words` of ``text``, looked up for the texts the
        rules print (nothing is added for others: the index is shared by every document), and
        for other ASCII text by a table of what it does to each character."""
        words = self._words_of.get(text)
        if words is not None:
            return words
        if text.isascii():
            return tuple(text.translate(_ASCII_LABEL_CHARACTERS).split())
        return label_words(text)

    def _note_caps(self, text: str) -> None:
        for word in text.split():
            core = "".join(ch for ch in word if ch.isalnum())
            if core and core.isupper():
                self.caps_words.add(core)

    def is_label_caps(self, token_text: str) -> bool:
        """True for capital-letter words that labels use (``U.S.``, ``ESTA``, ``ID``)."""
        core = "".join(ch for ch in token_text if ch.isalnum())
        return core in self.caps_words

    def heading(self, words: tuple[str, ...]) -> str | None:
        return self.headings.get(words)

    def heading_like(self, words: tuple[str, ...]) -> str | None:
        """The section of the known heading very close to ``words`` (for headings OCR read)."""
        if len(words) < FUZZY_HEADING_MIN_WORDS:
            return None
        keys = [" ".join(h) for h in self.headings if len(h) >= FUZZY_HEADING_MIN_WORDS]
        best = _best(" ".join(words), keys, FUZZY_HEADING_SCORE / 100)
        return self.headings[tuple(best.split())] if best else None

    def exact(self, words: Sequence[str]) -> list[Entry]:
        return self.entries.get(tuple(words), [])

    def prefix(self, words: Sequence[str]) -> tuple[int, list[Entry]]:
        """The longest known label the printed words start with: (its length, entries)."""
        for length in range(min(len(words), self.max_words), 0, -1):
            found = self.entries.get(tuple(words[:length]))
            if found and (length >= PREFIX_MIN_WORDS or length >= PREFIX_MIN_SHARE * len(words)):
                return length, found
        return 0, []

    def fuzzy(self, words: Sequence[str]) -> list[Entry]:
        """Entries of the closest known label when it is very close (a typo, a dropped word)."""
        if not words:
            return []
        best = _best(" ".join(words), self._fuzzy_keys, FUZZY_LABEL_SCORE / 100)
        return self.entries[tuple(best.split())] if best else []

    def fuzzy_prefix(self, words: Sequence[str]) -> list[Entry]:
        """A long printed question whose opening words are close to a known question's
        (a word added or dropped: "Are you or have you ever been a J…" / "…have you been a J…")."""
        for length in sorted(self._by_length, reverse=True):
            for size in (length - 1, length, length + 1):
                if size > len(words) or size < FUZZY_PREFIX_MIN_WORDS:
                    continue
                best = _best(
                    " ".join(words[:size]), self._by_length[length], FUZZY_LABEL_SCORE / 100
                )
                if best:
                    return self.entries[tuple(best.split())]
        return []


def _best(query: str, choices: list[str], cutoff: float) -> str | None:
    best = process.extractOne(
        query, choices, scorer=Indel.normalized_similarity, score_cutoff=cutoff
    )
    return None if best is None else str(best[0])


def resolve(entries: Sequence[Entry], section: str | None, block: str | None) -> Entry | None:
    """The rule a label means here: one bound to the current block, else to the section, else a global one."""
    for wanted in (block, section):
        if wanted is None:
            continue
        for entry in entries:
            if wanted in entry.contexts:
                return entry
    for entry in entries:
        if not entry.contexts:
            return entry
    return None
