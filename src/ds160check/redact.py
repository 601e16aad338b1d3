"""``--redact``: personal numbers, emails and dates of birth masked before any renderer sees them.

    >>> redact_extract(app).get("passport.number")
    'N15•••204'
    >>> redact_report(report, sources=[old_app, new_app])      # a Report, or its JSON dict

Which fields are personal, and how each is masked, is data:
``field_rules/privacy.yaml``. Masks keep enough to tell two values apart
(``N15•••204`` and ``N17•••311``) and hide the rest.

Redaction works in two passes, so that a value is masked wherever it shows:

1. **collect** the values of the personal fields (typed value, the text it was
   printed as, an unreadable value quoted in a warning) with their masks;
2. **scrub** every string of the result: a collected value, in any spacing or
   punctuation (``N 1583-9204``, ``N_15839204``) and glued to a prefix
   (``IIN880412450318``), a date of birth in any spelling ``values.parse_date``
   reads (``12.04.88``, ``1988 April 12``, ``12 апреля 1988 г.``, ``19880412``:
   one date grammar for reading and for hiding, :func:`values.find_dates`),
   and any email address are replaced by their masks. Other dates stay.

Both passes work on the objects (:class:`Application`, :class:`Report`) the
renderers take, and on their JSON dicts, so every output format is covered.
A report holds only the values its findings name; pass the applications it
was made from as ``sources`` so that the rest (say, a phone number quoted in
evidence) is known too.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

from ds160check.application import Application
from ds160check.errors import RuleError
from ds160check.rules import Catalogue, Rules, load_rules, load_rules_from
from ds160check.rules.registry import register_family
from ds160check.rules.source import Source, key_line, keys_of, load_source, suggest
from ds160check.rules_path import rules_dir
from ds160check.values import DASHES, DATE_FILLER_WORDS, date_readings, find_dates, is_null_text

PRIVACY_FILE: Final = "privacy.yaml"
BULLET: Final = "•"
HIDDEN: Final = BULLET * 3
MASKS: Final = ("id", "phone", "email", "birth_date")

# Values shorter than this are masked only where a whole string equals them:
# as a substring they would hit unrelated text.
MIN_SEARCHED_LENGTH: Final = 5
# The lengths of a phone number without its country code (9 digits in Uzbekistan, 10 in Kazakhstan or India).
NATIONAL_DIGITS: Final = (10, 9)
# Characters a number may be printed with between its digits: N 1583-9204, +7 (701) 555 01 42,
# N_15839204 in a file name; the dashes are those values.parse_id reads.
_SEPARATOR_CLASS: Final = rf"[\s{DASHES}./()_]"
_SEPARATORS: Final = f"{_SEPARATOR_CLASS}*"
_SEPARATOR_CHARS: Final = re.compile(f"{_SEPARATOR_CLASS}+")
# A run of digits or of letters: what a date's mask hides one at a time (12APR1988 is three).
_DATE_RUN: Final = re.compile(r"\d+|[^\W\d_]+")
# Starting only where a run of address characters starts: tried at every character of a long
# run without "@", the search took quadratic time (a minute for 50,000 letters).
_EMAIL: Final = re.compile(r"(?<![\w.%+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}")
_YEAR: Final = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_FULL_YEAR: Final = re.compile(r"1[89]\d\d|2\d\d\d")
# A date printed as digits alone, with its year at one edge: 19880412, 12041988.
_COMPACT_LENGTH: Final = 8
_YEAR_DIGITS: Final = 4
# The warning extraction writes for a value it could not read: "KEY: could not read 'RAW' (reason)".
_UNREADABLE: Final = re.compile(
    r"^(?P<key>[a-z_]+\.[a-z_]+): could not read (?P<raw>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
)

T = TypeVar("T")

if TYPE_CHECKING:
    from ds160check.comparison.model import Report


# --- masks -------------------------------------------------------------------


def mask_id(text: str) -> str:
    """``N15839204`` → ``N15•••204``: the first and last three characters, fewer of short values.

    Spaces and punctuation do not count, so the printed ``N 1583-9204`` masks the same.
    """
    core = _SEPARATOR_CHARS.sub("", text)
    keep = 3 if len(core) >= 8 else 2 if len(core) >= 6 else 1 if len(core) >= 4 else 0
    return f"{core[:keep]}{HIDDEN}{core[len(core) - keep :] if keep else ''}"


def mask_email(text: str) -> str:
    """``AIGERIM.AKH88@EXAMPLE.COM`` → ``A•••@EXAMPLE.COM``."""
    core = text.strip()
    user, at, domain = core.rpartition("@")
    if not at or not user:
        return mask_id(core)
    return f"{user[0]}{HIDDEN}@{domain}"


def mask_birth_date(text: str) -> str:
    """``1988-04-12`` → ``1988-••-••``, ``12 APRIL 1988`` → ``•• •• 1988``: the year only.

    Every other run of letters or of digits becomes two bullets, whatever its
    length, but for the words a date is written with (``•• OF •• 1988``,
    ``•• •• 1988 г.``). A year printed inside digits stays at its edge
    (``19880412`` → ``1988••``); a two-digit year is hidden (``••.••.••``).
    """
    year = _YEAR.search(text)

    def hide(run: re.Match[str]) -> str:
        word = run.group()
        if (year is not None and run.start() == year.start()) or word.upper() in DATE_FILLER_WORDS:
            return word
        if year is None and len(word) == _COMPACT_LENGTH and word.isdigit():
            return _mask_compact_date(word)
        return BULLET * 2

    return _DATE_RUN.sub(hide, text)


def _mask_compact_date(digits: str) -> str:
    if _FULL_YEAR.fullmatch(digits[:_YEAR_DIGITS]):
        return digits[:_YEAR_DIGITS] + BULLET * 2
    if _FULL_YEAR.fullmatch(digits[-_YEAR_DIGITS:]):
        return BULLET * 2 + digits[-_YEAR_DIGITS:]
    return BULLET * 2


MASKERS: Final[Mapping[str, Callable[[str], str]]] = {
    "id": mask_id,
    "phone": mask_id,
    "email": mask_email,
    "birth_date": mask_birth_date,
}


# --- the rules: which keys are personal ----------------------------------------


@dataclass(frozen=True)
class PrivacyRules:
    """``field_rules/privacy.yaml``: key (or ``key.sub_key``) → mask, and keys kept on purpose."""

    masks: Mapping[str, str]
    keep: frozenset[str] = frozenset()

    def mask_of(self, key: str, sub_key: str | None = None) -> str | None:
        if sub_key is not None:
            found = self.masks.get(f"{key}.{sub_key}")
            if found is not None:
                return found
        return self.masks.get(key)


def load_privacy_rules(directory: Path | None = None) -> PrivacyRules:
    """Read and check ``privacy.yaml``; a wrong key or mask is a :class:`RuleError` with its line."""
    if directory is None:
        return _shipped_privacy_rules()
    return _load_privacy_rules(directory, load_rules_from(directory).catalogue)


@cache
def _shipped_privacy_rules() -> PrivacyRules:
    return _load_privacy_rules(rules_dir(), load_rules().catalogue)


def _load_privacy_rules(directory: Path, catalogue: Catalogue) -> PrivacyRules:
    rules, src = check_privacy_rules(directory, catalogue)
    if src.problems:
        first = src.problems[0]
        raise RuleError(first.path, first.line, first.message)
    return rules


def check_privacy_rules(directory: Path, catalogue: Catalogue) -> tuple[PrivacyRules, Source]:
    """``privacy.yaml`` read, with every problem recorded on its source (for ``rules check``)."""
    src = load_source(directory / PRIVACY_FILE)
    root = src.root.value if isinstance(src.root.value, dict) else {}
    for key in keys_of(root):
        if key not in ("mask", "keep"):
            src.problem(key_line(root, key), f"unknown privacy key {key!r}; use mask or keep")
    known = _catalogue_paths(catalogue.fields)
    masks: dict[str, str] = {}
    mask_node = root.get("mask")
    entries = mask_node.value if mask_node is not None and isinstance(mask_node.value, dict) else {}
    for key in keys_of(entries):
        line = key_line(entries, key)
        how = entries[key].value
        if key not in known:
            src.problem(line, f"unknown field key {key!r}{suggest(key, known)}")
        elif how not in MASKS:
            src.problem(line, f"unknown mask {how!r} for {key}; use one of: {', '.join(MASKS)}")
        else:
            masks[key] = how
    keep_node = root.get("keep")
    kept = keep_node.value if keep_node is not None and isinstance(keep_node.value, list) else []
    for item in kept:
        if item.value not in known:
            src.problem(item.line, f"unknown field key {item.value!r}{suggest(str(item.value), known)}")
    return PrivacyRules(masks, frozenset(str(item.value) for item in kept)), src


def _family_sources(directory: Path, rules: Rules) -> list[Source]:
    """privacy.yaml checked with the form's rules (``ds160check rules check``, ``load_rules_from``)."""
    return [check_privacy_rules(directory, rules.catalogue)[1]]


