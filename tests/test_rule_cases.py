"""One test per named case of tests/rule_cases/CODE.yaml: ``pytest -k UNDISCLOSED_REFUSAL_old_form``.

Each case starts both applications from ``_base.yaml``, applies its
overrides, and checks the findings *of its file's code* exactly: every
expected (field, severity) is found, and nothing else of that code.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from ds160check.application import Application, DocumentInfo, Field, Span, Unreadable
from ds160check.comparison.codes import Code
from ds160check.comparison.engine import NEW, OLD, CaseFacts, Comparison, Side
from ds160check.comparison.model import Evidence, Refusal
from ds160check.model import Box
from ds160check.render.text import describe
from ds160check.rules import load_rules

CASES_DIR = Path(__file__).parent / "rule_cases"
BASE = yaml.safe_load((CASES_DIR / "_base.yaml").read_text(encoding="utf-8"))
ABSENT = "__absent__"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("[A-Z]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["code"] == path.stem, (
            f"{path.name}: code {data['code']} does not match the file name"
        )
        for name, case in data["cases"].items():
            params.append(pytest.param(data["code"], case, id=f"{data['code']}_{name}"))
    return params


def application(role: str, overrides: dict[str, Any], unreadable: dict[str, str]) -> Application:
    values = copy.deepcopy(BASE)
    for key, value in (overrides or {}).items():
        if value == ABSENT:
            values.pop(key, None)
        else:
            values[key] = value
    for key in unreadable:
        values.pop(key, None)
    span = Span(1, Box(0, 0, 10, 10), "", "")
    fields = {k: Field(k, v, Span(1, Box(0, 0, 10, 10), describe(v), k)) for k, v in values.items()}
    problems = {
        k: Unreadable(k, raw, "unreadable in this test", span) for k, raw in unreadable.items()
    }
    return Application(DocumentInfo(f"{role}.pdf", "0" * 64, "print", 1), fields, [], problems)


def _confirmation(role: str, facts: dict[str, Any]) -> dict[str, tuple[Any, Evidence]]:
    """Facts a confirmation page gives (submission date, location)."""
    return {
        k: (v, Evidence(f"{role}-confirmation.pdf", "evidence", str(v), 1))
        for k, v in facts.items()
    }


def run_case(case: dict[str, Any]) -> list[Any]:
    refusal = case.get("refusal")
    facts = CaseFacts(
        refusal=Refusal(
            refusal.get("type"),
            refusal.get("subtype"),
            refusal.get("date"),
            refusal.get("post"),
            refusal.get("source", "letter"),
        )
        if refusal
        else None,
        old_issued=bool(case.get("old_issued", False)),
    )
    old = Side(
        application(OLD, case.get("old", {}), case.get("old_unreadable", {})),
        OLD,
        _confirmation(OLD, case.get("old_confirmation", {})),
    )
    new = Side(
        application(NEW, case.get("new", {}), case.get("new_unreadable", {})),
        NEW,
        _confirmation(NEW, case.get("new_confirmation", {})),
    )
    findings, _ = Comparison(old, new, load_rules(), facts).run()
    return findings


def test_every_code_except_evidence_has_cases() -> None:
    have = {p.stem for p in CASES_DIR.glob("[A-Z]*.yaml")}
    assert have == {c.value for c in Code} - {"EVIDENCE_CONTRADICTS"}


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    findings = [f for f in run_case(case) if f.code.value == code]
    got = sorted((f.field or "", f.severity) for f in findings)
    spec = load_rules().compare.codes[Code(code)]
    want = sorted((e.get("field") or "", e.get("severity", spec.severity)) for e in case["expect"])
    assert got == want, "\n".join(f.message for f in findings)
    for finding in findings:
        assert finding.message and "{" not in finding.message
        assert finding.action


def _with_items(app: Application, key: str, confidences: list[float | None]) -> Application:
    """``app`` with the items of ``key`` read by OCR at ``confidences`` (None: a text layer)."""
    found = app.fields[key]
    items = tuple(
        {sub: Span(1, Box(0, 0, 10, 10), str(v), sub, c) for sub, v in item.items()}
        if isinstance(item, dict) else Span(1, Box(0, 0, 10, 10), str(item), key, c)
        for item, c in zip(found.value, confidences, strict=True)
    )
    fields = {**app.fields, key: Field(key, found.value, found.span, items)}
    return Application(app.document, fields, app.warnings, app.unreadable)


@pytest.mark.parametrize(
    ("old_confidences", "new_confidences", "expected"),
    [
        # A country of the new list read unsurely may be the one the old list has: not omitted.
        ([None, None], [None, 41.0], [("FIELD_UNREADABLE", "additional.countries_visited")]),
        # The old item itself read unsurely: not omitted either.
        ([None, 52.0], [None, None], [("FIELD_UNREADABLE", "additional.countries_visited")]),
        # Read surely on both sides, a country dropped is omitted.
        ([None, 95.0], [None, 90.0], [("HISTORY_OMITTED", "additional.countries_visited")]),
    ],
)
def test_an_item_ocr_read_unsurely_is_unreadable_not_omitted(
        old_confidences: list[float | None], new_confidences: list[float | None],
        expected: list[tuple[str, str]]) -> None:
    key = "additional.countries_visited"
    old_app = _with_items(application(OLD, {key: ["TURKEY", "GERMANY"]}, {}), key, old_confidences)
    new_app = _with_items(application(NEW, {key: ["TURKEY", "GERNANY FRANKFURT"]}, {}), key,
                          new_confidences)
    findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                             CaseFacts(refusal=None)).run()
    got = [(f.code.value, f.field) for f in findings
           if f.field == key and f.code.value in ("FIELD_UNREADABLE", "HISTORY_OMITTED")]
    assert got == expected


def test_a_scanned_item_read_without_a_part_every_other_item_has_is_unreadable_not_omitted() -> None:
    """heldout_scans_4 c02: a halftone copy's social media item read as 'INSTAGRAM' alone (its
    handle not read) was a high HISTORY_OMITTED against the new form's INSTAGRAM shakhzod_t94."""
    key = "contact.social_media"
    old_items = [{"platform": "INSTAGRAM"}]
    new_items = [{"platform": "INSTAGRAM", "identifier": "shakhzod_t94"}]
    for confidence, expected in ((96.0, "FIELD_UNREADABLE"), (None, "HISTORY_OMITTED")):
        old_app = _with_items(application(OLD, {key: old_items}, {}), key, [confidence])
        new_app = application(NEW, {key: new_items}, {})
        findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                                 CaseFacts(refusal=None)).run()
        got = [f.code.value for f in findings if f.field == key]
        assert got == [expected], (confidence, got)
        if expected == "FIELD_UNREADABLE":  # it says what the new application gives, not "—"
            [finding] = [f for f in findings if f.field == key]
            assert finding.new is not None and finding.new.normalized == new_items



