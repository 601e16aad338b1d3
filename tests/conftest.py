"""Suite-wide checks: where the shared corpus is given, no corpus test may skip.

``.ci/run`` sets ``DS160CHECK_REQUIRE_CORPUS=1`` when ``../shared/corpus`` is
beside the checkout; a test that then skips for want of the corpus looked for
it in the wrong place (as one did, at an absolute path of one machine), and
the run fails naming it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REQUIRE_CORPUS = "DS160CHECK_REQUIRE_CORPUS"
_skipped_for_corpus: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2])
        if "corpus" in reason or "shared" in reason or "spec" in reason:
            _skipped_for_corpus.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get(REQUIRE_CORPUS) and _skipped_for_corpus:
        print(f"\n{REQUIRE_CORPUS} is set but these tests skipped for want of ../shared:")
        for line in _skipped_for_corpus:
            print(f"  {line}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