register_family("privacy", _family_sources)


def _catalogue_paths(specs: Mapping[str, Any]) -> list[str]:
    """Every catalogue key, and ``key.sub_key`` for the sub-keys of object list items."""
    paths = list(specs)
    for key, spec in specs.items():
        if isinstance(spec.item, dict):
            paths += [f"{key}.{sub}" for sub in spec.item]
    return paths


# --- pass 1: collecting the personal values -----------------------------------


@dataclass
class Redactor:
    """The personal values found so far, and the scrubbing of any text or result with them."""

    rules: PrivacyRules = field(default_factory=load_privacy_rules)
    secrets: dict[str, str] = field(default_factory=dict)  # value as found -> mask kind
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _masks: dict[str, str] = field(default_factory=dict, repr=False)
    _groups: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    _dates: frozenset[str] | None = field(default=None, repr=False)  # the dates of birth, ISO

    # collecting

    def add(self, value: object, how: str) -> None:
        """Remember a personal value (strings only: ``None``, booleans, numbers and null texts
        like ``DOES NOT APPLY`` are no secret)."""
        if isinstance(value, str) and value.strip() and not is_null_text(value):
            self.secrets.setdefault(value.strip(), how)
            self._pattern, self._dates = None, None

    def add_field(self, key: str, value: Any, sub_key: str | None = None) -> None:
        """A field's value (a list, an object item, a scalar) under its key's mask."""
        if isinstance(value, list):
            for item in value:
                self.add_field(key, item, sub_key)
        elif isinstance(value, dict):
            for sub, inner in value.items():
                if sub == "normalized" or (sub == "raw" and "normalized" in value):
                    self.add_field(key, inner, sub_key)  # a report's {raw, normalized}
                else:
                    self.add_field(key, inner, sub)
        else:
            how = self.rules.mask_of(key, sub_key)
            if how is not None:
                self.add(value, how)

    def add_provenance(self, key: str, provenance: Any, sub_key: str | None = None) -> None:
        """The printed text (``raw``) of a field's spans."""
        if isinstance(provenance, list):
            for item in provenance:
                self.add_provenance(key, item, sub_key)
        elif isinstance(provenance, dict) and "raw" in provenance:
            how = self.rules.mask_of(key, sub_key)
            if how is not None:
                self.add(provenance["raw"], how)
        elif isinstance(provenance, dict):
            for sub, span in provenance.items():
                self.add_provenance(key, span, sub)

    def add_warnings(self, warnings: Iterable[str]) -> None:
        """Values quoted by "KEY: could not read 'RAW' (…)" warnings of personal keys."""
        for warning in warnings:
            found = _UNREADABLE.match(warning)
            how = self.rules.mask_of(found["key"]) if found else None
            if found and how is not None:
                try:
                    self.add(ast.literal_eval(found["raw"]), how)
                except (ValueError, SyntaxError):
                    continue

    def add_extract(self, data: Mapping[str, Any]) -> None:
        """Everything personal in an ``extract`` JSON dict."""
        for key, value in (data.get("fields") or {}).items():
            self.add_field(key, value)
        for key, provenance in (data.get("provenance") or {}).items():
            self.add_provenance(key, provenance)
        self.add_warnings(data.get("warnings") or ())

    def add_application(self, app: Application) -> None:
        self.add_extract(app.to_dict())
        for unreadable in app.unreadable.values():
            how = self.rules.mask_of(unreadable.key)
            if how is not None:
                self.add(unreadable.raw, how)

    def add_report(self, data: Mapping[str, Any]) -> None:
        """Everything personal a ``compare`` JSON dict names: finding and change values, warnings."""
        for item in [*(data.get("findings") or ()), *(data.get("changes") or ())]:
            key = item.get("field")
            if key:
                self.add_field(key, [item.get("old"), item.get("new")])
        for document in data.get("documents") or ():
            self.add_warnings(document.get("warnings") or ())

    def add_source(self, source: Application | Mapping[str, Any]) -> None:
        if isinstance(source, Mapping):
            self.add_extract(source)
        else:
            self.add_application(source)

    # scrubbing

    def text(self, text: str) -> str:
        """``text`` with every known personal value and every email address masked."""
        exact = self.secrets.get(text.strip())
        if exact is not None:
            return self._mask(text.strip(), exact)
        pattern = self._compiled()
        if pattern is not None:
            text = pattern.sub(self._replacement, text)
        text = _dates_masked(text, self._birth_dates())
        return _EMAIL.sub(lambda m: mask_email(m.group()), text)

    def apply(self, obj: T) -> T:
        """A copy of ``obj`` (dataclasses, dicts, lists, tuples) with every string scrubbed."""
        return _scrub(obj, self.text)  # type: ignore[no-any-return]

    def _mask(self, value: str, how: str) -> str:
        if value not in self._masks:
            self._masks[value] = MASKERS[how](value)
        return self._masks[value]

    def _birth_dates(self) -> frozenset[str]:
        """The dates of birth as ``parse_date`` reads them (ISO), whichever way they were printed."""
        if self._dates is None:
            born = [secret for secret, how in self.secrets.items() if how == "birth_date"]
            self._dates = frozenset(date for secret in born for date in date_readings(secret))
        return self._dates

    def _compiled(self) -> re.Pattern[str] | None:
        """One pattern for the collected values, longest first; dates of birth the date
        grammar reads are left to :func:`_dates_masked`."""
        if self._pattern is None:
            self._groups = {}
            branches = []
            searched = sorted(
                (s for s in self.secrets if len(s) >= MIN_SEARCHED_LENGTH), key=len, reverse=True
            )
            for number, secret in enumerate(searched):
                how = self.secrets[secret]
                if how == "birth_date" and date_readings(secret):
                    continue
                name = f"s{number}"
                self._groups[name] = (secret, how)
                branches.append(f"(?P<{name}>{_secret_pattern(secret, how)})")
            if not branches:
                return None
            self._pattern = re.compile("|".join(branches), re.IGNORECASE)
        return self._pattern

    def _replacement(self, match: re.Match[str]) -> str:
        secret, how = self._groups[str(match.lastgroup)]
        if how == "birth_date":
            return mask_birth_date(match.group())
        return self._mask(secret, how)


