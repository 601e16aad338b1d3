"""Which Latin spellings read as one Cyrillic word: the romanisation alternatives.

A Latin spelling *reads as* a Cyrillic word when each Cyrillic letter (or
letter pair, such as КС) is written with one of its usual Latin renderings in
:data:`ALTERNATIVES` -- the renderings of ICAO 9303, the Russian passport
schemes, BGN/PCGN, the Ukrainian, Kazakh and Uzbek national systems and
common English spellings (Ю: YU, IU, JU; Х: KH, H, X; final ИЙ: IY, II, I, Y).
Two Latin spellings are the same name when some Cyrillic word reads as both.

The table is strict on purpose: a letter only gets a rendering that some
real scheme uses for it, and the renderings that would merge common names
(French Ш = CH, Uzbek Ц = S) are left out.  Those still count when the
native spelling is known, through the exact schemes of :mod:`.translit`.
Contexts keep the glides honest: E may be written YE only at the start of a
word or after a vowel (ALIEV = ALIYEV), Я may lose its Y only after И
(MARIA = MARIYA), Й may vanish only in a final ИЙ/ЫЙ (YURI = YURIY).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

__all__ = [
    "ALTERNATIVES",
    "MAX_READING_LETTERS",
    "MAX_SOURCES",
    "Spelling",
    "common_sources",
    "letter_oddity",
    "oddity",
    "reads_as",
]

# Words longer than this are not names; they are compared letter for letter.
MAX_READING_LETTERS: Final = 40
# How many shared Cyrillic spellings to collect when looking for the one that
# names a scheme for both sides; the verdict only needs the first.
MAX_SOURCES: Final = 64
# Bound on the search for those spellings (each step is one Cyrillic letter tried).
MAX_SEARCH_STEPS: Final = 20_000

WORD_START: Final = ""
VOWELS: Final = frozenset("АЕЁИОУЫЭЮЯӘӨҰҮІЄЇӢӮЎ")
# Е, Ё ... are iotated (YE, IE) at the start of a word and after a vowel or a sign.
_IOTATING: Final = frozenset({WORD_START, *VOWELS, "Ь", "Ъ"})
_I_LETTERS: Final = frozenset("ИЫІЇ")
_HUSHING: Final = frozenset("ЖЧШЩ")
# A soft or hard sign only ever follows a consonant ...
_CONSONANTS: Final = frozenset("БВГДЖЗЙКЛМНПРСТФХЦЧШЩҒҚҢҺҲҶҖҐ")
# ... and is written Y only before И or О (ИЛЬИН = ILYIN, ПОЧТАЛЬОН = POCHTALYON).
_SIGN_AS_Y_BEFORE: Final = frozenset("ИОЁ")


@dataclass(frozen=True, slots=True)
class Spelling:
    """One Latin rendering of a Cyrillic letter and where it may be used."""

    latin: str
    after: frozenset[str] | None = None  # the previous letter must be one of these
    final: bool = False  # only at the end of the word
    before: frozenset[str] | None = None  # the next letter must be one of these

    def allowed_after(self, previous: str) -> bool:
        return self.after is None or previous in self.after


def _anywhere(*latin: str) -> tuple[Spelling, ...]:
    return tuple(Spelling(text) for text in latin)


def _after(letters: Iterable[str], *latin: str) -> tuple[Spelling, ...]:
    allowed = frozenset(letters)
    return tuple(Spelling(text, after=allowed) for text in latin)


ALTERNATIVES: Final[Mapping[str, tuple[Spelling, ...]]] = {
    "А": _anywhere("A"),
    "Б": _anywhere("B"),
    "В": _anywhere("V", "W"),
    # H: Ukrainian and Belarusian; GH after З, so that ЗГ is not read as ZH (ZGHURSKYI)
    "Г": (*_anywhere("G", "H"), *_after("З", "GH")),
    "Д": _anywhere("D"),
    "Е": (*_anywhere("E"), *_after(_IOTATING, "YE", "IE", "JE")),
    "Ё": (*_anywhere("E", "YO", "IO", "JO", "YE"), *_after(_HUSHING, "O")),
    "Ж": _anywhere("ZH", "J"),
    "З": _anywhere("Z"),
    "И": _anywhere("I", "Y"),  # Y: Ukrainian И
    "Й": (*_anywhere("I", "Y", "J"), Spelling("", after=frozenset("ИЫ"), final=True)),
    "К": _anywhere("K"),
    "Л": _anywhere("L"),
    "М": _anywhere("M"),
    "Н": _anywhere("N"),
    "О": _anywhere("O"),
    "П": _anywhere("P"),
    "Р": _anywhere("R"),
    "С": _anywhere("S"),
    "Т": _anywhere("T"),
    "У": _anywhere("U", "OU"),
    "Ф": _anywhere("F"),
    "Х": _anywhere("KH", "H", "X"),
    "Ц": _anywhere("TS", "TC", "TZ", "C"),
    "Ч": _anywhere("CH", "TCH"),
    "Ш": _anywhere("SH"),
    "Щ": _anywhere("SHCH", "SCH", "SHH", "SHTCH"),
    "Ъ": (
        *_after(_CONSONANTS, "", "IE"),
        Spelling("Y", after=_CONSONANTS, before=_SIGN_AS_Y_BEFORE),
    ),
    "Ы": _anywhere("Y", "I"),
    "Ь": (
        *_after(_CONSONANTS, ""),
        Spelling("Y", after=_CONSONANTS, before=_SIGN_AS_Y_BEFORE),
    ),
    "Э": _anywhere("E"),
    "Ю": (*_anywhere("YU", "IU", "JU", "IOU"), *_after(_I_LETTERS, "U")),
    "Я": (*_anywhere("YA", "IA", "JA"), *_after(_I_LETTERS, "A")),
    "КС": _anywhere("X", "KS"),
    # Kazakh, Kyrgyz, Uzbek, Tajik, Tatar
    "Ә": _anywhere("A", "AE"),
    "Ғ": _anywhere("G", "GH"),
    "Қ": _anywhere("K", "Q"),
    "Ң": _anywhere("N", "NG"),
    "Ө": _anywhere("O", "OE"),
    "Ұ": _anywhere("U"),
    "Ү": _anywhere("U", "UE"),
    "Һ": _anywhere("H", "KH"),
    "І": _anywhere("I"),
    "Ў": _anywhere("U", "O", "W"),
    "Ҳ": _anywhere("H", "KH", "X"),
    "Ҷ": _anywhere("J", "DZH", "DJ"),
    "Ӣ": _anywhere("I"),
    "Ӯ": _anywhere("U"),
    "Җ": _anywhere("ZH", "J"),
    # Ukrainian
    "Ґ": _anywhere("G"),
    "Є": _anywhere("IE", "YE", "JE", "E"),
    "Ї": _anywhere("I", "YI", "JI"),
}

_Options = tuple[Mapping[str, tuple[Spelling, ...]], ...]
# Memos keyed by the words of the documents are bounded: a batch worker or the service's worker
# checks case after case, each with names of its own (the letter tables are a few dozen keys).
WORD_MEMO: Final = 8192
STEP_MEMO: Final = 65536
# Latin positions in a and b, the previous letter, the letters allowed next (None: any)
_State = tuple[int, int, str, frozenset[str] | None]


@lru_cache(maxsize=WORD_MEMO)
def _options(latin: str) -> _Options:
    """For each position of ``latin``: the letters whose spellings match there."""
    return tuple(
        {
            unit: matching
            for unit, spellings in _starting_with(latin[position:position + 1])
            if (matching := tuple(s for s in spellings if latin.startswith(s.latin, position)))
        }
        for position in range(len(latin) + 1)
    )


@cache
def _starting_with(letter: str) -> tuple[tuple[str, tuple[Spelling, ...]], ...]:
    """The spellings that can match where ``letter`` is next ("": the end), by unit in table order.

    Those that start with it and the silent ones: trying only these (a few of the 109) gives
    :func:`_options` the same answer, in the same order, without testing every spelling at every
    position (~70% of a compare's evidence linking did).
    """
    return tuple(
        (unit, kept)
        for unit, spellings in ALTERNATIVES.items()
        if (kept := tuple(s for s in spellings if s.latin[:1] in ("", letter)))
    )


def _readable(*words: str) -> bool:
    return all(0 < len(word) <= MAX_READING_LETTERS for word in words)


# ---------------------------------------------------------------------------
# One Latin word against one Cyrillic word


def reads_as(native: str, latin: str) -> bool:
    """True when ``latin`` (upper case) is a romanisation of the Cyrillic word ``native``."""
    if not _readable(native, latin):
        return False
    return _reads_from(native.upper(), latin, 0, 0, None)


@lru_cache(maxsize=STEP_MEMO)
def _reads_from(native: str, latin: str, i: int, j: int, due: frozenset[str] | None) -> bool:
    if i == len(native):
        return j == len(latin) and due is None
    if due is not None and native[i] not in due:
        return False
    previous = native[i - 1] if i else WORD_START
    for unit, spellings in _options(latin)[j].items():
        if not native.startswith(unit, i):
            continue
        for spelling in spellings:
            end = j + len(spelling.latin)
            if not spelling.allowed_after(previous):
                continue
            if spelling.final and (i + len(unit) != len(native) or end != len(latin)):
                continue
            if _reads_from(native, latin, i + len(unit), end, spelling.before):
                return True
    return False


# ---------------------------------------------------------------------------
# Two Latin words: is there one Cyrillic word that reads as both?


def _steps(
    a: str, b: str, state: _State, letters: frozenset[str] | None
) -> Iterator[tuple[str, _State]]:
    """The letters that can come next, each with the state it leads to."""
    i, j, previous, due = state
    options_b = _options(b)[j]
    for unit, spellings_a in _options(a)[i].items():
        spellings_b = options_b.get(unit)
        if not spellings_b or (due is not None and unit[0] not in due):
            continue
        if letters is not None and not letters.issuperset(unit):
            continue
        for sa in spellings_a:
            for sb in spellings_b:
                if not (sa.allowed_after(previous) and sb.allowed_after(previous)):
                    continue
                end_a, end_b = i + len(sa.latin), j + len(sb.latin)
                if (sa.final or sb.final) and (end_a != len(a) or end_b != len(b)):
                    continue
                yield unit, (end_a, end_b, unit[-1], sa.before or sb.before)


def _progress(source: _State, target: _State) -> int:
    return (source[0] + source[1]) - (target[0] + target[1])


_RUSSIAN: Final = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def letter_oddity(previous: str, unit: str, following: str = "") -> int:
    """1 when ``unit`` between ``previous`` and ``following`` is unusual in a Russian name
    (2 for Ъ and Ё), else 0.

    Only used to choose which shared spelling to show (ЮРИЙ rather than ЮРИИ
    or ИУРИЙ); never for the verdict.
    """
    # Ъ is rarer than Ь in names (ИЛЬИН, not ИЛЪИН); Ё is mostly written Е
    # (ВАСИЛЬЕВ, not ВАСИЛЁВ).
    if unit in ("Ъ", "Ё"):
        return 2
    after_vowel = previous in VOWELS
    odd = (
        unit == "Ь"
        or (unit == "Э" and previous != WORD_START)
        or (unit == "Ы" and (previous == WORD_START or after_vowel))
        # a final -АИ/-ЕИ is -АЙ/-ЕЙ (НИКОЛАЙ); inside a word both occur (МИХАИЛ, КАЙРАТ)
        or (unit == "И" and after_vowel and not following)
        or (unit == "Й" and previous != WORD_START and not after_vowel)
        or not _RUSSIAN.issuperset(unit)
    )
    return int(odd)


def oddity(word: str) -> int:
    """How many letters of ``word`` are unusual where they stand (see :func:`letter_oddity`)."""
    return sum(
        letter_oddity(word[i - 1] if i else WORD_START, word[i], word[i + 1 : i + 2])
        for i in range(len(word))
    )


def _is_goal(a: str, b: str, state: _State) -> bool:
    return state[0] == len(a) and state[1] == len(b) and state[3] is None


def _graph(
    a: str, b: str, letters: frozenset[str] | None
) -> dict[_State, list[tuple[str, _State]]]:
    """Every state reachable from the start, with its outgoing steps."""
    start: _State = (0, 0, WORD_START, None)
    edges: dict[_State, list[tuple[str, _State]]] = {}
    pending = [start]
    while pending:
        state = pending.pop()
        if state in edges:
            continue
        # Letters that cover more Latin first, so that the words found first are
        # the natural ones (ЮРИЙ before ИУРИЙ) and name a scheme.
        steps = sorted(
            _steps(a, b, state, letters),
            key=lambda step: (_progress(state, step[1]), letter_oddity(state[2], step[0])),
        )
        edges[state] = steps
        pending.extend(target for _, target in edges[state] if target not in edges)
    return edges


def _alive(a: str, b: str, edges: Mapping[_State, list[tuple[str, _State]]]) -> set[_State]:
    """The states from which a goal can still be reached."""
    incoming: dict[_State, list[_State]] = {}
    for source, steps in edges.items():
        for _, target in steps:
            incoming.setdefault(target, []).append(source)
    alive = {state for state in edges if _is_goal(a, b, state)}
    pending = list(alive)
    while pending:
        for source in incoming.get(pending.pop(), []):
            if source not in alive:
                alive.add(source)
                pending.append(source)
    return alive


@lru_cache(maxsize=WORD_MEMO)
def common_sources(a: str, b: str, letters: frozenset[str] | None = None) -> tuple[str, ...]:
    """Cyrillic words that read as both Latin words (at most :data:`MAX_SOURCES`), or ``()``.

    ``letters``: only words of these letters (e.g. the Russian alphabet), or any.
    """
    if not _readable(a, b):
        return ()
    edges = _graph(a, b, letters)
    alive = _alive(a, b, edges)
    start: _State = (0, 0, WORD_START, None)
    if start not in alive:
        return ()
    found: dict[str, None] = {}
    budget = [MAX_SEARCH_STEPS]
    _collect(a, b, start, "", {start}, edges, alive, found, budget)
    return tuple(found)


def _collect(
    a: str,
    b: str,
    state: _State,
    word: str,
    on_path: set[_State],
    edges: Mapping[_State, list[tuple[str, _State]]],
    alive: set[_State],
    found: dict[str, None],
    budget: list[int],
) -> None:
    """Depth-first: add the Cyrillic words of paths from ``state`` to a goal to ``found``."""
    if _is_goal(a, b, state):
        # Past the end only silent letters could follow (ЮРИЙЬ): nothing new.
        found[word] = None
        return
    for unit, target in edges[state]:
        if len(found) >= MAX_SOURCES or budget[0] <= 0:
            return
        if target not in alive or target in on_path:
            continue
        budget[0] -= 1
        on_path.add(target)
        _collect(a, b, target, word + unit, on_path, edges, alive, found, budget)
        on_path.discard(target)
