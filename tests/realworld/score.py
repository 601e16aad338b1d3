"""Score the recognisers on the published wordings of ``cases/``: ``python tests/realworld/score.py``.

Each case's text is drawn on an A4 page (DejaVu Sans 9 pt, one printed line
a line, long lines wrapped), read as ``compare`` reads a supporting document
(``load_document`` → ``recognise`` → the evidence analyser), and every answer
of its ``expected`` block is checked. ``score_case`` is what
``tests/test_realworld.py`` asserts per case.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_NAME = "DejaVuSans"
FONT_SIZE = 9
LINE_HEIGHT = 11.5
MARGIN = 40
WRAP_CHARS = 110


def case_paths() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def load_case(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


# --- rendering ---------------------------------------------------------------------------


def render_pdf(text: str, path: Path) -> None:
    """``text`` as a PDF whose lines are the text's lines (wrapped past WRAP_CHARS)."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT)))
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    y = height - MARGIN
    for line in _lines(text):
        if y < MARGIN:
            page.showPage()
            y = height - MARGIN
        page.setFont(FONT_NAME, FONT_SIZE)
        page.drawString(MARGIN, y, line)
        y -= LINE_HEIGHT
    page.save()


def _lines(text: str) -> Iterator[str]:
    for raw in text.splitlines():
        if not raw.strip():
            yield ""
            continue
        indent = len(raw) - len(raw.lstrip())
        if len(raw) <= WRAP_CHARS:
            yield raw
            continue
        yield from textwrap.wrap(raw, WRAP_CHARS, initial_indent=" " * indent,
                                 drop_whitespace=True)


# --- reading as compare does -------------------------------------------------------------


@dataclass
class Reading:
    kind: str
    refusal: dict[str, Any] | None
    ceac: dict[str, Any] | None
    facts: dict[str, list[Any]] = field(default_factory=dict)
    persons: list[str] = field(default_factory=list)
    notice: bool = False


@cache
def _analyser() -> Any:
    from ds160check.evidence.analyse import Analyser

    return Analyser()


def read_case(case: dict[str, Any], folder: Path, name: str) -> Reading:
    from ds160check.documents.ingest import load_document
    from ds160check.documents.recognise import recognise

    pdf = folder / f"{name}.pdf"
    render_pdf(case["text"], pdf)
    doc = load_document(pdf)
    found = recognise(doc)
    refusal = found.refusal.as_dict() if found.refusal else None
    ceac = found.ceac.as_dict() if found.ceac else None
    if found.kind != "other":
        return Reading(found.kind, refusal, ceac)
    analysed = _analyser().analyse(doc)
    facts = {name: [f.value for f in values] for name, values in analysed.facts.facts.items()}
    persons = [str(p.value) for p in analysed.facts.persons]
    return Reading(analysed.kind, None, None, facts, persons, found.looks_like_refusal)


# --- scoring -------------------------------------------------------------------------------


def _fold(text: Any) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.replace("«", " ").replace("»", " ").replace('"', " ").upper().split())


def _same_org(a: str, b: str) -> bool:
    from ds160check.matching import match_organizations

    return _fold(a) == _fold(b) or match_organizations(str(a), str(b)).agrees


def _same_person(expected: str, got: str) -> bool:
    from ds160check.evidence.applicant import Person

    words = expected.split()
    # Any order: the expected name's words against the printed name's.
    return any(Person(words[i], " ".join(words[:i] + words[i + 1:])).named_by(got)
               for i in range(len(words)))


def _same_address(a: str, b: str) -> bool:
    from ds160check.matching import match_addresses

    return match_addresses(str(a), str(b)).agrees


def _same_income(expected: dict[str, Any], got: Any) -> bool:
    if not isinstance(got, dict) or got.get("amount") is None:
        return False
    amount = float(expected["amount"])
    return (abs(float(got["amount"]) - amount) <= 0.01 * amount
            and str(got.get("currency")).upper() == str(expected.get("currency")).upper()
            and (expected.get("period") is None or got.get("period") == expected["period"]))


def _orgs(got: dict[str, list[Any]]) -> list[Any]:
    return got.get("employer", []) + got.get("business", [])


