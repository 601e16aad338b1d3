"""A passport data page among the documents: the MRZ read and verified, the printed fields, the form checked.

The pages are drawn here as text PDFs (and DOCX) for the applicant of
``fixtures/sample`` (YUSUPOV YURIY, born 21 September 1986, passport
N12946051 issued 11 February 2020, expiring 10 February 2030) and of
``fixtures/cases/passport-renewed`` (AKHMETOVA AIGERIM, whose new application
gives the new passport N17640311). Captions are those of the Kazakh passport
(Kazakh and English) and the Russian one (Russian and English), see
``field_rules/documents/passport.yaml`` for their sources. Every MRZ is made by
the ``mrz`` package's generator, then damaged by hand where a test says so.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
from mrz.generator.td3 import TD3CodeGenerator
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ds160check import compare
from ds160check.documents.ingest import load_document
from ds160check.documents.passport import load_passport_rules, read_passport
from ds160check.documents.recognise import PASSPORT, recognise
from ds160check.errors import RuleError
from ds160check.render.report_text import render_report
from ds160check.rules_path import rules_dir
from ds160check.schemas import report_schema

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
RENEWED = ROOT / "fixtures" / "cases" / "passport-renewed"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")

pytestmark = pytest.mark.skipif(not (FONT.is_file() and MONO.is_file()),
                                reason="fonts-dejavu-core is not installed")

# --- the passports ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """What a data page says; dates as the MRZ writes them (YYMMDD) and as printed."""

    surname: str = "YUSUPOV"
    given: str = "YURIY"
    number: str = "N12946051"
    nationality: str = "KAZ"
    country: str = "KAZAKHSTAN"
    birth: str = "860921"
    sex: str = "M"
    expiry: str = "300210"
    issued: str = "11.02.2020"
    personal: str = "860921300457"
    # Printed values that differ from the MRZ's (None: printed as the MRZ says).
    printed: dict[str, str] = field(default_factory=dict)

    def mrz(self) -> tuple[str, str]:
        code = TD3CodeGenerator("P", self.nationality, self.surname, self.given, self.number,
                                self.nationality, self.birth, self.sex, self.expiry, self.personal)
        line1, line2 = str(code).splitlines()
        return line1, line2

    def shown(self, key: str, default: str) -> str:
        return self.printed.get(key, default)


APPLICANT = Holder()
AIGERIM = Holder(surname="AKHMETOVA", given="AIGERIM", number="N17640311", birth="880412", sex="F",
                 expiry="350921", issued="22.09.2025", personal="880412450318")


def _printed_date(yymmdd: str, century: str) -> str:
    return f"{yymmdd[4:6]}.{yymmdd[2:4]}.{century}{yymmdd[0:2]}"


# (caption, value) rows of the Kazakh data page; up to three columns a row.
def kazakh_rows(holder: Holder) -> list[list[tuple[str, str]]]:
    return [
        [("Түрі / Type", "P"), ("Мемлекет коды / Code of State", holder.nationality),
         ("Паспорт № / Passport No.", holder.shown("number", holder.number))],
        [("Тегі / Surname", holder.shown("surname", holder.surname))],
        [("Аты / Given names", holder.shown("given", holder.given))],
        [("Азаматтығы / Nationality", holder.shown("country", holder.country))],
        [("Туған күні / Date of birth", holder.shown("birth", _printed_date(holder.birth, "19"))),
         ("ЖСН / IIN", holder.personal)],
        [("Жынысы / Sex", holder.shown("sex", holder.sex)), ("Туған жері / Place of birth", "KARAGANDA")],
        [("Берілген күні / Date of issue", holder.shown("issued", holder.issued)),
         ("Берген мекеме / Authority", "MIA RK")],
        [("Қолданылу мерзімі / Date of expiry",
          holder.shown("expiry", _printed_date(holder.expiry, "20")))],
    ]


COLUMNS = (150.0, 300.0, 450.0)
CAPTION_SIZE, VALUE_SIZE, MRZ_SIZE = 6.5, 9.0, 10.0


def _fonts() -> None:
    for name, path in (("DejaVuSans", FONT), ("DejaVuSansMono", MONO)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def passport_pdf(path: Path, holder: Holder = APPLICANT, *,
                 mrz: tuple[str, ...] | None = None, with_mrz: bool = True) -> Path:
    """A data page as a PDF with a text layer: title, captions above values, the MRZ below.

    ``mrz`` replaces the generated lines (damaged ones); each item is drawn as
    one line, and an item of two pieces separated by a tab as two pieces far
    apart on that line (a line OCR split).
    """
    _fonts()
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    y = height - 60
    page.setFont("DejaVuSans", 11)
    page.drawString(150, y, "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ / REPUBLIC OF KAZAKHSTAN")
    y -= 16
    page.drawString(150, y, "ТӨЛҚҰЖАТ / PASSPORT")
    y -= 24
    for row in kazakh_rows(holder):
        for x, (caption, value) in zip(COLUMNS, row, strict=False):  # rows have 1-3 columns
            page.setFont("DejaVuSans", CAPTION_SIZE)
            page.drawString(x, y, caption)
            page.setFont("DejaVuSans", VALUE_SIZE)
            page.drawString(x, y - 11, value)
        y -= 30
    if with_mrz:
        y -= 20
        page.setFont("DejaVuSansMono", MRZ_SIZE)
        for line in mrz or holder.mrz():
            x = 40.0
            for piece in line.split("\t"):
                page.drawString(x, y, piece)
                x += 320.0
            y -= 16
    page.save()
    return path


def russian_docx(path: Path, holder: Holder, *, mrz: tuple[str, ...] | None = None) -> Path:
    """A data page typed into Word: captions and values one paragraph each, Russian names with "/"."""
    document = docx.Document()
    rows = [
        ("ПАСПОРТ / PASSPORT", None),
        ("Фамилия / Surname", "ЮСУПОВ / " + holder.surname),
        ("Имя / Given names", "ЮРИЙ / " + holder.given),
        ("Гражданство / Nationality", "РОССИЙСКАЯ ФЕДЕРАЦИЯ / RUSSIAN FEDERATION"),
        ("Дата рождения / Date of birth", "21.09.1986"),
        ("Пол / Sex", "М/M"),
        ("Дата выдачи / Date of issue", holder.issued),
        ("Дата окончания срока действия / Date of expiry", _printed_date(holder.expiry, "20")),
        ("Номер паспорта / Passport No.", holder.number),
    ]
    for caption, value in rows:
        document.add_paragraph(caption)
        if value is not None:
            document.add_paragraph(value)
    for line in mrz or holder.mrz():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _report(tmp_path: Path, passport: Path, case: Path = SAMPLE) -> dict[str, Any]:
    report = compare(case / "old.pdf", case / "new.pdf", [passport]).to_dict()
    jsonschema.validate(report, report_schema())
    return report


def _findings(report: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["code"] == code]


def _passport_entry(report: dict[str, Any], passport: Path) -> dict[str, Any]:
    return next(d for d in report["documents"] if d["path"] == str(passport))


def _quotes(finding: dict[str, Any], passport: Path) -> list[str]:
    return [e["text"] for e in finding["evidence"] if e["file"] == str(passport)]


def _damaged(line: str, at: int, char: str) -> str:
    return line[:at] + char + line[at + 1:]


def _other_digit(digit: str) -> str:
    """A check digit that is certainly wrong."""
    return str((int(digit) + 1) % 10)


# --- recognising and reading ------------------------------------------------------------------


def test_a_kazakh_data_page_is_recognised_as_a_passport_with_its_mrz_verified(tmp_path: Path) -> None:
    doc = load_document(passport_pdf(tmp_path / "passport.pdf"))
    found = recognise(doc)
    assert found.kind == PASSPORT
    page = found.passport
    assert page is not None and page.trusted
    values = {key: f.value for key, f in page.fields.items()}
    assert values == {
        "personal.surnames": "YUSUPOV", "personal.given_names": "YURIY",
        "passport.number": "N12946051", "personal.nationality": "KAZ",
        "personal.date_of_birth": "1986-09-21", "personal.sex": "MALE",
        "passport.issue_date": "2020-02-11", "passport.expiration_date": "2030-02-10",
    }
    assert page.fields["passport.number"].source == "mrz"
    assert page.fields["passport.issue_date"].source == "printed"  # the MRZ has no issue date
    assert page.warnings == ()


def test_printed_captions_in_kazakh_and_english_are_read_under_their_values(tmp_path: Path) -> None:
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf")))
    assert page is not None
    printed = {key: f.value for key, f in page.printed.items()}
    assert printed["personal.surnames"] == "YUSUPOV"
    assert printed["passport.number"] == "N12946051"
    assert printed["personal.date_of_birth"] == "1986-09-21"
    assert printed["passport.expiration_date"] == "2030-02-10"
    assert printed["personal.sex"] == "MALE"
    assert page.printed["personal.surnames"].quote == "Тегі / Surname: YUSUPOV"


def test_a_russian_page_typed_into_word_reads_the_latin_half_of_each_value(tmp_path: Path) -> None:
    holder = replace(APPLICANT, nationality="RUS", number="751234567", issued="03.03.2021")
    page = read_passport(load_document(russian_docx(tmp_path / "passport.docx", holder)))
    assert page is not None and page.trusted
    printed = {key: f.value for key, f in page.printed.items()}
    assert printed["personal.surnames"] == "YUSUPOV"
    assert printed["personal.given_names"] == "YURIY"
    assert printed["personal.nationality"] == "RUSSIAN FEDERATION"
    assert printed["personal.sex"] == "MALE"
    assert printed["passport.issue_date"] == "2021-03-03"
    assert page.fields["passport.number"].value == "751234567"


def test_a_data_page_without_an_mrz_is_read_from_its_printed_fields(tmp_path: Path) -> None:
    found = recognise(load_document(passport_pdf(tmp_path / "passport.pdf", with_mrz=False)))
    assert found.kind == PASSPORT and found.passport is not None
    assert found.passport.mrz is None
    assert found.passport.fields["passport.number"].source == "printed"
    assert any("no machine-readable zone" in w for w in found.passport.warnings)


def test_an_employment_letter_quoting_a_passport_number_is_not_a_passport(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    for text in ("TRANS-EURASIA RAIL OPERATOR LLP", "To whom it may concern",
                 "This is to certify that Mr. YUSUPOV YURIY, passport No. N12946051, date of birth "
                 "21.09.1986, is employed with us as a senior dispatcher since 2024."):
        document.add_paragraph(text)
    document.save(str(path))
    assert recognise(load_document(path)).kind != PASSPORT


def test_a_letter_listing_passport_details_under_captions_is_not_a_data_page(tmp_path: Path) -> None:
    path = tmp_path / "booking.docx"
    document = docx.Document()
    for text in ("HOTEL RIXOS ALMATY", "Booking confirmation", "Dear guest, your booking is confirmed.",
                 "Guest details", "Surname: YUSUPOV", "Given names: YURIY", "Date of birth: 21.09.1986",
                 "Passport No.: N12946051", "Nationality: KAZAKHSTAN",
                 "Please bring the passport you booked with."):
        document.add_paragraph(text)
    document.save(str(path))
    assert recognise(load_document(path)).kind != PASSPORT


# --- against the form -------------------------------------------------------------------------


def test_a_passport_that_matches_the_form_is_listed_and_contradicts_nothing(tmp_path: Path) -> None:
    passport = passport_pdf(tmp_path / "passport.pdf")
    report = _report(tmp_path, passport)
    entry = _passport_entry(report, passport)
    assert entry["kind"] == "passport" and entry["role"] == "evidence"
    assert entry["warnings"] == []
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert not any(passport.name in f["message"] for f in report["findings"])
    assert report["notices"] == []


def test_another_passport_number_is_a_critical_contradiction_quoting_the_mrz_line(tmp_path: Path) -> None:
    holder = replace(APPLICANT, number="N12946057")
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    report = _report(tmp_path, passport)
    [finding] = _findings(report, "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "passport.number" and finding["severity"] == "critical"
    assert finding["old"]["normalized"] == "N12946057"
    assert "N12946057" in finding["message"] and "N12946051" in finding["message"]
    assert holder.mrz()[1] in _quotes(finding, passport)
    assert any(e["file"].endswith("new.pdf") for e in finding["evidence"])
    quoted = next(e for e in finding["evidence"] if e["file"] == str(passport))
    assert quoted["page"] == 1 and len(quoted["bbox"]) == 4


def test_another_date_of_birth_is_a_critical_contradiction(tmp_path: Path) -> None:
    holder = replace(APPLICANT, birth="860912", printed={"birth": "12.09.1986"})
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    report = _report(tmp_path, passport)
    [finding] = _findings(report, "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "personal.date_of_birth" and finding["severity"] == "critical"
    assert finding["old"]["normalized"] == "1986-09-12"
    assert holder.mrz()[1] in _quotes(finding, passport)


def test_another_issue_date_printed_on_the_page_is_a_high_contradiction(tmp_path: Path) -> None:
    holder = replace(APPLICANT, issued="12.02.2021")
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    [finding] = _findings(_report(tmp_path, passport), "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "passport.issue_date" and finding["severity"] == "high"
    assert _quotes(finding, passport) == ["Берілген күні / Date of issue: 12.02.2021"]


def test_a_transliteration_variant_of_the_surname_is_a_low_name_variant(tmp_path: Path) -> None:
    holder = replace(APPLICANT, surname="IUSUPOV", printed={"surname": "IUSUPOV"})
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    mine = [f for f in _findings(report, "NAME_VARIANT") if _quotes(f, passport)]
    assert [(f["field"], f["severity"]) for f in mine] == [("personal.surnames", "low")]
    assert "IUSUPOV" in mine[0]["message"] and "YUSUPOV" in mine[0]["message"]
    assert holder.mrz()[0] in _quotes(mine[0], passport)


def test_a_broken_check_digit_is_not_trusted_and_contradicts_nothing(tmp_path: Path) -> None:
    line1, line2 = replace(APPLICANT, number="N12946057").mrz()
    broken = _damaged(line2, 9, _other_digit(line2[9]))
    holder = replace(APPLICANT, printed={"number": "N12946057"})
    passport = passport_pdf(tmp_path / "passport.pdf", holder, mrz=(line1, broken))
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    warnings = _passport_entry(report, passport)["warnings"]
    assert ("the MRZ check digit of the passport number does not verify: the read is not trusted"
            in warnings)
    [notice] = report["notices"]
    assert notice["code"] == "DOCUMENT_NOT_UNDERSTOOD" and notice["files"] == [str(passport)]
    assert "could not be confirmed" in notice["message"]


def test_a_character_the_mrz_has_not_is_the_one_its_check_digits_verify(tmp_path: Path) -> None:
    # As OCR read a photographed page: '/' for the personal number's check digit.
    line1, line2 = APPLICANT.mrz()
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf",
                                                    mrz=(line1, line2[:42] + "/" + line2[43]))))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)
    assert any("unreadable character at position 43" in w for w in page.warnings)


@pytest.mark.parametrize("extra_at", [43, 20, 0])
def test_a_second_line_read_one_character_too_long_is_the_one_removal_that_verifies(
        tmp_path: Path, extra_at: int) -> None:
    # As OCR read a photographed page in the MRZ's alphabet: '<<098' for '<<08' (here '<<52').
    line1, line2 = APPLICANT.mrz()
    long = line2[:extra_at] + "9" + line2[extra_at:]
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=(line1, long))))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)
    assert any("one character too many in line 2" in w for w in page.warnings)


def test_a_second_line_one_too_long_whose_removals_do_not_verify_is_not_trusted(tmp_path: Path) -> None:
    line1, line2 = APPLICANT.mrz()
    # One too many and a date of birth misread besides: no single removal makes it verify.
    long = line2[:13] + _other_digit(line2[13]) + line2[14:42] + "9" + line2[42:]
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=(line1, long))))
    assert page is None or not page.trusted or page.mrz is None or page.mrz.lines[1] != line2


def test_an_unreadable_character_no_check_digit_covers_is_not_guessed(tmp_path: Path) -> None:
    # The nationality's letters have no check digit: '/' there cannot be told.
    line1, line2 = APPLICANT.mrz()
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf",
                                                    mrz=(line1, line2[:11] + "/" + line2[12:]))))
    assert page is None or page.mrz is None or page.fields.get("personal.nationality") is None \
        or page.fields["personal.nationality"].source == "printed"


def test_a_second_line_read_without_the_first_still_contradicts_the_date_of_birth(tmp_path: Path) -> None:
    # In a photo the first line was lost in the shadow of the hand; every check digit of the
    # second verifies, so its date of birth is as sure as with both lines.
    holder = replace(APPLICANT, birth="860912", printed={"birth": "12.09.1986"})
    passport = passport_pdf(tmp_path / "passport.pdf", holder, mrz=("", holder.mrz()[1]))
    page = read_passport(load_document(passport))
    assert page is not None and page.mrz is not None and not page.mrz.first_line_read
    assert page.fields["personal.surnames"].source == "printed"
    assert any("first line could not be read" in w for w in page.warnings)
    [finding] = _findings(_report(tmp_path, passport), "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "personal.date_of_birth" and finding["severity"] == "critical"


def test_a_page_whose_names_were_not_read_is_the_applicants_by_its_verified_number(
        tmp_path: Path) -> None:
    # Neither the MRZ's first line nor the printed names were read: the passport number, its check
    # digit verifying, is the one the form gives, so the page is still the applicant's.
    holder = replace(APPLICANT, birth="860912", printed={"birth": "12.09.1986", "surname": "", "given": ""})
    passport = passport_pdf(tmp_path / "passport.pdf", holder, mrz=("", holder.mrz()[1]))
    report = _report(tmp_path, passport)
    [finding] = _findings(report, "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "personal.date_of_birth" and finding["severity"] == "critical"
    assert any("passport number, verified by its check digit" in w
               for w in _passport_entry(report, passport)["warnings"])


def test_names_ocr_read_unsurely_from_the_mrz_are_not_trusted(tmp_path: Path) -> None:
    # A photo's MRZ first line read at 49 (YURIY as YURILY): no check digit guards the names, so
    # they are not compared (no critical contradiction from a misread letter), and the page says so.
    line1, line2 = APPLICANT.mrz()
    holder = replace(APPLICANT, printed={"given": ""})
    doc = load_document(passport_pdf(tmp_path / "passport.pdf", holder,
                                     mrz=(line1.replace("YURIY<", "YURILY"), line2)))
    spans = [replace(s, ocr_confidence=49.0 if s.text.startswith("P<KAZ") else 95.0) for s in doc.spans]
    page = read_passport(replace(doc, spans=tuple(spans) if isinstance(doc.spans, tuple) else spans))
    assert page is not None and page.trusted  # every check digit of the second line verifies
    assert page.fields["personal.given_names"].verified is False
    assert page.fields["passport.number"].verified is True
    assert any("read by OCR with a confidence of 49" in w for w in page.warnings)


def test_names_read_unsurely_do_not_make_the_page_someone_elses(tmp_path: Path) -> None:
    # heldout_scans_4 c12, the clean control: the MRZ's first line read at 52 as
    # 'P<TJIKRAKHIMOV<<…' (an I inserted), and the applicant's own passport was "about
    # KRAKHIMOV FARKHOD, not the applicant" (a high EVIDENCE_CONTRADICTS).
    from ds160check.application import Application, DocumentInfo, Field
    from ds160check.comparison.engine import NEW, Side
    from ds160check.evidence.applicant import Applicant
    from ds160check.evidence.passport import ABOUT_APPLICANT, ABOUT_UNKNOWN, PassportEvidence

    line1, line2 = APPLICANT.mrz()
    holder = replace(APPLICANT, printed={"surname": "", "given": ""})
    doc = load_document(passport_pdf(tmp_path / "passport.pdf", holder,
                                     mrz=(line1.replace("P<KAZYUSUPOV", "P<KAIZKYUSUPOV")[:44], line2)))
    spans = [replace(s, ocr_confidence=52.0 if s.text.startswith("P<KA") else 95.0) for s in doc.spans]
    page = read_passport(replace(doc, spans=tuple(spans) if isinstance(doc.spans, tuple) else spans))
    assert page is not None and not page.holder_trusted and "YUSUPOV" not in page.holder.split()

    def new_side(number: str) -> Side:
        values = {"personal.surnames": "YUSUPOV", "personal.given_names": "YURIY",
                  "passport.number": number, "personal.date_of_birth": "1986-09-20"}
        app = Application(DocumentInfo("new.pdf", "0" * 64, "print", 1),
                          {k: Field(k, v, None) for k, v in values.items()})
        return Side(app, NEW, {})

    for number, about in (("N12946051", ABOUT_APPLICANT), ("N99999999", ABOUT_UNKNOWN)):
        side = new_side(number)
        check = PassportEvidence("passport.pdf", page, Applicant.of(side))
        found = check.compare(side)
        assert check.about == about
        assert not any("not the applicant" in f.contradiction.message for f in found)


def test_a_page_with_the_forms_verified_number_and_a_given_name_lost_contradicts_the_birth_date(
        tmp_path: Path) -> None:
    # heldout_scans_4 c11: a photo's MRZ lost the given name ('P<ARMMKRTCHYAN<<'), and the page,
    # its date of birth a month off the form's, was "about MKRTCHYAN, not the applicant": the
    # planted contradiction of the date of birth was missed.
    holder = replace(APPLICANT, birth="860912", printed={"birth": "12.09.1986", "given": ""})
    line1, line2 = holder.mrz()
    passport = passport_pdf(tmp_path / "passport.pdf", holder,
                            mrz=(line1.replace("YURIY", "<<<<<"), line2))
    report = _report(tmp_path, passport)
    [finding] = _findings(report, "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "personal.date_of_birth" and finding["severity"] == "critical"
    assert "not the applicant" not in finding["message"]


def test_a_first_line_read_only_in_part_does_not_name_someone_else(tmp_path: Path) -> None:
    # heldout_scans_4 c11: a photo's first line read 'P<ARMMKRTCHYAN<<A' (its end lost), and the
    # applicant's passport was "about MKRTCHYAN A, not the applicant MKRTCHYAN ANI".
    line1, line2 = APPLICANT.mrz()
    holder = replace(APPLICANT, printed={"given": ""})
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", holder,
                                                    mrz=("P<KAZYUSUPOV<<YU", line2))))
    assert page is not None and page.mrz is not None and page.mrz.first_line_read_short
    assert page.fields["personal.given_names"].verified is False and not page.holder_trusted
    assert any("read only in part" in w for w in page.warnings)
    report = _report(tmp_path, passport_pdf(tmp_path / "passport.pdf", holder,
                                            mrz=("P<KAZYUSUPOV<<YU", line2)))
    assert not any("not the applicant" in f["message"] for f in report["findings"])


def test_a_second_line_with_a_mark_before_it_is_read_with_and_without_it(tmp_path: Path) -> None:
    # heldout_scans_4 c12: 'E B4051827331TJK…', a speck read before a line read one too long.
    line1, line2 = APPLICANT.mrz()
    page = read_passport(load_document(passport_pdf(
        tmp_path / "passport.pdf", mrz=(line1, "E " + line2[:10] + "1" + line2[10:]))))
    assert page is not None and page.trusted and page.mrz is not None
    assert page.mrz.lines == (line1, line2)


def test_a_digit_read_into_the_nationality_is_no_removal_the_check_digits_can_tell(
        tmp_path: Path) -> None:
    # 'B4051827331TJK…': without either '1' before TJK every check digit verifies (none covers
    # the nationality), but only one of the two lines has a nationality a country has.
    line1, line2 = APPLICANT.mrz()
    long = line2[:10] + "1" + line2[10:]
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=(line1, long))))
    assert page is not None and page.trusted and page.mrz is not None
    assert page.mrz.lines == (line1, line2)


def test_a_first_line_whose_second_was_not_read_is_a_passport_not_trusted(tmp_path: Path) -> None:
    line1, line2 = APPLICANT.mrz()
    passport = passport_pdf(tmp_path / "passport.pdf", mrz=(line1, line2[:20] + " " + line2[20:25]))
    page = read_passport(load_document(passport))
    assert page is not None and page.mrz is not None and not page.trusted
    assert any("second line could not be read in full" in w for w in page.warnings)
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    [notice] = report["notices"]
    assert notice["code"] == "DOCUMENT_NOT_UNDERSTOOD" and "could not be read in full" in notice["message"]


def test_a_broken_date_of_birth_check_digit_is_named_in_the_warnings(tmp_path: Path) -> None:
    line1, line2 = APPLICANT.mrz()
    broken = _damaged(line2, 19, _other_digit(line2[19]))
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=(line1, broken))))
    assert page is not None and not page.trusted
    assert page.fields["personal.date_of_birth"].verified is False
    assert page.fields["passport.number"].verified is True
    assert any("date of birth does not verify" in w for w in page.warnings)


def test_an_ocr_damaged_mrz_is_repaired_and_still_verifies(tmp_path: Path) -> None:
    line1, line2 = APPLICANT.mrz()
    # O for 0 in the number, «  for <<, spaces where the reader split words.
    ocr1 = "P<KAZ YUSUPOV«YURIY " + "«" * 12
    ocr2 = line2[:6] + "O" + line2[7:28] + " 860921300457«52"
    passport = passport_pdf(tmp_path / "passport.pdf", mrz=(ocr1, ocr2))
    page = read_passport(load_document(passport))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)
    assert page.fields["passport.number"].value == "N12946051"
    assert page.fields["personal.surnames"].value == "YUSUPOV"
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert report["notices"] == []
    assert any("repaired" in w for w in _passport_entry(report, passport)["warnings"])


def test_fillers_read_as_k_and_a_line_split_in_two_are_repaired(tmp_path: Path) -> None:
    line1, line2 = APPLICANT.mrz()
    ocr1 = line1.replace("<", "K")
    ocr2 = line2[:20] + "\t" + line2[20:].replace("<", "K")
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=(ocr1, ocr2))))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)
    assert (page.fields["personal.surnames"].value, page.fields["personal.given_names"].value) == (
        "YUSUPOV", "YURIY")


def test_a_first_line_that_lost_all_its_fillers_is_still_the_first_line(tmp_path: Path) -> None:
    # As OCR read a photographed page: the run of 25 fillers ending line 1 dropped as noise, so the
    # first line ends its span 25 characters short of 44.
    line1, line2 = APPLICANT.mrz()
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf",
                                                    mrz=(line1.rstrip("<"), line2))))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)
    assert any("fillers missing" in w for w in page.warnings)


def test_a_word_before_the_second_line_is_not_taken_for_a_first_line(tmp_path: Path) -> None:
    _, line2 = APPLICANT.mrz()
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=("PASSPORT", line2))))
    assert page is not None and page.mrz is not None
    assert page.mrz.lines == ("", line2)  # the second line alone, every check digit verifying


def test_fillers_read_as_lower_case_letters_do_not_make_a_p_inside_the_name_a_line_start(
        tmp_path: Path) -> None:
    # As OCR read a scanned page: "<<<<<<<<<<<" as "ccccceece<cc", one character too many; the
    # first line then did not fit, and the "P" of YUSUPOV was taken for its start.
    line1, line2 = APPLICANT.mrz()
    ocr1 = "P<KAZYUSUPOV<<YURIY" + "<" * 14 + "ccccceece<cc"
    page = read_passport(load_document(passport_pdf(tmp_path / "passport.pdf", mrz=(ocr1, line2))))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)
    assert page.holder == "YUSUPOV YURIY"


def test_a_name_the_mrz_and_the_print_disagree_on_is_not_trusted(tmp_path: Path) -> None:
    holder = replace(APPLICANT, surname="YUSUPEV", printed={"surname": "YUSUPOV"})
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert any("no check digit tells which was misread" in w
               for w in _passport_entry(report, passport)["warnings"])


def test_both_mrz_lines_joined_in_one_paragraph_are_read(tmp_path: Path) -> None:
    holder = replace(APPLICANT, nationality="RUS", number="751234567")
    line1, line2 = holder.mrz()
    page = read_passport(load_document(russian_docx(tmp_path / "passport.docx", holder,
                                                    mrz=(line1 + line2,))))
    assert page is not None and page.trusted
    assert page.mrz is not None and page.mrz.lines == (line1, line2)


def test_an_icao_code_no_country_table_knows_is_not_a_contradiction(tmp_path: Path) -> None:
    holder = replace(APPLICANT, nationality="D", printed={"country": "DEUTSCH / GERMAN"})
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert any("nationality D" in w and "not compared" in w
               for w in _passport_entry(report, passport)["warnings"])


def test_a_passport_of_another_person_is_about_someone_else(tmp_path: Path) -> None:
    passport = passport_pdf(tmp_path / "passport.pdf", AIGERIM)
    report = _report(tmp_path, passport)
    [finding] = _findings(report, "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "personal.surnames" and finding["severity"] == "high"
    assert "AKHMETOVA AIGERIM" in finding["message"] and "not the applicant" in finding["message"]
    assert any("AKHMETOVA AIGERIM" in w for w in _passport_entry(report, passport)["warnings"])


def test_the_spouses_passport_is_about_a_relative_and_contradicts_nothing(tmp_path: Path) -> None:
    spouse = Holder(surname="IUSUPOVA", given="ALIYA", number="N13377021", birth="890214", sex="F",
                    personal="890214400512")
    passport = passport_pdf(tmp_path / "passport.pdf", spouse)
    report = _report(tmp_path, passport)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert any("relative" in w for w in _passport_entry(report, passport)["warnings"])


# --- the renewed passport ---------------------------------------------------------------------


def _passport_change(report: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in report["changes"] if c["name"] == "passport")


def test_a_matching_new_passport_supports_the_renewal(tmp_path: Path) -> None:
    passport = passport_pdf(tmp_path / "passport.pdf", AIGERIM)
    report = _report(tmp_path, passport, RENEWED)
    change = _passport_change(report)
    assert (change["field"], change["material"]) == ("passport.number", False)
    assert change["evidence_status"] == "supported"
    assert {e["file"] for e in change["evidence"]} == {str(passport)}
    [renewal] = [f for f in _findings(report, "DOCUMENT_CHANGED") if f["field"] == "passport.number"]
    assert renewal["severity"] == "info"
    assert str(passport) in {e["file"] for e in renewal["evidence"]}
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert _findings(report, "CIRCUMSTANCE_CHANGED") == []
    assert "passport data page (passport.pdf p.1)" in render_report(compare(
        RENEWED / "old.pdf", RENEWED / "new.pdf", [passport]))


def test_without_the_passport_the_renewal_is_unproven_but_not_a_finding(tmp_path: Path) -> None:
    report = compare(RENEWED / "old.pdf", RENEWED / "new.pdf").to_dict()
    change = _passport_change(report)
    assert change["evidence_status"] == "unsupported" and change["evidence"] == []
    assert _findings(report, "CHANGE_UNSUPPORTED") == []


def test_the_old_passport_proves_nothing_about_the_new_one(tmp_path: Path) -> None:
    old = replace(AIGERIM, number="N15839204", expiry="310602", issued="03.06.2021")
    passport = passport_pdf(tmp_path / "passport.pdf", old)
    report = _report(tmp_path, passport, RENEWED)
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert _passport_change(report)["evidence_status"] == "unsupported"
    assert any("old application" in w for w in _passport_entry(report, passport)["warnings"])


def test_a_new_passport_with_another_expiry_contradicts_the_renewal(tmp_path: Path) -> None:
    holder = replace(AIGERIM, expiry="350922")
    passport = passport_pdf(tmp_path / "passport.pdf", holder)
    report = _report(tmp_path, passport, RENEWED)
    [finding] = _findings(report, "EVIDENCE_CONTRADICTS")
    assert finding["field"] == "passport.expiration_date" and finding["severity"] == "high"
    assert _passport_change(report)["evidence_status"] == "contradicted"


def test_a_new_passport_whose_check_digit_fails_does_not_support_the_renewal(tmp_path: Path) -> None:
    line1, line2 = AIGERIM.mrz()
    passport = passport_pdf(tmp_path / "passport.pdf", AIGERIM,
                            mrz=(line1, _damaged(line2, 27, _other_digit(line2[27]))))
    report = _report(tmp_path, passport, RENEWED)
    assert _passport_change(report)["evidence_status"] == "unsupported"
    assert _findings(report, "EVIDENCE_CONTRADICTS") == []
    assert [n["code"] for n in report["notices"]] == ["DOCUMENT_NOT_UNDERSTOOD"]


# --- the rule file ----------------------------------------------------------------------------


def test_the_shipped_passport_rules_load() -> None:
    rules = load_passport_rules()
    assert "passport.number" in rules.labels and rules.min_labels >= 2


def test_a_misspelt_key_in_the_passport_rules_names_file_and_line(tmp_path: Path) -> None:
    target = tmp_path / "passport.yaml"
    shutil.copy(rules_dir() / "documents" / "passport.yaml", target)
    text = target.read_text(encoding="utf-8").replace("min_labels:", "min_lables:", 1)
    target.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=r"passport\.yaml:\d+: unknown key 'min_lables'.*min_labels"):
        load_passport_rules(target)


def _field(key: str, value: str, source: str, verified: bool | None) -> Any:
    from ds160check.documents.ingest import TextSpan
    from ds160check.documents.passport import PassportField

    return PassportField(key, value, value, source, TextSpan(value, 1, None, None, "body"),  # type: ignore[arg-type]
                         value, verified)


def test_a_printed_name_chosen_over_an_unsure_mrz_that_says_otherwise_is_not_trusted() -> None:
    """A photographed passport (held-out set 2, c10): a border stamp read into the printed surname
    ('‘NAS 12.08.2025 MAMYTOV') while the MRZ, read at 58, said MAMYTOV; the printed one was
    compared and gave a false critical EVIDENCE_CONTRADICTS."""
    from ds160check.documents.passport import SURNAMES, _chosen

    unsure_mrz = {SURNAMES: _field(SURNAMES, "MAMYTOV", "mrz", False)}
    stamped = {SURNAMES: _field(SURNAMES, "‘NAS 12.08.2025 MAMYTOV", "printed", None)}
    fields, differ = _chosen(unsure_mrz, stamped, None)
    assert fields[SURNAMES].source == "printed" and fields[SURNAMES].verified is False
    assert differ and "no check digit tells which was misread" in differ[0]
    # Both saying the same: the printed name is compared, trusted as read.
    fields, differ = _chosen(unsure_mrz, {SURNAMES: _field(SURNAMES, "MAMYTOV", "printed", None)}, None)
    assert fields[SURNAMES].verified is None and differ == []


def test_a_three_language_caption_with_one_part_misread_still_names_its_field() -> None:
    """OCR read the Kazakh captions of a scanned page as "Teri", "Тухан кун!": with every part
    required, no caption was found and the page was not recognised as a passport."""
    from ds160check.documents.passport import _caption_key

    rules = load_passport_rules()
    assert _caption_key("Teri / Фамилия / Surname", rules) == "personal.surnames"
    assert _caption_key("Тухан кун! / Дата рождения / Date of birth", rules) == "personal.date_of_birth"
    assert _caption_key("Teri / Surname", rules) is None  # two parts: both must name the field
    assert _caption_key("Фамилия / Date of birth / Surname", rules) is None  # parts naming two fields


def test_a_lone_second_mrz_line_with_one_broken_check_digit_is_read_and_that_field_not_trusted() -> None:
    """Held-out set 2, c11: the first line lost, the second's date-of-birth check digit broken;
    the line was dropped and the broken check digit never reported."""
    from ds160check.documents.ingest import TextSpan
    from ds160check.documents.mrz import read_mrz

    line = "N144771207KAZ9602293F3104138960229450331<<45"  # birth check digit 3: 9602292 verifies
    found = read_mrz([TextSpan(line, 1, None, None, "body", 90.0)], load_passport_rules().mrz)
    assert found is not None and found.lines[1] == line
    assert found.checks["personal.date_of_birth"] is False and found.checks["passport.number"] is True
    two_broken = line[:19] + "4" + line[20:27] + "0" + line[28:]  # birth and expiry checks broken
    assert read_mrz([TextSpan(two_broken, 1, None, None, "body", 90.0)], load_passport_rules().mrz) is None


def test_a_printed_number_ocr_read_with_a_sign_no_number_holds_is_not_trusted(tmp_path: Path) -> None:
    # heldout_scans_5 c09: under a glare a photographed page's 'Y7305518' was read '¥7305518' at
    # 87 (the MRZ's second line lost), a critical "another passport number" against the form.
    # A sign that looks like a letter is that letter; a mark no number holds is a misreading.
    from ds160check.documents.passport import read_passport

    for printed, expected in (("¥12946051", "Y12946051"), ("N12946#51", None)):
        holder = replace(APPLICANT, printed={"number": printed})
        doc = load_document(passport_pdf(tmp_path / "passport.pdf", holder, with_mrz=False))
        page = read_passport(replace(doc, spans=[replace(s, ocr_confidence=87.0) for s in doc.spans]))
        assert page is not None
        number = page.fields["passport.number"]
        if expected is None:
            assert number.verified is False  # not compared, whatever the form says
        else:
            assert number.value == expected and number.verified is not False
        typed = read_passport(doc)  # a text layer's number is what is printed
        assert typed is not None and typed.fields["passport.number"].verified is not False
