"""The fingerprints one case gives to the checks across client folders (``cross_case``).

Computed in the worker with the case (so they are cached with it): the person the new DS-160 is
about and the relatives it names (to tell the same applicant, or a declared family, from
strangers), and the marks other cases are grouped with: each supporting document's SHA-256, the
masked wording of letters (``field_rules/batch/cross_case.yaml``), the new application's phones,
e-mails and U.S. contact address, and every print-out's Application ID.

Every value is kept as a salted hash; only ``shown`` (what a report prints, masked under
``--redact``) and names are kept as text, so a redacted cache entry holds nothing ``--redact``
hides.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ds160check.application import Application
from ds160check.batch import model as m
from ds160check.batch.rule_file import read_mapping
from ds160check.errors import Ds160CheckError, RuleError
from ds160check.matching.fold import fold_latin, name_tokens
from ds160check.matching.values import romanized
from ds160check.rules.load import suggest
from ds160check.rules_path import rules_dir
from ds160check.values import find_dates

if TYPE_CHECKING:
    from ds160check.documents.ingest import TextDocument

CROSS_CASE_FILE = "batch/cross_case.yaml"
# The key under which a case's fingerprints travel from the worker on its summary row (and are
# cached with it); the batch takes them off before the row is written.
FINGERPRINTS = "fingerprints"
SETTINGS_KEYS = ("text_kinds", "min_words", "phone_digits", "min_phone_digits", "address_words")
# documents[].kind of findings.md: what `text_kinds` may name.
DOCUMENT_KINDS = (
    "print", "confirmation", "refusal_letter", "ceac_status", "passport", "employment_letter", "payslip",
    "bank_statement", "property_certificate", "marriage_certificate", "divorce_certificate",
    "business_registration", "tax_return", "school_enrolment", "other", "unreadable")

SAME_APPLICATION_ID = "same_application_id"
SAME_DOCUMENT = "same_document"
SAME_DOCUMENT_TEXT = "same_document_text"
SAME_PHONE = "same_phone"
SAME_EMAIL = "same_email"
SAME_US_CONTACT = "same_us_contact"
KINDS = (SAME_APPLICATION_ID, SAME_DOCUMENT, SAME_DOCUMENT_TEXT, SAME_PHONE, SAME_EMAIL, SAME_US_CONTACT)

# Name words whose Latin key is remembered (folding a word takes a tenth of a millisecond; a
# batch meets each name many times).
NAME_KEYS_KEPT = 1 << 16
# Hashes are salted so a cache entry's keys are no plain SHA-256 of a phone number or a birth date.
SALT = b"ds160check.cross_case/1\0"
HASH_CHARS = 32
# Files that are not supporting documents: the applications themselves (their Application IDs are
# compared instead), the case's settings, and what was not read.
NOT_DOCUMENTS = (*m.APPLICATION_ROLES, m.CONFIRMATION, m.SETTINGS, m.IGNORED, m.PASSED_OVER, m.UNREADABLE)
PHONE_FIELDS = (("contact.primary_phone", "primary phone"), ("contact.secondary_phone", "secondary phone"),
                ("contact.other_phones", "earlier phone"))
EMAIL_FIELDS = (("contact.email", "e-mail"), ("contact.other_emails", "earlier e-mail"))
# Name fields of the applications whose words are masked in letters (the applicant, earlier names,
# the family a letter may name).
NAME_FIELDS = ("personal.surnames", "personal.given_names", "personal.full_name_native",
               "family.father_surnames", "family.father_given_names", "family.mother_surnames",
               "family.mother_given_names", "family.spouse_surnames", "family.spouse_given_names")
NAME_LISTS = ("personal.other_names", "family.immediate_relatives")
RELATIVES = (("family.spouse", "spouse"), ("family.father", "father"), ("family.mother", "mother"))

_EMAIL = re.compile(r"[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_TOKEN = re.compile(r"\x00[DEP]\x00|[^\W_]+")
DATE_MARK, EMAIL_MARK, NUMBER_MARK, NAME_MARK = "#date", "#email", "#number", "#name"
_MARKS = {"\x00D\x00": DATE_MARK, "\x00E\x00": EMAIL_MARK, "\x00P\x00": NAME_MARK}


@dataclass(frozen=True)
class Settings:
    text_kinds: frozenset[str]
    min_words: int
    phone_digits: int
    min_phone_digits: int
    address_words: dict[str, str]


@cache
def cross_case_settings(path: Path | None = None) -> Settings:
    """``cross_case.yaml`` read; a broken file raises :class:`RuleError` naming it."""
    path = path or rules_dir() / CROSS_CASE_FILE
    data = read_mapping(path, SETTINGS_KEYS, "unknown setting",
                        f"a mapping of {', '.join(SETTINGS_KEYS)}")
    kinds = data.get("text_kinds")
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise RuleError(path, None, "text_kinds: expected a list of document kinds")
    for kind in kinds:
        if kind not in DOCUMENT_KINDS:
            raise RuleError(path, None, f"text_kinds: unknown document kind {kind!r}"
                                        f"{suggest(kind, DOCUMENT_KINDS)}")
    words = data.get("address_words")
    if not isinstance(words, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in words.items()):
        raise RuleError(path, None, "address_words: expected a mapping of word: spelling")
    numbers = {key: _positive(path, key, data.get(key)) for key in ("min_words", "phone_digits",
                                                                    "min_phone_digits")}
    return Settings(frozenset(kinds), address_words={k.casefold(): v.casefold() for k, v in words.items()},
                    **numbers)


def _positive(path: Path, key: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RuleError(path, None, f"{key}: expected a positive whole number, not {value!r}")
    return value


def digest(*parts: str) -> str:
    """A salted hash of ``parts``: what two cases are grouped by."""
    h = hashlib.sha256(SALT)
    for part in parts:
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()[:HASH_CHARS]


# --- the model --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One key a case is grouped by: ``kind``, the hashed ``key``, the ``file`` within the case
    folder it was read from, and ``shown``: what a report names (a phone as printed, masked under
    --redact; a document's kind)."""

    kind: str
    key: str
    file: str
    shown: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "key": self.key, "file": self.file, "shown": self.shown}


