"""Rule families of later stages check their own files; they register the checker here.

The form's rules (catalogue, labels, layout, compare) are read by :mod:`ds160check.rules.load`.
A later stage with rule files of its own — the supporting documents (``documents/``, in
:mod:`ds160check.evidence.rules`) and ``privacy.yaml`` (:mod:`ds160check.redact`) — registers a
checker when it is imported, so that the loader never imports the stages built on top of it:

    register_family("privacy", lambda directory, rules: [check_privacy_rules(directory, ...)[1]])

``load_rules_from`` and ``check_rules`` then report the problems of every registered family with
those of the form's rules; a stage that is not imported is not checked by the form's loader (its
own loader refuses a broken file when it is used), and ``ds160check rules check`` imports them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from ds160check.rules.model import Rules
    from ds160check.rules.source import Source

# A rule folder and the form's rules read from it -> the family's files, their problems recorded.
FamilyChecker: TypeAlias = Callable[[Path, "Rules"], list["Source"]]

_FAMILIES: dict[str, FamilyChecker] = {}


def register_family(name: str, checker: FamilyChecker) -> None:
    """Check ``name``'s rule files with ``checker`` whenever a rule folder is loaded or checked."""
    _FAMILIES[name] = checker


def family_sources(directory: Path, rules: Rules) -> Iterator[Source]:
    """The checked files of every registered family, by family name (a stable order of problems)."""
    for name in sorted(_FAMILIES):
        yield from _FAMILIES[name](directory, rules)