@pytest.mark.parametrize(("confidence", "expected"),
                         [(50.0, ["FIELD_UNREADABLE"]), (95.0, ["HISTORY_OMITTED"])])
def test_an_old_phone_against_new_numbers_read_unsurely_is_unreadable_not_omitted(
        confidence: float, expected: list[str]) -> None:
    # The old primary phone no longer primary, and the new form's other phones read by OCR: one
    # read unsurely may be the old number misread ('+77011234561' for '+77011234567').
    key = "contact.other_phones"
    old_app = application(OLD, {}, {})
    new_app = _with_items(application(NEW, {"contact.primary_phone": "+77019999999",
                                            key: ["+77011234561"]}, {}), key, [confidence])
    findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                             CaseFacts(refusal=None)).run()
    assert [f.code.value for f in findings if f.field == key] == expected


def test_an_old_phone_is_not_omitted_when_a_new_phone_could_not_be_read() -> None:
    old_app = application(OLD, {"contact.work_phone": "+77273550140"}, {})
    new_app = application(NEW, {"contact.primary_phone": "+77019999999"},
                          {"contact.work_phone": "+7727 35?0140"})
    findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                             CaseFacts(refusal=None)).run()
    codes = [(f.code.value, f.field) for f in findings]
    assert ("HISTORY_OMITTED", "contact.other_phones") not in codes
    assert ("FIELD_UNREADABLE", "contact.work_phone") in codes


