"""Named transliteration schemes: native-script word -> the Latin a passport office would print.

Cyrillic: ICAO Doc 9303 Part 3 (the table every machine-readable passport
uses since 2013, extended with the Kazakh, Uzbek, Tajik, Kyrgyz and Tatar
letters as those countries' passport offices write them), the Ukrainian
national system (Cabinet of Ministers resolution 55, 2010), and the Russian
schemes of the ``iuliia`` library that only use plain ASCII letters (older
Russian passports: MVD 310-1997, its French variant, MVD 782-2000, GOST R
52535.1-2006; and BGN/PCGN, ALA-LC, Wikipedia, Yandex ...), the Russian
letters of each extended with the letters of other Cyrillic alphabets.
Schemes with diacritics (ISO 9, GOST 7.79) are left out: a DS-160 name is
plain A-Z, and their Latin without the marks is not a spelling anyone uses.

Other scripts: Georgian (national system, 2002), Armenian (passport
practice) and Greek (ELOT 743).

A scheme is deterministic: one native word has one romanisation.  Which
other spellings count as "the same name" is :mod:`.readings`' job.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final

from ds160check.matching.fold import fold_latin, word_script

__all__ = ["CYRILLIC", "Scheme", "romanizations", "schemes_for"]

CYRILLIC: Final = "CYRILLIC"
# Words romanised are remembered, up to this many (a worker checks case after case, each with
# names of its own).
ROMANIZED_MEMO: Final = 8192

# ICAO Doc 9303 Part 3, section 6 (transliteration of Cyrillic characters),
# plus the letters of Kazakh, Kyrgyz, Uzbek, Tajik and Tatar as those
# countries' ICAO passports write them (Ә -> A, Қ -> K, Ү -> U ...).
ICAO_9303_CYRILLIC: Final[Mapping[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "ѓ": "g", "д": "d", "ђ": "d",
    "е": "e", "ё": "e", "є": "ie", "ж": "zh", "з": "z", "ѕ": "dz", "и": "i", "і": "i",
    "ї": "i", "й": "i", "ј": "j", "к": "k", "ќ": "k", "л": "l", "љ": "lj", "м": "m",
    "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c",
    "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u", "җ": "zh",
}  # fmt: skip

# Ukrainian national system (2010): a different letter at the start of a word.
UKRAINIAN_2010: Final[Mapping[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": "iu", "я": "ia",
    # Russian letters that Ukrainian does not have, as ICAO writes them.
    "ё": "e", "ъ": "ie", "ы": "y", "э": "e",
}  # fmt: skip
UKRAINIAN_2010_INITIAL: Final[Mapping[str, str]] = {
    "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya",
}  # fmt: skip
# ЗГ is written ZGH so that it is not read as the digraph ZH (Згурський -> Zghurskyi).
UKRAINIAN_2010_AFTER: Final[Mapping[str, str]] = {"зг": "gh"}

GEORGIAN_2002: Final[Mapping[str, str]] = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh",
    "რ": "r", "ს": "s", "ტ": "t", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q",
    "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh",
    "ჯ": "j", "ჰ": "h",
}  # fmt: skip

ARMENIAN: Final[Mapping[str, str]] = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev",
}  # fmt: skip
# Word-initial Ե and Ո are pronounced (and written) YE and VO; ՈՒ is the vowel U.
ARMENIAN_INITIAL: Final[Mapping[str, str]] = {"ե": "ye", "ո": "vo", "և": "yev"}
ARMENIAN_AFTER: Final[Mapping[str, str]] = {"ու": "u"}
ARMENIAN_BEFORE: Final[Mapping[str, str]] = {"ու": ""}

GREEK_ELOT_743: Final[Mapping[str, str]] = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}  # fmt: skip
# Greek digraphs: ΟΥ = OU, ΑΥ/ΕΥ = AV/EV, ΓΓ = NG; ΜΠ at the start of a word = B.
GREEK_AFTER: Final[Mapping[str, str]] = {
    "ου": "u", "αυ": "v", "ευ": "v", "ηυ": "v", "γγ": "g", "μπ": "",
}  # fmt: skip
GREEK_BEFORE: Final[Mapping[str, str]] = {"γγ": "n"}
GREEK_INITIAL: Final[Mapping[str, str]] = {"μ": "m"}

# iuliia schemes that write plain ASCII, most used on documents first.
IULIIA_SCHEMES: Final[Mapping[str, str]] = {
    "mvd_310": "MVD 310-1997",
    "mvd_782": "MVD 782-2000",
    "gost_52535": "GOST R 52535.1-2006",
    "mvd_310_fr": "MVD 310-1997 (French)",
    "bgn_pcgn": "BGN/PCGN",
    "wikipedia": "Wikipedia",
    "gost_52290": "GOST R 52290-2004",
    "ala_lc_alt": "ALA-LC",
    "bs_2979_alt": "BS 2979",
    "yandex_money": "Yandex.Money",
    "yandex_maps": "Yandex.Maps",
    "mosmetro": "Moscow Metro",
    "telegram": "Telegram",
    "gost_7034": "GOST R 7.0.34-2014",
    "uz": "Uzbek Latin",
}
# Letters of other Cyrillic alphabets that a Russian scheme does not know, written
# as the scheme writes the nearest Russian letter (or letters).
_NEAREST_RUSSIAN: Final[Mapping[str, str]] = {
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "і": "и",
    "ӣ": "и", "ґ": "г", "ѓ": "г", "ў": "у", "ӯ": "у", "җ": "ж", "ќ": "к", "є": "йе",
    "ї": "йи", "ҷ": "дж",
}  # fmt: skip
_FIXED_EXTRA_LETTERS: Final[Mapping[str, str]] = {
    "һ": "h", "ҳ": "h", "ј": "j", "љ": "lj", "њ": "nj", "ђ": "d", "ћ": "c", "џ": "dz",
    "ѕ": "dz", "ь": "", "ъ": "",
}  # fmt: skip
# BGN/PCGN writes Ё as Ë, which iuliia keeps as the Cyrillic letter.
_LEFTOVER_YO: Final = {"ё": "e", "Ё": "E"}


@dataclass(frozen=True, slots=True)
class Scheme:
    """One transliteration scheme for one script."""

    key: str
    label: str
    script: str
    engine: Any  # an iuliia TranslitSchema (the library ships no type hints)

    def romanize(self, word: str) -> str:
        """``word`` in this scheme's Latin, upper case, without apostrophes or diacritics."""
        native = _without_greek_accents(word.lower()) if self.script == "GREEK" else word.lower()
        latin = str(self.engine.translate(native))
        return fold_latin("".join(_LEFTOVER_YO.get(char, char) for char in latin))