def _secret_pattern(secret: str, how: str) -> str:
    if how in ("id", "phone"):
        chars = [c for c in secret if c.isalnum()]
        if len(chars) >= MIN_SEARCHED_LENGTH:
            bodies = [_spaced(chars)]
            if how == "phone" and len(chars) > NATIONAL_DIGITS[0]:
                # Written at home without the country code, maybe after a trunk
                # prefix: +7 701 555 0142 as 701 555 0142 or 8 701 555 0142.
                bodies += [f"(?:[08]{_SEPARATORS})?{_spaced(chars[-n:])}" for n in NATIONAL_DIGITS]
            # Glued to a label (IIN880412450318, PASSPORTN15839204) is still the value;
            # only more digits around its digits make it part of another number.
            before = r"(?<!\d)" if chars[0].isdigit() else ""
            after = r"(?!\d)" if chars[-1].isdigit() else ""
            return rf"{before}\+?(?:{'|'.join(bodies)}){after}"
    return re.escape(secret)


def _spaced(chars: Sequence[str]) -> str:
    """A pattern for these characters with any separators between them."""
    return _SEPARATORS.join(re.escape(c) for c in chars)


def _dates_masked(text: str, dates: frozenset[str]) -> str:
    """``text`` with every stretch the date grammar reads as one of ``dates`` masked."""
    if not dates:
        return text
    spans: list[tuple[int, int]] = []
    for found in find_dates(text):
        if not found.readings & dates:
            continue
        if spans and found.start < spans[-1][1]:  # overlapping ("1988 APRIL 12" and "APRIL 12 ...")
            spans[-1] = (spans[-1][0], max(spans[-1][1], found.end))
        else:
            spans.append((found.start, found.end))
    for start, end in reversed(spans):
        text = text[:start] + mask_birth_date(text[start:end]) + text[end:]
    return text


