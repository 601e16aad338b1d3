"""Supporting documents as evidence: their type, what they state, and the change they prove.

Fixtures are made by ``fixtures/evidence/generate.py``: every document type in
three wordings, as PDF and DOCX, each beside the facts it states; and whole
``compare`` cases where a change is proven, contradicted or left unproven.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ds160check.application import Application, DocumentInfo, Field
from ds160check.cli import cli
from ds160check.comparison.case import compare
from ds160check.comparison.engine import NEW, Side
from ds160check.documents.ingest import load_document
from ds160check.errors import InputError
from ds160check.evidence.analyse import AnalysedDocument, Analyser
from ds160check.evidence.applicant import Applicant, Person
from ds160check.evidence.link import EvidenceLinker
from ds160check.matching import match_organizations
from ds160check.rules import check_rules
from ds160check.rules_path import rules_dir

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "fixtures" / "evidence" / "documents"
CASES = ROOT / "fixtures" / "evidence" / "cases"
CORPUS = ROOT.parent / "shared" / "corpus"
EXPECTED = sorted(DOCUMENTS.glob("*.expected.json"))
CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "expected.json").is_file())
# The applicants' new applications are filed about now (the fixtures' clock).
REFERENCE_DATE = "2027-01-10"
# A recognised type is at least this sure on the fixtures.
MIN_FIXTURE_CONFIDENCE = 0.5


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser()


def _document(expected: Path) -> Path:
    stem = str(expected)[: -len(".expected.json")]
    return next(Path(stem + ext) for ext in (".pdf", ".docx") if Path(stem + ext).exists())


def _analyse(analyser: Analyser, name: str) -> AnalysedDocument:
    return analyser.analyse_file(DOCUMENTS / name, reference_date=REFERENCE_DATE)


# --- document types ----------------------------------------------------------------------------


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: _document(p).name)
def test_fixture_document_is_classified_with_confidence_and_reason(
    analyser: Analyser, expected: Path
) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    found = analyser.analyse_file(_document(expected), reference_date=REFERENCE_DATE)
    assert found.kind == want["type"], found.classification.reason
    assert found.classification.reason
    if want["type"] != "other":
        assert found.classification.confidence >= MIN_FIXTURE_CONFIDENCE


def _normal(text: str) -> str:
    return " ".join(text.upper().split())


def _has_fact(found: AnalysedDocument, name: str, want: Any) -> bool:
    facts = found.facts
    if name in ("person", "spouse"):
        return _normal(want) in {_normal(p.value) for p in facts.persons}
    values = [f.value for f in facts.all(name)]
    if name in ("employer", "business", "school"):
        return any(match_organizations(v, want).agrees for v in values)
    if name == "income":
        return any(abs(v["amount"] - want["amount"]) < 1 and v["currency"] == want["currency"]
                   and v["period"] == want["period"] for v in values)
    if name in ("position", "address"):
        return _normal(want) in {_normal(v) for v in values}
    return want in values


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: _document(p).name)
def test_fixture_document_states_its_key_facts(analyser: Analyser, expected: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    found = analyser.analyse_file(_document(expected), reference_date=REFERENCE_DATE)
    missing = [f"{name}={value!r}" for name, value in want["facts"].items()
               if not _has_fact(found, name, value)]
    assert not missing, found.facts.to_dict()


def test_refusal_letter_is_named_as_given_not_guessed(analyser: Analyser) -> None:
    letter = ROOT / "fixtures" / "documents" / "refusal" / "214b_astana_found_ineligible.pdf"
    found = analyser.analyse(load_document(letter), known=("refusal_letter", "refusal wording"))
    assert (found.kind, found.classification.confidence) == ("refusal_letter", 1.0)


# --- entities ----------------------------------------------------------------------------------

ENTITY_TABLE = [
    ("Her monthly salary is 650,000 KZT before tax.", "MONEY", "650,000 KZT",
     {"amount": 650000.0, "currency": "KZT"}),
    ("Salary: ₸650 000 per month", "MONEY", "₸650 000", {"amount": 650000.0, "currency": "KZT"}),
    ("Net Pay: Rs. 3,61,200/-", "MONEY", "Rs. 3,61,200/-", {"amount": 361200.0, "currency": "INR"}),
    ("Gross: ₹4,25,000", "MONEY", "₹4,25,000", {"amount": 425000.0, "currency": "INR"}),
    ("Total: 1 500 000,00 UZS", "MONEY", "1 500 000,00 UZS",
     {"amount": 1500000.0, "currency": "UZS"}),
    ("Gross pay EUR 3.200,00", "MONEY", "EUR 3.200,00", {"amount": 3200.0, "currency": "EUR"}),
    ("paid 45000 rupees", "MONEY", "45000 rupees", {"amount": 45000.0, "currency": "INR"}),
    ("Income: 1,250,000 UAH", "MONEY", "1,250,000 UAH", {"amount": 1250000.0, "currency": "UAH"}),
    ("Dated 12-MAR-2025.", "DATE", "12-MAR-2025", "2025-03-12"),
    ("on 12.03.2025 at", "DATE", "12.03.2025", "2025-03-12"),
    ("on 2025-03-12 at", "DATE", "2025-03-12", "2025-03-12"),
    ("on 03/12/2025 at", "DATE", "03/12/2025", "2025-12-03"),
    ("since the 1st of November 2019", "DATE", "1st of November 2019", "2019-11-01"),
    ("Filed on April 30, 2026", "DATE", "April 30, 2026", "2026-04-30"),
    ("Pay period: November 2025", "DATE", "November 2025", "2025-11"),
    ("employed by STEPPE CARGO LOGISTICS LLP since", "ORG", "STEPPE CARGO LOGISTICS LLP", None),
    ("at NIMBUSGRID SOFTWARE PVT. LTD. in", "ORG", "NIMBUSGRID SOFTWARE PVT. LTD", None),
    ("ТОО «Степь Карго» confirms", "ORG", "ТОО «Степь Карго»", None),
    ('"KAZ TRADE" LLP confirms', "ORG", '"KAZ TRADE" LLP', None),
    ("a student at Tashkent Institute of Applied Engineering", "ORG",
     "Tashkent Institute of Applied Engineering", None),
    ("certify that Ms. AIGERIM AKHMETOVA has been", "PERSON", "AIGERIM AKHMETOVA", None),
    ("Account holder: TOSHMATOV BOBUR", "PERSON", "TOSHMATOV BOBUR", None),
    ("Owner: Akhmetova Aigerim Serikkyzy", "PERSON", "Akhmetova Aigerim Serikkyzy", None),
    ("Customer: TOSHMATOV BOBUR Currency: UZS", "PERSON", "TOSHMATOV BOBUR", None),
    ("working as Senior Software Engineer", "JOB_TITLE", "Senior Software Engineer", None),
    ("the position of Head of the Freight Department", "JOB_TITLE",
     "Head of the Freight Department", None),
    ("Property address: MKR. SAMAL-2, D. 58, KV. 114, ALMATY", "ADDRESS",
     "MKR. SAMAL-2, D. 58, KV. 114, ALMATY", None),
]


@pytest.mark.parametrize(("text", "label", "entity", "value"), ENTITY_TABLE,
                         ids=[row[2] for row in ENTITY_TABLE])
def test_pipeline_finds_entity_with_normalised_value(
    analyser: Analyser, text: str, label: str, entity: str, value: Any
) -> None:
    found = [(e.label, e.text, e.value) for e in analyser.pipeline.entities(text)]
    assert (label, entity, value) in found


def test_company_after_certify_that_is_an_organisation_not_a_person(analyser: Analyser) -> None:
    text = "I hereby certify that KONDAPALLI AGRITECH PRIVATE LIMITED is incorporated."
    found = [(e.label, e.text) for e in analyser.pipeline.entities(text)]
    assert ("ORG", "KONDAPALLI AGRITECH PRIVATE LIMITED") in found
    assert all(label != "PERSON" for label, _ in found)


def test_impossible_date_is_dropped_not_guessed(analyser: Analyser) -> None:
    assert [e for e in analyser.pipeline.entities("on 31.02.2025") if e.label == "DATE"] == []


# --- the applicant, recency --------------------------------------------------------------------

AKHMETOVA = Applicant(Person("AKHMETOVA", "AIGERIM", "АХМЕТОВА АЙГЕРІМ"), (), None)


@pytest.mark.parametrize("printed", ["AIGERIM AKHMETOVA", "Akhmetova Aigerim Serikkyzy",
                                     "АХМЕТОВА АЙГЕРІМ", "AHMETOVA AIGERIM"])
def test_applicant_is_recognised_in_any_order_alphabet_or_spelling(printed: str) -> None:
    assert AKHMETOVA.is_applicant(printed)


@pytest.mark.parametrize("printed", ["AKHMETOV DAULET", "JOHN MICHAEL SMITH", "AIGERIM NURLANOVA"])
def test_someone_else_is_not_the_applicant(printed: str) -> None:
    assert not AKHMETOVA.is_applicant(printed)


def _side(values: dict[str, Any], submitted: str = "2025-12-16") -> Side:
    fields = {k: Field(k, v, None) for k, v in {**values, "application.submitted_at": submitted}.items()}
    return Side(Application(DocumentInfo("new.pdf", "", "print", 1), fields), NEW)


KZ_FORM = {"personal.surnames": "AKHMETOVA", "personal.given_names": "AIGERIM",
           "personal.full_name_native": "АХМЕТОВА АЙГЕРІМ", "personal.marital_status": "MARRIED",
           "family.spouse_surnames": "AKHMETOV", "family.spouse_given_names": "DAULET",
           "work.present_employer": "STEPPE CARGO LOGISTICS LLP",
           "work.present_start_date": "2019-11",
           "work.monthly_income": {"amount": 650000.0, "currency": "KZT"}}


def _linker(analyser: Analyser, names: list[str], form: dict[str, Any], submitted: str = "2025-12-16"
            ) -> tuple[EvidenceLinker, Side]:
    side = _side(form, submitted)
    documents = [analyser.analyse_file(DOCUMENTS / n, reference_date=submitted) for n in names]
    return EvidenceLinker(documents, Applicant.of(side)), side


def test_letter_about_another_person_contradicts_and_proves_nothing(analyser: Analyser) -> None:
    linker, side = _linker(analyser, ["employment_letter_other_person_pdf.pdf"], KZ_FORM)
    found = linker([], side)
    assert [c.field for c in found] == ["personal.surnames"]
    assert "JOHN MICHAEL SMITH" in found[0].message
    assert "not the applicant" in linker.notes(linker.assessments[0].path)[0]


def test_old_statement_is_too_old_to_prove_income(analyser: Analyser) -> None:
    linker, side = _linker(analyser, ["bank_statement_old_pdf.pdf"], KZ_FORM)
    assert linker.assessments[0].stale
    assert linker([], side) == []
    assert "older than the 92 days" in linker.notes(linker.assessments[0].path)[0]


def test_matching_salary_and_employer_raise_no_contradiction(analyser: Analyser) -> None:
    linker, side = _linker(analyser, ["employment_letter_kz_certificate_pdf.pdf",
                                      "payslip_kz_table_docx.docx"], KZ_FORM)
    assert linker([], side) == []


def test_salary_beyond_tolerance_contradicts_the_monthly_income(analyser: Analyser) -> None:
    form = {**KZ_FORM, "work.monthly_income": {"amount": 900000.0, "currency": "KZT"}}
    linker, side = _linker(analyser, ["employment_letter_kz_certificate_docx.docx"], form)
    found = linker([], side)
    assert [c.field for c in found] == ["work.monthly_income"]
    assert "650,000 KZT" in found[0].message and found[0].evidence[0].file.endswith(".docx")


def test_letter_from_another_employer_contradicts_the_present_employer(analyser: Analyser) -> None:
    form = {**KZ_FORM, "work.present_employer": "NOMAD TRAVEL LLP"}
    linker, side = _linker(analyser, ["employment_letter_kz_certificate_pdf.pdf"], form)
    assert "work.present_employer" in [c.field for c in linker([], side)]


def test_start_date_that_differs_contradicts(analyser: Analyser) -> None:
    form = {**KZ_FORM, "work.present_start_date": "2021-03-01"}
    linker, side = _linker(analyser, ["employment_letter_kz_certificate_pdf.pdf"], form)
    assert [c.field for c in linker([], side)] == ["work.present_start_date"]


def test_marriage_certificate_while_the_form_says_single_contradicts(analyser: Analyser) -> None:
    form = {**KZ_FORM, "personal.marital_status": "SINGLE"}
    del form["family.spouse_surnames"], form["family.spouse_given_names"]
    linker, side = _linker(analyser, ["marriage_certificate_kz_pdf.pdf"], form, "2026-07-01")
    found = linker([], side)
    assert [c.field for c in found] == ["personal.marital_status"]
    assert "SINGLE" in found[0].message


# --- whole cases --------------------------------------------------------------------------------


def _run_case(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    report = compare(folder / "old.pdf", folder / "new.pdf",
                     [folder / d for d in expected["documents"]]).to_dict()
    return expected, report


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_case_changes_have_the_planted_evidence_status(folder: Path) -> None:
    expected, report = _run_case(folder)
    statuses = {c["name"]: c["evidence_status"] for c in report["changes"]}
    assert {k: statuses.get(k) for k in expected["changes"]} == expected["changes"]
    for change in report["changes"]:
        if change["evidence_status"] == "supported":
            assert change["evidence"] and all(e["role"] == "evidence" for e in change["evidence"])


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_case_finds_what_was_planted_and_nothing_it_must_not(folder: Path) -> None:
    expected, report = _run_case(folder)
    found = {(f["code"], f["field"]) for f in report["findings"]}
    codes = {f["code"] for f in report["findings"]}
    missing = [p for p in expected["planted"] if (p["code"], p["field"]) not in found]
    wrong = [a for a in expected["absent"]
             if ((a["code"], a["field"]) in found if a["field"] else a["code"] in codes)]
    assert not missing and not wrong, (missing, wrong)


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_case_documents_are_named_by_type_and_say_why_they_do_not_count(folder: Path) -> None:
    expected, report = _run_case(folder)
    by_file = {Path(d["path"]).name: d for d in report["documents"]}
    for name, words in expected["notes"].items():
        assert any(words in w for w in by_file[name]["warnings"]), by_file[name]
    kinds = {by_file[name]["kind"] for name in expected["documents"]}
    assert "other" not in kinds


def test_what_changed_names_the_document_that_proves_it() -> None:
    _, report = _run_case(CASES / "new-job-proven")
    assert any("proof: employment letter / salary certificate (employment-letter.pdf)" in line
               for line in report["what_changed"])


# --- command line, rules, robustness ------------------------------------------------------------


def test_spacy_model_that_is_not_installed_is_a_one_line_error() -> None:
    folder = CASES / "new-job-proven"
    result = CliRunner().invoke(cli, ["compare", str(folder / "old.pdf"), str(folder / "new.pdf"),
                                      str(folder / "employment-letter.pdf"),
                                      "--spacy-model", "xx_no_such_pipeline"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: --spacy-model xx_no_such_pipeline: no installed spaCy pipeline of that name; "
        "install it with pip first (ds160check never downloads models) or leave the option out"]


def test_an_installed_pipeline_named_by_path_is_used(tmp_path: Path) -> None:
    import spacy

    spacy.blank("en").to_disk(tmp_path / "pipeline")
    found = Analyser(str(tmp_path / "pipeline")).analyse_file(
        DOCUMENTS / "employment_letter_kz_certificate_pdf.pdf")
    assert found.kind == "employment_letter"


def test_analysing_nothing_never_imports_spacy() -> None:
    code = ("import sys\nfrom ds160check.comparison.case import compare\n"
            "from ds160check.evidence.rules import load_evidence_rules\nload_evidence_rules()\n"
            "compare('fixtures/print/kz-akhmetova-inline.pdf', 'fixtures/print/kz-akhmetova-table.pdf')\n"
            "assert 'spacy' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_broken_entity_pattern_is_reported_with_file_line_and_suggestion(tmp_path: Path) -> None:
    copy = tmp_path / "field_rules"
    shutil.copytree(rules_dir(), copy)
    path = copy / "documents" / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("IS_LOWER: false", "IS_LOWR: false", 1), encoding="utf-8")
    problems = check_rules(copy)
    assert len(problems) == 1
    assert "documents/entities.yaml:" in problems[0]
    assert "unknown token attribute 'IS_LOWR' (did you mean 'IS_LOWER'?)" in problems[0]


def test_unknown_change_in_proves_is_reported(tmp_path: Path) -> None:
    copy = tmp_path / "field_rules"
    shutil.copytree(rules_dir(), copy)
    path = copy / "documents" / "types.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("proves: [income]", "proves: [incme]", 1), encoding="utf-8")
    problems = check_rules(copy)
    assert any("unknown name 'incme' (did you mean 'income'?)" in p for p in problems)


CORPUS_FILES = sorted(p for sub in ("real-docx", "real-pdf") if (CORPUS / sub).is_dir()
                      for p in (CORPUS / sub).iterdir() if p.is_file())


@pytest.mark.skipif(not CORPUS_FILES, reason="the shared corpus is not beside the repository")
def test_every_real_document_is_classified_without_error_mostly_as_other(analyser: Analyser) -> None:
    kinds = []
    for path in CORPUS_FILES:
        try:
            document = load_document(path)
        except InputError:
            continue  # unreadable files are reported by the ingestion tests
        found = analyser.analyse(document)
        assert 0.0 <= found.classification.confidence <= 1.0 and found.classification.reason
        kinds.append(found.kind)
    assert kinds.count("other") >= 0.9 * len(kinds)


def test_evidence_fixtures_are_current_and_deterministic(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "fixtures" / "evidence" / "generate.py"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    shipped = ROOT / "fixtures" / "evidence"
    stale = [str(p) for p in made if (shipped / p).read_bytes() != (tmp_path / p).read_bytes()]
    assert not stale, "run python fixtures/evidence/generate.py"


# --- documents in their issuers' layouts and languages --------------------------------------


def _spans(*lines: str) -> Any:
    from ds160check.documents.ingest import TextDocument, TextSpan

    spans = [TextSpan(text, None, i, None, "body") for i, text in enumerate(lines, 1)]
    return TextDocument(Path("doc.docx"), "0" * 64, "docx", 1, spans)


@pytest.mark.parametrize(("declined", "nominative"), [
    ("Соколовой Марине Андреевне", "Соколова Марина Андреевна"),
    ("Ивановой Анне Сергеевне", "Иванова Анна Сергеевна"),
    ("Иванова Ивана Ивановича", "Иванов Иван Иванович"),
    ("Ахметовой Айгерим Серикқызы", "Ахметова Айгерим Серикқызы"),
    ("ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ", "ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ"),
    ("AKHMETOVA AIGERIM", "AKHMETOVA AIGERIM"),
])
def test_russian_names_go_back_to_the_nominative(declined: str, nominative: str) -> None:
    from ds160check.evidence.morphology import nominative as to_nominative

    assert to_nominative(declined) == nominative


def test_a_russian_title_keeps_its_complements() -> None:
    from ds160check.evidence.morphology import nominative_phrase

    assert nominative_phrase("главного бухгалтера") == "главный бухгалтер"
    assert nominative_phrase("руководителя департамента продаж") == "руководитель департамента продаж"


def test_russian_employment_certificate_is_read_into_facts(analyser: Analyser) -> None:
    found = analyser.analyse(_spans(
        "ТОО «Степп Карго Логистикс»", "Исх. № 418/К от 03.12.2025", "СПРАВКА",
        "Дана Ахметовой Айгерим Серикқызы в том, что она действительно работает в ТОО «Степп Карго "
        "Логистикс» с 01.11.2019 по настоящее время в должности главного бухгалтера.",
        "Среднемесячная заработная плата составляет 650 000 (шестьсот пятьдесят тысяч) тенге."))
    facts = found.facts.to_dict()
    assert found.kind == "employment_letter"
    assert facts["income"] == [{"amount": 650000.0, "currency": "KZT", "period": "monthly"}]
    assert facts["start_date"] == ["2019-11-01"] and facts["issue_date"] == ["2025-12-03"]
    assert facts["position"] == ["главный бухгалтер"]
    assert {"name": "Ахметова Айгерим Серикқызы", "role": "subject"} in facts["persons"]
    assert match_organizations(facts["employer"][0], "STEPPE CARGO LOGISTICS LLP").agrees


def test_certificate_names_read_over_or_under_their_captions(analyser: Analyser) -> None:
    under = analyser.analyse(_spans("СВИДЕТЕЛЬСТВО", "О ЗАКЛЮЧЕНИИ БРАКА", "ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ",
                                    "фамилия, имя, отчество", "и", "ВОЛКОВА ЕЛЕНА ИГОРЕВНА",
                                    "фамилия, имя, отчество", "заключили брак 12.09.2025"))
    over = analyser.analyse(_spans("СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА", "фамилия", "АСАНОВ",
                                   "имя, отчество", "ЭРЛАН ТАЛАНТБЕКОВИЧ", "и", "фамилия",
                                   "ЖУМАБАЕВА", "имя, отчество", "АЙЖАН БАКЫТОВНА",
                                   "20 июня 2026 года", "заключили брак"))
    assert under.kind == over.kind == "marriage_certificate"
    assert [p.value for p in under.facts.persons] == ["ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ", "ВОЛКОВА ЕЛЕНА ИГОРЕВНА"]
    assert [p.value for p in over.facts.persons] == ["АСАНОВ ЭРЛАН ТАЛАНТБЕКОВИЧ",
                                                     "ЖУМАБАЕВА АЙЖАН БАКЫТОВНА"]
    assert under.facts.to_dict()["event_date"] == ["2025-09-12"]
    assert over.facts.to_dict()["event_date"] == ["2026-06-20"]


@pytest.mark.parametrize(("lines", "kind"), [
    (("CERTIFICATE OF MARRIAGE", "This marriage was solemnized between us."), "marriage_certificate"),
    (("TO WHOM IT MAY CONCERN", "This is to certify that ANNA IVANOVA holds an account with our bank.",
      "Account Number 1234 Savings Account Balance USD 24,350.00"), "bank_statement"),
    (("INDIAN INCOME TAX RETURN VERIFICATION FORM", "Assessment Year 2025-26", "PAN: ABCPS1234K",
      "Gross total income", "16,80,000"), "tax_return"),
    (("Справка о зарегистрированных правах (обременениях) на недвижимое имущество",
      "Правообладатель: Ахметова Айгерим"), "property_certificate"),
])
def test_a_document_is_typed_by_its_own_title(analyser: Analyser, lines: tuple[str, ...], kind: str) -> None:
    assert analyser.analyse(_spans(*lines)).kind == kind


def test_indian_grouping_without_paise_is_income_in_rupees(analyser: Analyser) -> None:
    found = analyser.analyse(_spans("INDIAN INCOME TAX RETURN VERIFICATION FORM", "Assessment Year 2025-26",
                                    "Name: PRIYA SHARMA", "Gross total income", "16,80,000"))
    assert found.facts.to_dict()["income"] == [{"amount": 1680000.0, "currency": "INR", "period": "yearly"}]


def test_citizenship_after_grazhdanin_is_no_name_and_bracketed_captions_are_read(analyser: Analyser) -> None:
    found = analyser.analyse(_spans(
        "СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА", "Соколов Дмитрий Андреевич", "(фамилия, имя, отчество)",
        "гражданин Российской Федерации, дата рождения 17.01.2001", "и", "Воронина Анна Сергеевна",
        "(фамилия, имя, отчество)", "гражданка Российской Федерации", "заключили брак 14.08.2026"))
    assert [p.value for p in found.facts.persons] == ["Соколов Дмитрий Андреевич", "Воронина Анна Сергеевна"]


def test_the_period_nearest_the_amount_wins(analyser: Analyser) -> None:
    found = analyser.analyse(_spans(
        "SALARY CERTIFICATE", "Certified that Mr. Ahmed Qureshi is working in this company since 2020.",
        "His annual gross salary is PKR 5,880,000 (Rupees five million eight hundred and eighty "
        "thousand only), paid in twelve equal monthly instalments."))
    assert found.facts.to_dict()["income"] == [{"amount": 5880000.0, "currency": "PKR", "period": "yearly"}]


def test_an_uzbek_employment_certificate_is_read(analyser: Analyser) -> None:
    found = analyser.analyse(_spans(
        "«ILM-FAN INNOVATSIYA» MChJ", "№ 318 · 2026-yil 9-noyabr", "MA'LUMOTNOMA",
        "Ushbu ma'lumotnoma TOSHMATOV BOBUR ga berildiki, u haqiqatan ham «ILM-FAN INNOVATSIYA» MChJ da "
        "2026-yil 1-sentabrdan buyon dasturchi lavozimida ishlab kelmoqda.",
        "Uning oylik maoshi 9 500 000 (to'qqiz million besh yuz ming) so'mni tashkil etadi."))
    facts = found.facts.to_dict()
    assert found.kind == "employment_letter"
    assert facts["income"] == [{"amount": 9500000.0, "currency": "UZS", "period": "monthly"}]
    assert facts["start_date"] == ["2026-09-01"] and facts["issue_date"] == ["2026-11-09"]
    assert match_organizations(facts["employer"][0], "ILM-FAN INNOVATSIYA MCHJ").agrees


@pytest.mark.parametrize(("line", "money"), [
    ("Her gross salary is VND 48,000,000 per month.", {"amount": 48000000.0, "currency": "VND"}),
    ("Monthly salary: BDT 185,000.00", {"amount": 185000.0, "currency": "BDT"}),
    ("She receives a basic monthly salary of Php 25,500.00.", {"amount": 25500.0, "currency": "PHP"}),
])
def test_any_iso_currency_code_is_money(analyser: Analyser, line: str, money: dict[str, Any]) -> None:
    found = analyser.analyse(_spans("CERTIFICATE OF EMPLOYMENT", line))
    assert [{k: v for k, v in f.items() if k != "period"} for f in found.facts.to_dict()["income"]] == [money]


def test_three_capitals_that_are_no_currency_are_not_money(analyser: Analyser) -> None:
    found = analyser.analyse(_spans("INCOME TAX RETURN", "PAN 1234 and BIN 190940012345",
                                    "Date(DD/MM/YYYY): 28/07/2025", "COMPUTATION OF INCOME"))
    assert found.facts.to_dict().get("income", []) == []
    assert found.facts.to_dict()["issue_date"] == ["2025-07-28"]


def test_the_applicants_name_is_found_in_either_order_when_no_pattern_reads_it() -> None:
    from ds160check.evidence.link import _name_in_words

    analysed = Analyser().analyse(_spans("STATEMENT OF ACCOUNT", "Customer", "MD. ARIFUL RAHMAN",
                                         "Account no.", "0241 0105 5501 9"))
    applicant = Applicant(Person("RAHMAN", "MD ARIFUL"), (), None)
    found = _name_in_words(analysed, applicant)
    assert found is not None and found.text == "RAHMAN"
    assert _name_in_words(analysed, Applicant(Person("RAHMAN", "KARIM"), (), None)) is None
