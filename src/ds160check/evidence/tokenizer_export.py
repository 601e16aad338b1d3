"""Write the data of spaCy's English tokenizer to ``tokenizer_en.json`` (run after upgrading spaCy).

    python -m ds160check.evidence.tokenizer_export

The light pipeline (:mod:`ds160check.evidence.tokenizer`) cuts text as ``spacy.blank("en")``
does without importing spaCy; what it needs is taken here from the installed spaCy, never copied
by hand: the prefix, suffix and infix expressions, ``url_match`` and ``token_match``, the
exceptions (each as the texts of its tokens), the exceptions spaCy looks for again after cutting
affixes (with the tokens affixes alone give them), the number words of English ``like_num`` and
the ids of spaCy's symbols (which order the ruler's ties).
The spaCy version is recorded; ``tests/test_light_pipeline.py`` checks that the shipped file is what
the installed spaCy gives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Final

__all__ = ["DATA_FILE", "export", "main"]

DATA_FILE: Final = Path(__file__).with_name("tokenizer_en.json")
LANGUAGE: Final = "en"
ORTH_ID: Final = 65  # spacy.attrs.ORTH: an exception's tokens are dicts keyed by attribute id


def export() -> dict[str, Any]:
    """The tokenizer data of the installed spaCy, as JSON-ready values."""
    import spacy
    from spacy import symbols
    from spacy.lang.en import lex_attrs
    from spacy.tokenizer import Tokenizer

    tokenizer: Any = spacy.blank(LANGUAGE).tokenizer
    affixes_only = Tokenizer(tokenizer.vocab, rules={}, prefix_search=tokenizer.prefix_search,
                             suffix_search=tokenizer.suffix_search,
                             infix_finditer=tokenizer.infix_finditer,
                             token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    exceptions = {text: [_orth(token) for token in tokens]
                  for text, tokens in sorted(tokenizer.rules.items())}
    return {
        "spacy_version": spacy.about.__version__,
        "language": LANGUAGE,
        "prefix": _pattern(tokenizer.prefix_search),
        "suffix": _pattern(tokenizer.suffix_search),
        "infix": _pattern(tokenizer.infix_finditer),
        "token_match": _pattern(tokenizer.token_match),
        "url_match": _pattern(tokenizer.url_match),
        "faster_heuristics": tokenizer.faster_heuristics,
        "exceptions": exceptions,
        # spaCy's second pass (Tokenizer._apply_special_cases) finds these exceptions again
        # among the tokens that cutting affixes made of them (Tokenizer.add_special_case).
        "rematched": {text: [t.text for t in affixes_only(text)] for text in exceptions
                      if _rematched(tokenizer, text)},
        "like_num_words": [*lex_attrs._num_words, *lex_attrs._ordinal_words],
        # StringStore.add gives a symbol its fixed id ("ORG" is 383), other strings their hash.
        "symbols": dict(symbols.IDS),
    }


def _orth(token: dict[Any, Any]) -> str:
    return str(token.get(ORTH_ID, token.get("ORTH")))


def _pattern(search: Any) -> dict[str, Any] | None:
    """A bound ``re.Pattern`` method as its expression and flags."""
    if search is None:
        return None
    pattern = search.__self__
    return {"pattern": pattern.pattern, "flags": pattern.flags}


def _rematched(tokenizer: Any, text: str) -> bool:
    return bool(not tokenizer.faster_heuristics or tokenizer.find_prefix(text)
                or tokenizer.find_infix(text) or tokenizer.find_suffix(text) or " " in text)


def main() -> None:
    data = export()
    DATA_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                         encoding="utf-8")
    print(f"{DATA_FILE}: spaCy {data['spacy_version']}, {len(data['exceptions'])} exceptions",
          file=sys.stderr)


if __name__ == "__main__":
    main()