@pytest.mark.parametrize(("confidence", "expected"),
                         [(52.0, ["FIELD_UNREADABLE"]), (96.0, ["HISTORY_OMITTED"])])
def test_the_old_employer_against_previous_employers_read_unsurely_is_unreadable_not_omitted(
        confidence: float, expected: list[str]) -> None:
    # The old present employer must be among the new previous employers; one read by OCR at 52
    # ('STEPE CARG0 LLP') may be it misread.
    key = "work.previous_employers"
    old_app = application(OLD, {"work.present_employer": "STEPPE CARGO LLP"}, {})
    new_app = _with_items(application(NEW, {
        "work.present_employer": "NEW HORIZON LLP", "work.present_start_date": "2026-06-01",
        key: [{"name": "STEPE CARG0 LTD", "job_title": "DIRECTOR", "date_from": "2018-09-01",
               "date_to": "2026-05-31"}]}, {}),
        key, [confidence])
    findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                             CaseFacts(refusal=None)).run()
    assert [f.code.value for f in findings if f.field == key] == expected


def _read_by_ocr(app: Application, key: str, confidence: float) -> Application:
    found = app.fields[key]
    span = Span(1, Box(0, 0, 10, 10), str(found.value), key, confidence)
    return Application(app.document, {**app.fields, key: Field(key, found.value, span)},
                       app.warnings, app.unreadable)


@pytest.mark.parametrize(("old_read", "confidence", "expected"), [
    # heldout_scans_5 c01: Russian OCR has no Ү (read У) and lost the second word.
    ("ДАВААСУРЭН", 91.0, "FIELD_UNREADABLE"),
    # heldout_scans_5 c04: English read the Kyrgyz given name in Latin look-alikes, lost the surname.
    ("YMYTBEK", 91.0, "FIELD_UNREADABLE"),
    # A word the new form has not, read surely: a real difference.
    ("ДАВААСҮРЭН БАТБОЛД", 91.0, "IDENTITY_MISMATCH"),
])
def test_a_scanned_native_name_ocr_read_in_part_is_unreadable_not_a_mismatch(
        old_read: str, confidence: float, expected: str) -> None:
    key = "personal.full_name_native"
    new_name = "ДАВААСҮРЭН ОЮУНЧИМЭГ" if old_read != "YMYTBEK" else "ЖЭЭНБЕКОВ ҮМҮТБЕК"
    old_app = _read_by_ocr(application(OLD, {key: old_read}, {}), key, confidence)
    new_app = application(NEW, {key: new_name}, {})
    findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                             CaseFacts(refusal=None)).run()
    got = [f for f in findings if f.field == key]
    assert [f.code.value for f in got] == [expected]
    if expected == "FIELD_UNREADABLE":
        assert old_read in got[0].message and new_name in got[0].message
        assert got[0].severity == "low"
    # The same two values typed on both forms: a mismatch, whatever OCR could do.
    typed = application(OLD, {key: old_read}, {})
    findings, _ = Comparison(Side(typed, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                             CaseFacts(refusal=None)).run()
    assert [f.code.value for f in findings if f.field == key] == ["IDENTITY_MISMATCH"]


def _raw(app: Application, key: str, value: Any, raw: str, confidence: float | None) -> Application:
    """``app`` with ``key`` parsed as ``value`` from ``raw`` (read by OCR at ``confidence``)."""
    span = Span(1, Box(0, 0, 10, 10), raw, key, confidence)
    return Application(app.document, {**app.fields, key: Field(key, value, span)}, app.warnings,
                       app.unreadable)


@pytest.mark.parametrize(("key", "old", "new", "instead"), [
    # heldout_scans_5 c04, a fax: '$5000' for 85000 was a changed (and unproven) income.
    ("work.monthly_income", ({"amount": 5000.0, "currency": "USD"}, "$5000"),
     ({"amount": 85000.0, "currency": "KGS"}, "85000"), "CIRCUMSTANCE_CHANGED"),
    # ... and 'DOES NOT APPLY I' (a speck read as a letter) a changed U.S. contact organisation.
    ("us_contact.organization", ("DOES NOT APPLY I", "DOES NOT APPLY I"), (None, "DOES NOT APPLY"),
     "TRIP_CHANGED"),
])
def test_a_scanned_value_that_differs_only_in_marks_a_scan_confuses_is_unreadable_not_a_change(
        key: str, old: tuple[Any, str], new: tuple[Any, str], instead: str) -> None:
    new_app = _raw(application(NEW, {}, {}), key, *new, None)
    for confidence, expected in ((91.0, "FIELD_UNREADABLE"), (None, instead)):  # typed: a change
        old_app = _raw(application(OLD, {}, {}), key, *old, confidence)
        findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                                 CaseFacts(refusal=None)).run()
        codes = {f.code.value for f in findings if f.field == key}
        assert expected in codes and ("FIELD_UNREADABLE" in codes) == (confidence is not None), codes
        assert not (confidence is not None and instead in codes), codes


