"""The recognisers on published wordings (tests/realworld/cases): every expected answer, case by case.

Each case is a published text with its source and the answer a reader would
reach, written before the recognisers were run on it (see
tests/realworld/README.md). An answer the recognisers still get wrong is
listed with its reason in tests/realworld/known_misses.yaml; a listed miss
that starts passing fails too, so the list stays true.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent / "realworld"
sys.path.insert(0, str(HERE))

import score  # noqa: E402

CASES = score.case_paths()
KNOWN: dict[str, dict[str, str]] = yaml.safe_load((HERE / "known_misses.yaml").read_text("utf-8"))

needs_fonts = pytest.mark.skipif(not score.FONT.is_file(), reason="fonts-dejavu-core is not installed")


@needs_fonts
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_published_wording_reads_as_expected(path: Path, tmp_path: Path) -> None:
    case = score.load_case(path)
    answers = score.score_case(case, score.read_case(case, tmp_path, path.stem))
    known = KNOWN.get(path.stem) or {}
    wrong = sorted(name for name, ok in answers.items() if not ok and name not in known)
    fixed = sorted(name for name in known if answers.get(name, True))
    assert not wrong, f"{path.name}: wrong answers {wrong} (source: {case['source']})"
    assert not fixed, f"{path.name}: {fixed} now right: remove from known_misses.yaml"


def test_every_case_names_its_source_and_expected_answer() -> None:
    assert len(CASES) >= 34  # 4 from shared/corpus/real-letters and 30 more, as the issue asks
    for path in CASES:
        case = score.load_case(path)
        assert case["source"] and case["text"].strip() and case["expected"]["kind"], path.name
        assert "refusal" in case["expected"], path.name


def test_known_misses_name_real_cases_and_give_a_reason() -> None:
    stems = {p.stem for p in CASES}
    for name, misses in KNOWN.items():
        assert name in stems, f"known_misses.yaml: no case {name!r}"
        assert all(isinstance(r, str) and len(r) > 20 for r in misses.values()), name
