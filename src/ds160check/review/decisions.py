"""The reviewer decisions file (``--decisions FILE``): read, checked with file, line and "did you mean".

A YAML list, one entry per finding a reviewer looked at::

    - case: Petrov Sergey          # batch: the case folder as the report names it; omitted or "*": any case
      code: NAME_VARIANT
      field: personal.given_names  # omitted for a finding about the case (NO_MATERIAL_CHANGE)
      old: IURII                   # the values as the report prints them ("—" or omitted: none)
      new: YURIY
      decision: dismissed          # or accepted
      by: A. Reviewer
      at: "2026-03-01T10:00:00Z"   # ISO 8601, a date or a time
      reason: "same person: the passport spells YURIY"

Every problem is found before any case is checked: an unknown code, field key or key of an entry
(with the closest known one), a decision other than accepted/dismissed, a date that is not ISO
8601, a missing ``by``/``reason``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ds160check.comparison.codes import Code
from ds160check.comparison.model import REVIEW_DECISIONS, Review
from ds160check.errors import Ds160CheckError, RuleError
from ds160check.rules.source import Node, Problem, key_line, keys_of, load_source
from ds160check.wording import MISSING_TEXT, describe

ANY_CASE = "*"
KEYS = ("case", "code", "field", "old", "new", "decision", "by", "at", "reason")
REQUIRED = ("code", "decision", "by", "at", "reason")
DATE_EXAMPLE = "2026-03-01 or 2026-03-01T10:00:00Z"


class DecisionsError(Ds160CheckError):
    """The decisions file cannot be used. ``str()`` is ``"FILE:LINE: reason"``."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{self.path}:{line}: {reason}" if line is not None else f"{self.path}: {reason}")


@dataclass(frozen=True)
class Decision:
    """One entry: which finding (case, code, field, old and new values as printed) and the review."""

    code: str
    field: str | None
    old: str | None
    new: str | None
    review: Review
    case: str | None = None  # None: any case

    def identity(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.code, self.field, canonical(self.old), canonical(self.new))

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case or ANY_CASE, "code": self.code, "field": self.field, "old": self.old,
                "new": self.new, **self.review.to_dict()}


@dataclass(frozen=True)
class DecisionSet:
    """The decisions of one file, in the order written (a later entry for the same finding wins)."""

    path: str
    decisions: tuple[Decision, ...] = ()

    def for_case(self, case: str | None) -> tuple[Decision, ...]:
        """The entries about ``case`` (a batch case's folder) and those for any case; for ``compare``
        (``case`` None) those for any case only."""
        return tuple(d for d in self.decisions if d.case is None or d.case == case)

    def named_cases(self) -> list[tuple[str, int | None]]:
        return [(d.case, d.review.line) for d in self.decisions if d.case is not None]


def canonical(text: str | None) -> str | None:
    """How two printed values are compared: spacing and letter case do not matter."""
    return None if text is None else " ".join(text.split()).casefold()


def printed_value(value: Any) -> str | None:
    """A value as written in the file, as the report prints it: YAML's ``NO`` (a boolean) is "NO",
    ``2017-10-09`` (a date) "9 October 2017"; null, an empty text or "—" is no value."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    text = describe(value) if isinstance(value, bool | str) else str(value)
    text = " ".join(text.split())
    return None if text in ("", MISSING_TEXT) else text


# --- one value each: None when it is fine, else what is wrong ------------------------------------


def code_problem(value: Any) -> str | None:
    from ds160check.rules.load import suggest

    known = [c.value for c in Code]
    if not isinstance(value, str) or not value:
        return "'code' must be a finding code such as NAME_VARIANT (see `ds160check rules list`)"
    if value not in known:
        return f"unknown finding code {value!r}{suggest(value.upper(), known)}"
    return None


def field_problem(value: Any) -> str | None:
    from ds160check.rules import load_rules
    from ds160check.rules.load import suggest

    if value is None:
        return None
    fields = list(load_rules().catalogue.fields)
    if not isinstance(value, str) or value not in fields:
        return f"unknown field key {value!r}{suggest(str(value), fields)}"
    return None


def decision_problem(value: Any) -> str | None:
    from ds160check.rules.load import suggest

    if value not in REVIEW_DECISIONS:
        return (f"'decision' must be accepted or dismissed, not {value!r}"
                f"{suggest(str(value).lower(), REVIEW_DECISIONS)}")
    return None


def text_problem(key: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"'{key}' must say {'who decided' if key == 'by' else 'why'} (a non-empty text)"
    return None


def value_problem(key: str, value: Any) -> str | None:
    if isinstance(value, dict | list):
        return f"'{key}' must be one value as the report prints it (a text), not a {type(value).__name__}"
    return None


def parse_at(value: Any) -> str:
    """``at`` as ISO 8601 text (a time in UTC with ``Z``); ValueError when it is no ISO date or time."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        return value.isoformat()
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        if len(text) == len("2026-03-01"):
            return dt.date.fromisoformat(text).isoformat()
        moment = dt.datetime.fromisoformat(text)
    else:
        raise ValueError("no date given")
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return moment.isoformat(timespec="seconds")


