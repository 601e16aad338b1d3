"""spaCy's English tokenizer without spaCy: the same tokens as ``spacy.blank("en")``, from its data.

The algorithm is that of spaCy's ``tokenizer.pyx``: split on whitespace (a single space after a
word is that word's trailing whitespace, longer runs are tokens), then for each chunk
``_split_affixes`` (prefixes and suffixes off, stopping at an exception or ``token_match``) and
``_attach_tokens`` (an exception, ``token_match``/``url_match``, or cut at infixes), then
``_apply_special_cases`` (exceptions found again among the tokens affixes made of them, longest
first). spaCy's chunk cache changes no result and is left out.

The data (expressions, exceptions) is ``tokenizer_en.json``, written from the installed spaCy by
:mod:`ds160check.evidence.tokenizer_export`. :func:`load_tokenizer` gives ``None`` when the
installed spaCy is another version than the one the file was written from: the caller then
uses spaCy itself, whose tokens are the reference (slower, never different).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final

from ds160check.regex_cache import compile_cached

__all__ = ["DATA_FILE", "Token", "Tokenizer", "installed_spacy_version", "load_tokenizer"]

DATA_FILE: Final = Path(__file__).with_name("tokenizer_en.json")
SPACY_PACKAGE: Final = "spacy"
# spaCy's version lives in spacy/about.py (``spacy.__version__`` is read from it): read there, it
# costs a file read, where importlib.metadata costs ~30 ms of CPU and importing spaCy ~0.6 s.
SPACY_VERSION_FILE: Final = "about.py"
_VERSION_LINE: Final = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)
# Runs of whitespace and of anything else: str.isspace and re's \s agree on every code point
# (both are Py_UNICODE_ISSPACE), as tests/test_light_pipeline.py checks.
_CHUNKS: Final = re.compile(r"\s+|\S+")
_SPACE: Final = " "

Search = Callable[[str], "re.Match[str] | None"]


@dataclass(frozen=True, slots=True)
class Token:
    """A token: its text, where it starts in the text, and whether one space follows it."""

    text: str
    idx: int
    space: bool


class Tokenizer:
    """Cuts text into spaCy's tokens; built from the exported data (see :func:`load_tokenizer`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.prefix_search = _compiled(data["prefix"], "search")
        self.suffix_search = _compiled(data["suffix"], "search")
        infix = _compiled(data["infix"], "finditer")
        self.infix_finditer: Callable[[str], Iterator[re.Match[str]]] | None = infix
        self.token_match = _compiled(data["token_match"], "match")
        self.url_match = _compiled(data["url_match"], "match")
        self.specials: dict[str, tuple[str, ...]] = {
            text: tuple(orths) for text, orths in data["exceptions"].items()}
        self.rematched = _trie(data["rematched"].values())
        self.spacy_version: str = data["spacy_version"]
        # English like_num's number and ordinal words (a lexeme attribute, evidence.lexical).
        self.number_words: tuple[str, ...] = tuple(data["like_num_words"])
        # The string ids of spaCy's symbols (evidence.light.string_id).
        self.symbols: dict[str, int] = data["symbols"]

    def __call__(self, text: str) -> list[Token]:
        pieces: list[list[Any]] = []  # [text, space] while cutting: a space is set afterwards
        for chunk in _CHUNKS.finditer(text):
            word = chunk.group()
            if word[0] == _SPACE and chunk.start() > 0:
                # One space after a word is its trailing whitespace; the rest of the run (if
                # any) is a token. Runs alternate, so a run after the start follows a word.
                pieces[-1][1] = True
                word = word[1:]
            if word:
                pieces.extend([orth, False] for orth in self._chunk(word))
        pieces = self._special_cases(pieces)
        tokens, idx = [], 0
        for orth, space in pieces:
            tokens.append(Token(orth, idx, space))
            idx += len(orth) + space
        return tokens

    # --- one chunk (Tokenizer._tokenize) ---------------------------------------------------

    def _chunk(self, chunk: str) -> tuple[str, ...] | list[str]:
        special = self.specials.get(chunk)
        if special is not None:
            return special
        core, prefixes, suffixes = self._split_affixes(chunk)
        return [*prefixes, *self._attach(core), *reversed(suffixes)]

    def _split_affixes(self, string: str) -> tuple[str, list[str], list[str]]:
        prefixes: list[str] = []
        suffixes: list[str] = []
        specials = self.specials
        last_size = 0
        while string and len(string) != last_size:
            if self.token_match is not None and self.token_match(string):
                break
            if string in specials:
                break
            last_size = len(string)
            pre_len = _length(self.prefix_search, string)
            prefix = string[:pre_len]
            minus_pre = string[pre_len:]
            if pre_len and minus_pre and minus_pre in specials:
                prefixes.append(prefix)
                return minus_pre, prefixes, suffixes
            suf_len = _length(self.suffix_search, string[pre_len:])
            suffix = string[len(string) - suf_len:]
            minus_suf = string[:len(string) - suf_len]
            if suf_len and minus_suf and minus_suf in specials:
                suffixes.append(suffix)
                return minus_suf, prefixes, suffixes
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:len(string) - suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        return string, prefixes, suffixes

    def _attach(self, string: str) -> tuple[str, ...] | list[str]:
        if not string:
            return []
        special = self.specials.get(string)
        if special is not None:
            return special
        if (self.token_match is not None and self.token_match(string)) or (
                self.url_match is not None and self.url_match(string)):
            return [string]
        matches = list(self.infix_finditer(string)) if self.infix_finditer is not None else []
        if not matches:
            return [string]
        out, start = [], 0
        for match in matches:
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:  # spaCy's start_before_infixes: no infix at the very start
                continue
            if infix_start != start:
                out.append(string[start:infix_start])
            if infix_start != infix_end:
                out.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            out.append(string[start:])
        return out

    # --- the second pass (Tokenizer._apply_special_cases) ----------------------------------

    def _special_cases(self, pieces: list[list[Any]]) -> list[list[Any]]:
        found = _phrase_matches(self.rematched, [orth for orth, _ in pieces])
        if not found:
            return pieces
        seen: set[int] = set()
        kept = []
        for start, end in sorted(found, key=lambda m: (m[0] - m[1], m[0])):  # longest, earliest
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        out: list[list[Any]] = []
        at = 0
        for start, end in sorted(kept):
            out.extend(pieces[at:start])
            text = "".join(orth + _SPACE * space for orth, space in pieces[start:end - 1])
            text += pieces[end - 1][0]
            special = self.specials.get(text)
            if special is None:
                out.extend(pieces[start:end])
            else:
                out.extend([orth, False] for orth in special)
                out[-1][1] = pieces[end - 1][1]
            at = end
        out.extend(pieces[at:])
        return out


