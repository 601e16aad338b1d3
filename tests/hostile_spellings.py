"""One applicant's date of birth and personal numbers in every spelling the date and ID grammar reads.

The ``--redact`` probe (``test_redact.py``) puts each spelling into each place a
report shows text, and checks that none of it survives redaction. The
spellings are generated, not listed: every month name ``values.MONTHS`` knows
for April, in three cases, in each layout ``values.parse_date`` reads (day,
month or year first, fillers such as ``OF``, ``г.``, ``жылғы``, two-digit years,
compact digits), and the numbers with every separator and prefix a person or a
scanner writes (``N 1583-9204``, ``N_15839204``, ``IIN880412450318``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ds160check.values import MONTHS

DATE_OF_BIRTH = "1988-04-12"
PASSPORT = "N15839204"
NATIONAL_ID = "880412450318"
PHONE = "+77015550142"
YEAR, MONTH, DAY = 1988, 4, 12

# Where a report shows text: a finding's message, a quote from a document, a file name.
CONTEXTS: dict[str, Callable[[str], str]] = {
    "message": lambda s: f"Date of birth printed as {s} on the new application",
    "quote": lambda s: f"Дата рождения / Date of birth:\n{s}\nМесто рождения: АЛМАТЫ",
    "file": lambda s: f"client/scans/dob_{s}.pdf",
    "glued": lambda s: f"DOB{s}",
}

# The layouts of a written date (values._parse_worded_date), {d}ay, {m}onth name, {y}ear, {yy}.
_WORDED_LAYOUTS = (
    "{d} {m} {y}",
    "{d}-{m}-{yy}",
    "{m} {d}, {y}",
    "{y} {m} {d}",
    "{d}{m}{y}",
)
# Fillers the grammar skips, each in the layout its language writes it in.
_FILLED = (
    "12 OF APRIL 1988",
    "the 12th day of April, 1988",
    "April 12th, 1988",
    "12TH APRIL 1988",
    "Monday, 12 April 1988",
    "12 апреля 1988 г.",
    "12 апреля 1988 года",
    "«12» апреля 1988 г.",
    "12-го апреля 1988 года",
    "12 АПРЕЛЯ 1988Г.",
    "1988 жылғы 12 сәуір",
    "12 сәуір 1988 ж.",
    "1988 yil 12 aprel",
    "12 Apr. 1988",
    "Apr 12 '88",
)
# Numeric layouts: dots are day first, slashes and dashes either way, the year first or last.
_NUMERIC_LAYOUTS = ("{d}.{m}.{y}", "{d}/{m}/{y}", "{m}/{d}/{y}", "{d}-{m}-{y}", "{m}-{d}-{y}")
_ISO_LAYOUTS = ("{y}-{m}-{d}", "{y}.{m}.{d}", "{y}/{m}/{d}")
# Digits alone, as file names and machine-readable lines print them.
_COMPACT = ("19880412", "12041988", "04121988", "880412", "120488")


def _cases(word: str) -> list[str]:
    return sorted({word.upper(), word.lower(), word.title()})


def date_spellings() -> list[str]:
    """The date of birth in each month name, case and layout of the grammar."""
    names = [name for name, number in MONTHS.items() if number == MONTH]
    spellings = [layout.format(d=DAY, m=case, y=YEAR, yy=YEAR % 100)
                 for name in names for case in _cases(name) for layout in _WORDED_LAYOUTS]  # fmt: skip
    for day, month in ((f"{DAY:02d}", f"{MONTH:02d}"), (str(DAY), str(MONTH))):
        for year in (str(YEAR), f"{YEAR % 100:02d}"):
            spellings += [layout.format(d=day, m=month, y=year) for layout in _NUMERIC_LAYOUTS]
        spellings += [layout.format(d=day, m=month, y=YEAR) for layout in _ISO_LAYOUTS]
    return sorted(set(spellings + list(_FILLED) + list(_COMPACT)), key=spellings_order)


def spellings_order(spelling: str) -> tuple[bool, str]:
    return (not spelling[0].isdigit(), spelling)


# Ways a number is joined (N 1583 9204, N-1583-9204) and what may stand before it.
_JOINERS = ("", " ", "-", "\u2013", "_", ".")
_PREFIXES = {
    PASSPORT: ("", "No.", "№", "passport_", "PASSPORT"),
    NATIONAL_ID: ("", "IIN", "ИИН", "ИИН: ", "ID_"),
}


def _joined(core: str, joiner: str) -> str:
    """``N15839204`` → ``N 1583 9204``: a letter head apart, then groups of four."""
    head = core[0] if core[0].isalpha() else ""
    digits = core[len(head) :]
    groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
    return joiner.join([head, *groups] if head else groups)


def number_spellings() -> dict[str, str]:
    """Spelling → the value it spells, for the passport number, the national ID (IIN) and the phone."""
    spellings = {}
    for core, prefixes in _PREFIXES.items():
        for joiner in _JOINERS:
            for prefix in prefixes:
                spellings[prefix + _joined(core, joiner)] = core
        spellings[_joined(core, "").lower()] = core
    for phone in ("+7 701 555 01 42", "+7 (701) 555-01-42", "8 701 555 0142", "tel+77015550142",
                  "tel_87015550142", "7015550142"):  # fmt: skip
        spellings[phone] = PHONE
    return spellings


# Dates and numbers that are not the applicant's: redaction leaves them alone.
UNRELATED = (
    "12 May 1990",
    "13.04.1988",
    "1988-04-13",
    "1989-04-12",
    "April 1988",
    "12.05.1988",
    "N15839205",
    "880412450319",
    "2025-10-06",
)


@dataclass(frozen=True)
class Probe:
    """A spelling in a context, inside a compare report made from the applicant's application."""

    spelling: str
    context: str

    @property
    def id(self) -> str:
        return f"{self.context}:{self.spelling}"

    def text(self) -> str:
        return CONTEXTS[self.context](self.spelling)


def probes(spellings: list[str]) -> Iterator[Probe]:
    for spelling in spellings:
        for context in CONTEXTS:
            yield Probe(spelling, context)


def application() -> dict[str, Any]:
    """The ``extract`` JSON dict the report was made from: the values redaction knows."""
    return {
        "fields": {
            "personal.date_of_birth": DATE_OF_BIRTH,
            "passport.number": PASSPORT,
            "personal.national_id": NATIONAL_ID,
            "contact.primary_phone": PHONE,
        },
        "provenance": {},
        "warnings": [],
    }


def report_showing(text: str) -> dict[str, Any]:
    """A ``compare`` JSON dict that shows ``text`` as a message, a quote and a file name."""
    return {
        "documents": [{"path": text, "warnings": [f"{text}: could not read the page"]}],
        "findings": [
            {
                "code": "DOCUMENT_CONTRADICTS",
                "field": "work.present_employer",
                "message": text,
                "evidence": [{"file": text, "page": 1, "text": text}],
                "old": None,
                "new": None,
            }
        ],
    }
