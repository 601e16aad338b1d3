"""Checks across client folders in ``batch`` (issue 12, part 2): a document, phone, e-mail,
U.S. contact address or Application ID in the folders of different applicants.

The client folders are generated from ``fixtures/batchcases.py`` (every person invented); the
letters reused or altered here are those the generator writes. One batch over one tree serves
most tests (``run``):

    client-0000  KONDAPALLI (in)   its employment letter is the one reused below
    client-0001  BERIDZE (ge)      holds a byte-for-byte copy of client-0000's letter
    client-0002  DELA CRUZ (ph)    holds client-0000's letter rewritten for her: name, date,
                                   reference number and salary changed
    client-0003  AKHMETOVA (kz)    a long reference letter of FIRST SYNTHETIC BANK
    client-0004  KOVALENKO (ua)    the same bank's reference letter, for him; his primary phone is
                                   client-0005's
    client-0005  OKONKWO (ng)      new DS-160 carrying client-0001's new Application ID
    client-0006  KONDAPALLI again  the same applicant as client-0000, his own letter again
    spouse-akhmetov                AKHMETOV DAULET, the husband client-0003's DS-160 names: he
                                   shares her phone
    akhmetova-dana                 a stranger of the same surname at client-0003's home address,
                                   sharing her e-mail
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ds160check.batch import BatchOptions, run_batch
from ds160check.batch import cross_case as cc
from ds160check.batch.fingerprints import (
    SAME_APPLICATION_ID,
    SAME_DOCUMENT,
    SAME_DOCUMENT_TEXT,
    SAME_EMAIL,
    SAME_PHONE,
    Fingerprints,
    Mark,
    Person,
    cross_case_settings,
    digest,
    masked_words,
)
from ds160check.cli import cli
from ds160check.errors import RuleError
from ds160check.values import parse_phone

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_fixtures = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the client folders are generated with reportlab and the DejaVu fonts",
)
FORMATS = ("json", "html", "md", "text")
SPOUSE, NAMESAKE = "spouse-akhmetov", "akhmetova-dana"


def _batchcases() -> Any:
    sys.path.insert(0, str(FIXTURES))
    import batchcases

    return batchcases


def _rewrite_new(bc: Any, folder: Path, index: int, roles: dict[str, str], **fields: Any) -> None:
    """The new DS-160 of client ``index`` printed again with ``fields`` changed."""
    s = bc.story(index)
    bc.write_print({**s.new, **fields}, folder / roles["new"], s.new_printed, index + 1)


def _altered_letter(bc: Any, source: int, target: int) -> tuple[Any, ...]:
    """Client ``source``'s employment letter rewritten for client ``target``: their name, another
    date, reference number and salary; every other word kept."""
    s, t = bc.story(source), bc.story(target)
    blocks = list(bc.employment_blocks(s, salary_factor=1.3))
    para, row = bc.LETTERS.Para, bc.LETTERS.Row
    blocks[1] = row(f"Ref. No. HR-{9000 + target:04d}", "March 3, 2026")
    blocks[4] = para(f"This is to certify that {t.new['personal.given_names']} {t.new['personal.surnames']} "
                     f"is employed by {s.new['work.present_employer']}.")
    return tuple(blocks)


def _bank_reference(bc: Any, index: int) -> tuple[Any, ...]:
    """FIRST SYNTHETIC BANK's reference letter, one template for every client (long enough to be
    compared by its wording were it a letter of a person)."""
    s = bc.story(index)
    para, row = bc.LETTERS.Para, bc.LETTERS.Row
    name = f"{s.new['personal.given_names']} {s.new['personal.surnames']}"
    return (
        para("FIRST SYNTHETIC BANK", bold=True),
        row("BANK STATEMENT AND ACCOUNT REFERENCE", "February 2, 2026"),
        para(f"Account holder: {name}"),
        para(f"Account number: 40817810{index:08d}"),
        para(f"Opening balance: {9000 + 11 * index} USD. Closing balance: {12000 + 137 * index} USD."),
        para(f"Statement period: 01.08.2025 - 31.01.2026. Total credits {4000 + index} USD, total debits "
             f"{1000 + index} USD."),
        para("This statement of account is issued at the request of the account holder for presentation "
             "to the embassy. The bank confirms that the account has been maintained in good standing "
             "and that no overdraft facility is outstanding on the date of this letter."),
        para("Branch manager, retail banking department"),
    )


def _family_print(bc: Any, folder: Path, fields: dict[str, Any], index: int, ids: int) -> None:
    """A client folder of two print-outs only (no documents): client ``index``'s old and new
    application with ``fields`` changed, their Application IDs those of client ``ids``."""
    s = bc.story(index)
    folder.mkdir(parents=True)
    old = {**copy.deepcopy(s.old), **fields, "application.id": bc.app_id(ids, "old")}
    new = {**copy.deepcopy(s.new), **fields, "application.id": bc.app_id(ids, "new")}
    for fields, name, when in ((old, "old.pdf", s.old_printed), (new, "new.pdf", s.new_printed)):
        bc.render_print(bc.for_print(fields, when), folder / name, "table", "letter", "DejaVuSans", when)


def _husband(kz: dict[str, Any]) -> dict[str, Any]:
    """The man client-0003 (kz-akhmetova) names as her spouse, naming her back."""
    return {"personal.surnames": "AKHMETOV", "personal.given_names": "DAULET", "personal.sex": "MALE",
            "personal.full_name_native": "АХМЕТОВ ДАУЛЕТ", "personal.date_of_birth": "1986-11-02",
            "personal.national_id": "861102350211", "personal.other_names_used": False,
            "personal.other_names": [], "passport.number": "N16604417",
            "family.spouse_surnames": kz["personal.surnames"],
            "family.spouse_given_names": kz["personal.given_names"],
            "family.spouse_date_of_birth": kz["personal.date_of_birth"],
            "contact.email": "DAULET.AKH@EXAMPLE.KZ", "contact.other_emails": [],
            "contact.other_phones": [], "contact.secondary_phone": "+77273559911",
            "us_contact.address": "1200 MARKET STREET, SAN FRANCISCO, CALIFORNIA, 94102"}


def _namesake(kz: dict[str, Any]) -> dict[str, Any]:
    """A stranger: another AKHMETOVA at the same home address, sharing only the e-mail."""
    return {"personal.given_names": "DANA", "personal.full_name_native": "АХМЕТОВА ДАНА",
            "personal.date_of_birth": "1979-03-15", "personal.national_id": "790315400122",
            "personal.other_names_used": False, "personal.other_names": [], "passport.number": "N12290033",
            "family.spouse_surnames": "SEITOV", "family.spouse_given_names": "ARMAN",
            "family.spouse_date_of_birth": "1977-01-09", "family.father_surnames": "AKHMETOV",
            "family.father_given_names": "BOLAT", "family.father_date_of_birth": "1950-05-05",
            "family.mother_surnames": "AKHMETOVA", "family.mother_given_names": "ZHANAR",
            "family.mother_date_of_birth": "1953-07-07", "family.immediate_relatives": [],
            "family.immediate_relatives_in_us": False,
            "contact.primary_phone": "+77019990001", "contact.secondary_phone": "+77279990002",
            "contact.other_phones": [], "contact.other_emails": [], "contact.email": kz["contact.email"],
            "us_contact.address": "77 BEACON STREET, BOSTON, MASSACHUSETTS, 02108"}


def build_tree(root: Path) -> dict[str, dict[str, str]]:
    bc = _batchcases()
    roles = {bc.client_name(i): bc.write_case(root / bc.client_name(i), i) for i in (0, 1, 2, 3, 4, 5, 6)}
    first = root / "client-0000" / roles["client-0000"]["job"]
    shutil.copy(first, root / "client-0001" / "letter from work.pdf")
    bc.write_letter(root / "client-0002" / roles["client-0002"]["job"], _altered_letter(bc, 0, 2))
    for index in (3, 4):
        bc.write_letter(root / bc.client_name(index) / "bank reference.pdf", _bank_reference(bc, index))
    _rewrite_new(bc, root / "client-0004", 4, roles["client-0004"],
                 **{"contact.primary_phone": bc.story(5).new["contact.primary_phone"]})
    _rewrite_new(bc, root / "client-0005", 5, roles["client-0005"],
                 **{"application.id": bc.app_id(1, "new")})
    kz = bc.story(3).new
    _family_print(bc, root / SPOUSE, _husband(kz), 3, ids=90)
    _family_print(bc, root / NAMESAKE, _namesake(kz), 3, ids=91)
    return roles


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, str]]]:
    root = tmp_path_factory.mktemp("clients")
    return root, build_tree(root)


@pytest.fixture(scope="module")
def run(tree: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root, _ = tree
    out = tmp_path_factory.mktemp("out") / "reports"
    run_batch(root, out, BatchOptions(jobs=2, progress=False, formats=FORMATS))
    return out


def _summary(out: Path) -> dict[str, Any]:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def _hits(out: Path, kind: str) -> list[dict[str, Any]]:
    return [h for h in _summary(out)["cross_case"] if h["kind"] == kind]


def _files(hit: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["case"], f["file"]) for f in hit["files"]}


# --- what is flagged ----------------------------------------------------------------------------


@needs_fixtures
def test_a_letter_copied_into_another_applicants_folder_is_flagged(run: Path, tree: Any) -> None:
    _, roles = tree
    [hit] = _hits(run, SAME_DOCUMENT)
    assert _files(hit) == {("client-0000", roles["client-0000"]["job"]),
                           ("client-0001", "letter from work.pdf")}
    assert hit["cases"] == ["client-0000", "client-0001"]
    assert "KONDAPALLI" in hit["detail"] and "BERIDZE" in hit["detail"]


@needs_fixtures
def test_the_same_letter_with_name_date_and_salary_changed_is_flagged_as_same_text(
        run: Path, tree: Any) -> None:
    _, roles = tree
    [hit] = _hits(run, SAME_DOCUMENT_TEXT)
    assert ("client-0000", roles["client-0000"]["job"]) in _files(hit)
    assert ("client-0002", roles["client-0002"]["job"]) in _files(hit)
    assert "DELA CRUZ" in hit["detail"]


@needs_fixtures
def test_the_same_phone_across_unrelated_applicants_is_flagged(run: Path, tree: Any) -> None:
    _, roles = tree
    [hit] = _hits(run, SAME_PHONE)
    assert hit["cases"] == ["client-0004", "client-0005"]
    assert _files(hit) == {("client-0004", roles["client-0004"]["new"]),
                           ("client-0005", roles["client-0005"]["new"])}
    phone = parse_phone(_batchcases().story(5).new["contact.primary_phone"])
    assert f"primary phone {phone}" in hit["detail"]


@needs_fixtures
def test_the_same_application_id_in_two_folders_is_flagged(run: Path) -> None:
    [hit] = _hits(run, SAME_APPLICATION_ID)
    assert hit["cases"] == ["client-0001", "client-0005"]
    assert _batchcases().app_id(1, "new") in hit["detail"]


@needs_fixtures
def test_a_shared_email_with_the_same_surname_and_home_names_the_family_clue(run: Path) -> None:
    [hit] = _hits(run, SAME_EMAIL)
    assert hit["cases"] == ["akhmetova-dana", "client-0003"]
    assert "Possibly family: akhmetova-dana and client-0003 give the same home address" in hit["detail"]


# --- what is not ----------------------------------------------------------------------------------


@needs_fixtures
def test_the_same_applicant_in_two_folders_is_not_flagged(run: Path) -> None:
    """client-0000 and client-0006 are one man: the same phones, e-mails, U.S. contact, letters."""
    for hit in _summary(run)["cross_case"]:
        others = set(hit["cases"]) - {"client-0000", "client-0006"}
        assert others, hit  # every hit with them names somebody else too
    assert not any({"client-0000", "client-0006"} <= set(h["cases"]) for h in _hits(run, SAME_PHONE))
    rows = {row["folder"]: row for row in _summary(run)["cases"]}
    assert rows["client-0006"]["cross_case"] == [
        "same_document_text with client-0000, client-0001, client-0002"]


@needs_fixtures
def test_a_declared_spouse_sharing_the_phone_and_documents_is_not_flagged(run: Path) -> None:
    assert not [h for h in _summary(run)["cross_case"] if SPOUSE in h["cases"]]


@needs_fixtures
def test_two_different_letters_from_one_bank_template_are_not_flagged(run: Path) -> None:
    """Every client's bank statement and property certificate comes from one template, and
    client-0003 and client-0004 hold the same bank's long reference letter."""
    flagged = {f["file"] for h in _summary(run)["cross_case"] for f in h["files"]}
    assert not flagged & {"bank reference.pdf", "bank.pdf", "statement.pdf", "scan_0022.pdf",
                          "property.docx", "house.docx", "scan_0023.docx"}
    report = json.loads((run / "cases" / "client-0003" / "report.json").read_text(encoding="utf-8"))
    kinds = {Path(d["path"]).name: d["kind"] for d in report["comparisons"][0]["report"]["documents"]}
    assert kinds["bank reference.pdf"] == "bank_statement"


