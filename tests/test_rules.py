"""The rule files: every shipped file is clean, and broken ones are reported usefully."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

# Imported for the checkers they register with the rule loader (documents/, privacy.yaml).
import ds160check.evidence.rules  # noqa: F401
import ds160check.redact  # noqa: F401
from ds160check.comparison.matchers import ITEM_SCORERS, SCALAR
from ds160check.rules import check_rules, load_rules
from ds160check.rules.compare_rules import ITEM_MATCHERS, SCALAR_MATCHERS
from ds160check.rules_path import rules_dir

SHIPPED = rules_dir()
RULE_FILES = sorted(p.relative_to(SHIPPED).as_posix() for p in SHIPPED.rglob("*.yaml"))
SPEC_FIELDS = Path(__file__).resolve().parents[2] / "shared" / "spec" / "fields.md"


@pytest.fixture(scope="module")
def problems() -> list[str]:
    return check_rules(SHIPPED)


@pytest.mark.parametrize("name", RULE_FILES)
def test_shipped_rule_file_is_clean(name: str, problems: list[str]) -> None:
    mine = [
        p
        for p in problems
        if p.startswith(f"field_rules/{name}:") or p.startswith(f"field_rules/{name} ")
    ]
    assert mine == []


def test_whole_rule_set_is_clean(problems: list[str]) -> None:
    assert problems == []


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "field_rules"
    shutil.copytree(SHIPPED, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_misspelt_field_key_is_named_with_line_and_suggestion(rules_copy: Path) -> None:
    _edit(rules_copy / "print" / "personal.yaml", "key: personal.sex", "key: personal.sx")
    found = check_rules(rules_copy)
    assert len(found) == 1
    assert re.match(
        r"field_rules/print/personal\.yaml:\d+: unknown field key 'personal\.sx' "
        r"\(did you mean 'personal\.sex'\?\)$",
        found[0],
    )


def test_unknown_row_key_is_reported(rules_copy: Path) -> None:
    _edit(
        rules_copy / "print" / "personal.yaml",
        "    labels: [Sex, Gender]",
        "    lables: [Sex, Gender]",
    )
    found = check_rules(rules_copy)
    assert any("unknown row key 'lables' (did you mean 'labels'?)" in p for p in found)


def test_duplicate_label_names_both_places(rules_copy: Path) -> None:
    _edit(
        rules_copy / "print" / "personal.yaml",
        "labels: [Marital Status]",
        "labels: [Marital Status, Sex]",
    )
    found = check_rules(rules_copy)
    assert any(
        "duplicate label 'Sex'" in p and "also at field_rules/print/personal.yaml:" in p
        for p in found
    )


def test_bad_type_in_catalogue_is_reported(rules_copy: Path) -> None:
    _edit(rules_copy / "catalogue.yaml", "personal.sex: {type: enum", "personal.sex: {type: enm")
    found = check_rules(rules_copy)
    assert any("unknown type 'enm' (did you mean 'enum'?)" in p for p in found)


def test_yaml_syntax_error_names_file_and_line(rules_copy: Path) -> None:
    (rules_copy / "print" / "personal.yaml").write_text(
        "rows:\n  - key: [unclosed\n", encoding="utf-8"
    )
    found = check_rules(rules_copy)
    assert len(found) == 1 and found[0].startswith(
        str(rules_copy / "print" / "personal.yaml") + ":"
    )
    assert "not valid YAML" in found[0]


def test_label_that_is_not_a_string_is_reported(rules_copy: Path) -> None:
    _edit(rules_copy / "print" / "personal.yaml", "labels: [Marital Status]", "labels: [12]")
    found = check_rules(rules_copy)
    assert any("labels must be non-empty strings, not 12" in p for p in found)


@pytest.mark.skipif(
    not SPEC_FIELDS.exists(), reason="the product spec is not beside the repository"
)
def test_catalogue_has_exactly_the_keys_of_the_spec() -> None:
    text = SPEC_FIELDS.read_text(encoding="utf-8")
    spec_keys = set(
        re.findall(
            r"`((?:application|personal|contact|passport|travel|previous_travel|"
            r"us_contact|family|work|education|additional|security)\.[a-z_]+)`",
            text,
        )
    )
    for sex in ("father", "mother"):  # fields.md writes the mother's five as `family.mother_*`
        spec_keys |= {k.replace("father", sex) for k in spec_keys if k.startswith("family.father_")}
    ours = {
        k
        for k in load_rules().catalogue.fields
        if not k.endswith("_explanation")
        or k
        in ("previous_travel.refused_explanation", "previous_travel.immigrant_petition_explanation")
    }
    assert ours == spec_keys


def test_a_key_written_twice_in_a_rule_is_an_error_not_a_silent_loss(rules_copy: Path) -> None:
    # YAML keeps the last of two equal keys: a pasted rule lost its own pattern that way.
    path = rules_copy / "documents" / "entities.yaml"
    _edit(path, "    value: &name [", "    value: [{IS_ALPHA: true}]\n    value: &name [")
    found = check_rules(rules_copy)
    assert any(p.startswith(f"{path}:") and "'value' is written twice" in p for p in found), found


def test_a_shape_on_a_field_that_is_no_identifier_or_with_other_characters_is_named(
        rules_copy: Path) -> None:
    _edit(rules_copy / "catalogue.yaml", "personal.surnames: {type: name,",
          'personal.surnames: {shape: "AA**", type: name,')
    _edit(rules_copy / "catalogue.yaml", 'shape: "AA00******"', 'shape: "AA00-?????"')
    found = check_rules(rules_copy)
    assert any(re.match(r"field_rules/catalogue\.yaml:\d+: personal\.surnames: a shape is for "
                        r"identifiers \(type id\), not 'name'$", p) for p in found), found
    assert any("application.id: shape 'AA00-?????' may hold only capital letters, digits and '*'" in p
               for p in found), found


def test_options_are_for_closed_questions_written_as_ceac_prints_them(rules_copy: Path) -> None:
    _edit(rules_copy / "catalogue.yaml", "personal.surnames: {type: name,",
          "personal.surnames: {options: [A], type: name,")
    _edit(rules_copy / "catalogue.yaml", "options: [MALE, FEMALE]", "options: [MALE, female, MALE]")
    found = check_rules(rules_copy)
    assert any(re.match(r"field_rules/catalogue\.yaml:\d+: personal\.surnames: options are for a "
                        r"closed list of answers \(type enum\), not 'name'$", p) for p in found), found
    assert any("personal.sex: option 'female' must be written as CEAC prints it (capitals, single "
               "spaces): 'FEMALE'" in p for p in found), found
    assert any("personal.sex: an option is listed twice" in p for p in found), found


def test_the_rules_name_the_matchers_the_comparison_has() -> None:
    # The rule reader keeps the names itself: reading the rules must not import the matching stage.
    assert tuple(SCALAR) == SCALAR_MATCHERS
    assert tuple(ITEM_SCORERS) == ITEM_MATCHERS


def test_the_rule_loader_imports_no_later_stage() -> None:
    import subprocess
    import sys

    code = ("import sys; from ds160check.rules import load_rules; load_rules(); "
            "print(sorted(m for m in sys.modules if m.startswith(('ds160check.comparison.matchers', "
            "'ds160check.matching', 'ds160check.evidence', 'ds160check.redact'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_list_items_sub_key_in_contact_history_is_checked(rules_copy: Path) -> None:
    _edit(rules_copy / "compare" / "fields.yaml", "work.previous_employers.phone]",
          "work.previous_employers.phon]")
    found = check_rules(rules_copy)
    assert len(found) == 1
    assert re.match(
        r"field_rules/compare/fields\.yaml:\d+: work\.previous_employers items have no 'phon' "
        r"\(did you mean 'phone'\?\)$",
        found[0],
    )
