"""Russian names and titles back in the nominative: "Соколовой Марине" → "Соколова Марина".

A Russian certificate names its subject in the case its sentence needs
("Дана Ивановой Анне Сергеевне", "Ежемесячная заработная плата Иванова
Ивана"), while the DS-160 and the transliteration tables know the name in
the nominative. pymorphy3 (the analyser spaCy's Russian lemmatiser uses,
with its dictionary package: nothing is downloaded) reads each word; a name
is put back in the nominative only when every word of it has a reading in
one and the same case and gender, so "Анне" (dative of Анна) is not taken
for the indeclinable "Анне". Kazakh and Uzbek words the dictionary does not
know keep their form unless the analyser's guess agrees with the rest.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

from ds160check.matching.fold import has_cyrillic

__all__ = ["nominative", "nominative_phrase"]

# Cases a name may stand in, the nominative first (nothing to change).
_CASES: Final = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_GENDERS: Final = ("femn", "masc")
_NAME_TAGS: Final = frozenset({"Surn", "Name", "Patr"})
# Below this score a reading is the analyser's guess for a word it does not know.
_GUESS_SCORE: Final = 0.1


@cache
def _analyser() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _styled(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def nominative(name: str) -> str:
    """A Cyrillic personal name in the nominative, written as it was (capitals kept)."""
    words = name.split()
    if not words or not has_cyrillic(name):
        return name
    parses = [_ranked(_analyser().parse(w)) for w in words]
    for case in _CASES:
        for gender in _GENDERS:
            chosen = [_reading(options, case, gender) for options in parses]
            # A word the dictionary has no name reading for (a Kazakh "Серикқызы")
            # keeps its form, when the others agree on the case.
            known = [p for p in chosen if p is not None]
            if known and all(p is not None or not _is_name(o) for p, o in zip(chosen, parses, strict=True)):
                return " ".join(_styled(_inflected(p, gender), w) if p is not None else w
                                for p, w in zip(chosen, words, strict=True))
    return name


def _ranked(options: list[Any]) -> list[Any]:
    """Declinable readings first: "Анне" is the dative of Анна before it is indeclinable."""
    return sorted(options, key=lambda p: "Fixd" in p.tag)


def _is_name(options: list[Any]) -> bool:
    return any(_NAME_TAGS & set(p.tag.grammemes) and p.score > _GUESS_SCORE for p in options)


def _reading(options: list[Any], case: str, gender: str) -> Any | None:
    for parse in options:
        tags = parse.tag
        if case in tags and (gender in tags or "ms-f" in tags or "Fixd" in tags) and \
                _NAME_TAGS & set(tags.grammemes):
            return parse
    return None


def _inflected(parse: Any, gender: str) -> str:
    if "nomn" in parse.tag:
        return str(parse.word)
    form = parse.inflect({"nomn", "sing", gender}) or parse.inflect({"nomn"})
    return str(form.word) if form is not None else str(parse.word)


def nominative_phrase(phrase: str) -> str:
    """A Cyrillic phrase (a job title) in the nominative: "главного бухгалтера" → "главный бухгалтер".

    Adjectives take the gender of the noun they stand before.
    """
    if not has_cyrillic(phrase):
        return phrase
    words = phrase.split()
    parses = [_phrase_reading(_analyser().parse(w), last=i == len(words) - 1 or _is_noun_only(w))
              for i, w in enumerate(words)]
    out: list[str] = []
    for index, (word, parse) in enumerate(zip(words, parses, strict=True)):
        if parse is not None and "PREP" in parse.tag:
            return " ".join(out + words[index:])  # "менеджер по продажам": the rest stays
        if any(p is not None and "NOUN" in p.tag for p in parses[:index]):
            # After the head noun come its complements, in their own case:
            # "руководитель департамента международных грузоперевозок".
            return " ".join(out + words[index:])
        if parse is None or "nomn" in parse.tag or not {"NOUN", "ADJF", "PRTF"} & set(parse.tag.grammemes):
            out.append(word)
            continue
        wanted = {"nomn"}
        if "NOUN" not in parse.tag:
            noun = next((p for p in parses[index + 1:] if p is not None and "NOUN" in p.tag), None)
            wanted.add(noun.tag.gender if noun is not None and noun.tag.gender else "masc")
        form = parse.inflect(wanted) or parse.inflect({"nomn"})
        out.append(_styled(str(form.word), word) if form is not None else word)
    return " ".join(out)


def _phrase_reading(options: list[Any], *, last: bool) -> Any | None:
    """An adjective's reading before the head noun, a noun's at the end."""
    wanted = "NOUN" if last else "ADJF"
    return next((p for p in options if wanted in p.tag), options[0] if options else None)


def _is_noun_only(word: str) -> bool:
    return not any("ADJF" in p.tag or "PRTF" in p.tag for p in _analyser().parse(word))
