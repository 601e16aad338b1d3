"""A peer's print-format expectations, reproduced on our reader.

VisaDash (github.com/kkbcori/visadash-web, ``test/doctypes.test.mjs``) tests
its DS-160 reader on short synthetic print texts. Each case below takes the
*lines* of one of those texts and one published expectation (which value a
label must give), written anew for our catalogue keys: no code of theirs.
The lines are laid out as a page by ``pagebuilder`` without a browser header,
as VisaDash feeds them (a bare text given to the DS-160 reader), and read as
a print-out with :func:`parse_flow`, the way they call their extractor by
document type.

Which of their assertions are here, and the figures (first run 20 of their 33
DS-160 print assertions, now 33), are in ``tests/peers/README.md``.
"""

from __future__ import annotations

from typing import Any

import pytest
from pagebuilder import make_page

from ds160check.application import Application, DocumentInfo
from ds160check.comparison.case import compare
from ds160check.extraction import PRINT, document_kind, parse_flow
from ds160check.layout import build_flow
from ds160check.rules import load_rules

# "DS-160 version diff flags a surname mismatch as critical": generic labels
# before any section heading, under a title of their own wording.
VERSION_DIFF = """Nonimmigrant Visa Application DS-160
Surname: SHARMA
Given Names: PRIYA
Date of Birth: 01-JAN-1990
Passport Number: Z1234567"""
VERSION_DIFF_NEW = (
    VERSION_DIFF.replace("SHARMA", "SHARNA").replace("Z1234567", "Z7654321")
)

# "DS-160 extractor handles the real printout (Name Provided, section labels)"
REAL_PRINTOUT = """Online Nonimmigrant Visa Application (DS-160)
Name Provided: SNOW, JOHNQQ
Country/Region of Origin (Nationality): AFGHANISTAN
Passport/Travel Document Number: M1111111
Primary Occupation: EDUCATION
Present Employer or School Name: STATE UNIVERSITY
Have you ever been in the U.S.? NO"""
REAL_PRINTOUT_NEW = (
    REAL_PRINTOUT.replace("SNOW, JOHNQQ", "STARK, JOHNQQ")
    .replace("M1111111", "M2222222")
    .replace("been in the U.S.? NO", "been in the U.S.? YES")
)

# "DS-160 handles print quirks: Name Provided, Place of Birth, (n)-indexed labels"
QUIRKS = """Online Nonimmigrant Visa Application (DS-160)
Name Provided: DOE, JANE Q
Full Name in Native Language: DOES NOT APPLY
Place of Birth: SOMECITY, SOMESTATE, SOMELAND
Country/Region of Origin (Nationality): SOMELAND
Social Media Platform: (1): FACEBOOK
Social Media Identifier: user@example.com
Purpose of Trip to the U.S. (1): TEMPORARY WORKER (H)
Specify: SPECIALTY OCCUPATION (H1B)
Passport/Travel Document Number: X1234567
Father's Given Names: RICHARD
Mother's Given Names: MARY"""

# "DS-160 captures wrapped yes/no questions with the answer on a later line"
WRAPPED = """Country/Region of Origin (Nationality): SOMELAND
Do you hold or have you held any nationality other than the one
indicated above on nationality?
NO
Are you a permanent resident of a country/region other than your
country/region of origin (nationality) above?
YES
Have you ever been in the U.S.? YES
Have you ever been refused a U.S. Visa, or been refused admission to
the United States, or withdrawn your application for admission at the
port of entry?
NO"""

# "DS-160 binds the first City/State/Country to the home address, not the employer"
HOME_THEN_EMPLOYER = """Name Provided: DOE, JANE
Country/Region of Origin (Nationality): SOMELAND
Home Address: 1 MAIN ST
City: HOMECITY
State/Province: HOMESTATE
Postal Zone/ZIP Code: 11111
Country/Region: HOMELAND
Same Mailing Address? YES
Primary Phone Number: 5550001
Email Address: a@example.com
Passport/Travel Document Number: X1234567
City Where Issued: ISSUECITY
Primary Occupation: ENGINEER
Present Employer or School Name: ACME CORP
Address: 2 WORK ROAD
City: WORKCITY"""

