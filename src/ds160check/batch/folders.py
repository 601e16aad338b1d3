"""What the name of a client's sub-folder says: an application ("2025 refused/", "новая/"), a
folder of supporting documents ("scans/"), or nothing (a client of its own).

The words live in ``field_rules/batch/folders.yaml``; this module only splits names into words
and checks them. A name is split at anything that is not a letter or digit and case-folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ds160check.batch.rule_file import read_mapping
from ds160check.errors import RuleError
from ds160check.rules_path import rules_dir

FOLDERS_FILE = "batch/folders.yaml"
LISTS = ("application", "old", "new", "months", "documents")
APPLICATION, DOCUMENTS = "application", "documents"
YEAR = re.compile(r"^(19|20)\d\d$")
# Numbers up to this are a day, a month or an attempt ("2"); more is a client number or an ID.
SMALL_NUMBER = 31
_WORD_SPLIT = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class FolderWords:
    application: frozenset[str]
    old: frozenset[str]
    new: frozenset[str]
    months: frozenset[str]
    documents: frozenset[str]

    @property
    def known(self) -> frozenset[str]:
        return self.application | self.old | self.new | self.months | self.documents


def words(name: str) -> list[str]:
    """The words of a file or folder name, case-folded: ``"DS-160 (old)"`` -> ds, 160, old."""
    return [w for w in _WORD_SPLIT.split(name.casefold()) if w]


@cache
def folder_words(path: Path | None = None) -> FolderWords:
    """The word lists of ``folders.yaml``; a broken file raises :class:`RuleError` naming it."""
    path = path or rules_dir() / FOLDERS_FILE
    data = read_mapping(path, LISTS, "unknown list", f"a mapping of the lists {', '.join(LISTS)}")
    lists = {key: _word_list(path, key, data.get(key)) for key in LISTS}
    both = lists["old"] & lists["new"]
    if both:
        raise RuleError(path, None, f"words both old and new: {', '.join(sorted(both))}")
    return FolderWords(**lists)


def _word_list(path: Path, key: str, value: object) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise RuleError(path, None, f"{key}: expected a list of words (quote numbers: \"160\")")
    odd = [w for w in value if words(w) != [w.casefold()]]
    if odd:
        raise RuleError(path, None, f"{key}: not one case-folded word each: {', '.join(odd)}")
    return frozenset(value)


def _is_number_word(word: str) -> bool:
    return word.isdigit() and (YEAR.match(word) is not None or int(word) <= SMALL_NUMBER)


def folder_kind(name: str, vocabulary: FolderWords | None = None) -> str | None:
    """``"application"``, ``"documents"`` or None (a name of its own: a client, a branch...)."""
    vocabulary = vocabulary or folder_words()
    parts = words(name)
    if not parts or not all(w in vocabulary.known or _is_number_word(w) for w in parts):
        return None
    marks = vocabulary.application | vocabulary.old | vocabulary.new
    if any(w in marks or YEAR.match(w) for w in parts):
        return APPLICATION
    if any(w in vocabulary.documents for w in parts):
        return DOCUMENTS
    return None  # only numbers and months: "1", "03"


def hint(name: str, vocabulary: FolderWords | None = None) -> str | None:
    """``"old"`` or ``"new"`` when the words of ``name`` (a path within the case) say which
    application it is, else None (both or neither)."""
    vocabulary = vocabulary or folder_words()
    parts = set(words(name))
    old, new = bool(parts & vocabulary.old), bool(parts & vocabulary.new)
    if old == new:
        return None
    return "old" if old else "new"
