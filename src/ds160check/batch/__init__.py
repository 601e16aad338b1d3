"""``ds160check batch``: many client folders at once, in parallel, with reports to read and print.

    >>> from ds160check.batch import check_case
    >>> result = check_case("clients/ivanova")      # one folder -> CaseResult
    >>> result.verdict, result.order.explanation

``run_batch`` checks every client folder under a root with a process pool and
writes per-case reports, ``summary.csv``/``summary.json`` and ``index.html``.
"""

from ds160check.batch.case import check_case
from ds160check.batch.model import CaseResult, FileEntry, Order
from ds160check.batch.runner import BatchOptions, BatchResult, CaseDone, run_batch

__all__ = ["BatchOptions", "BatchResult", "CaseDone", "CaseResult", "FileEntry", "Order", "check_case",
           "run_batch"]