# "DS-160 extracts the driver's license block and date last visa issued"
DRIVERS_LICENSE = """Have you ever been in the U.S.? YES
Do you or did you hold a U.S. Driver's License? YES
Driver's License Number (1): 12345678
State of Driver's License: TEXAS
Have you ever been issued a U.S. Visa? YES
Date Last Visa was Issued: 17 OCTOBER 2018
Visa Number: N0000000"""

# "DS-160 rows carry their category and pick up new fields"
CATEGORIES = """DS-160
Surname: SHARMA
Given Names: PRIYA
Father's Surname: SHARMA
Purpose of Trip to the U.S.: BUSINESS"""


def _flow(text: str) -> Any:
    lines = [line.strip() for line in text.strip().split("\n")]
    return build_flow([make_page(lines, header=False)], load_rules().layout)


def read(text: str) -> Application:
    """The text read as a print-out (VisaDash's ``extract("ds160", text)``)."""
    info = DocumentInfo("peer.pdf", "0" * 64, PRINT, 1)
    return parse_flow(info, _flow(text), load_rules())


def value(app: Application, path: str) -> Any:
    """A field's value; ``key[0].sub`` reaches into a list of objects."""
    key, _, rest = path.partition("[")
    got = app.fields[key].value
    if rest:
        index, _, sub = rest.partition("]")
        got = got[int(index)]
        if sub:
            got = got[sub.lstrip(".")]
    return got


def street_line(address: str) -> str:
    """The first printed line of an address (our address fields join their lines)."""
    return address.split(", ")[0]


FIELD_CASES = [
    # real printout
    (REAL_PRINTOUT, "personal.surnames", "SNOW", "real_printout_surname"),
    (REAL_PRINTOUT, "personal.given_names", "JOHNQQ", "real_printout_given_names"),
    (REAL_PRINTOUT, "personal.nationality", "AFGHANISTAN", "real_printout_nationality"),
    (REAL_PRINTOUT, "work.primary_occupation", "EDUCATION", "real_printout_occupation"),
    # print quirks
    (QUIRKS, "personal.surnames", "DOE", "quirks_surname"),
    (QUIRKS, "personal.given_names", "JANE Q", "quirks_given_names"),
    (QUIRKS, "personal.full_name_native", None, "quirks_native_name_does_not_apply"),
    (QUIRKS, "contact.social_media[0].platform", "FACEBOOK", "quirks_social_media_index_after_colon"),
    (QUIRKS, "travel.purpose", "TEMPORARY WORKER (H)", "quirks_purpose_index_before_colon"),
    (QUIRKS, "family.father_given_names", "RICHARD", "quirks_father_given_names"),
    (QUIRKS, "personal.given_names", "JANE Q", "quirks_given_names_not_taken_by_parents"),
    # wrapped questions
    (WRAPPED, "personal.other_nationality", False, "wrapped_other_nationality_answer_below"),
    (WRAPPED, "personal.permanent_resident_other", True, "wrapped_permanent_resident_answer_below"),
    (WRAPPED, "previous_travel.been_in_us", True, "wrapped_been_in_us_same_line"),
    (WRAPPED, "previous_travel.refused", False, "wrapped_refused_answer_three_lines_below"),
    # home address first, employer after
    (HOME_THEN_EMPLOYER, "contact.home_city", "HOMECITY", "binding_first_city_is_home"),
    (HOME_THEN_EMPLOYER, "contact.home_state", "HOMESTATE", "binding_home_state"),
    (HOME_THEN_EMPLOYER, "contact.home_country", "HOMELAND", "binding_home_country_not_nationality"),
    (HOME_THEN_EMPLOYER, "passport.issued_city", "ISSUECITY", "binding_passport_issue_city"),
    (HOME_THEN_EMPLOYER, "contact.mailing_same_as_home", True, "binding_same_mailing_address"),
    # driver's licence and last visa
    (DRIVERS_LICENSE, "previous_travel.us_drivers_license", True, "license_question"),
    (DRIVERS_LICENSE, "previous_travel.drivers_licenses[0].number", "12345678", "license_number_indexed"),
    (DRIVERS_LICENSE, "previous_travel.drivers_licenses[0].state", "TEXAS", "license_state"),
    (DRIVERS_LICENSE, "previous_travel.last_visa_issue_date", "2018-10-17", "last_visa_date_as_iso"),
    (DRIVERS_LICENSE, "previous_travel.last_visa_number", "N0000000", "last_visa_number"),
]


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [pytest.param(text, path, expected, id=name) for text, path, expected, name in FIELD_CASES],
)
def test_peer_print_text_gives_the_published_value(text: str, path: str, expected: Any) -> None:
    assert value(read(text), path) == expected


