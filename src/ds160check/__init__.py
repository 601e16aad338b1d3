"""ds160check: check a US visa re-application (DS-160) for contradictions.

The public Python API mirrors the command line:

    >>> import ds160check
    >>> app = ds160check.extract("new.pdf")
    >>> app.fields["personal.date_of_birth"].value
    '1990-01-15'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check_case", "compare", "extract"]

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ds160check.application import Application
    from ds160check.batch.model import CaseResult
    from ds160check.comparison.model import Report


def extract(path: Any, *, password: str | None = None) -> Application:
    """Read a DS-160 print-out or confirmation page into an :class:`Application`."""
    from ds160check.extraction import extract as _extract

    return _extract(path, password=password)


def compare(
    old: Any,
    new: Any,
    documents: Sequence[Any] = (),
    *,
    evidence: Sequence[Any] = (),
    refused: str | None = None,
    refusal_date: str | None = None,
    password: str | None = None,
) -> Report:
    """Compare the refused DS-160 print-out (``old``) with the new one.

    ``documents`` (or ``evidence``) is a list of paths: the rest of the case — confirmation pages,
    refusal letters, supporting documents. A single string or Path is a TypeError (pass a list).
    A document that does not exist raises :class:`~ds160check.errors.FileMissingError`; one that
    cannot be read is listed as unreadable with a DOCUMENT_UNREADABLE notice. OLD or NEW that cannot
    be read raise the :class:`~ds160check.errors.InputError` the command line prints.
    """
    from ds160check.comparison.case import compare as _compare
    from ds160check.comparison.case import document_paths

    # `evidence=` is the spelling of findings.md, `documents=` that of the issue: both are accepted.
    everything = [*document_paths(documents), *document_paths(evidence)]
    return _compare(old, new, everything, refused=refused, refusal_date=refusal_date, password=password)


def check_case(folder: Any, *, passwords: Sequence[str] = ()) -> CaseResult:
    """Check one client folder: its DS-160s (told apart by content and dates) and documents."""
    from ds160check.batch.case import check_case as _check_case

    return _check_case(folder, passwords=passwords)
