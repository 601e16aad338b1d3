"""Whole case folders through `compare`: every planted finding is found, every negative control is not.

The cases are made by ``fixtures/cases/generate.py``: old and new DS-160
print-outs (different layouts, as in life), confirmation pages and refusal
letters, with ``expected.json`` naming what each case was built to produce.
A golden report beside each case pins the whole output (regenerate it with
``python tests/update_case_goldens.py`` after a reviewed change).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from ds160check.comparison.case import compare
from ds160check.render.json import dumps

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"
CASE_DIRS = (
    sorted(p for p in CASES.iterdir() if (p / "expected.json").is_file()) if CASES.is_dir() else []
)
SERIOUS = ("critical", "high")
# Cases built to be mixed up (two people, the same application twice) compare the wrong files:
# their findings are open, their notice is the point.
WELL_FORMED = [p for p in CASE_DIRS
               if not json.loads((p / "expected.json").read_text(encoding="utf-8")).get("notices")]


@functools.cache
def run_case(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """One compare per case folder, shared by the tests below (they only read the result)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    options = _options(expected.get("args", []))
    documents = [folder / name for name in expected.get("documents", [])]
    report = compare(folder / "old.pdf", folder / "new.pdf", documents, **options)
    return expected, _relative(report.to_dict(), folder)


def _options(args: list[str]) -> dict[str, Any]:
    names = {"--refused": "refused", "--refusal-date": "refusal_date", "--min-days": "min_days"}
    options: dict[str, Any] = {}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        options[names[flag]] = int(value) if flag == "--min-days" else value
    return options


def _relative(report: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Paths relative to the case folder, so goldens do not depend on where the repository lives."""
    text = json.dumps(report, ensure_ascii=False).replace(str(folder) + "/", "")
    result: dict[str, Any] = json.loads(text)
    return result


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_case_finds_what_was_planted_and_nothing_it_must_not(folder: Path) -> None:
    expected, report = run_case(folder)
    found = {(f["code"], f["field"]) for f in report["findings"]}
    codes = {f["code"] for f in report["findings"]}
    missing = [p for p in expected["planted"] if (p["code"], p.get("field")) not in found]
    # An absent entry without a field means: this code for no field at all.
    wrong = [
        a
        for a in expected.get("absent", [])
        if ((a["code"], a["field"]) in found if a.get("field") else a["code"] in codes)
    ]
    assert not missing, f"planted but not found: {missing}"
    assert not wrong, f"found but must not be: {wrong}"


@pytest.mark.parametrize("folder", WELL_FORMED, ids=lambda p: p.name)
def test_no_serious_finding_that_was_not_planted(folder: Path) -> None:
    expected, report = run_case(folder)
    planted = {(p["code"], p.get("field")) for p in expected["planted"]}
    allowed_codes = {p["code"] for p in expected["planted"]}
    extra = [
        (f["code"], f["field"])
        for f in report["findings"]
        if f["severity"] in SERIOUS
        and (f["code"], f["field"]) not in planted
        and not (
            f["code"] in allowed_codes and f["code"] in ("HISTORY_OMITTED", "HISTORY_CONFLICT")
        )
        and f["code"] != "NO_MATERIAL_CHANGE"
    ]
    assert not extra, f"serious findings nobody planted: {extra}"


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_report_matches_its_golden(folder: Path) -> None:
    golden = folder / "report.golden.json"
    if not golden.is_file():
        pytest.fail(
            f"no golden report: run `python tests/update_case_goldens.py` and review {golden}"
        )
    _, report = run_case(folder)
    assert dumps(report) == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_case_gives_exactly_the_notices_it_was_built_for(folder: Path) -> None:
    """An honest pair of applications gets no notice; a mixed-up case gets the one it calls for."""
    expected, report = run_case(folder)
    given = sorted(n["code"] for n in report["notices"])
    assert given == sorted(expected.get("notices", [])), [n["message"] for n in report["notices"]]
