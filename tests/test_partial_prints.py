"""Print-outs as users have them: a few pages with the print's title, generic labels
before any heading, and CEAC's Review pages saved as PDF."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from pagebuilder import TITLE, Cell, make_page

from ds160check import extract
from ds160check.application import Application, DocumentInfo
from ds160check.cli import cli
from ds160check.errors import NotDs160Error
from ds160check.extraction import MIN_PRINT_FIELDS, PRINT, document_kind, parse_flow
from ds160check.layout import Flow, build_flow
from ds160check.parsing.completeness import Title, check_enough, print_title
from ds160check.rules import check_rules, load_rules
from ds160check.rules_path import rules_dir

SHORT = ["Surname: DOE", "Given Names: JANE", "Sex: FEMALE"]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def flow_of(*lines: Sequence[Cell] | str, header: bool = False) -> Flow:
    return build_flow([make_page(list(lines), header=header)], load_rules().layout)


def read(flow: Flow) -> Application:
    return parse_flow(DocumentInfo("short.pdf", "0" * 64, PRINT, 1), flow, load_rules())


# --- the print's title --------------------------------------------------------------------


def test_title_on_a_line_of_its_own_is_the_prints_title() -> None:
    assert print_title(flow_of(TITLE, *SHORT), load_rules().layout) == Title(TITLE, 1)


def test_title_quoted_in_a_sentence_is_no_prints_title() -> None:
    flow = flow_of(f"Please complete the {TITLE} before your interview.", *SHORT)
    assert print_title(flow, load_rules().layout) is None


def test_browser_title_of_a_printed_application_is_the_prints_title() -> None:
    title = print_title(flow_of(*SHORT, header=True), load_rules().layout)
    assert title is not None and title.text.endswith("Print Application")


def test_short_print_with_its_title_is_read_with_a_note_naming_the_title() -> None:
    flow = flow_of(TITLE, *SHORT)
    app = read(flow)
    note = check_enough("short.pdf", app.fields, MIN_PRINT_FIELDS, print_title(flow, load_rules().layout))
    assert note == [f"only 3 answers read: read as a partial print for its title {TITLE!r} on page 1"]


def test_short_text_without_the_title_is_still_no_ds160() -> None:
    app = read(flow_of("Sensitive But Unclassified", *SHORT))
    with pytest.raises(NotDs160Error, match="only 4 answers could be read"):
        check_enough("short.pdf", app.fields, MIN_PRINT_FIELDS, None)


def test_print_title_over_no_answer_is_no_ds160() -> None:
    flow = flow_of(TITLE, "Please print this page for your records.")
    with pytest.raises(NotDs160Error, match="carries the print title .* but no answer could be read"):
        check_enough("short.pdf", read(flow).fields, MIN_PRINT_FIELDS, print_title(flow, load_rules().layout))


def test_partial_print_warnings_name_the_missing_sections_and_identity_answers() -> None:
    warnings = read(flow_of(TITLE, *SHORT)).warnings
    assert "section not found (a partial print?): Travel Information" in warnings
    assert "answer not found (a partial print?): personal.date_of_birth" in warnings
    assert "answer not found (a partial print?): passport.number" in warnings
    assert not [w for w in warnings if "personal.surnames" in w or "Personal, Address" in w]


# --- generic labels before any section heading ------------------------------------------------


def test_generic_labels_under_the_title_are_read_in_the_forms_first_section() -> None:
    fields = read(flow_of(TITLE, *SHORT, "Date of Birth: 07 FEBRUARY 2000")).to_dict()["fields"]
    assert fields["personal.surnames"] == "DOE"
    assert fields["personal.given_names"] == "JANE"
    assert fields["personal.date_of_birth"] == "2000-02-07"


def test_generic_label_only_a_sub_block_explains_is_named_not_guessed() -> None:
    app = read(flow_of(TITLE, "City: ALMATY", *SHORT))
    assert not [k for k in app.fields if "city" in k or "address" in k]
    (warning,) = [w for w in app.warnings if "'City'" in w]
    assert warning.startswith("page 1: 'City' before any section heading")
    assert "contact.home_city" in warning and warning.endswith("not read")


def test_names_under_an_additional_contact_heading_stay_no_applicants_name() -> None:
    fields = read(flow_of(TITLE, "Additional Point of Contact Information", "Surnames: SMITH"))
    assert "personal.surnames" not in fields.fields


# --- CEAC Review pages ----------------------------------------------------------------------


REVIEW_PERSONAL = [
    "Review Personal",
    "Surnames: DOE",
    "Given Names: JANE",
    "Sex: FEMALE",
    "Date of Birth: 07 FEBRUARY 2000",
    "Country/Region of Origin (Nationality): KAZAKHSTAN",
]


def test_review_page_is_a_print_out_titled_by_its_heading() -> None:
    flow = flow_of(*REVIEW_PERSONAL)
    assert document_kind(flow, load_rules()) == PRINT
    assert print_title(flow, load_rules().layout) == Title("Review Personal", 1)


def test_review_page_heading_opens_its_section() -> None:
    app = read(flow_of(*REVIEW_PERSONAL))
    assert app.to_dict()["fields"]["personal.nationality"] == "KAZAKHSTAN"
    assert "section not found (a partial print?): Travel Information" in app.warnings
    assert not [w for w in app.warnings if "Personal, Address" in w]


def test_review_travel_page_reads_travel_answers() -> None:
    app = read(flow_of(
        "Review - Travel",
        "Purpose of Trip to the U.S. (1): TEMP. BUSINESS PLEASURE VISITOR (B)",
        "Have you made specific travel plans? NO",
    ))
    fields = app.to_dict()["fields"]
    assert fields["travel.purpose"] == "TEMP. BUSINESS PLEASURE VISITOR (B)"
    assert fields["travel.specific_plans"] is False


# --- as PDFs, on the command line and in the API ------------------------------------------------


def test_first_page_of_a_print_is_read_with_warnings_naming_what_it_lacks() -> None:
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "bad" / "partial-print-first-page.pdf")])
    assert result.exit_code == 0
    warnings = result.output.split("Warnings", 1)[1]
    assert "read as a partial print for its title 'Online Nonimmigrant Visa Application (DS-160)'" in warnings
    for missing in ("Travel Information", "Security and Background"):
        assert f"section not found (a partial print?): {missing}" in warnings
    for key in ("personal.date_of_birth", "personal.nationality", "passport.number"):
        assert f"answer not found (a partial print?): {key}" in warnings
    assert "ASANOV" in result.output and "application.id" not in warnings


def test_review_page_saved_as_pdf_is_read_as_a_print_out() -> None:
    app = extract(FIXTURES / "print" / "kz-akhmetova-review-personal.pdf")
    assert app.document.kind == PRINT
    assert app.fields["personal.surnames"].value == "AKHMETOVA"
    assert app.fields["personal.nationality"].span is not None
    assert "answer not found (a partial print?): passport.number" in app.warnings


# --- the rules behind them ---------------------------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "field_rules"
    shutil.copytree(rules_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_misspelt_print_section_in_layout_is_named_with_a_suggestion(rules_copy: Path) -> None:
    _edit(rules_copy / "layout.yaml", "  us_contact: U.S. Contact", "  us_contacts: U.S. Contact")
    assert any(
        p.startswith("field_rules/layout.yaml:")
        and p.endswith("unknown print section 'us_contacts' (did you mean 'us_contact'?)")
        for p in check_rules(rules_copy)
    )


def test_review_title_that_is_no_heading_is_reported(rules_copy: Path) -> None:
    _edit(rules_copy / "print" / "family.yaml", "  - Review Family\n", "")
    assert any("the Review page title 'Review Family' is no heading" in p for p in check_rules(rules_copy))


def test_misspelt_required_answer_is_named_with_a_suggestion(rules_copy: Path) -> None:
    _edit(rules_copy / "layout.yaml", "  - passport.number\n", "  - passport.numbr\n")
    assert any(
        "unknown field key 'passport.numbr' (did you mean 'passport.number'?)" in p
        for p in check_rules(rules_copy)
    )