@dataclass(frozen=True)
class Person:
    """Who a DS-160 is about, or a relative it names: names as printed, birth date and passport
    numbers hashed, the home address hashed (a family clue)."""

    surnames: str = ""
    given: str = ""
    native: str | None = None
    birth: str | None = None
    passports: tuple[str, ...] = ()
    home: str | None = None
    relation: str | None = None

    @property
    def name(self) -> str:
        return ", ".join(p for p in (self.surnames, self.given) if p) or "name not read"

    def to_dict(self) -> dict[str, Any]:
        return {"surnames": self.surnames, "given": self.given, "native": self.native, "birth": self.birth,
                "passports": list(self.passports), "home": self.home, "relation": self.relation}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(data.get("surnames") or "", data.get("given") or "", data.get("native"), data.get("birth"),
                   tuple(data.get("passports") or ()), data.get("home"), data.get("relation"))


@dataclass(frozen=True)
class Fingerprints:
    person: Person | None = None
    relatives: tuple[Person, ...] = ()
    marks: tuple[Mark, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person.to_dict() if self.person else None,
                "relatives": [r.to_dict() for r in self.relatives],
                "marks": [mark.to_dict() for mark in self.marks]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fingerprints:
        person = data.get("person")
        return cls(Person.from_dict(person) if person else None,
                   tuple(Person.from_dict(r) for r in data.get("relatives") or ()),
                   tuple(Mark(**mark) for mark in data.get("marks") or ()))


# --- in the worker ----------------------------------------------------------------------------------


def case_fingerprints(case: m.CaseResult, folder: Path, files: Sequence[Path], *,
                      passwords: Sequence[str] = (), redact: bool = False) -> Fingerprints:
    """The fingerprints of a checked (or partly checked) case. Letters of a ``text_kinds`` kind
    are read again for their wording (a text layer in milliseconds; a scan from the OCR cache)."""
    settings = cross_case_settings()
    password = passwords[0] if passwords else None
    named = _names_in(folder, files)
    apps = _applications(case, named, password)
    new = case.comparisons[0].new if case.comparisons else (apps[-1][1] if apps else None)
    marks = [*_id_marks(apps), *_document_marks(case)]
    marks += _text_marks(case, named, [a for _, a in apps], settings, password)
    if new is not None:
        new_file = next((name for name, app in apps if app is new), "")
        marks += _contact_marks(new, new_file, settings, redact)
    person = _person(new, [a for _, a in apps]) if new is not None else None
    relatives = tuple(_relatives(new)) if new is not None else ()
    return Fingerprints(person, relatives, tuple(sorted(set(marks), key=_mark_order)))


def _mark_order(mark: Mark) -> tuple[str, str, str]:
    return mark.kind, mark.file, mark.key


def _names_in(folder: Path, files: Sequence[Path]) -> dict[str, str]:
    """Absolute path as read -> the file's name within the case folder (as ``case.files`` names it)."""
    base = os.path.abspath(folder)
    return {os.path.abspath(p): Path(os.path.relpath(os.path.abspath(p), base)).as_posix() for p in files}


def _applications(case: m.CaseResult, named: dict[str, str], password: str | None
                  ) -> list[tuple[str, Application]]:
    """Every DS-160 print-out of the case with its name, oldest compared first, the new one last.
    Print-outs no comparison read (a lone one, one not compared) are read again: they are few."""
    found: dict[str, Application] = {}
    for comparison in reversed(case.comparisons):
        for app in (comparison.old, comparison.new):
            found.setdefault(named.get(os.path.abspath(app.document.path), app.document.path), app)
    by_name = {name: path for path, name in named.items()}
    for entry in case.files:
        if entry.taken_as in (m.LONE_PRINT, m.NOT_COMPARED) and entry.name not in found:
            read = _extracted(by_name.get(entry.name), password)
            if read is not None:
                found[entry.name] = read
    new = case.comparisons[0].new if case.comparisons else None
    return sorted(found.items(), key=lambda item: (item[1] is new, item[0]))


def _extracted(path: str | None, password: str | None) -> Application | None:
    from ds160check.extraction import extract

    if path is None:
        return None
    try:
        return extract(path, password=password)
    except (Ds160CheckError, OSError, ValueError):
        return None


def _id_marks(apps: Iterable[tuple[str, Application]]) -> Iterator[Mark]:
    for name, app in apps:
        app_id = app.get("application.id")
        if app_id:
            yield Mark(SAME_APPLICATION_ID, digest(str(app_id).upper()), name, str(app_id))


def _document_marks(case: m.CaseResult) -> Iterator[Mark]:
    for entry in case.files:
        if entry.sha256 and entry.taken_as not in NOT_DOCUMENTS:
            yield Mark(SAME_DOCUMENT, digest(entry.sha256), entry.name, entry.taken_as)


def _text_marks(case: m.CaseResult, named: dict[str, str], apps: Sequence[Application], settings: Settings,
                password: str | None) -> Iterator[Mark]:
    from ds160check.documents.ingest import load_document

    report = case.primary
    if report is None:
        return
    names = _name_words(apps)
    for entry in report.documents:
        if entry.role != "evidence" or entry.kind not in settings.text_kinds:
            continue
        document = case.texts.get(entry.path)  # as the case read it
        try:
            document = document or load_document(entry.path, password=password)
        except (Ds160CheckError, OSError):
            continue  # gone or changed since it was read: it is told in the case, not here
        text, people = _text_and_people(document)
        words = masked_words(text, names, people)
        if sum(not w.startswith("#") for w in words) >= settings.min_words:
            name = named.get(os.path.abspath(entry.path), Path(entry.path).name)
            yield Mark(SAME_DOCUMENT_TEXT, digest(*words), name, entry.kind)


def _text_and_people(document: TextDocument) -> tuple[str, list[tuple[int, int]]]:
    """The document's text as the evidence stage reads it, and where it names people (the
    pipeline's persons and the people the layout shows): masked too, so a letter left naming
    someone else masks alike in both folders. Without the evidence stage: the text alone."""
    try:
        from ds160check.evidence.analyse import PERSON
        from ds160check.evidence.flat import flatten
        from ds160check.evidence.people import layout_people
    except ImportError:
        return document.full_text, []
    analyser = _analyser()
    flat = flatten(document.spans)
    found = layout_people(flat, analyser.rules.entities.layout_people)
    with contextlib.suppress(ImportError):  # no spaCy: the forms' names and the layout's people
        found += [e for e in analyser.pipeline.entities(flat.text) if e.label == PERSON]
    return flat.text, [(e.start, e.end) for e in found]


@cache
def _analyser() -> Any:
    from ds160check.evidence.analyse import Analyser

    return Analyser()


@lru_cache(maxsize=NAME_KEYS_KEPT)
def name_key(word: str) -> str:
    """A name word in Latin capitals without marks (Ахметова and AKHMETOVA are one)."""
    return fold_latin(romanized(word.upper()))


def _name_words(apps: Sequence[Application]) -> frozenset[str]:
    """The words of every name the applications give: the applicant's, earlier names, family."""
    texts: list[str] = []
    for app in apps:
        texts += [str(app.get(key)) for key in NAME_FIELDS if app.get(key)]
        for key in NAME_LISTS:
            for item in app.get(key) or ():
                if isinstance(item, dict):
                    texts += [str(item.get(k)) for k in ("surnames", "given_names") if item.get(k)]
    return frozenset(name_key(w) for text in texts for w in name_tokens(text) if len(w) > 1)


def masked_words(text: str, names: frozenset[str] = frozenset(),
                 people: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The words of ``text``, case-folded, with dates, e-mails, anything with a digit (amounts,
    numbers, phones), the words of ``names`` and the spans of ``people`` masked, and a run of one
    mask told once (so "1 200 000" and "1200000" mask alike)."""
    spans = sorted([(d.start, d.end, "\x00D\x00") for d in find_dates(text)]
                   + [(e.start(), e.end(), "\x00E\x00") for e in _EMAIL.finditer(text)]
                   + [(start, end, "\x00P\x00") for start, end in people])
    pieces, at = [], 0
    for start, end, mark in spans:
        if start >= at:
            pieces += [text[at:start], f" {mark} "]
            at = end
    pieces.append(text[at:])
    words: list[str] = []
    for token in _TOKEN.findall("".join(pieces)):
        word = _MARKS.get(token) or _masked_word(token, names)
        if not (word.startswith("#") and words and words[-1] == word):
            words.append(word)
    return words


def _masked_word(token: str, names: frozenset[str]) -> str:
    if any(c.isdigit() for c in token):
        return NUMBER_MARK
    if name_key(token) in names:
        return NAME_MARK
    return token.casefold()


def _contact_marks(app: Application, file: str, settings: Settings, redact: bool) -> Iterator[Mark]:
    from ds160check.redact import mask_email, mask_id

    for key, label in PHONE_FIELDS:
        for phone in _values(app.get(key)):
            digits = re.sub(r"\D", "", phone)
            if len(digits) >= settings.min_phone_digits:
                shown = mask_id(phone) if redact else phone
                yield Mark(SAME_PHONE, digest(digits[-settings.phone_digits:]), file, f"{label} {shown}")
    for key, label in EMAIL_FIELDS:
        for email in _values(app.get(key)):
            if "@" in email:
                shown = mask_email(email) if redact else email
                yield Mark(SAME_EMAIL, digest(email.strip().casefold()), file, f"{label} {shown}")
    address = app.get("us_contact.address")
    key = address_key(str(address), settings) if address else ""
    if key:
        who = app.get("us_contact.organization") or ", ".join(
            str(app.get(k)) for k in ("us_contact.surnames", "us_contact.given_names") if app.get(k))
        yield Mark(SAME_US_CONTACT, digest(key), file, f"{who} at {address}" if who else str(address))


def _values(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return [str(value)] if value else []


def address_key(address: str, settings: Settings | None = None) -> str:
    """An address as words, case-folded, diacritics gone, common words spelled one way."""
    words = (settings or cross_case_settings()).address_words
    tokens = re.findall(r"[^\W_]+", fold_latin(address).casefold())
    return " ".join(words.get(t, t) for t in tokens)


def _person(new: Application, apps: Sequence[Application]) -> Person:
    birth = new.get("personal.date_of_birth")
    passports = sorted({digest(re.sub(r"\W", "", str(a.get("passport.number"))).upper())
                        for a in apps if a.get("passport.number")})
    return Person(str(new.get("personal.surnames") or ""), str(new.get("personal.given_names") or ""),
                  str(new.get("personal.full_name_native") or "") or None,
                  digest(str(birth)) if birth else None, tuple(passports), _home(new))


def _home(app: Application) -> str | None:
    parts = [str(app.get(k)) for k in ("contact.home_street", "contact.home_city") if app.get(k)]
    return digest(address_key(" ".join(parts))) if parts else None


def _relatives(app: Application) -> Iterator[Person]:
    """The spouse and parents (with their birth dates) and immediate relatives the DS-160 names."""
    for prefix, relation in RELATIVES:
        surnames, given = app.get(f"{prefix}_surnames"), app.get(f"{prefix}_given_names")
        if surnames or given:
            birth = app.get(f"{prefix}_date_of_birth")
            yield Person(str(surnames or ""), str(given or ""), birth=digest(str(birth)) if birth else None,
                         relation=relation)
    for item in app.get("family.immediate_relatives") or ():
        if isinstance(item, dict) and (item.get("surnames") or item.get("given_names")):
            yield Person(str(item.get("surnames") or ""), str(item.get("given_names") or ""),
                         relation=str(item.get("relationship") or "relative").lower())