def test_a_scanned_name_that_lost_only_its_diacritics_is_unreadable_not_a_spelling_to_fix() -> None:
    """heldout_scans_5 c05: the old print-out's native name, 'NGUYỄN THỊ THU HÀ', read by OCR
    without Vietnamese data as 'NGUYEN THI THU HA': a NAME_VARIANT ('keep one spelling') that the
    applicant never typed. Typed so on the old form, it is the variant it was."""
    key = "personal.full_name_native"
    new_app = application(NEW, {key: "NGUYỄN THỊ THU HÀ"}, {})
    for confidence, expected in ((96.0, "FIELD_UNREADABLE"), (None, "NAME_VARIANT")):
        old_app = application(OLD, {key: "NGUYEN THI THU HA"}, {})
        if confidence is not None:
            old_app = _read_by_ocr(old_app, key, confidence)
        findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                                 CaseFacts(refusal=None)).run()
        assert [f.code.value for f in findings if f.field == key] == [expected]


def test_a_scanned_name_read_with_digits_in_it_is_unreadable_not_a_mismatch() -> None:
    """heldout_scans_4 c02 (a halftone copy): the Uzbek native name read in English at 78 as
    'TYXTAEB WAX300 УЕЛИ' for 'ТЎХТАЕВ ШАҲЗОД ҒОЛИБ ЎҒЛИ', a critical IDENTITY_MISMATCH."""
    key = "personal.full_name_native"
    new_app = application(NEW, {key: "ТЎХТАЕВ ШАҲЗОД ҒОЛИБ ЎҒЛИ"}, {})
    for confidence, expected in ((78.0, "FIELD_UNREADABLE"), (None, "IDENTITY_MISMATCH")):
        old_app = application(OLD, {key: "TYXTAEB WAX300 УЕЛИ"}, {})
        if confidence is not None:
            old_app = _read_by_ocr(old_app, key, confidence)
        findings, _ = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                                 CaseFacts(refusal=None)).run()
        assert [f.code.value for f in findings if f.field == key] == [expected]


def test_a_scanned_passport_number_that_differs_in_a_confused_mark_is_no_renewal() -> None:
    """'N1294605I' read on a scan for the new form's N12946051: not a new passport (no
    DOCUMENT_CHANGED, and no renewal under 'what changed'), but a number to check by eye."""
    key = "passport.number"
    new_app = application(NEW, {key: "N12946051"}, {})
    for confidence, renewed in ((90.0, False), (None, True)):
        old_app = application(OLD, {key: "N1294605I"}, {})
        if confidence is not None:
            old_app = _read_by_ocr(old_app, key, confidence)
        findings, changes = Comparison(Side(old_app, OLD, {}), Side(new_app, NEW, {}), load_rules(),
                                       CaseFacts(refusal=None)).run()
        codes = {f.code.value for f in findings if f.field == key}
        assert ("DOCUMENT_CHANGED" in codes) == renewed, codes
        assert ("FIELD_UNREADABLE" in codes) == (not renewed), codes
        assert any(c.field == key for c in changes) == renewed
