"""Reviewer decisions applied to reports: each finding marked, and the decisions gone stale.

A finding is identified by its case, code, field key and its old and new values as every report
prints them (spacing and letter case aside). A decision applies while that finding is unchanged;
a decision whose code and field are there with other values is stale, "the finding changed"; one
whose finding is not there at all is stale, "the finding is gone". A decision written for any case
(``case: "*"``) is stale in a batch case only when it changed there: it is not about one case.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ds160check.comparison.model import Finding, Report, StaleDecision, Value
from ds160check.comparison.summary import checklist
from ds160check.review.decisions import Decision, canonical
from ds160check.wording import MISSING_TEXT, value_lines

CHANGED, GONE = "changed", "gone"


def printed(value: Value | None) -> str | None:
    """A finding's value as the report prints it (list items joined by "; "); None when none."""
    if value is None:
        return None
    text = "; ".join(value_lines(value.raw, value.normalized))
    return None if text == MISSING_TEXT else text


def identity(finding: Finding) -> tuple[str, str | None, str | None, str | None]:
    """Code, field and the values as the report prints them: of a finding about the answer itself
    (``answered NO; should be YES``) only the new answer, as the report shows only that."""
    old = None if finding.expected is not None else canonical(printed(finding.old))
    new = canonical(printed(finding.new))
    return (finding.code.value, finding.field, old, new)


def review_reports(reports: Sequence[Report], decisions: Sequence[Decision], *,
                   case: str | None = None) -> list[Report]:
    """``reports`` (the comparisons of one case) with ``decisions`` applied; the decisions no longer
    applied are listed on the first report. ``case`` None: a ``compare`` run (no case folder)."""
    latest: dict[tuple[str, str | None, str | None, str | None], Decision] = {}
    for entry in decisions:
        latest[entry.identity()] = entry  # a later entry about the same finding wins
    used: set[tuple[str, str | None, str | None, str | None]] = set()
    out = []
    for report in reports:
        findings = []
        for finding in report.findings:
            decision = latest.get(identity(finding))
            if decision is not None:
                used.add(decision.identity())
                finding = dataclasses.replace(finding, review=decision.review)
            findings.append(finding)
        reviewed = dataclasses.replace(report, findings=findings, stale_decisions=[])
        reviewed.checklist = checklist(reviewed)  # a dismissed finding is no longer one to fix
        out.append(reviewed)
    if out:
        every = [f for r in out for f in r.findings]
        out[0].stale_decisions = [s for key, d in latest.items() if key not in used
                                  for s in _stale(d, every, case)]
    return out


def _stale(decision: Decision, findings: Sequence[Finding], case: str | None) -> list[StaleDecision]:
    same = [f for f in findings if f.code.value == decision.code and f.field == decision.field]
    if not same and decision.case is None and case is not None:
        return []  # a decision for any case that is not about this one
    stale = StaleDecision(decision.review, decision.case, decision.code, decision.field, decision.old,
                          decision.new, GONE)
    if not same:
        return [stale]
    now = same[0]
    now_old = None if now.expected is not None else printed(now.old)
    return [dataclasses.replace(stale, why=CHANGED, now_old=now_old, now_new=printed(now.new))]


def why_words(stale: StaleDecision) -> str:
    """Why a decision is no longer applied, as every report says it."""
    if stale.why == GONE:
        return "the finding is gone"
    old, new = stale.now_old or MISSING_TEXT, stale.now_new or MISSING_TEXT
    return f"the finding changed: old/new now {old} → {new}"