# --- where it shows -------------------------------------------------------------------------------


@needs_fixtures
def test_each_affected_case_report_shows_the_other_folder_and_file(run: Path, tree: Any) -> None:
    _, roles = tree
    case = run / "cases" / "client-0001"
    report = json.loads((case / "report.json").read_text(encoding="utf-8"))
    kinds = {h["kind"] for h in report["cross_case"]}
    assert kinds == {SAME_DOCUMENT, SAME_DOCUMENT_TEXT, SAME_APPLICATION_ID}
    other = f"client-0000: {roles['client-0000']['job']}"
    for name in ("report.html", "report.md", "report.txt"):
        text = (case / name).read_text(encoding="utf-8")
        assert "Seen in other client folders" in text, name
        assert other in text and "client-0005: " in text, name
        assert text.index("Seen in other client folders") < text.rindex("letter from work.pdf"), name
    untouched = json.loads((run / "cases" / SPOUSE / "report.json").read_text(encoding="utf-8"))
    assert untouched["cross_case"] == []
    assert "Seen in other client folders" not in (run / "cases" / SPOUSE / "report.html").read_text("utf-8")


@needs_fixtures
def test_index_and_csv_show_the_hits(run: Path) -> None:
    index = (run / "index.html").read_text(encoding="utf-8")
    assert "SEEN IN OTHER CLIENT FOLDERS" in index and "same_phone with client-0005" in index
    assert "Seen in more than one client folder (5)" in index
    csv_text = (run / "summary.csv").read_text(encoding="utf-8-sig")
    assert "same_application_id with client-0005" in csv_text


