"""A long value whose wrapped line holds a colon stays one value, in every layout the generator prints.

Issue 14, item 14: a present employer that wrapped with ``A:`` starting its
next line was cut there, ``A`` reported as a label not recognised (and the
employer lost whole when its value started below the label). Initials,
``U.S.``, ``ID`` or ``J`` start a label as readily as a value does, so a
wrapped line that reads ``WORD: REST`` goes on the value above it unless the
rules know ``WORD`` as a label.

Each case renders kz-akhmetova's print-out (``fixtures/ds160gen``) with one
value changed; filler words and digits before the colon word are searched
(on the generator's own line breaking, without rendering) until a printed
line starts with it, so the test holds whatever a layout's widths.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ds160check import extract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the fixture generator needs reportlab and the DejaVu fonts",
)
LAYOUTS = ("table", "inline", "leaders")
PRINTED = datetime(2026, 11, 25, 18, 3)
FILLER = ["NORTH", "EAST", "WEST", "SOUTH", "OLD", "NEW", "GRAND"]
MAX_DIGITS = 12


def _employer(value: str) -> dict[str, Any]:
    return {"work.present_employer": value}


def _address(value: str) -> dict[str, Any]:
    return {"work.present_employer_address": {"line1": value, "line2": "BC ESENTAI TOWER",
                                              "city": "ALMATY", "postal_code": "050040",
                                              "state": None, "country": "KAZAKHSTAN"}}


def _duties(value: str) -> dict[str, Any]:
    return {"work.duties": value}


def _school(value: str) -> dict[str, Any]:
    school = copy.deepcopy(_applicant()["education.institutions"])
    school[0]["name"] = value
    return {"education.institutions": school}


# The field, how to set it, its start, the word with the colon, and the rest.
CASES = {
    "employer name": ("work.present_employer", _employer, 'TOO "KAZAKH ENGINEERING GROUP" BRANCH', "A",
                      "ASTANA OFFICE"),
    "address line": ("work.present_employer_address", _address, "MICRODISTRICT ZHETYSU-3, BUILDING 7, BLOCK",
                     "B", "ENTRANCE 2"),
    "duties": ("work.duties", _duties, "I PLAN RAIL ROUTES BETWEEN CHINA AND EUROPE AND REPORT TO THE",
               "J", "THE GENERAL DIRECTOR EVERY WEEK."),
    "school name": ("education.institutions", _school, "KAZAKH NATIONAL TECHNICAL UNIVERSITY, CORPUS",
                    "U.S.", "AMERICAN STUDIES CENTRE"),
}


def _generator() -> Any:
    if str(FIXTURES) not in sys.path:
        sys.path.insert(0, str(FIXTURES))
    import ds160gen

    return ds160gen


def _applicant() -> dict[str, Any]:
    return copy.deepcopy(_generator().APPLICANTS["kz-akhmetova"])  # type: ignore[no-any-return]


def _render(changes: dict[str, Any], path: Path, layout: str) -> dict[str, Any]:
    gen = _generator()
    applicant = _applicant()
    applicant.update(changes)
    fields = gen.for_print(applicant, PRINTED)
    gen.render_print(fields, path, layout, "letter", "DejaVuSans", PRINTED)
    return gen.golden(fields)["fields"]  # type: ignore[no-any-return]


def _printed_lines(changes: dict[str, Any], layout: str) -> list[str]:
    """The texts the generator would print for the applicant with ``changes`` (without rendering)."""
    gen = _generator()
    from ds160gen.document import build
    from ds160gen.layouts import LAYOUT_FUNCTIONS
    from ds160gen.render import fonts_for, geometry

    applicant = _applicant()
    applicant.update(changes)
    lines = LAYOUT_FUNCTIONS[layout](build(gen.for_print(applicant, PRINTED), layout), geometry("letter"),
                                     fonts_for("DejaVuSans"))
    return [str(op[2]) for line in lines for op in line.ops if op[0] == "text"]


def _print_with_colon_at_a_line_start(case: str, layout: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """A print whose value wraps right before the colon word: filler words and digits fill the line."""
    _, change, start, colon_word, rest = CASES[case]
    for digits in range(MAX_DIGITS):
        for words in range(len(FILLER)):
            filler = " ".join([*FILLER[:words], *["7"] * digits])
            value = " ".join(p for p in (start, filler, f"{colon_word}: {rest}") if p)
            if any(text.startswith(f"{colon_word}:") for text in _printed_lines(change(value), layout)):
                path = folder / f"{case.replace(' ', '-')}-{layout}.pdf"
                return path, _render(change(value), path, layout)
    raise AssertionError(f"{case} in {layout}: no filler puts {colon_word!r} at the start of a line")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_wrapped_value_with_a_colon_on_a_continuation_line_is_read_whole(
    case: str, layout: str, tmp_path: Path
) -> None:
    path, expected = _print_with_colon_at_a_line_start(case, layout, tmp_path)
    key = CASES[case][0]
    app = extract(path)
    got = app.to_dict()["fields"][key]
    if key == "work.present_employer_address":
        # An address line's wrap reads as the unlabeled line 2 of the address does: with a comma.
        got, expected[key] = got.replace(",", ""), expected[key].replace(",", "")
    assert got == expected[key]
    assert not [w for w in app.warnings if "label not recognised" in w]