def _compiled(entry: dict[str, Any] | None, method: str) -> Any:
    if entry is None:
        return None
    return getattr(compile_cached(entry["pattern"], entry["flags"]), method)


def _length(search: Search | None, string: str) -> int:
    match = search(string) if search is not None else None
    return match.end() - match.start() if match is not None else 0


_END: Final = ""  # a trie key no token has: tokens are never empty


def _trie(phrases: Any) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for orths in phrases:
        node = root
        for orth in orths:
            node = node.setdefault(orth, {})
        node[_END] = True
    return root


def _phrase_matches(trie: dict[str, Any], orths: list[str]) -> list[tuple[int, int]]:
    """Every (start, end) whose tokens are a phrase of ``trie``, overlapping ones included."""
    found = []
    for start in range(len(orths)):
        node = trie.get(orths[start])
        end = start + 1
        while node is not None:
            if _END in node:
                found.append((start, end))
            if end == len(orths):
                break
            node = node.get(orths[end])
            end += 1
    return found


def installed_spacy_version() -> str | None:
    """The version of the installed spaCy (``spacy.about.__version__``), without importing it."""
    spec = find_spec(SPACY_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    about = Path(next(iter(spec.submodule_search_locations))) / SPACY_VERSION_FILE
    try:
        found = _VERSION_LINE.search(about.read_text(encoding="utf-8"))
    except OSError:
        return None
    return found.group(1) if found else None


@cache
def load_tokenizer() -> Tokenizer | None:
    """The light tokenizer, or ``None`` when the installed spaCy is not the one the data is from.

    Without spaCy installed the data is used as it is: there is no reference to disagree with.
    """
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    installed = installed_spacy_version()
    if installed is not None and installed != data["spacy_version"]:
        return None
    return Tokenizer(data)
