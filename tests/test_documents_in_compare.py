"""What compare makes of real-world documents: CEAC pages, letters it cannot read, honest answers.

The DS-160s are the generated ``undisclosed-214b-letter`` case (the new form
answers NO to "ever refused"); the documents are drawn here from published
wordings (tests/realworld/score.py draws them as PDFs).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jsonschema
import pytest

from ds160check import compare, extract
from ds160check.render.json import dumps
from ds160check.render.report_html import render_html
from ds160check.render.report_md import render_markdown
from ds160check.render.report_text import render_report
from ds160check.schemas import report_schema

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "fixtures" / "cases" / "undisclosed-214b-letter"
OLD, NEW = CASE / "old.pdf", CASE / "new.pdf"
sys.path.insert(0, str(ROOT / "tests" / "realworld"))

import score  # noqa: E402

pytestmark = pytest.mark.skipif(not score.FONT.is_file(), reason="fonts-dejavu-core is not installed")

CEAC_REFUSED = """Nonimmigrant Visa (NIV)
Application ID or Case Number: {case}
Refused
Case Created: 03-Mar-2025
Case Last Updated: 05-Mar-2025
A U.S. consular officer has adjudicated and refused your visa application. Please follow any
instructions provided by the consular officer.
"""
CEAC_ISSUED = """Nonimmigrant Visa (NIV)
Application ID or Case Number: {case}
Issued
Case Created: 03-Mar-2025
Case Last Updated: 19-Mar-2025
Your visa is in final processing. If you have not received it in more than 10 working days, please
see the webpage for contact information of the embassy or consulate where you submitted your application.
"""
VAGUE_LETTER = """Embassy of the United States of America
Consular Section
Re: your case under Section 214(b)
Please find enclosed the papers returned to you.
"""


def _document(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    score.render_pdf(text, path)
    return path


def _old_id() -> str:
    return str(extract(OLD).get("application.id"))


def _codes(report: dict) -> dict[str, str]:
    return {f["code"]: f["severity"] for f in report["findings"]}


def test_a_ceac_refused_page_establishes_the_refusal_the_new_form_hides(tmp_path: Path) -> None:
    page = _document(tmp_path, "ceac.pdf", CEAC_REFUSED.format(case=_old_id()))
    report = compare(OLD, NEW, [page]).to_dict()
    jsonschema.validate(report, report_schema())
    assert _codes(report)["UNDISCLOSED_REFUSAL"] == "critical"
    refusal = report["refusal"]
    assert (refusal["type"], refusal["source"], refusal["date"]) == ("unknown", "ceac_status", "2025-03-05")
    assert refusal["quote"]["file"] == str(page)
    assert [d["kind"] for d in report["documents"] if d["role"] == "evidence"] == ["ceac_status"]
    item = next(c for c in report["checklist"] if c["item"].startswith("Refusal type"))
    assert item["status"] == "unknown" and "not its section" in item["detail"]


def test_a_ceac_issued_page_of_the_old_application_is_no_refusal(tmp_path: Path) -> None:
    page = _document(tmp_path, "ceac.pdf", CEAC_ISSUED.format(case=_old_id()))
    report = compare(OLD, NEW, [page]).to_dict()
    codes = _codes(report)
    assert report["refusal"] is None
    assert "UNDISCLOSED_REFUSAL" not in codes and "NO_MATERIAL_CHANGE" not in codes
    assert "REFUSAL_UNVERIFIED" not in codes


def test_a_letter_that_looks_like_a_refusal_but_says_none_is_reported_not_ignored(tmp_path: Path) -> None:
    letter = _document(tmp_path, "embassy.pdf", VAGUE_LETTER)
    report = compare(OLD, NEW, [letter])
    data = report.to_dict()
    assert [n["code"] for n in data["notices"]] == ["DOCUMENT_NOT_UNDERSTOOD"]
    assert data["notices"][0]["files"] == [str(letter)]
    item = next(c for c in data["checklist"] if c["item"].startswith("Refusal type"))
    assert item["status"] == "unknown" and "given but not understood" in item["detail"]
    assert "no refusal letter among the documents" not in dumps(data)
    text = render_report(report)
    assert text.index("DOCUMENT_NOT_UNDERSTOOD") < text.index("Refusal:")
    assert "DOCUMENT_NOT_UNDERSTOOD" in render_markdown(report)
    assert "DOCUMENT_NOT_UNDERSTOOD" in render_html(report)


def test_an_unreadable_document_makes_the_verdict_say_the_check_is_incomplete() -> None:
    report = compare(OLD, NEW, [ROOT / "fixtures" / "bad" / "truncated.pdf"])
    data = report.to_dict()
    assert [n["code"] for n in data["notices"]] == ["DOCUMENT_UNREADABLE"]
    assert data["summary"]["verdict"].endswith("(check incomplete: a document could not be read)")


def test_the_refusal_quote_is_shown_in_every_format() -> None:
    report = compare(OLD, NEW, [CASE / "refusal-letter.pdf"])
    quote = report.to_dict()["refusal"]["quote"]
    assert quote["page"] == 1 and "214(b)" in quote["text"]
    for rendered in (render_report(report), render_markdown(report), render_html(report)):
        assert quote["text"][:60] in rendered


def test_a_221g_not_refused_slip_still_counts_and_the_report_says_why(tmp_path: Path) -> None:
    slip = _document(tmp_path, "slip.pdf", "U.S. Embassy Astana\nDear Applicant:\nYour application "
                     "has not been refused. Further action on your case must be suspended under\n"
                     "section 221g of the Immigration and Nationality Act. Please submit the "
                     "documents listed below.\n")
    report = compare(OLD, NEW, [slip]).to_dict()
    assert _codes(report)["UNDISCLOSED_REFUSAL"] == "critical"
    assert report["refusal"]["type"] == "221g" and report["refusal"]["subtype"] == "documents"
    assert "answer YES" in report["refusal"]["note"]


def test_the_marked_items_of_a_221g_form_are_listed_in_every_format(tmp_path: Path) -> None:
    form = _document(tmp_path, "form.pdf", "U.S. EMBASSY ISLAMABAD\nYour visa application is refused under "
                     "Section 221(g) of the Act.\nSubmit the items marked below:\n"
                     "X Bank statements for the last six months\nInvitation letter from your U.S. host\n")
    report = compare(OLD, NEW, [form])
    assert report.to_dict()["refusal"]["requested"] == ["Bank statements for the last six months"]
    for rendered in (render_report(report), render_markdown(report), render_html(report)):
        assert "Bank statements for the last six months" in rendered
        assert "Invitation letter" not in rendered
