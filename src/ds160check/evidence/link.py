"""The Linker: which supporting document proves each change, and which contradicts the form.

    >>> linker = EvidenceLinker(analysed_documents, Applicant.of(new_side))
    >>> contradictions = linker(changes, new_side)   # as compare.engine calls it

A document counts only when it is about the applicant (a name on it is the
applicant's, transliteration-aware) and recent enough (issued within its
type's ``max_age_days`` of the new application). Then, for each change:

- ``supported``: a document of a type that ``proves`` the change states the
  new value (the employer, a salary within ``income_tolerance``, the spouse,
  the address...), quoted as evidence;
- ``contradicted``: a document states another value for something its type
  ``contradicts`` (another employer, salary or start date, a marriage
  certificate while the form says SINGLE), or is about another person;
- ``unsupported`` otherwise.

What may prove or contradict what is declared in ``field_rules/documents``.
Passport data pages are judged field by field by
:mod:`ds160check.evidence.passport`; the linker adds what they contradict and
the renewal they prove.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

from ds160check.comparison.engine import Contradiction, Side
from ds160check.comparison.model import Change, Evidence, Value
from ds160check.evidence.analyse import AnalysedDocument
from ds160check.evidence.applicant import (
    ABOUT_APPLICANT,
    ABOUT_OTHER,
    ABOUT_RELATIVE,
    ABOUT_UNKNOWN,
    Applicant,
    Person,
)
from ds160check.evidence.facts import Fact
from ds160check.evidence.flat import flatten
from ds160check.evidence.passport import PassportEvidence
from ds160check.evidence.rules import DocumentType, EvidenceRules, load_evidence_rules
from ds160check.matching import (
    match_addresses,
    match_dates,
    match_money,
    match_names,
    match_organizations,
)
from ds160check.matching.fold import name_tokens
from ds160check.values import Money

__all__ = ["ABOUT_APPLICANT", "ABOUT_OTHER", "ABOUT_RELATIVE", "ABOUT_UNKNOWN", "CONTRADICTED", "SUPPORTED",
           "UNSUPPORTED", "Assessment", "EvidenceLinker"]

SUPPORTED, UNSUPPORTED, CONTRADICTED = "supported", "unsupported", "contradicted"
EVIDENCE_ROLE: Final = "evidence"
# People a document is about (not its signatory): roles of entities.yaml `cued`.
SUBJECT_ROLES: Final = frozenset({"subject", "founder", "spouse"})
SPOUSE_ROLE: Final = "spouse"
COUPLE: Final = 2
ORG_FACTS: Final = ("employer", "business", "school")
YEARLY: Final = "yearly"

# Form keys the linker reads.
EMPLOYER, PREVIOUS_EMPLOYERS, START_DATE = (
    "work.present_employer", "work.previous_employers", "work.present_start_date")
INCOME, MARITAL_STATUS = "work.monthly_income", "personal.marital_status"
SPOUSE_SURNAMES, SPOUSE_GIVEN = "family.spouse_surnames", "family.spouse_given_names"
SURNAMES = "personal.surnames"
HOME_ADDRESS_KEYS: Final = ("contact.home_street", "contact.home_city", "contact.home_country")

# Which changes a contradiction of each fact takes away.
CONTRADICTS_CHANGES: Final = {
    "employer": frozenset({"employer", "occupation"}),
    "income": frozenset({"income"}),
    "start_date": frozenset({"employer"}),
    "marital_status": frozenset({"marital_status", "spouse"}),
    "spouse": frozenset({"marital_status", "spouse"}),
}


def _evidence(path: str, fact: Fact) -> Evidence:
    span = fact.span
    box = tuple(span.box.as_list()) if span.box is not None else None
    return Evidence(path, EVIDENCE_ROLE, span.text, span.page, box, span.paragraph, span.ocr_confidence)


def _file(path: str) -> str:
    return Path(path).name


# --- is a document usable? ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Assessment:
    """A document judged against the applicant: whom it is about and whether it is recent."""

    document: AnalysedDocument
    kind: DocumentType | None
    about: str
    named: Fact | None  # the name that decided ``about``
    issued: Fact | None
    stale: bool
    notes: tuple[str, ...]

    @property
    def usable(self) -> bool:
        return self.kind is not None and self.about == ABOUT_APPLICANT and not self.stale

    @property
    def path(self) -> str:
        return self.document.path

    def facts(self, name: str) -> tuple[Fact, ...]:
        return self.document.facts.all(name)

    def cite(self, *facts: Fact | None) -> list[Evidence]:
        """Evidence quoting ``facts`` (and the applicant's name), each span once."""
        seen: set[tuple[Any, ...]] = set()
        out = []
        for fact in (*facts, self.named):
            if fact is None:
                continue
            key = (fact.span.page, fact.span.paragraph, fact.span.text)
            if key not in seen:
                seen.add(key)
                out.append(_evidence(self.path, fact))
        return out

    @classmethod
    def of(cls, document: AnalysedDocument, applicant: Applicant, rules: EvidenceRules
           ) -> Assessment:
        kind = rules.types.get(document.kind)
        about, named = _about(document, applicant)
        issued = document.facts.first("issue_date")
        stale, age_note = _staleness(kind, issued, applicant.date)
        notes = [n for n in (_about_note(about, named, applicant), age_note) if n]
        return cls(document, kind, about, named, issued, stale, tuple(notes))


def _about(document: AnalysedDocument, applicant: Applicant) -> tuple[str, Fact | None]:
    persons = document.facts.persons
    mine = next((p for p in persons if applicant.is_applicant(p.value)), None)
    if mine is not None:
        return ABOUT_APPLICANT, mine
    words = _name_in_words(document, applicant)
    # Only a full name (two words or more) can make a document another person's:
    # a lone "Husband" or "Wife" read from a table heading proves nothing either way.
    subjects = [p for p in persons if p.role in SUBJECT_ROLES and len(str(p.value).split()) > 1]
    relative = next((p for p in subjects if applicant.is_relative(p.value)), None)
    if relative is not None:
        return ABOUT_RELATIVE, relative
    if words is not None:
        return ABOUT_APPLICANT, words
    return (ABOUT_OTHER, subjects[0]) if subjects else (ABOUT_UNKNOWN, None)


# How many words after a surname the given name may stand when a table's
# reading order scatters a name over its cells ("AKHMETOVA | 880412450318 |
# ownership | ... | AIGERIM").
NAME_WORDS_REACH: Final = 12
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
# Whose a document is shows on its first pages: a long statement's rows are not searched.
NAME_SCAN_WORDS: Final = 3000


def _name_in_words(document: AnalysedDocument, applicant: Applicant) -> Fact | None:
    """The applicant's surname and a given name as words of the text, close together (either order).

    A name no pattern read as a person (its cells torn apart by a table) still
    says whom the document is about: every surname word and one given name
    within NAME_WORDS_REACH words.
    """
    person = applicant.person
    if not person.surnames or not person.given:
        return None
    flat = flatten(document.document.spans)
    words = list(_WORD.finditer(flat.text))[:NAME_SCAN_WORDS]
    surname = person.surnames.split()[0]
    agrees: dict[str, bool] = {}  # a statement repeats its words: each is compared once
    for index, word in enumerate(words):
        if word[0] not in agrees:
            agrees[word[0]] = match_names(surname, word[0]).agrees
        if not agrees[word[0]]:
            continue
        # Given names stand before the surname or after it ("MD. ARIFUL RAHMAN").
        window = words[max(0, index - NAME_WORDS_REACH): index + NAME_WORDS_REACH + 1]
        text = " ".join(w[0] for w in window)
        if person.named_by(text):
            return Fact("person", person.full, word[0], flat.span_at(word.start()), "subject")
    return None


def _about_note(about: str, named: Fact | None, applicant: Applicant) -> str | None:
    if about == ABOUT_OTHER and named is not None:
        return f"about {named.value}, not the applicant {applicant.person.full}"
    if about == ABOUT_RELATIVE and named is not None:
        return f"about {named.value} (a relative or sponsor named in the application)"
    if about == ABOUT_UNKNOWN:
        return "the applicant's name was not found in it"
    return None


def _staleness(kind: DocumentType | None, issued: Fact | None, filed: dt.date | None
               ) -> tuple[bool, str | None]:
    if kind is None or kind.max_age_days is None or issued is None or filed is None:
        return False, None
    try:
        day = dt.date.fromisoformat(str(issued.value))
    except ValueError:
        return False, None  # a month or a year only: too coarse to judge
    age = (filed - day).days
    if age <= kind.max_age_days:
        return False, None
    return True, (f"dated {day.isoformat()}, {age} days before the new application: older than "
                  f"the {kind.max_age_days} days a {kind.name} stays current")


# --- what the form says -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Form:
    """The new application's values the linker compares documents with."""

    side: Side

    def text(self, key: str) -> str:
        value = self.side.get(key)
        return value if isinstance(value, str) else ""

    def money(self) -> dict[str, Any] | None:
        value = self.side.get(INCOME)
        return value if isinstance(value, dict) and value.get("amount") is not None else None

    def previous_employers(self) -> list[str]:
        items = self.side.get(PREVIOUS_EMPLOYERS) or []
        return [i["name"] for i in items if isinstance(i, dict) and isinstance(i.get("name"), str)]

    def spouse(self) -> Person | None:
        person = Person(self.text(SPOUSE_SURNAMES), self.text(SPOUSE_GIVEN))
        return person if person.full else None

    def addresses(self) -> list[str]:
        street, city, country = (self.text(k) for k in HOME_ADDRESS_KEYS)
        first_line = street.splitlines()[0] if street else ""
        full = ", ".join(p for p in (" ".join(street.split()), city, country) if p)
        return [a for a in (full, ", ".join(p for p in (first_line, city) if p)) if a]

    def evidence(self, key: str) -> list[Evidence]:
        return self.side.evidence(key)


def _is_spouse(spouse: Person, printed: Fact, assessment: Assessment) -> bool:
    """The form's spouse, or the same person under the surname before the marriage.

    A marriage certificate prints each spouse's surname before the marriage
    and, further on, the surnames "after the marriage" ("жене АСАНОВА"); the
    form gives the spouse's present name. The given names must agree, and the
    form's surname must stand somewhere in the certificate.
    """
    if spouse.named_by(str(printed.value)):
        return True
    words = name_tokens(str(printed.value))
    given = name_tokens(spouse.given)
    if not given or not any(match_names(g, w).agrees for g in given[:1] for w in words):
        return False
    surnames = name_tokens(spouse.surnames)
    text_words = _WORD.findall(assessment.document.document.full_text)
    return bool(surnames) and all(any(match_names(s, w).agrees for w in text_words) for s in surnames)


def _same_org(a: str, b: str) -> bool:
    return bool(a) and bool(b) and match_organizations(a, b).agrees


def _monthly(income: dict[str, Any], months: int) -> dict[str, Any]:
    amount = float(income["amount"])
    if income.get("period") == YEARLY:
        amount /= months
    return {"amount": round(amount, 2), "currency": income.get("currency")}


# --- the linker ---------------------------------------------------------------------------------


@dataclass
class _Found:
    contradiction: Contradiction
    changes: frozenset[str]


Check = Callable[[Assessment, Form, Change], list[Evidence]]


class EvidenceLinker:
    """Links analysed documents to the changes; ``compare.engine`` calls it as its Linker."""

    def __init__(self, documents: Sequence[AnalysedDocument], applicant: Applicant,
                 rules: EvidenceRules | None = None,
                 passports: Sequence[PassportEvidence] = ()) -> None:
        self.rules = rules or load_evidence_rules()
        self.applicant = applicant
        self.assessments = [Assessment.of(d, applicant, self.rules) for d in documents]
        # Passport data pages: read at the documents stage, compared field by field.
        self.passports = list(passports)
        self.supports: dict[str, Check] = {
            "employer": self._employer_support,
            "occupation": self._occupation_support,
            "income": self._income_support,
            "marital_status": self._marital_support,
            "spouse": self._spouse_support,
            "address": self._address_support,
        }

    def notes(self, path: str) -> tuple[str, ...]:
        """Why a document could not count (another person, too old), for the report."""
        return (*(n for a in self.assessments if a.path == path for n in a.notes),
                *(n for p in self.passports if p.path == path for n in p.notes))

    def __call__(self, changes: list[Change], new_side: Side) -> list[Contradiction]:
        form = Form(new_side)
        found = [f for a in self.assessments for f in self._contradictions(a, form)]
        found += [_Found(f.contradiction, f.changes) for p in self.passports
                  for f in p.compare(new_side)]
        for change in changes:
            self._link(change, form, found)
        return [f.contradiction for f in found]

    def _link(self, change: Change, form: Form, found: list[_Found]) -> None:
        against = [f for f in found if change.name in f.changes]
        if against:
            change.evidence_status = CONTRADICTED
            change.evidence = [e for f in against for e in f.contradiction.evidence
                               if e.role == EVIDENCE_ROLE]
            return
        check = self.supports.get(change.name)
        proving = [a for a in self.assessments if a.usable and a.kind is not None
                   and change.name in a.kind.proves]
        evidence = [e for a in proving for e in check(a, form, change)] if check else []
        evidence += [e for p in self.passports for e in p.proof(change.name)]
        change.evidence_status = SUPPORTED if evidence else UNSUPPORTED
        change.evidence = evidence

    # --- support ---------------------------------------------------------------------------------

    def _org_facts(self, assessment: Assessment) -> list[Fact]:
        return [f for name in ORG_FACTS for f in assessment.facts(name)]

    def _employer_support(self, assessment: Assessment, form: Form, change: Change
                          ) -> list[Evidence]:
        employer = form.text(EMPLOYER)
        org = next((f for f in self._org_facts(assessment) if _same_org(f.value, employer)), None)
        if org is None:
            return []
        return assessment.cite(org, assessment.document.facts.first("position"),
                               assessment.document.facts.first("start_date"))

    def _occupation_support(self, assessment: Assessment, form: Form, change: Change
                            ) -> list[Evidence]:
        return self._employer_support(assessment, form, change)

    def _income_support(self, assessment: Assessment, form: Form, change: Change
                        ) -> list[Evidence]:
        stated = form.money()
        if stated is None:
            return []
        agreeing = [f for f in assessment.facts("income") if self._income_agrees(f, stated)]
        return assessment.cite(agreeing[0]) if agreeing else []

    def _income_agrees(self, fact: Fact, stated: dict[str, Any]) -> bool:
        monthly = _monthly(fact.value, self.rules.facts.months_per_year)
        if monthly["currency"] != stated.get("currency"):
            return False
        tolerance = self.rules.facts.income_tolerance
        return match_money(cast(Money, monthly), cast(Money, stated), tolerance=tolerance).agrees

    def _marital_support(self, assessment: Assessment, form: Form, change: Change
                         ) -> list[Evidence]:
        supports, _ = self.rules.facts.marital_status.get(assessment.document.kind,
                                                          (frozenset(), frozenset()))
        if form.text(MARITAL_STATUS).upper() not in supports:
            return []
        return assessment.cite(assessment.document.facts.first("event_date"))

    def _spouse_support(self, assessment: Assessment, form: Form, change: Change
                        ) -> list[Evidence]:
        spouse = form.spouse()
        if spouse is None:
            return []
        named = next((p for p in assessment.document.facts.persons
                      if _is_spouse(spouse, p, assessment)), None)
        return assessment.cite(named, assessment.document.facts.first("event_date")) if named else []

    def _address_support(self, assessment: Assessment, form: Form, change: Change
                         ) -> list[Evidence]:
        for fact in assessment.facts("address"):
            if any(match_addresses(fact.value, home).agrees for home in form.addresses()):
                return assessment.cite(fact)
        return []

    # --- contradictions --------------------------------------------------------------------------

    def _contradictions(self, assessment: Assessment, form: Form) -> list[_Found]:
        kind = assessment.kind
        if kind is None or assessment.stale or not (kind.proves or kind.contradicts):
            return []
        if assessment.about == ABOUT_OTHER:
            return [self._other_person(assessment, form)]
        if assessment.about != ABOUT_APPLICANT:
            return []
        checks: dict[str, Callable[[Assessment, Form], _Found | None]] = {
            "employer": self._other_employer,
            "income": self._other_income,
            "start_date": self._other_start,
            "marital_status": self._other_status,
            "spouse": self._other_spouse,
        }
        found = (checks[name](assessment, form) for name in sorted(kind.contradicts))
        return [f for f in found if f is not None]

    def _other_person(self, assessment: Assessment, form: Form) -> _Found:
        named = assessment.named
        assert named is not None and assessment.kind is not None
        message = (f"{_file(assessment.path)} is about {named.value}, not the applicant "
                   f"{self.applicant.person.full}")
        return _Found(
            Contradiction(SURNAMES, message, Value(named.text, named.value),
                          tuple([_evidence(assessment.path, named), *form.evidence(SURNAMES)])),
            frozenset())  # no change is contradicted: the document just proves nothing

    def _other_employer(self, assessment: Assessment, form: Form) -> _Found | None:
        employer = form.text(EMPLOYER)
        stated = assessment.facts("employer")
        if not employer or not stated or assessment.document.facts.current_employment is False:
            return None
        if any(_same_org(f.value, employer) for f in stated):
            return None
        if any(_same_org(f.value, p) for f in stated for p in form.previous_employers()):
            return None  # a letter from an earlier employer: history, not the present job
        fact = stated[0]
        message = (f"{_file(assessment.path)} names {fact.value} as the employer; the new "
                   f"application says {employer}")
        return self._contradiction(assessment, form, EMPLOYER, fact, message, "employer")

    def _other_income(self, assessment: Assessment, form: Form) -> _Found | None:
        stated = form.money()
        if stated is None:
            return None
        same_currency = [f for f in assessment.facts("income")
                         if f.value.get("currency") == stated.get("currency")]
        if not same_currency or any(self._income_agrees(f, stated) for f in same_currency):
            return None
        fact = max(same_currency, key=lambda f: _monthly(f.value, 12)["amount"])
        monthly = _monthly(fact.value, self.rules.facts.months_per_year)
        message = (f"{_file(assessment.path)} states a salary of {fact.text} "
                   f"({monthly['amount']:,.0f} {monthly['currency']} a month); the new application "
                   f"says {stated['amount']:,.0f} {stated.get('currency') or ''}".rstrip())
        return self._contradiction(assessment, form, INCOME, fact, message, "income")

    def _other_start(self, assessment: Assessment, form: Form) -> _Found | None:
        started = form.text(START_DATE)
        employer = form.text(EMPLOYER)
        stated = assessment.facts("start_date")
        if not started or not stated:
            return None
        if not any(_same_org(f.value, employer) for f in assessment.facts("employer")):
            return None  # another employer's dates: the employer check speaks for it
        if any(match_dates(str(f.value), started).verdict != "different" for f in stated):
            return None
        fact = stated[0]
        message = (f"{_file(assessment.path)} says the employment began {fact.text}; the new "
                   f"application says {started}")
        return self._contradiction(assessment, form, START_DATE, fact, message, "start_date")

    def _other_status(self, assessment: Assessment, form: Form) -> _Found | None:
        _, contradicts = self.rules.facts.marital_status.get(assessment.document.kind,
                                                             (frozenset(), frozenset()))
        status = form.text(MARITAL_STATUS).upper()
        if status not in contradicts:
            return None
        assert assessment.kind is not None
        message = (f"{_file(assessment.path)} is a {assessment.kind.name} of the applicant, but the "
                   f"new application says {status}")
        fact = assessment.document.facts.first("event_date") or assessment.named
        return self._contradiction(assessment, form, MARITAL_STATUS, fact, message,
                                   "marital_status")

    def _other_spouse(self, assessment: Assessment, form: Form) -> _Found | None:
        spouse = form.spouse()
        if spouse is None:
            return None
        others = self._other_spouses(assessment)
        if not others or any(_is_spouse(spouse, p, assessment) for p in others):
            return None
        fact = others[0]
        message = (f"{_file(assessment.path)} names {fact.value} as the spouse; the new "
                   f"application says {spouse.full}")
        return self._contradiction(assessment, form, SPOUSE_SURNAMES, fact, message, "spouse")

    def _other_spouses(self, assessment: Assessment) -> list[Fact]:
        """The spouses a certificate names besides the applicant.

        Named as husband, wife, bride or groom; on a form that prints them by
        layout (no cue), the first two people of a marriage or divorce
        certificate are the couple (witnesses and the registrar come after).
        """
        persons = assessment.document.facts.persons
        named = [p for p in persons if p.role == SPOUSE_ROLE]
        if not named and assessment.document.kind in self.rules.facts.marital_status:
            named = [p for p in persons if p.role in SUBJECT_ROLES][:COUPLE]
        return [p for p in named if not self.applicant.is_applicant(p.value)
                and len(str(p.value).split()) > 1]

    def _contradiction(self, assessment: Assessment, form: Form, key: str, fact: Fact | None,
                       message: str, what: str) -> _Found:
        value = Value(fact.text, fact.value) if fact is not None else None
        evidence = tuple(assessment.cite(fact) + form.evidence(key))
        return _Found(Contradiction(key, message, value, evidence), CONTRADICTS_CHANGES[what])
