"""Reviewer decisions (``--decisions FILE``): between the comparison and the reports.

A reviewer who checked a finding ("same person: the passport spells YURIY") writes it down once;
every later run marks that finding with the decision while it is unchanged. A dismissed finding
stays in every report, marked, and counts for no severity, verdict or ``--fail-on``; an accepted one
is marked and counts as before. A decision whose finding changed or is gone is reported as stale.

    decisions = load_decisions("decisions.yaml")              # checked: file:line, did you mean
    report, = review_reports([report], decisions.for_case(None))
"""

from __future__ import annotations

from ds160check.review.apply import identity, printed, review_reports, why_words
from ds160check.review.decisions import (
    Decision,
    DecisionsError,
    DecisionSet,
    cache_label,
    check_decisions,
    load_decisions,
    unknown_cases,
)

__all__ = ["Decision", "DecisionSet", "DecisionsError", "cache_label", "check_decisions", "identity",
           "load_decisions", "printed", "review_reports", "unknown_cases", "why_words"]
