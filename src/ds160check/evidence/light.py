"""The default entity pipeline without spaCy: the same entities as ``spacy.blank("en")`` + our rules.

Without ``--spacy-model`` the pipeline of :mod:`ds160check.evidence.nlp` is spaCy's English
tokenizer, an ``entity_ruler`` and a ``Matcher``: no statistics, only rules. This module does the
same with :mod:`~ds160check.evidence.tokenizer` and :mod:`~ds160check.evidence.matcher`, so that a
command never imports spaCy (~0.75 s of CPU) unless a trained pipeline is asked for. Each step
follows the spaCy component it stands for, quirks included, and ``tests/test_light_pipeline.py``
runs both on every text of the corpora:

1. regex entities, aligned to tokens as ``Doc.char_span(..., alignment_mode="expand")``;
2. the ruler (spaCy 3's ``EntityRuler``, ``overwrite_ents: false``): its matches as a set of
   (label id, start, end), longest first then earliest (a tie keeps the set's order, so the label
   id is spaCy's hash of the label), none touching an entity already there or a token taken;
3. the cued values (``CuedEntities``), whose role is kept by character offsets as spaCy's Span
   extensions are (``doc.user_data``): an entity at the same offsets as a cued value that was
   not added still takes its role;
4. values (``EntityValues``).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from ds160check.evidence.lexical import attribute_getters
from ds160check.evidence.matcher import Matcher
from ds160check.evidence.rules import EntityRules
from ds160check.evidence.steps import add_without_overlap, cued_value_end, dropped, entity_value
from ds160check.evidence.tokenizer import Token, Tokenizer

__all__ = ["LightPipeline", "string_id"]

GREEDY_CUED: Final = "LONGEST"


@dataclass(frozen=True, slots=True)
class Span:
    """Entity candidates and entities: tokens ``start:end`` with a label."""

    start: int
    end: int
    label: str

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Doc:
    """What the steps share: the text, its tokens, the entities so far and the cued roles."""

    text: str
    tokens: list[Token]
    ents: list[Span] = field(default_factory=list)
    roles: dict[tuple[int, int], str] = field(default_factory=dict)  # (start_char, end_char)
    texts: list[str] = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.texts = [t.text for t in self.tokens]
        self.starts = [t.idx for t in self.tokens]

    def start_char(self, span: Span) -> int:
        return self.tokens[span.start].idx

    def end_char(self, span: Span) -> int:
        last = self.tokens[span.end - 1]
        return last.idx + len(last.text)

    def token_by_char(self, char: int) -> int:
        """The token whose text or trailing space holds ``char``; -1 if none (Doc's token_by_char)."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return -1
        token = self.tokens[i]
        return i if char < token.idx + len(token.text) + token.space else -1

    def char_span_expand(self, start_char: int, end_char: int, label: str) -> Span | None:
        start = self.token_by_char(start_char)
        end = self.token_by_char(end_char - 1)
        if start < 0 or end < 0:
            return None
        if start_char == self.tokens[start].idx + len(self.tokens[start].text):
            start += 1  # on the trailing space: not part of the token before
        return Span(start, end + 1, label)


class LightPipeline:
    """The default pipeline on the light tokenizer and matcher; :meth:`run` gives Doc.ents."""

    def __init__(self, tokenizer: Tokenizer, rules: EntityRules) -> None:
        self.tokenizer = tokenizer
        self.rules = rules
        getters = attribute_getters(tokenizer.number_words)
        self.ruler = Matcher(getters)
        for label, pattern in rules.tokens:
            self.ruler.add(label, [pattern])
        self.cued = Matcher(getters)
        self.cues = Matcher(getters)
        for index, rule in enumerate(rules.cued):
            self.cued.add(str(index), [rule.cue + rule.value], greedy=GREEDY_CUED)
            self.cues.add(str(index), [rule.cue])
        self.label_ids = {label: string_id(label, tokenizer.symbols) for label, _ in rules.tokens}
        self.labels = {label_id: label for label, label_id in self.label_ids.items()}

    def run(self, text: str) -> tuple[Doc, list[tuple[Span, object]]]:
        """The tokens and what spaCy's pipeline would leave in ``doc.ents``, with their values."""
        doc = Doc(text, self.tokenizer(text))
        self._regex(doc)
        self._ruler(doc)
        self._cued(doc)
        return doc, self._values(doc)

    def _regex(self, doc: Doc) -> None:
        spans = []
        for label, pattern in self.rules.regex:
            for match in pattern.finditer(doc.text):
                span = doc.char_span_expand(match.start(), match.end(), label)
                if span is not None:
                    spans.append(span)
        self._add(doc, spans)

    def _ruler(self, doc: Doc) -> None:
        ids = self.label_ids
        matches = set([(ids[label], start, end) for label, start, end in self.ruler(doc.texts)
                       if start != end])
        # sorted() keeps the set's order among ties: the same members, inserted in the same
        # order, iterate as in spaCy.
        ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        seen: set[int] = set()
        added = []
        for label_id, start, end in ordered:
            if taken.intersection(range(start, end)):
                continue  # overwrite_ents: false
            if start not in seen and end - 1 not in seen:
                added.append(Span(start, end, self.labels[label_id]))
                seen.update(range(start, end))
        doc.ents = sorted([*doc.ents, *added], key=lambda s: s.start)

    def _cued(self, doc: Doc) -> None:
        cue_ends: dict[tuple[str, int], list[int]] = {}
        for key, start, end in self.cues(doc.texts):
            cue_ends.setdefault((key, start), []).append(end)
        spans = []
        for key, start, end in self.cued(doc.texts):
            value_start = max((e for e in cue_ends.get((key, start), []) if e < end), default=None)
            if value_start is not None:
                rule = self.rules.cued[int(key)]
                value_end = cued_value_end(rule.label, value_start, end, doc.texts)
                span = Span(value_start, value_end, rule.label)
                doc.roles[(doc.start_char(span), doc.end_char(span))] = rule.role
                spans.append(span)
        self._add(doc, spans)

    def _values(self, doc: Doc) -> list[tuple[Span, object]]:
        kept = []
        for span in doc.ents:
            text = doc.text[doc.start_char(span):doc.end_char(span)]
            value = entity_value(span.label, text, self.rules.dayfirst)
            if not dropped(span.label, value):
                kept.append((span, value))
        return kept

    def _add(self, doc: Doc, spans: list[Span]) -> None:
        doc.ents = add_without_overlap(doc.ents, spans, lambda s: (s.start, s.end))


# --- spaCy's string ids: a symbol's fixed id, else MurmurHash64A of the UTF-8 text, seed 1 -----
# (StringStore.add and hash_utf8 in strings.pyx).

_MASK: Final = (1 << 64) - 1
_M: Final = 0xC6A4A7935BD1E995
_R: Final = 47
_SEED: Final = 1


def string_id(text: str, symbols: Mapping[str, int]) -> int:
    if not text:
        return 0
    symbol = symbols.get(text)
    if symbol is not None:
        return symbol
    data = text.encode("utf-8")
    h = (_SEED ^ (len(data) * _M)) & _MASK
    blocks = len(data) // 8
    for i in range(blocks):
        k = int.from_bytes(data[8 * i:8 * i + 8], "little")
        k = (k * _M) & _MASK
        k ^= k >> _R
        k = (k * _M) & _MASK
        h ^= k
        h = (h * _M) & _MASK
    tail = data[8 * blocks:]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * _M) & _MASK
    h ^= h >> _R
    h = (h * _M) & _MASK
    h ^= h >> _R
    return h