def _similar(a: Any, b: Any) -> bool:
    return _fold(a) in _fold(b) or _fold(b) in _fold(a)


def _dates(got: dict[str, list[Any]], name: str) -> list[str]:
    return [str(g) for g in got.get(name, [])]


FACT_CHECKS = {
    "employer": lambda e, got: any(_same_org(e, g) for g in _orgs(got)),
    "position": lambda e, got: any(_similar(e, g) for g in got.get("position", [])),
    "income": lambda e, got: any(_same_income(e, g) for g in got.get("income", [])),
    "start_date": lambda e, got: str(e) in _dates(got, "start_date"),
    "issue_date": lambda e, got: str(e) in _dates(got, "issue_date"),
    "event_date": lambda e, got: str(e) in _dates(got, "event_date"),
    "address": lambda e, got: any(_same_address(e, g) for g in got.get("address", [])),
}


def score_case(case: dict[str, Any], reading: Reading) -> dict[str, bool]:
    """Every expected answer of ``case`` → whether ``reading`` gives it."""
    expected = case["expected"]
    out: dict[str, bool] = {"kind": reading.kind == expected["kind"]}
    refusal = expected.get("refusal")
    got = reading.refusal
    out["refusal"] = (got is None) == (refusal is None)
    if refusal is not None and got is not None:
        out["refusal.type"] = got["type"] == refusal["type"]
        if refusal["type"] == "221g" and refusal.get("subtype") is not None:
            out["refusal.subtype"] = got["subtype"] == refusal["subtype"]
        for key in ("date", "post"):
            if refusal.get(key) is not None:
                out[f"refusal.{key}"] = str(got.get(key)) == str(refusal[key])
        if refusal.get("subsections"):
            out["refusal.subsections"] = set(got.get("subsections") or []) == set(refusal["subsections"])
    if expected.get("requested") and got is not None:
        items = [_fold(i) for i in got.get("requested", [])]
        out["requested"] = len(items) == len(expected["requested"])
    if expected.get("ceac"):
        ceac = reading.ceac or {}
        for key in ("case_number", "status"):
            if expected["ceac"].get(key) is not None:
                out[f"ceac.{key}"] = _fold(ceac.get(key)) == _fold(expected["ceac"][key])
    facts = expected.get("facts") or {}
    for key, check in FACT_CHECKS.items():
        if facts.get(key) is not None:
            out[f"facts.{key}"] = bool(check(facts[key], reading.facts))
    for person in facts.get("persons") or []:
        out[f"facts.person {person}"] = any(_same_person(person, p) for p in reading.persons)
    if facts.get("subject"):
        out["facts.subject"] = any(_same_person(facts["subject"], p) for p in reading.persons)
    return out


def run(paths: list[Path]) -> dict[str, dict[str, bool]]:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            case = load_case(path)
            results[path.stem] = score_case(case, read_case(case, Path(tmp), path.stem))
    return results


def table(results: dict[str, dict[str, bool]]) -> str:
    by_field: dict[str, list[bool]] = {}
    for checks in results.values():
        for name, ok in checks.items():
            by_field.setdefault(name.split(" ")[0], []).append(ok)
    lines = ["| answer | right |", "|---|---|"]
    for name in sorted(by_field):
        oks = by_field[name]
        lines.append(f"| {name} | {sum(oks)}/{len(oks)} |")
    all_checks = [ok for checks in results.values() for ok in checks.values()]
    whole = sum(all(c.values()) for c in results.values())
    lines.append(f"| **all answers** | **{sum(all_checks)}/{len(all_checks)}** |")
    lines.append(f"| **cases fully right** | **{whole}/{len(results)}** |")
    misses = [f"- {case}: " + ", ".join(k for k, ok in checks.items() if not ok)
              for case, checks in results.items() if not all(checks.values())]
    return "\n".join(lines + ["", "Misses:" if misses else "No misses.", *misses])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the results as JSON here too")
    parser.add_argument("cases", nargs="*", type=Path, help="case files (default: all)")
    args = parser.parse_args(argv)
    results = run(args.cases or case_paths())
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
