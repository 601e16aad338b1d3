"""Names: the same name spelled another way (NAME_VARIANT), or another person?

A name is compared part by part (parts are split at spaces and hyphens).
Two parts agree when they are equal, equal without diacritics (ALİYEV),
equal under the ICAO Latin umlaut rule (MÜLLER = MUELLER), or when both
are romanisations of one native word: the native spelling given with the
form (``native_a``/``native_b``, e.g. ``personal.full_name_native``) under any
scheme of :mod:`.translit`, or else some Cyrillic word under the
alternatives of :mod:`.readings` (IURII = YURIY = YURI: ЮРИЙ).  A Latin part
also agrees with a native-script part it romanises (IURII = ЮРИЙ).

The whole names agree when their parts agree in order, in another order, or
once written together (ANNAMARIA = ANNA MARIA).  A part that is missing or
added (a patronymic dropped, ALIEV vs ALIEVA) makes the names different:
a male and a female surname are two people, and a missing part is a change
worth an explanation, not a spelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz

from ds160check.matching.fold import (
    LATIN,
    collapse,
    fold_latin,
    icao_latin,
    name_tokens,
    upper,
    word_script,
)
from ds160check.matching.readings import common_sources, oddity, reads_as
from ds160check.matching.result import Match, different, same, variant
from ds160check.matching.translit import CYRILLIC, romanizations

__all__ = [
    "SCORE_DIACRITICS",
    "SCORE_ICAO_LATIN",
    "SCORE_ORDER",
    "SCORE_PUNCTUATION",
    "SCORE_SPACING",
    "SCORE_SPLIT",
    "SCORE_SWAPPED",
    "SCORE_TRANSLITERATION",
    "match_names",
    "match_person",
]

# The score of each kind of variant: the more a spelling was changed, the lower.
SCORE_PUNCTUATION: Final = 98.0
SCORE_DIACRITICS: Final = 97.0
SCORE_ICAO_LATIN: Final = 96.0
SCORE_SPACING: Final = 95.0
SCORE_ORDER: Final = 94.0
SCORE_TRANSLITERATION: Final = 92.0
SCORE_SWAPPED: Final = 90.0
SCORE_SPLIT: Final = 88.0

COMMON_SPELLING: Final = "common spelling"
RUSSIAN_LETTERS: Final = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


@dataclass(frozen=True, slots=True)
class _Agreement:
    """Why two name parts (or two whole names) are the same name."""

    score: float
    details: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Native spellings


def _native_words(*natives: str | None) -> tuple[str, ...]:
    """The non-Latin words of the native-alphabet spellings given."""
    words = (word for native in natives if native for word in name_tokens(native))
    return tuple(dict.fromkeys(word for word in words if word_script(word) != LATIN))


def _schemes_writing(native: str, latin: str) -> list[str]:
    return [scheme.label for scheme, written in romanizations(native) if written == latin]


def _reading(native: str, latin: str) -> str | None:
    """How ``latin`` romanises ``native``: the first scheme writing it so, or "common spelling"."""
    labels = _schemes_writing(native, latin)
    if labels:
        return labels[0]
    if word_script(native) == CYRILLIC and reads_as(native, latin):
        return COMMON_SPELLING
    return None


def _romanized(word: str) -> str:
    """A word in Latin letters: itself, or its first (most official) romanisation."""
    if word_script(word) == LATIN:
        return fold_latin(word)
    written = romanizations(word)
    return written[0][1] if written else word


# ---------------------------------------------------------------------------
# Two Latin parts


def _both_read(native: str, a: str, b: str) -> _Agreement | None:
    reading_a, reading_b = _reading(native, a), _reading(native, b)
    if reading_a is None or reading_b is None:
        return None
    return _Agreement(
        SCORE_TRANSLITERATION, (f"same name {native}: {a} by {reading_a}, {b} by {reading_b}",)
    )


def _best_source(a: str, b: str) -> _Agreement | None:
    """The shared Cyrillic spelling for which the most schemes write ``a`` and ``b``, if any.

    Russian spellings are tried first: without a native spelling they are the
    likeliest source (ИЛЬИН, not ИЛЇН).
    """
    sources = common_sources(a, b, RUSSIAN_LETTERS) or common_sources(a, b)
    # Prefer a spelling that schemes write as both sides, then ordinary Russian
    # spelling (ВАСИЛЬЕВ over ВАСИЛЁВ), then fewer letters (ЦОЙ over ТСОЙ), then
    # the one more schemes agree on.
    if not sources:
        return None
    ranked = []
    for rank, source in enumerate(sources):
        written = [latin for _, latin in romanizations(source)]
        counts = written.count(a), written.count(b)
        official = sum(count > 0 for count in counts)
        ranked.append((-official, oddity(source), len(source), -min(counts), rank, source))
    source = min(ranked)[-1]
    agreement = _both_read(source, a, b)
    assert agreement is not None  # a shared source reads as both by construction
    return agreement


def _transliterated(a: str, b: str, natives: Sequence[str]) -> _Agreement | None:
    for native in natives:
        if agreement := _both_read(native, a, b):
            return agreement
    return _best_source(a, b)


def _latin_parts(a: str, b: str, natives: Sequence[str]) -> _Agreement | None:
    folded_a, folded_b = fold_latin(a), fold_latin(b)
    if folded_a == folded_b:
        return _Agreement(SCORE_DIACRITICS, ("same after removing diacritics",))
    icao_a, icao_b = icao_latin(a), icao_latin(b)
    if icao_a == folded_b or folded_a == icao_b or (icao_a == icao_b and icao_a != folded_a):
        return _Agreement(SCORE_ICAO_LATIN, ("same under ICAO 9303 Latin (Ü = UE)",))
    return _transliterated(folded_a, folded_b, natives)


def _native_and_latin(native: str, latin: str) -> _Agreement | None:
    reading = _reading(native, fold_latin(latin))
    if reading is None:
        return None
    return _Agreement(SCORE_TRANSLITERATION, (f"{fold_latin(latin)} is {native} by {reading}",))


def _native_parts(a: str, b: str) -> _Agreement | None:
    """Two native-script parts: the same when only Ё/Е differ, or their ICAO Latin is equal.

    Only the most official scheme: the lossy ones (Uzbek Ц = С) would merge names.
    """
    if a.replace("Ё", "Е") == b.replace("Ё", "Е"):
        return _Agreement(SCORE_DIACRITICS, ("Ё written as Е",))
    if _romanized(a) == _romanized(b):
        return _Agreement(SCORE_TRANSLITERATION, (f"{a} and {b} romanise alike",))
    return None


def _parts_agree(a: str, b: str, natives: Sequence[str]) -> _Agreement | None:
    """Whether two name parts are the same name, and why."""
    if a == b:
        return _Agreement(100.0)
    script_a, script_b = word_script(a), word_script(b)
    if script_a == script_b == LATIN:
        return _latin_parts(a, b, natives)
    if script_a == LATIN:
        return _native_and_latin(b, a)
    if script_b == LATIN:
        return _native_and_latin(a, b)
    return _native_parts(a, b) if script_a == script_b else None


# ---------------------------------------------------------------------------
# Whole names


def _combined(parts: Iterable[_Agreement], *extra: tuple[float, str]) -> _Agreement:
    agreements = list(parts)
    scores = [agreement.score for agreement in agreements] + [score for score, _ in extra]
    details = [detail for agreement in agreements for detail in agreement.details]
    details += [detail for _, detail in extra]
    return _Agreement(min(scores, default=100.0), tuple(dict.fromkeys(details)))


def _in_order(a: Sequence[str], b: Sequence[str], natives: Sequence[str]) -> _Agreement | None:
    if len(a) != len(b):
        return None
    parts = [_parts_agree(x, y, natives) for x, y in zip(a, b, strict=True)]
    if any(part is None for part in parts):
        return None
    return _combined(part for part in parts if part is not None)


def _assignment(
    agreements: Sequence[Sequence[_Agreement | None]],
) -> list[int] | None:
    """A part of b for each part of a, all agreeing (Kuhn's augmenting paths), or None."""
    owner: dict[int, int] = {}

    def claim(row: int, seen: set[int]) -> bool:
        for column, agreement in enumerate(agreements[row]):
            if agreement is None or column in seen:
                continue
            seen.add(column)
            if column not in owner or claim(owner[column], seen):
                owner[column] = row
                return True
        return False

    if not all(claim(row, set()) for row in range(len(agreements))):
        return None
    by_row = {row: column for column, row in owner.items()}
    return [by_row[row] for row in range(len(agreements))]


def _any_order(a: Sequence[str], b: Sequence[str], natives: Sequence[str]) -> _Agreement | None:
    if len(a) != len(b):
        return None
    grid = [[_parts_agree(x, y, natives) for y in b] for x in a]
    columns = _assignment(grid)
    if columns is None:
        return None
    parts = [grid[row][column] for row, column in enumerate(columns)]
    return _combined(
        (part for part in parts if part is not None), (SCORE_ORDER, "names in another order")
    )


def _joined(a: Sequence[str], b: Sequence[str], natives: Sequence[str]) -> _Agreement | None:
    if len(a) == len(b):
        return None
    agreement = _parts_agree("".join(a), "".join(b), natives)
    if agreement is None:
        return None
    return _combined([agreement], (SCORE_SPACING, "written together vs apart"))


def _agreement(a: str, b: str, natives: Sequence[str]) -> _Agreement | None:
    parts_a, parts_b = name_tokens(a), name_tokens(b)
    if parts_a == parts_b:
        return _Agreement(SCORE_PUNCTUATION, ("same apart from hyphens and punctuation",))
    return (
        _in_order(parts_a, parts_b, natives)
        or _any_order(parts_a, parts_b, natives)
        or _joined(parts_a, parts_b, natives)
    )


def _similarity(a: str, b: str) -> float:
    latin_a = " ".join(_romanized(word) for word in name_tokens(a))
    latin_b = " ".join(_romanized(word) for word in name_tokens(b))
    return float(fuzz.token_sort_ratio(latin_a, latin_b))


def _reason(agreement: _Agreement) -> str:
    return "; ".join(agreement.details) or "same apart from hyphens and punctuation"


def match_names(
    a: str, b: str, *, native_a: str | None = None, native_b: str | None = None
) -> Match:
    """Compare one name field (surnames, or given names) of two forms.

    ``native_a`` / ``native_b``: the name in its native alphabet on each form
    (the whole native name will do), which lets spellings that only a
    specific scheme produces (French CH for Ш) count, and names the scheme.
    """
    if a == b:
        return same()
    if upper(collapse(a)) == upper(collapse(b)):
        return same("same ignoring case and spacing")
    agreement = _agreement(a, b, _native_words(native_a, native_b))
    if agreement is None:
        return different("different names", _similarity(a, b))
    return variant(_reason(agreement), agreement.score)


def _rewritten(match: Match, reason: str, score: float) -> Match:
    inner = "" if match.verdict == "same" else f" ({match.reason})"
    return variant(reason + inner, min(score, match.score))


def _swapped(
    old: tuple[str, str], new: tuple[str, str], natives: dict[str, str | None]
) -> tuple[Match, Match] | None:
    surnames = match_names(old[0], new[1], **natives)
    given = match_names(old[1], new[0], **natives)
    if not (surnames.agrees and given.agrees):
        return None
    reason = "surname and given names swapped"
    return _rewritten(surnames, reason, SCORE_SWAPPED), _rewritten(given, reason, SCORE_SWAPPED)


def _resplit(
    old: tuple[str, str],
    new: tuple[str, str],
    direct: tuple[Match, Match],
    natives: dict[str, str | None],
) -> tuple[Match, Match] | None:
    whole = match_names(" ".join(old).strip(), " ".join(new).strip(), **natives)
    if not whole.agrees:
        return None
    reason = "names split differently between surname and given names"
    split = _rewritten(whole, reason, SCORE_SPLIT)
    surnames, given = direct
    return (surnames if surnames.agrees else split), (given if given.agrees else split)


def match_person(
    old_surnames: str | None,
    old_given: str | None,
    new_surnames: str | None,
    new_given: str | None,
    *,
    native_old: str | None = None,
    native_new: str | None = None,
) -> tuple[Match, Match]:
    """Compare a person's name on two forms: ``(surnames match, given names match)``.

    Each field is compared with :func:`match_names`; when that finds a
    difference, the person is compared as a whole: surnames and given names
    swapped between the fields (both results are variants "surname and given
    names swapped"), or the same parts split differently between the two
    fields (the field that differs becomes a variant saying so).  A missing
    field is the empty name.
    """
    old = (old_surnames or "", old_given or "")
    new = (new_surnames or "", new_given or "")
    natives: dict[str, str | None] = {"native_a": native_old, "native_b": native_new}
    direct = (match_names(old[0], new[0], **natives), match_names(old[1], new[1], **natives))
    if all(match.agrees for match in direct):
        return direct
    return _swapped(old, new, natives) or _resplit(old, new, direct, natives) or direct