@needs_fixtures
def test_summary_and_case_reports_follow_their_schemas(run: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")

    def validator(name: str) -> Any:
        printed = CliRunner().invoke(cli, ["schema", name])
        return jsonschema.Draft202012Validator(json.loads(printed.output))

    assert list(validator("summary").iter_errors(_summary(run))) == []
    case = validator("case")
    for path in sorted((run / "cases").rglob("report.json")):
        assert [e.message for e in case.iter_errors(json.loads(path.read_text("utf-8")))] == [], path


@needs_fixtures
def test_a_rerun_from_the_cache_finds_the_same_and_drops_what_was_removed(tree: Any, tmp_path: Path) -> None:
    root, roles = tree
    clients = tmp_path / "clients"
    for name in ("client-0000", "client-0001"):
        shutil.copytree(root / name, clients / name)
    out = tmp_path / "reports"
    first = run_batch(clients, out, BatchOptions(jobs=1, progress=False))
    again = run_batch(clients, out, BatchOptions(jobs=1, progress=False))
    assert again.from_cache == 2
    assert [h["kind"] for h in _summary(out)["cross_case"]] == [SAME_DOCUMENT]
    assert first.rows == again.rows
    (clients / "client-0001" / "letter from work.pdf").unlink()
    third = run_batch(clients, out, BatchOptions(jobs=1, progress=False))
    assert (third.computed, third.from_cache) == (1, 1)
    assert _summary(out)["cross_case"] == []
    kept = json.loads((out / "cases" / "client-0000" / "report.json").read_text(encoding="utf-8"))
    assert kept["cross_case"] == []
    page = (out / "cases" / "client-0000" / "report.html").read_text("utf-8")
    assert "Seen in other client folders" not in page


@needs_fixtures
def test_redacted_run_masks_the_shared_phone_in_every_output(tree: Any, tmp_path: Path) -> None:
    root, _ = tree
    clients = tmp_path / "clients"
    for name in ("client-0004", "client-0005"):
        shutil.copytree(root / name, clients / name)
    out = tmp_path / "reports"
    run_batch(clients, out, BatchOptions(jobs=2, progress=False, redact=True))
    [hit] = _hits(out, SAME_PHONE)
    phone = parse_phone(_batchcases().story(5).new["contact.primary_phone"])
    assert phone is not None
    assert "•••" in hit["detail"]
    for path in [out / "summary.json", out / "index.html", *(out / "cases").rglob("report.*"),
                 *(out / ".ds160check-cache").rglob("*.json")]:
        assert phone not in path.read_text(encoding="utf-8"), path


# --- the mechanism, without PDFs -------------------------------------------------------------------


def test_masking_leaves_the_wording_and_hides_names_dates_amounts_and_numbers() -> None:
    names = frozenset({"AIGERIM", "AKHMETOVA"})
    one = masked_words("This is to certify that Aigerim AKHMETOVA (aigerim@example.kz) earns 1 200 000 KZT "
                       "since 12 April 2021, ref. HR-0042.", names)
    other = masked_words("This is to certify that Dana Seitova (dana@example.kz) earns 950000 KZT since "
                         "03.01.2024, ref. HR-9913.", frozenset({"DANA", "SEITOVA"}))
    assert one == other
    assert "certify" in one and "kzt" in one and "aigerim" not in one
    assert masked_words("employed as an accountant", names) != masked_words("employed as an engineer", names)


def test_the_rule_file_is_checked_with_a_suggestion(tmp_path: Path) -> None:
    broken = tmp_path / "cross_case.yaml"
    broken.write_text("text_kinds: [employment_leter]\nmin_words: 30\nphone_digits: 9\n"
                      "min_phone_digits: 7\naddress_words: {}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"cross_case.yaml: text_kinds: unknown document kind "
                                        r"'employment_leter' \(did you mean 'employment_letter'\?\)"):
        cross_case_settings(broken)
    assert "bank_statement" not in cross_case_settings().text_kinds


def _word(seed: str) -> str:
    """A made-up name word of 6-9 letters."""
    letters = "ABDEGIKLMNORSTUVZ"
    raw = digest(seed)
    return "".join(letters[int(c, 16)] for c in raw[: 6 + int(raw[-1], 16) % 4])


def _person(n: int, birth: str) -> Person:
    return Person(_word(f"surname-{n}"), _word(f"given-{n}"), birth=digest(birth),
                  passports=(digest(f"P{n}"),))


def test_grouping_ten_thousand_cases_finds_the_planted_hits_with_linear_name_comparisons(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 people, each in five folders (the same applicant: no hit), all born on one of 50 days;
    each folder has its own phone and letter but for three planted pairs of strangers. Names are
    compared only within a birth date, one spelling against each other spelling seen with it, and
    in full (milliseconds each) only when a cheap score says they may be one name."""
    cases = {}
    for n in range(10_000):
        person = n // 5
        marks = [Mark(SAME_PHONE, digest(f"phone-{person}"), "new.pdf", f"primary phone {person}"),
                 Mark(SAME_DOCUMENT, digest(f"letter-{n}"), "letter.pdf", "supporting document")]
        born = f"19{person % 50:02d}-01-01"
        cases[f"client-{n:05d}"] = Fingerprints(_person(person, born), (), tuple(marks))
    for a, b in ((0, 100), (5000, 9995), (42, 4242)):
        shared = Mark(SAME_DOCUMENT, digest(f"reused-{a}"), "reused.pdf", "supporting document")
        for n in (a, b):
            folder = f"client-{n:05d}"
            cases[folder] = Fingerprints(cases[folder].person, (), (*cases[folder].marks, shared))
    calls = 0
    real = cc.match_person

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(cc, "match_person", counted)
    hits = cc.find_hits(cases)
    assert [h.cases for h in hits] == [("client-00000", "client-00100"), ("client-00042", "client-04242"),
                                       ("client-05000", "client-09995")]
    # Each spelling meets the other spellings of its birth date (40 per date) once, and is compared
    # in full only with those alike enough to be its transliteration: never with 9,999 folders.
    assert calls < 2_000

