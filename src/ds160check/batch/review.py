"""Reviewer decisions (``--decisions``) applied to one checked client folder, in the worker, before
its reports are rendered: every format then shows the marks, and the cache keys on the decisions
that concern the case (``Batch._label``), so editing the file redoes exactly those cases."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ds160check.batch.model import CaseComparison, CaseResult
from ds160check.review import Decision, review_reports


def review_case(case: CaseResult, decisions: Sequence[Decision]) -> CaseResult:
    """``case`` with ``decisions`` (those about it and those for any case) applied to each
    comparison; decisions no longer applied are listed on the first (the newest application
    against the one before it)."""
    if not case.comparisons:
        return case
    reports = review_reports([c.report for c in case.comparisons], decisions, case=case.folder)
    comparisons = [CaseComparison(report, c.old, c.new) for c, report in zip(case.comparisons, reports,
                                                                              strict=True)]
    return dataclasses.replace(case, comparisons=comparisons)