def _without_greek_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _schema(name: str, mapping: Mapping[str, str], **context: Mapping[str, str] | None) -> Any:
    from iuliia.schema import TranslitSchema

    return TranslitSchema(
        name=name,
        mapping=dict(mapping),
        **{key: dict(value) if value else None for key, value in context.items()},
    )


def _with_other_cyrillic_letters(mapping: Mapping[str, str]) -> dict[str, str]:
    """A Russian scheme's table plus the letters of the other Cyrillic alphabets."""
    extra = {
        letter: "".join(mapping.get(russian, russian) for russian in nearest)
        for letter, nearest in _NEAREST_RUSSIAN.items()
    }
    return {**_FIXED_EXTRA_LETTERS, **extra, **mapping}


def _iuliia_scheme(key: str, label: str) -> Scheme:
    from iuliia.repo import SCHEMA_DIR

    definition = json.loads((Path(SCHEMA_DIR) / f"{key}.json").read_text(encoding="utf-8"))
    engine = _schema(
        key,
        _with_other_cyrillic_letters(definition["mapping"]),
        prev_mapping=definition.get("prev_mapping"),
        next_mapping=definition.get("next_mapping"),
        ending_mapping=definition.get("ending_mapping"),
    )
    return Scheme(key, label, CYRILLIC, engine)


def _own_schemes() -> list[Scheme]:
    return [
        Scheme("icao_9303", "ICAO 9303", CYRILLIC, _schema("icao_9303", ICAO_9303_CYRILLIC)),
        Scheme(
            "ukrainian_2010",
            "Ukrainian national",
            CYRILLIC,
            _schema(
                "ukrainian_2010",
                _with_other_cyrillic_letters(UKRAINIAN_2010),
                prev_mapping={**UKRAINIAN_2010_INITIAL, **UKRAINIAN_2010_AFTER},
            ),
        ),
        Scheme("georgian_2002", "Georgian national", "GEORGIAN", _schema("ka", GEORGIAN_2002)),
        Scheme(
            "armenian",
            "Armenian",
            "ARMENIAN",
            _schema(
                "hy",
                ARMENIAN,
                prev_mapping={**ARMENIAN_INITIAL, **ARMENIAN_AFTER},
                next_mapping=ARMENIAN_BEFORE,
            ),
        ),
        Scheme(
            "elot_743",
            "ELOT 743",
            "GREEK",
            _schema(
                "el",
                GREEK_ELOT_743,
                prev_mapping={**GREEK_INITIAL, **GREEK_AFTER},
                next_mapping=GREEK_BEFORE,
            ),
        ),
    ]


@cache
def _registry() -> tuple[Scheme, ...]:
    own = _own_schemes()
    iuliia = [_iuliia_scheme(key, label) for key, label in IULIIA_SCHEMES.items()]
    # ICAO first, then the national Ukrainian system, then the Russian ones.
    return (*own[:2], *iuliia, *own[2:])


def schemes_for(script: str) -> tuple[Scheme, ...]:
    """The schemes that romanise ``script`` (e.g. ``"CYRILLIC"``), most authoritative first."""
    return tuple(scheme for scheme in _registry() if scheme.script == script)


@lru_cache(maxsize=ROMANIZED_MEMO)
def romanizations(word: str) -> tuple[tuple[Scheme, str], ...]:
    """Every scheme's romanisation of a native word: ``ЮРИЙ`` -> ``(ICAO 9303, IURII), ...``."""
    return tuple((scheme, scheme.romanize(word)) for scheme in schemes_for(word_script(word)))
