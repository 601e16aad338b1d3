"""The label index answers a text's label words as label_words does, only faster."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from ds160check.extraction import _index
from ds160check.parsing.index import LabelIndex
from ds160check.rules import load_rules
from ds160check.rules.labels import label_words

# Printed labels are mostly ASCII; the rest are the characters label_words treats specially.
PRINTED = st.text(st.sampled_from(string.printable + "\x00\x1c\x1f\x7f’‘´–—ﬁÉéß İ"), max_size=60)


@given(PRINTED)
def test_an_index_gives_the_label_words_of_any_text(text: str) -> None:
    assert LabelIndex.build([]).words(text) == label_words(text)


def test_the_rules_index_gives_the_label_words_of_every_label_and_heading_as_printed() -> None:
    rules = load_rules()
    index = _index(rules.printout)
    texts = [text for label_set in rules.printout for text in (
        *label_set.headings, *(label for rule in (*label_set.markers, *label_set.rows)
                               for label in rule.labels))]
    assert texts
    for text in texts:
        for printed in (text, text.upper(), f"{text}:", f"{text} (1)", f"Do you/{text}-now?"):
            assert index.words(printed) == label_words(printed), printed