def _scrub(obj: Any, text: Callable[[str], str]) -> Any:
    if isinstance(obj, enum.Enum):
        return obj  # a code or a severity: a StrEnum must stay one
    if isinstance(obj, str):
        return text(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _scrub(getattr(obj, f.name), text) for f in dataclasses.fields(obj) if f.init}
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, dict):
        return {key: _scrub(value, text) for key, value in obj.items()}
    if isinstance(obj, list):
        return [_scrub(item, text) for item in obj]
    if isinstance(obj, tuple):
        return tuple(_scrub(item, text) for item in obj)
    return obj


# --- the entry points -----------------------------------------------------------


@overload
def redact_extract(app: Application) -> Application: ...
@overload
def redact_extract(app: dict[str, Any]) -> dict[str, Any]: ...
def redact_extract(app: Application | dict[str, Any]) -> Application | dict[str, Any]:
    """An application (or its ``extract`` JSON dict) with its personal values masked."""
    redactor = Redactor()
    redactor.add_source(app)
    return redactor.apply(app)


@overload
def redact_report(report: Report, *, sources: Sequence[Application | Mapping[str, Any]] = ()) -> Report: ...
@overload
def redact_report(
    report: dict[str, Any], *, sources: Sequence[Application | Mapping[str, Any]] = ()
) -> dict[str, Any]: ...
def redact_report(
    report: Report | dict[str, Any], *, sources: Sequence[Application | Mapping[str, Any]] = ()
) -> Report | dict[str, Any]:
    """A report (or its ``compare`` JSON dict) with personal values masked.

    ``sources`` are the applications (objects or ``extract`` dicts) the report
    was made from: their personal values are masked wherever the report quotes them.
    """
    redactor = Redactor()
    for source in sources:
        redactor.add_source(source)
    redactor.add_report(report if isinstance(report, dict) else report.to_dict())
    return redactor.apply(report)


def personal_values(source: Application | Mapping[str, Any]) -> Iterator[str]:
    """The personal values of an application, as found (what a redacted output must not show)."""
    redactor = Redactor()
    redactor.add_source(source)
    yield from redactor.secrets
