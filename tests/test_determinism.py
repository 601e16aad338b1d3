"""The same inputs give byte-identical JSON: across runs, hash seeds and the order of DOCUMENTS.

A broker re-runs a case and diffs the reports; any change must come from the
inputs, never from set order, the order files were dropped on the command line,
or a process's hash seed.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from ds160check.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASE = FIXTURES / "evidence" / "cases" / "new-job-proven"  # a refusal letter and two supporting documents
SAMPLE = FIXTURES / "sample"


def compare_json(*documents: Path) -> str:
    args = [CASE / "old.pdf", CASE / "new.pdf", *documents, "--format", "json", "--fail-on", "none"]
    result = CliRunner().invoke(cli, ["compare", *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_compare_json_does_not_depend_on_the_order_of_documents() -> None:
    documents = sorted(p for p in CASE.iterdir() if p.stem not in ("old", "new", "expected"))
    assert len(documents) == 3
    reports = {compare_json(*order) for order in itertools.permutations(documents)}
    assert len(reports) == 1


def _fresh_run(args: list[str], seed: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "ds160check", *args], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONHASHSEED": seed})  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_json_is_byte_identical_across_processes_and_hash_seeds() -> None:
    documents = [str(SAMPLE / "refusal-letter.pdf"), str(SAMPLE / "new-confirmation.pdf")]
    compare = ["compare", str(SAMPLE / "old.pdf"), str(SAMPLE / "new.pdf"), *documents, "--format", "json"]
    extract = ["extract", str(SAMPLE / "new.pdf"), "--format", "json"]
    for args in (compare, extract):
        runs = {_fresh_run(args, seed) for seed in ("1", "2", "3")}
        assert len(runs) == 1, args
    reversed_documents = [*compare[:3], *reversed(documents), *compare[5:]]
    assert _fresh_run(reversed_documents, "4") == _fresh_run(compare, "1")