def test_place_of_birth_row_gives_city_state_and_country() -> None:
    app = read(QUIRKS)
    assert [value(app, k) for k in ("personal.birth_city", "personal.birth_state",
                                    "personal.birth_country")] == ["SOMECITY", "SOMESTATE", "SOMELAND"]


def test_employer_address_after_home_address_is_the_employers() -> None:
    """Their ``employerAddress`` is the street line; our address joins the printed lines."""
    app = read(HOME_THEN_EMPLOYER)
    address = value(app, "work.present_employer_address")
    assert street_line(address) == "2 WORK ROAD"
    assert "WORKCITY" in address and "HOMECITY" not in address


def test_generic_labels_before_any_heading_give_identity_and_passport() -> None:
    app = read(VERSION_DIFF)
    assert value(app, "personal.given_names") == "PRIYA"
    assert value(app, "personal.date_of_birth") == "1990-01-01"
    assert value(app, "passport.number") == "Z1234567"


def _compared(old_text: str, new_text: str) -> tuple[dict[str, str], set[str]]:
    """(severity per field with a finding, every field reported as differing)."""
    report = compare(read(old_text), read(new_text))
    severities = {f.field: f.severity for f in report.findings if f.field}
    return severities, {c.field for c in report.changes} | set(severities)


COMPARE_CASES = [
    (VERSION_DIFF, VERSION_DIFF_NEW, "personal.surnames", None, "version_diff_surname_differs"),
    (VERSION_DIFF, VERSION_DIFF_NEW, "personal.surnames", "critical", "version_diff_surname_critical"),
    (VERSION_DIFF, VERSION_DIFF_NEW, "passport.number", None, "version_diff_passport_number_differs"),
    (REAL_PRINTOUT, REAL_PRINTOUT_NEW, "personal.surnames", None, "real_printout_surname_differs"),
    (REAL_PRINTOUT, REAL_PRINTOUT_NEW, "passport.number", None, "real_printout_passport_number_differs"),
    (REAL_PRINTOUT, REAL_PRINTOUT_NEW, "previous_travel.been_in_us", None,
     "real_printout_been_in_us_differs"),
]


@pytest.mark.parametrize(
    ("old", "new", "key", "severity"),
    [pytest.param(*case[:4], id=case[4]) for case in COMPARE_CASES],
)
def test_peer_print_texts_compared_report_the_published_difference(
    old: str, new: str, key: str, severity: str | None
) -> None:
    severities, differing = _compared(old, new)
    assert key in differing
    if severity is not None:
        assert severities.get(key) == severity


def test_father_surname_before_any_heading_is_a_family_field() -> None:
    app = read(CATEGORIES)
    assert value(app, "family.father_surnames") == "SHARMA"
    assert value(app, "personal.surnames") == "SHARMA"
    assert value(app, "travel.purpose") == "BUSINESS"


def test_title_without_brackets_is_a_print_out() -> None:
    flow = _flow("Online Nonimmigrant Visa Application DS-160")
    assert document_kind(flow, load_rules()) == PRINT


PEER_TEXTS = {
    "version_diff": VERSION_DIFF,
    "real_printout": REAL_PRINTOUT,
    "quirks": QUIRKS,
    "wrapped": WRAPPED,
    "home_then_employer": HOME_THEN_EMPLOYER,
    "drivers_license": DRIVERS_LICENSE,
    "categories": CATEGORIES,
}


@pytest.mark.parametrize("text", list(PEER_TEXTS.values()), ids=list(PEER_TEXTS))
def test_every_label_of_the_peers_print_texts_is_known(text: str) -> None:
    app = read(text)
    assert [w for w in app.warnings if "label not recognised" in w or "before any section" in w] == []
