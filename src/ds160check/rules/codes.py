"""The finding codes and severities: the one place they are named in code.

They are the vocabulary of the compare rules (read in ``rules/compare_rules.py``) and of the
comparison stage that raises them (``ds160check.comparison.codes`` names them there too).

Severity, message, action and documentation of each code are data, in
``field_rules/compare/codes.yaml``; the rules checker makes sure that file
defines exactly these codes.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    UNDISCLOSED_REFUSAL = "UNDISCLOSED_REFUSAL"
    REFUSAL_UNVERIFIED = "REFUSAL_UNVERIFIED"
    IDENTITY_MISMATCH = "IDENTITY_MISMATCH"
    NAME_VARIANT = "NAME_VARIANT"
    DECLARATION_REVERSED = "DECLARATION_REVERSED"
    DECLARATION_NEW_YES = "DECLARATION_NEW_YES"
    HISTORY_OMITTED = "HISTORY_OMITTED"
    HISTORY_CONFLICT = "HISTORY_CONFLICT"
    CIRCUMSTANCE_CHANGED = "CIRCUMSTANCE_CHANGED"
    CHANGE_UNSUPPORTED = "CHANGE_UNSUPPORTED"
    EVIDENCE_CONTRADICTS = "EVIDENCE_CONTRADICTS"
    NO_MATERIAL_CHANGE = "NO_MATERIAL_CHANGE"
    REAPPLIED_TOO_SOON = "REAPPLIED_TOO_SOON"
    CONSULATE_CHANGED = "CONSULATE_CHANGED"
    TRIP_CHANGED = "TRIP_CHANGED"
    DOCUMENT_CHANGED = "DOCUMENT_CHANGED"
    FIELD_UNREADABLE = "FIELD_UNREADABLE"


# Most serious first; the order of reports and of --fail-on.
SEVERITIES = ("critical", "high", "medium", "low", "info")
ACTIONS = ("fix the form", "explain at interview", "bring document", "wait")


def severity_rank(severity: str) -> int:
    """0 for critical … 4 for info."""
    return SEVERITIES.index(severity)


def at_or_above(severity: str, threshold: str) -> bool:
    return severity_rank(severity) <= severity_rank(threshold)
