"""A passport data page against the new application: whose it is, what it contradicts, what it proves.

    >>> check = PassportEvidence("passport.pdf", page, Applicant.of(new_side))
    >>> found = check.compare(new_side)       # contradictions, each with the changes it takes away
    >>> check.proof("passport")               # the quotes that prove the renewal, or []

Whose it is: the applicant's when the holder's name names the applicant
(transliteration-aware, as :class:`~ds160check.evidence.applicant.Person`
matches names); a relative's when it names one the form names; another
person's when neither the name nor the date of birth is the applicant's: then
one EVIDENCE_CONTRADICTS says so, as for any document about someone else.
The applicant's passport of the old application (its number is the old
form's) says nothing about the new passport.

Then each `passport_page` rule of ``field_rules/compare/fields.yaml``: a field
that differs is EVIDENCE_CONTRADICTS at the rule's severity, quoting the MRZ
line or the printed caption and value; a name spelled another way
(transliteration, order) is NAME_VARIANT. A field whose MRZ check digit does
not verify is not compared: the read is not trusted. The page proves a
renewal (the new passport) when every field of that renewal agrees and no
check digit of the page failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ds160check.comparison.codes import Code
from ds160check.comparison.engine import Contradiction, Side
from ds160check.comparison.matchers import match_scalar
from ds160check.comparison.model import Evidence, Value
from ds160check.documents.passport import (
    BIRTH,
    FIELD_NAMES,
    GIVEN_NAMES,
    NUMBER,
    SURNAMES,
    PassportField,
    PassportPage,
)
from ds160check.evidence.applicant import (
    ABOUT_APPLICANT,
    ABOUT_OTHER,
    ABOUT_RELATIVE,
    ABOUT_UNKNOWN,
    Applicant,
)
from ds160check.matching import Match, match_person
from ds160check.rules import load_rules
from ds160check.rules.compare_rules import CompareRules, PassportRule
from ds160check.values import canonical_country
from ds160check.wording import describe

__all__ = ["PassportEvidence", "PassportFound"]

EVIDENCE_ROLE: Final = "evidence"
NAME_MATCHER, COUNTRY_MATCHER = "name", "country"
# NAME_VARIANT's variant (codes.yaml) for a name the passport spells otherwise.
PASSPORT_VARIANT: Final = "passport"
NATIVE_NAME: Final = "personal.full_name_native"


@dataclass(frozen=True)
class PassportFound:
    """What the page says otherwise, and the renewals that takes away."""

    contradiction: Contradiction
    changes: frozenset[str]


@dataclass
class PassportEvidence:
    """One passport data page, judged against the new application by :meth:`compare`."""

    path: str
    page: PassportPage
    applicant: Applicant
    old_number: str | None = None  # the passport number of the old application
    about: str = ABOUT_UNKNOWN
    notes: list[str] = field(default_factory=list)
    _agreed: dict[str, list[PassportField]] = field(default_factory=dict)
    _against: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def doubt(self) -> str | None:
        """Why the page could not be confirmed (a check digit failed), for a notice; None when it could."""
        if not self.page.failed:
            return None
        if self.page.mrz is not None and not self.page.mrz.second_line_read:
            return (f"{self.name} reads as a passport data page, but the second line of its MRZ "
                    "could not be read in full, so no check digit could be verified: the read is "
                    "not trusted and could not be confirmed against the form: check it by hand")
        failed = self.page.failed
        what = ", ".join(failed[:-1]) + " and " + failed[-1] if len(failed) > 1 else failed[0]
        digits = "check digits" if len(failed) > 1 else "check digit"
        verify = "do" if len(failed) > 1 else "does"
        return (f"{self.name} reads as a passport data page, but the MRZ {digits} of {what} {verify} "
                "not verify: the read is not trusted, so it could not be confirmed against the "
                "form: check it by hand")

    def proof(self, change: str) -> list[Evidence]:
        """The quotes that prove ``change`` (a renewal), or [] when the page does not prove it."""
        if self.about != ABOUT_APPLICANT or self.page.failed or change in self._against:
            return []
        agreed = self._agreed.get(change, [])
        if not any(f.key == NUMBER for f in agreed):
            return []  # another document's dates are not this passport's
        return _cited(self.path, agreed)

    def compare(self, side: Side, rules: CompareRules | None = None) -> list[PassportFound]:
        """What the page contradicts in the new application (``side``); sets :attr:`about` and the notes."""
        rules = rules or load_rules().compare
        self.notes, self._agreed, self._against = [], {}, set()
        self.about = self._whose(side)
        if self.about == ABOUT_OTHER:
            return [self._other_person(side)]
        if self.about != ABOUT_APPLICANT:
            return []
        old = self._is_old_passport(side)
        found = []
        for rule in rules.passport_page:
            if old and rule.change is not None:
                continue  # the old passport's number and dates are not the new one's
            found += self._check(rule, side)
        return found

    # --- whose passport ----------------------------------------------------------------------

    def _whose(self, side: Side) -> str:
        holder = self.page.holder
        if not holder:
            if self._number_is_the_forms(side):
                self.notes.append("the holder's name could not be read from it; its passport number, "
                                  "verified by its check digit, is the application's")
                return ABOUT_APPLICANT
            self.notes.append("the holder's name could not be read from it")
            return ABOUT_UNKNOWN
        if self.applicant.is_applicant(holder):
            return ABOUT_APPLICANT
        if not self.page.holder_trusted:
            # An MRZ line read at 52 gave 'P<TJIKRAKHIMOV<<FARKHOD' (TJK and an I), and the clean
            # control's own passport was "about KRAKHIMOV FARKHOD, not the applicant".
            if self._number_is_the_forms(side) or self._birth(side) == "same":
                self.notes.append(f"its names were read unsurely ({holder}); its passport number "
                                  "or date of birth, verified by a check digit, is the application's")
                return ABOUT_APPLICANT
            self.notes.append(f"its names were read too unsurely ({holder}) to tell whose page it is")
            return ABOUT_UNKNOWN
        if self.applicant.is_relative(holder):
            self.notes.append(f"about {holder} (a relative or sponsor named in the application)")
            return ABOUT_RELATIVE
        if self._birth(side) == "same":
            return ABOUT_APPLICANT  # the applicant's birth date: the form's names are what is wrong
        if self._number_is_the_forms(side):
            # The passport number the form gives, verified by its check digit: the names read
            # (a given name the photo lost: 'P<ARMMKRTCHYAN<<') or the date of birth are what
            # differs, and each is compared as such.
            self.notes.append(f"its names read {holder}; its passport number, verified by its check "
                              "digit, is the application's")
            return ABOUT_APPLICANT
        self.notes.append(f"about {holder}, not the applicant {self.applicant.person.full}")
        return ABOUT_OTHER

    def _birth(self, side: Side) -> str | None:
        born = self.page.fields.get(BIRTH)
        stated = side.get(BIRTH)
        if born is None or born.verified is False or not stated:
            return None
        return match_scalar("date", born.value, stated).verdict

    def _other_person(self, side: Side) -> PassportFound:
        holder = self.page.holder
        born = self.page.fields.get(BIRTH)
        when = f", born {born.value}" if born is not None and born.verified is not False else ""
        message = (f"{self.name} is about {holder} (a passport data page{when}), not the applicant "
                   f"{self.applicant.person.full}")
        shown = self.page.fields.get(SURNAMES) or self.page.fields.get(GIVEN_NAMES)
        quotes = _cited(self.path, [shown]) if shown is not None else []
        contradiction = Contradiction(SURNAMES, message, Value(holder, holder),
                                      (*quotes, *side.evidence(SURNAMES)))
        return PassportFound(contradiction, frozenset())  # it proves nothing, contradicts no change

    def _number_is_the_forms(self, side: Side) -> bool:
        """The page's passport number, its check digit verifying, is one the applicant's forms give."""
        number = self.page.fields.get(NUMBER)
        if number is None or number.verified is not True:
            return False
        stated = (side.get(NUMBER), self.old_number)
        return any(given and _agrees("id", number.value, given) for given in stated)

    def _is_old_passport(self, side: Side) -> bool:
        number = self.page.fields.get(NUMBER)
        stated = side.get(NUMBER)
        if number is None or number.verified is False or not self.old_number or not stated:
            return False
        if not _agrees("id", number.value, self.old_number) or _agrees("id", number.value, stated):
            return False
        self.notes.append(f"the passport of the old application ({number.value}): the new "
                          f"application gives {stated}, so it proves nothing about the new passport")
        return True

    # --- field by field ----------------------------------------------------------------------

    def _check(self, rule: PassportRule, side: Side) -> list[PassportFound]:
        if rule.matcher == NAME_MATCHER and set(rule.fields) == {SURNAMES, GIVEN_NAMES}:
            matches = self._names(side)
        else:
            matches = {key: self._match(rule, key, side) for key in rule.fields}
        found = []
        for key, match in matches.items():
            shown = self.page.fields.get(key)
            if match is None or shown is None:
                continue
            if match.verdict == "different":
                found.append(self._contradiction(rule, shown, side, match))
            else:
                if match.verdict == "variant" and rule.matcher == NAME_MATCHER:
                    found.append(self._name_variant(shown, side, match))
                if rule.change is not None:
                    self._agreed.setdefault(rule.change, []).append(shown)
        return found

    def _comparable(self, key: str, side: Side) -> tuple[PassportField, Any] | None:
        shown, stated = self.page.fields.get(key), side.get(key)
        if shown is None or stated in (None, "", []) or shown.verified is False:
            return None  # not on the page, not on the form, or a read not to be trusted
        return shown, stated

    def _match(self, rule: PassportRule, key: str, side: Side) -> Match | None:
        pair = self._comparable(key, side)
        if pair is None:
            return None
        if rule.matcher == COUNTRY_MATCHER and canonical_country(pair[0].value) is None:
            # ICAO codes no country table lists (D for Germany, XXA stateless, GBD ...).
            self.notes.append(f"the {FIELD_NAMES[key]} {pair[0].value} is no country the country "
                              "table knows: not compared")
            return None
        return match_scalar(rule.matcher, pair[0].value, pair[1])

    def _names(self, side: Side) -> dict[str, Match | None]:
        """Surnames and given names together: swapped or re-split names are one person's."""
        surnames, given = self._comparable(SURNAMES, side), self._comparable(GIVEN_NAMES, side)
        if surnames is None or given is None:
            return {SURNAMES: self._single_name(SURNAMES, side),
                    GIVEN_NAMES: self._single_name(GIVEN_NAMES, side)}
        native = side.get(NATIVE_NAME) or None
        by_surname, by_given = match_person(surnames[0].value, given[0].value, str(surnames[1]),
                                            str(given[1]), native_new=native)
        return {SURNAMES: by_surname, GIVEN_NAMES: by_given}

    def _single_name(self, key: str, side: Side) -> Match | None:
        pair = self._comparable(key, side)
        if pair is None:
            return None
        return match_scalar(NAME_MATCHER, pair[0].value, pair[1],
                            native=(None, side.get(NATIVE_NAME) or None))

    def _contradiction(self, rule: PassportRule, shown: PassportField, side: Side,
                       match: Match) -> PassportFound:
        stated = describe(side.get(shown.key))
        message = (f"{self.name} (passport data page, {_where(shown)}) gives the "
                   f"{FIELD_NAMES[shown.key]} {shown.value}; the new application says {stated}")
        if match.reason and match.reason != "different names":
            message += f" ({match.reason})"
        contradiction = Contradiction(shown.key, message, Value(shown.raw, shown.value),
                                      (*_cited(self.path, [shown]), *side.evidence(shown.key)),
                                      severity=rule.severity)
        if rule.change is not None:
            self._against.add(rule.change)
        changes = frozenset({rule.change}) if rule.change is not None else frozenset()
        return PassportFound(contradiction, changes)

    def _name_variant(self, shown: PassportField, side: Side, match: Match) -> PassportFound:
        stated = describe(side.get(shown.key))
        message = (f"{self.name} (passport data page, {_where(shown)}) spells the "
                   f"{FIELD_NAMES[shown.key]} {shown.value}; the new application says {stated} "
                   f"({match.reason}): write it as the passport does")
        contradiction = Contradiction(shown.key, message, Value(shown.raw, shown.value),
                                      (*_cited(self.path, [shown]), *side.evidence(shown.key)),
                                      code=Code.NAME_VARIANT, variant=PASSPORT_VARIANT)
        return PassportFound(contradiction, frozenset())


def _agrees(matcher: str, a: Any, b: Any) -> bool:
    return match_scalar(matcher, a, b).verdict != "different"


def _where(shown: PassportField) -> str:
    return f"MRZ line {shown.line}" if shown.source == "mrz" else "printed"


def _cited(path: str, fields: list[PassportField]) -> list[Evidence]:
    """Each field's quote, each quote once: the MRZ line or the caption and value, where it stands."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for shown in fields:
        span = shown.span
        key = (span.page, span.paragraph, shown.quote)
        if key in seen:
            continue
        seen.add(key)
        box = tuple(span.box.as_list()) if span.box is not None else None
        out.append(Evidence(path, EVIDENCE_ROLE, shown.quote, span.page, box, span.paragraph,
                            span.ocr_confidence))
    return out
