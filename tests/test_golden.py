"""Every synthetic fixture reads exactly as its golden file says, field by field.

Golden files are written by ``fixtures/generate.py`` from the data it printed,
never by this parser; regenerate them with the script, never by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ds160check import extract
from ds160check.schemas import extract_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLDEN = sorted(FIXTURES.glob("*/*.fields.json"))


def _diff(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(set(expected) | set(got)):
        want = expected.get(key, "<absent>")
        have = got.get(key, "<absent>")
        if want != have:
            lines.append(
                f"{key}:\n    expected {json.dumps(want, ensure_ascii=False)}\n"
                f"    got      {json.dumps(have, ensure_ascii=False)}"
            )
    return lines


@pytest.fixture(scope="module")
def schema_validator() -> jsonschema.protocols.Validator:
    schema = extract_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@pytest.mark.parametrize(
    "golden", GOLDEN, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.fields.json')}"
)
def test_fixture_reads_as_its_golden_file(golden: Path, schema_validator: Any) -> None:
    pdf = golden.with_name(golden.name.removesuffix(".fields.json") + ".pdf")
    expected = json.loads(golden.read_text(encoding="utf-8"))["fields"]
    result = extract(pdf).to_dict()
    differences = _diff(expected, result["fields"])
    assert not differences, f"{len(differences)} field(s) differ:\n" + "\n".join(differences)
    schema_validator.validate(result)


@pytest.mark.parametrize("golden", GOLDEN[:4], ids=lambda p: p.name.removesuffix(".fields.json"))
def test_every_scalar_field_has_provenance_on_a_real_page(golden: Path) -> None:
    pdf = golden.with_name(golden.name.removesuffix(".fields.json") + ".pdf")
    result = extract(pdf).to_dict()
    pages = result["document"]["pages"]
    for key, span in result["provenance"].items():
        if key == "application.document" or isinstance(span, list):
            continue
        assert span is not None, key
        assert 1 <= span["page"] <= pages, key
        assert span["raw"], key


def test_goldens_cover_every_catalogue_key() -> None:
    from ds160check.rules import load_rules

    covered: set[str] = set()
    for golden in GOLDEN:
        covered |= set(json.loads(golden.read_text(encoding="utf-8"))["fields"])
    explanations = {
        k
        for k in load_rules().catalogue.fields
        if k.startswith("security.") and k.endswith("_explanation")
    }
    missing = set(load_rules().catalogue.fields) - covered - explanations
    assert not missing
