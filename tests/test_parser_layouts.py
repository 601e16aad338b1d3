"""How the print-out parser reads layouts it was not tuned to: each test one layout trait."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from pagebuilder import TITLE, Cell, make_page

from ds160check.application import DocumentInfo
from ds160check.extraction import PRINT, parse_flow
from ds160check.layout import build_flow
from ds160check.model import Page
from ds160check.rules import load_rules

PERSONAL = "Personal, Address, Phone, and Passport/Travel Document Information"
# Enough plain rows that the page counts as a DS-160 print-out.
FILLER = [
    "Name Provided: IVANOV, IURII",
    "Sex: MALE",
    "Marital Status: SINGLE",
    "Date of Birth: 07 FEBRUARY 2000",
    "City of Birth: ALMATY",
    "Country/Region of Birth: KAZAKHSTAN",
    "Country/Region of Origin (Nationality): KAZAKHSTAN",
    "National Identification Number: 000207500123",
]


def read(pages: Sequence[Page]) -> dict[str, Any]:
    rules = load_rules()
    flow = build_flow(pages, rules.layout)
    app = parse_flow(DocumentInfo("test.pdf", "0" * 64, PRINT, len(pages)), flow, rules)
    return app.to_dict()


def read_lines(*lines: Sequence[Cell] | str) -> dict[str, Any]:
    return read([make_page([TITLE, PERSONAL, *FILLER, *lines])])["fields"]


def test_label_and_value_on_one_line() -> None:
    fields = read_lines("Marital Status: MARRIED")
    assert fields["personal.sex"] == "MALE"
    assert fields["personal.date_of_birth"] == "2000-02-07"


def test_label_glued_to_value_without_space() -> None:
    fields = read_lines("Telecode:NO", "Primary Phone Number:+77011234567")
    assert fields["personal.telecode"] is False
    assert fields["contact.primary_phone"] == "+77011234567"


def test_value_in_right_column_beside_label_wrapped_over_three_lines() -> None:
    fields = read_lines(
        [(40, "Are you a permanent resident of a"), (320, "NO")],
        "country/region other than your country/region",
        "of origin (nationality) indicated above?",
        [(40, "Primary Phone Number:"), (320, "+7 701 123 4567")],
    )
    assert fields["personal.permanent_resident_other"] is False
    assert fields["contact.primary_phone"] == "+77011234567"


def test_value_on_the_line_after_its_label() -> None:
    fields = read_lines("Home Address:", "12 ABAI AVENUE", "City: ALMATY")
    assert fields["contact.home_street"] == "12 ABAI AVENUE"
    assert fields["contact.home_city"] == "ALMATY"


def test_wrapped_question_answer_at_end_of_first_line() -> None:
    fields = read_lines(
        "Have you ever been refused a U.S. Visa, or been refused admission to NO",
        "the United States, or withdrawn your application for admission at the",
        "port of entry?",
        "Sex: MALE",
    )
    assert fields["previous_travel.refused"] is False


def test_wrapped_question_answer_on_its_own_line_below() -> None:
    fields = read_lines(
        "Have you ever been refused a U.S. Visa, or been refused admission to",
        "the United States, or withdrawn your application for admission at the",
        "port of entry?",
        "YES",
        "Explain: REFUSED UNDER 214(B) IN ALMATY,",
        "MARCH 2025",
    )
    assert fields["previous_travel.refused"] is True
    assert (
        fields["previous_travel.refused_explanation"]
        == "REFUSED UNDER 214(B) IN ALMATY, MARCH 2025"
    )


def test_numbered_groups_in_both_notations() -> None:
    fields = read_lines(
        "Have you ever been in the U.S.? YES",
        "Date Arrived (1): 12 MARCH 2019",
        "Length of Stay (1): 2 WEEK(S)",
        "Date Arrived: (2): 01 JULY 2022",
        "Length of Stay: (2): 10 DAY(S)",
    )
    assert fields["previous_travel.visits"] == [
        {"arrived": "2019-03-12", "length_of_stay": {"value": 2, "unit": "WEEK"}},
        {"arrived": "2022-07-01", "length_of_stay": {"value": 10, "unit": "DAY"}},
    ]


def test_unnumbered_repeated_block_starts_a_new_item_when_a_label_repeats() -> None:
    fields = read_lines(
        "Have you ever used other names (i.e., maiden, religious, professional, alias, etc.)? YES",
        "Surnames: PETROVA",
        "Given Names: ANNA",
        "Surnames: SIDOROVA",
        "Given Names: ANNA",
        "Do you have a telecode that represents your name? NO",
    )
    assert fields["personal.other_names"] == [
        {"surnames": "PETROVA", "given_names": "ANNA"},
        {"surnames": "SIDOROVA", "given_names": "ANNA"},
    ]
    assert fields["personal.telecode"] is False


def test_generic_labels_bind_to_the_sub_block_above_them() -> None:
    fields = read_lines(
        "Family Information: Relatives",
        "Father's Full Name and Date of Birth",
        "Surnames: IVANOV",
        "Given Names: PETR",
        "Date of Birth: 01 JANUARY 1970",
        "Is your father in the U.S.? NO",
        "Mother's Full Name and Date of Birth",
        "Surnames: IVANOVA",
        "Given Names: OLGA",
        "Date of Birth: DO NOT KNOW",
        "Is your mother in the U.S.? YES",
        "Status: U.S. LEGAL PERMANENT RESIDENT (LPR)",
    )
    assert fields["family.father_surnames"] == "IVANOV"
    assert fields["family.father_date_of_birth"] == "1970-01-01"
    assert fields["family.mother_given_names"] == "OLGA"
    assert fields["family.mother_date_of_birth"] is None
    assert fields["family.mother_us_status"] == "U.S. LEGAL PERMANENT RESIDENT (LPR)"
    assert fields["personal.date_of_birth"] == "2000-02-07"


def test_value_continues_across_a_page_break_without_the_footer() -> None:
    first = make_page(
        [
            TITLE,
            PERSONAL,
            *FILLER,
            "Have you ever been refused a U.S. Visa? YES",
            "Explain: REFUSED IN ALMATY IN MARCH 2025 BECAUSE",
        ],
        number=1,
    )
    second = make_page(["MY TIES WERE CONSIDERED WEAK", "Sex: MALE"], number=2)
    fields = read([first, second])["fields"]
    assert fields["previous_travel.refused_explanation"] == (
        "REFUSED IN ALMATY IN MARCH 2025 BECAUSE MY TIES WERE CONSIDERED WEAK"
    )


def test_print_header_date_is_the_submission_fallback_and_not_a_value() -> None:
    result = read([make_page([TITLE, PERSONAL, *FILLER])])
    assert result["fields"]["application.submitted_at"] == "2026-11-26"
    assert all("ceac.state.gov" not in str(v) for v in result["fields"].values())


def test_native_alphabet_name_is_kept_as_printed() -> None:
    fields = read_lines("Full Name in Native Language: ИВАНОВ ЮРИЙ")
    assert fields["personal.full_name_native"] == "ИВАНОВ ЮРИЙ"


def test_explain_binds_to_the_security_question_answered_yes() -> None:
    fields = read_lines(
        "Security and Background: Part 2",
        "Have you ever been arrested or convicted for any offense or crime, even though subject",
        "of a pardon, amnesty, or other similar action?",
        "YES",
        "Explain: FINED FOR A TRAFFIC OFFENCE IN 2018",
        "Have you ever violated, or engaged in a conspiracy to violate, any law relating to",
        "controlled substances?",
        "NO",
    )
    assert fields["security.arrested_or_convicted"] is True
    assert (
        fields["security.arrested_or_convicted_explanation"]
        == "FINED FOR A TRAFFIC OFFENCE IN 2018"
    )
    assert fields["security.controlled_substances"] is False


def test_gated_list_answered_no_is_present_and_empty() -> None:
    fields = read_lines("Have you ever been in the U.S.? NO")
    assert fields["previous_travel.visits"] == []


def test_unknown_label_does_not_join_the_value_above_it() -> None:
    fields = read_lines("City of Birth: ALMATY", "Some Unknown Row: SOMETHING ELSE")
    assert fields["personal.birth_city"] == "ALMATY"


def test_label_without_colon_before_a_capitals_value() -> None:
    fields = read_lines("Marital Status SINGLE")
    assert fields["personal.marital_status"] == "SINGLE"


def test_composite_address_joins_its_printed_parts() -> None:
    fields = read_lines(
        "Present Work/Education/Training Information",
        "Primary Occupation: BUSINESS",
        "Present Employer or School Name: KAZ TRADE LLP",
        "Street Address (Line 1): 5 DOSTYK AVE",
        "Street Address (Line 2): DOES NOT APPLY",
        "City: ALMATY",
        "Country/Region: KAZAKHSTAN",
        "Monthly Income in Local Currency (if employed): 350,000",
    )
    assert fields["work.present_employer_address"] == "5 DOSTYK AVE, ALMATY, KAZAKHSTAN"
    assert fields["work.monthly_income"] == {"amount": 350000.0, "currency": "KZT"}


def test_provenance_names_page_box_label_and_raw_text() -> None:
    result = read([make_page([TITLE, PERSONAL, *FILLER])])
    span = result["provenance"]["personal.sex"]
    assert span["page"] == 1
    assert span["label"] == "Sex"
    assert span["raw"] == "MALE"
    x0, top, x1, bottom = span["bbox"]
    assert x0 < x1 and top < bottom


@pytest.mark.parametrize("size", [(612.0, 792.0), (595.0, 842.0)], ids=["letter", "a4"])
def test_page_size_does_not_matter(size: tuple[float, float]) -> None:
    fields = read([make_page([TITLE, PERSONAL, *FILLER], size=size)])["fields"]
    assert fields["personal.nationality"] == "KAZAKHSTAN"


def test_right_aligned_label_wrapping_over_lines() -> None:
    # Each wrapped line ends at x=300: the left edges differ, the right edges agree.
    lines = [
        "Have you ever been refused a U.S. Visa, or been",
        "refused admission to the United States, or withdrawn",
        "your application for admission at the port of entry?",
    ]
    rows: list[Sequence[Cell] | str] = []
    for n, text in enumerate(lines):
        rows.append(
            [(300 - 5.0 * len(text) - 2.5 * (text.count(" ")), text)]
            + ([(320, "YES")] if n == 0 else [])
        )
    fields = read_lines(*rows, "Explain: REFUSED 214(B) IN 2025")
    assert fields["previous_travel.refused"] is True
    assert fields["previous_travel.refused_explanation"] == "REFUSED 214(B) IN 2025"


def test_banner_repeated_on_every_page_is_not_a_heading() -> None:
    banner = "Application - Sensitive But Unclassified(SBU) Review"
    first = make_page(
        [
            banner,
            TITLE,
            PERSONAL,
            *FILLER,
            "Have you ever been refused a U.S. Visa? YES",
            "Explain: REFUSED IN ALMATY IN MARCH 2025 BECAUSE",
        ],
        number=1,
    )
    second = make_page(
        [
            banner,
            "MY TIES WERE CONSIDERED WEAK",
            "Has anyone ever filed an immigrant petition "
            "on your behalf with the United States Citizenship and Immigration Services? NO",
        ],
        number=2,
    )
    fields = read([first, second])["fields"]
    assert fields["previous_travel.refused_explanation"].endswith(
        "BECAUSE MY TIES WERE CONSIDERED WEAK"
    )
    assert fields["previous_travel.immigrant_petition"] is False


def test_question_wrapped_across_a_page_break_keeps_its_answer() -> None:
    first = make_page(
        [
            TITLE,
            PERSONAL,
            *FILLER,
            "Have you ever been refused a U.S. Visa, or been refused admission to",
        ],
        number=1,
    )
    second = make_page(
        ["the United States, or withdrawn your application at the port of entry?", "YES"], number=2
    )
    fields = read([first, second])["fields"]
    assert fields["previous_travel.refused"] is True


def test_explain_under_an_unknown_question_is_not_given_to_the_question_before() -> None:
    fields = read_lines(
        "Security and Background: Part 5",
        "Have you voted in the United States in violation of any law or regulation? NO",
        "Is this a question no rule file knows about? YES",
        "Explain: SOMETHING ABOUT THE UNKNOWN QUESTION",
    )
    assert fields["security.voted_unlawfully"] is False
    assert "security.voted_unlawfully_explanation" not in fields


# --- a wrapped value whose next line holds a colon (issue 14, item 14) --------------------------
# Initials ("A", "K."), "U.S." or "J" start a label as readily as a value: a wrapped line
# "WORD: REST" is a new row when the rules know WORD, else more of the value above it when it
# stands in the value's place or is written in capitals as values are.

WORK = ["Present Work/Education/Training Information", "Primary Occupation: BUSINESS"]


def read_work(*lines: Sequence[Cell] | str) -> dict[str, Any]:
    result = read([make_page([TITLE, PERSONAL, *FILLER, *WORK, *lines])])
    unknown = [w for w in result["warnings"] if "label not recognised" in w]
    assert unknown == [], unknown
    return result["fields"]  # type: ignore[no-any-return]


def test_wrapped_employer_with_a_colon_on_its_second_line_continues_in_a_flowing_print() -> None:
    fields = read_work(
        "Present Employer or School Name: EMBASSY OF THE UNITED STATES OF AMERICA, BLOCK",
        "A: CONSULAR SECTION",
        "Street Address (Line 1): 41 SAMAL-2",
    )
    assert fields["work.present_employer"] == (
        "EMBASSY OF THE UNITED STATES OF AMERICA, BLOCK A: CONSULAR SECTION"
    )
    assert fields["work.present_employer_address"].startswith("41 SAMAL-2")


def test_employer_printed_below_its_label_with_a_colon_is_its_value() -> None:
    fields = read_work(
        "Present Employer or School Name:",
        "K. I. SATPAYEV KAZAKH NATIONAL TECHNICAL UNIVERSITY",
        "J: INSTITUTE OF GEOLOGY AND MINING",
        "Street Address (Line 1): 22 SATPAYEV STREET",
    )
    assert fields["work.present_employer"] == (
        "K. I. SATPAYEV KAZAKH NATIONAL TECHNICAL UNIVERSITY J: INSTITUTE OF GEOLOGY AND MINING"
    )
    assert fields["work.present_employer_address"].startswith("22 SATPAYEV STREET")


def test_the_line_below_a_label_without_a_value_is_its_value_though_it_reads_like_a_label() -> None:
    fields = read_work(
        "Present Employer or School Name:",
        "Astana Branch: TOO KAZAKH ENGINEERING GROUP",
        "Street Address (Line 1): 22 SATPAYEV STREET",
    )
    assert fields["work.present_employer"] == "Astana Branch: TOO KAZAKH ENGINEERING GROUP"


def test_wrapped_address_line_with_a_colon_continues_in_the_value_column() -> None:
    fields = read_work(
        [(40, "Present Employer or School Name:"), (250, "STEPPE CARGO LOGISTICS LLP")],
        [(40, "Street Address (Line 1):"), (250, "MICRODISTRICT ZHETYSU-3, BLOCK")],
        [(250, "A: ENTRANCE 2, OFFICE 14")],
        [(40, "City:"), (250, "ALMATY")],
        [(40, "Country/Region:"), (250, "KAZAKHSTAN")],
    )
    # The wrap reads as the address's unlabeled line 2 does: with a comma.
    assert fields["work.present_employer_address"] == (
        "MICRODISTRICT ZHETYSU-3, BLOCK, A: ENTRANCE 2, OFFICE 14, ALMATY, KAZAKHSTAN"
    )


def test_wrapped_duties_in_the_value_column_keep_a_line_written_like_a_label() -> None:
    # In a two-column print the value column decides, whatever the line's case.
    fields = read_work(
        [(40, "Present Employer or School Name:"), (250, "STEPPE CARGO LOGISTICS LLP")],
        [(40, "Briefly describe your duties:"), (250, "I PLAN RAIL AND TRUCK ROUTES.")],
        [(250, "Main tasks: rates, customs brokers")],
        [(250, "AND THE MONTHLY TRANSPORT BUDGET.")],
        [(40, "Monthly Income in Local Currency (if employed):"), (250, "650,000")],
    )
    assert fields["work.duties"] == (
        "I PLAN RAIL AND TRUCK ROUTES. Main tasks: rates, customs brokers AND THE MONTHLY TRANSPORT BUDGET."
    )
    assert fields["work.monthly_income"] == {"amount": 650000.0, "currency": "KZT"}


def test_wrapped_school_name_with_a_colon_continues() -> None:
    fields = read_work(
        "Have you attended any educational institutions at a secondary level or above? YES",
        "Name of Institution: KAZAKH NATIONAL TECHNICAL UNIVERSITY, CORPUS",
        "F: AMERICAN STUDIES CENTRE",
        "Course of Study: FINANCE",
    )
    assert fields["education.institutions"][0]["name"] == (
        "KAZAKH NATIONAL TECHNICAL UNIVERSITY, CORPUS F: AMERICAN STUDIES CENTRE"
    )
    assert fields["education.institutions"][0]["course"] == "FINANCE"


def test_unknown_mixed_case_label_in_the_label_column_still_ends_a_wrapped_value() -> None:
    result = read([make_page([
        TITLE, PERSONAL, *FILLER, *WORK,
        [(40, "Present Employer or School Name:"), (250, "STEPPE CARGO")],
        [(250, "LOGISTICS LLP")],
        [(40, "Some Unknown Row:"), (250, "SOMETHING ELSE")],
    ])])
    assert result["fields"]["work.present_employer"] == "STEPPE CARGO LOGISTICS LLP"
    assert "page 1: label not recognised: 'Some Unknown Row'" in result["warnings"]