def at_problem(value: Any) -> str | None:
    try:
        parse_at(value)
    except (ValueError, TypeError):
        return f"'at' must be an ISO 8601 date or time ({DATE_EXAMPLE}), not {str(value)!r}"
    return None


def case_problem(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "'case' must be a folder name or \"*\""


def entry_problems(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, what is wrong) for one entry given as plain values."""
    problems: list[tuple[str, str]] = []
    for key in REQUIRED:
        if entry.get(key) is None:
            problems.append((key, f"missing '{key}'"))
    checks: dict[str, Callable[[Any], str | None]] = {
        "code": code_problem, "field": field_problem, "decision": decision_problem, "at": at_problem,
        "by": lambda v: text_problem("by", v), "reason": lambda v: text_problem("reason", v),
        "old": lambda v: value_problem("old", v), "new": lambda v: value_problem("new", v),
        "case": case_problem}
    for key, check in checks.items():
        if entry.get(key) is not None:
            message = check(entry[key])
            if message is not None:
                problems.append((key, message))
    return problems


def build(entry: dict[str, Any], line: int | None) -> Decision:
    """A Decision of an entry without problems."""
    case = entry.get("case")
    review = Review(entry["decision"], entry["by"].strip(), parse_at(entry["at"]), entry["reason"].strip(),
                    line)
    return Decision(entry["code"], entry.get("field"), printed_value(entry.get("old")),
                    printed_value(entry.get("new")), review, None if case in (None, ANY_CASE) else case)


# --- the file -------------------------------------------------------------------------------------


def check_decisions(path: str | Path) -> tuple[list[Decision], list[Problem]]:
    """Every decision of the file and every problem found in it (file, line, message)."""
    path = Path(path)
    if not path.is_file():
        raise DecisionsError(path, None, "no such decisions file")
    if not os.access(path, os.R_OK):
        raise DecisionsError(path, None, "cannot read the decisions file: permission denied")
    try:
        source = load_source(path)
    except RuleError as exc:
        raise DecisionsError(path, exc.line, exc.reason) from None
    root = source.root
    if isinstance(root.value, dict) and not keys_of(root.value):
        return [], []  # an empty file (or only comments): no decisions yet
    if not isinstance(root.value, list):
        return [], [Problem(str(path), root.line, "the file must be a list of decisions "
                                                  "(each entry starting '- code: …')")]
    decisions, problems = [], []
    for item in root.value:
        decision, found = _entry(str(path), item)
        problems += found
        if decision is not None:
            decisions.append(decision)
    return decisions, problems


def _entry(path: str, node: Node) -> tuple[Decision | None, list[Problem]]:
    from ds160check.rules.load import suggest

    if not isinstance(node.value, dict):
        return None, [Problem(path, node.line, "a decision must be a mapping (code:, field:, decision:, …)")]
    mapping: dict[str, Node] = node.value
    problems = [Problem(path, key_line(mapping, key), f"unknown key {key!r}{suggest(key, KEYS)}")
                for key in keys_of(mapping) if key not in KEYS]
    entry = {key: mapping[key].value for key in keys_of(mapping) if key in KEYS}
    for key, message in entry_problems(entry):
        line = key_line(mapping, key) if key in mapping else node.line
        problems.append(Problem(path, line, message))
    return (None if problems else build(entry, node.line)), problems


def load_decisions(path: str | Path) -> DecisionSet:
    """The decisions of a file; the first problem in it is a :class:`DecisionsError`."""
    decisions, problems = check_decisions(path)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problem(s): `ds160check decisions check {path}`)" \
            if len(problems) > 1 else ""
        raise DecisionsError(first.path, first.line, first.message + more)
    return DecisionSet(str(path), tuple(decisions))


def cache_label(decisions: Iterable[Decision]) -> str:
    """The decisions about one case as text, for the batch cache key: edit one, the case is redone."""
    return json.dumps([d.to_dict() for d in decisions], sort_keys=True, ensure_ascii=False)


def unknown_cases(decisions: DecisionSet, cases: Sequence[str]) -> list[str]:
    """A line for each entry naming a case the batch does not have (a typo, a renamed folder)."""
    from ds160check.rules.load import suggest

    known = set(cases)
    return [f"{decisions.path}:{line}: no case {case!r} in this batch{suggest(case, cases)}; "
            "the decision was not applied"
            for case, line in decisions.named_cases() if case not in known]
