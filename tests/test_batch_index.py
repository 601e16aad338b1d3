"""The batch index a broker works from (issue 11, item 5): who each case is, most urgent first,
what contradicts the form, every file passed over, broken applications as errors, clients who
keep each application in a sub-folder, paths that open from the reports folder, a CSV Excel reads,
and the schemas of what the batch writes.

The client folders are generated from ``fixtures/batchcases.py`` (every person invented).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ds160check import check_case
from ds160check.batch import BatchOptions, run_batch
from ds160check.batch.discover import discover
from ds160check.batch.folders import APPLICATION, DOCUMENTS, folder_kind, folder_words
from ds160check.batch.model import row_rank
from ds160check.cli import cli
from ds160check.errors import RuleError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_fixtures = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the client folders are generated with reportlab and the DejaVu fonts",
)

# Sub-folder names brokers and clients give each application: (client, old folder, new folder).
SPLIT = (
    ("Petrov Sergey", "2025 refused", "2026 new"),
    ("Сидорова Анна", "отказ", "новая"),
    ("Gogua Nino", "old", "new"),
    ("Kim Olga", "first", "second"),
    ("Lee Min", "2024", "2026"),
    ("Ким Виктор", "первая подача", "вторая подача"),
    ("Okafor", "DS-160 (refused)", "DS-160 (reapply)"),
)
HONEST, CONTRADICTED, BROKEN_NEW, LOCKED_NEW, UNREADABLE_DOC = (
    "honest", "contradicted", "broken-new", "locked-new", "unreadable-document")


def _bc() -> Any:
    sys.path.insert(0, str(FIXTURES))
    import batchcases

    return batchcases


def _build(root: Path) -> dict[str, Any]:
    """The clients of this module; return folder -> what the test must find."""
    bc = _bc()
    expected: dict[str, Any] = {}
    for n, (client, old_dir, new_dir) in enumerate(SPLIT):
        expected[client] = {"index": 20 + n, **bc.write_split_case(root / client, 20 + n, old_dir, new_dir)}
    (root / "Petrov Sergey" / "2026 new" / "~$employment.docx").write_bytes(b"\x0bJOHN  lock")
    (root / "Petrov Sergey" / ".~lock.employment.docx#").write_text("x,host,/home/x;", encoding="utf-8")
    (root / "Petrov Sergey" / "Thumbs.db").write_bytes(b"\x00thumbs")
    (root / "Petrov Sergey" / ".DS_Store").write_bytes(b"\x00ds")
    expected[HONEST] = {"index": 1, **bc.write_case(root / HONEST, 1)}
    # Index 7 earns 1.4 times more in the new application; the letter states half of that.
    expected[CONTRADICTED] = {"index": 7, **bc.write_case(root / CONTRADICTED, 7, salary_factor=0.5)}
    for folder, index in ((BROKEN_NEW, 30), (LOCKED_NEW, 31)):
        s = bc.story(index)
        (root / folder).mkdir()
        bc.write_print(s.old, root / folder / "old.pdf", s.old_printed, index)
        expected[folder] = {"index": index, "old": "old.pdf", "new": "new.pdf"}
    (root / BROKEN_NEW / "new.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<\n")  # cut off mid-file
    bc.write_print(bc.story(31).new, root / LOCKED_NEW / "new.pdf", bc.story(31).new_printed, 2,
                   password="s3cret")
    expected[UNREADABLE_DOC] = {"index": 3, **bc.write_case(root / UNREADABLE_DOC, 3)}
    bank = root / UNREADABLE_DOC / expected[UNREADABLE_DOC]["bank"]
    bank.write_bytes(bank.read_bytes()[:300])
    return expected


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Any]:
    """The batch run as a broker would: from a working folder, with relative paths."""
    if importlib.util.find_spec("reportlab") is None or not DEJAVU.exists():
        pytest.skip("the client folders are generated with reportlab and the DejaVu fonts")
    work = tmp_path_factory.mktemp("office")
    expected = _build(work / "clients")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        result = run_batch(Path("clients"), Path("reports"), BatchOptions(jobs=2, progress=False))
    return work, expected, result


def _rows(result: Any) -> dict[str, dict[str, Any]]:
    return {row["folder"]: row for row in result.rows}


def _case(work: Path, folder: str) -> dict[str, Any]:
    return json.loads((work / "reports" / "cases" / folder / "report.json").read_text(encoding="utf-8"))


def _index(work: Path) -> str:
    return (work / "reports" / "index.html").read_text(encoding="utf-8")


# --- names of sub-folders ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), [
    ("2025 refused", APPLICATION), ("2026 new", APPLICATION), ("отказ", APPLICATION),
    ("новая", APPLICATION), ("first", APPLICATION), ("DS-160 (old)", APPLICATION),
    ("March 2025", APPLICATION), ("2024", APPLICATION), ("вторая подача", APPLICATION),
    ("scans", DOCUMENTS), ("документы", DOCUMENTS),
    ("Petrov Sergey", None), ("client 1", None), ("1", None), ("12345", None), ("Иванова", None),
    ("agency", None),
])
def test_a_sub_folder_name_says_application_documents_or_nothing(name: str, kind: str | None) -> None:
    assert folder_kind(name) == kind


def test_a_broken_folder_words_file_names_itself_and_suggests(tmp_path: Path) -> None:
    broken = tmp_path / "folders.yaml"
    broken.write_text("aplication: [old]\n", encoding="utf-8")
    suggestion = r"folders.yaml: unknown list 'aplication' \(did you mean 'application'\?\)"
    with pytest.raises(RuleError, match=suggestion):
        folder_words(broken)
    both = tmp_path / "both.yaml"
    both.write_text("application: []\nold: [first]\nnew: [first]\nmonths: []\ndocuments: []\n",
                    encoding="utf-8")
    with pytest.raises(RuleError, match="words both old and new: first"):
        folder_words(both)


def _touch(path: Path, content: bytes = b"%PDF-1.4 synthetic") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def test_folders_of_clients_by_year_or_number_stay_separate_cases(tmp_path: Path) -> None:
    _touch(tmp_path / "2025" / "Ivanova" / "a.pdf")
    _touch(tmp_path / "2026" / "Petrov" / "b.pdf")
    _touch(tmp_path / "1" / "c.pdf")
    _touch(tmp_path / "2" / "d.pdf")
    assert [c.rel for c in discover(tmp_path)] == ["1", "2", "2025/Ivanova", "2026/Petrov"]


def test_a_documents_sub_folder_of_a_client_belongs_to_its_case(tmp_path: Path) -> None:
    _touch(tmp_path / "Ivanova" / "ds160.pdf")
    _touch(tmp_path / "Ivanova" / "scans" / "passport.pdf")
    _touch(tmp_path / "Ivanova" / "Maria (daughter)" / "ds160.pdf")  # another applicant: her own case
    cases = discover(tmp_path)
    assert [c.rel for c in cases] == ["Ivanova", "Ivanova/Maria (daughter)"]
    assert [f.relative_to(tmp_path / "Ivanova").as_posix() for f in cases[0].files] == [
        "ds160.pdf", "scans/passport.pdf"]


def test_lock_and_system_files_are_passed_over_with_the_reason(tmp_path: Path) -> None:
    _touch(tmp_path / "Ivanova" / "2025" / "ds160.pdf")
    _touch(tmp_path / "Ivanova" / "2025" / "~$letter.docx", b"\x0block")
    _touch(tmp_path / "Ivanova" / ".~lock.letter.docx#", b"x")
    _touch(tmp_path / "Ivanova" / ".DS_Store", b"x")
    _touch(tmp_path / "Ivanova" / "Thumbs.db", b"x")
    noted: list[str] = []
    [case] = discover(tmp_path, passed_over=noted)
    assert [f.name for f in case.files] == ["ds160.pdf"]
    reasons = {p.name: p.reason for p in case.passed_over}
    assert reasons == {
        ".DS_Store": "system file: macOS folder settings",
        ".~lock.letter.docx#": "LibreOffice lock file (left while the document is open)",
        "Thumbs.db": "system file: Windows thumbnail cache",
        "2025/~$letter.docx": "Office lock file (Word or Excel leaves it while the document is open)",
    }
    assert sorted(noted) == sorted(f"Ivanova/{name}: {why}" for name, why in reasons.items())


# --- one client, one case ------------------------------------------------------------------------


@needs_fixtures
@pytest.mark.parametrize(("client", "old_dir", "new_dir"), SPLIT)
def test_sub_folders_per_application_are_one_client_case(batch: Any, client: str, old_dir: str,
                                                         new_dir: str) -> None:
    work, expected, result = batch
    rows = _rows(result)
    assert not any(folder.startswith(f"{client}/") for folder in rows), "a sub-folder became a case"
    assert rows[client]["status"] == "checked"
    taken = {f["name"]: f["taken_as"] for f in _case(work, client)["files"]}
    assert taken[f"{old_dir}/DS160.pdf"] == "old application"
    assert taken[f"{new_dir}/DS160.pdf"] == "new application"
    assert taken[f"{old_dir}/refusal.pdf"] == "refusal letter"
    assert rows[client]["refusal_type"] == "214b"


@needs_fixtures
def test_sub_folder_names_order_two_print_outs_of_the_same_day(tmp_path: Path) -> None:
    bc = _bc()
    s = bc.story(40)
    same = datetime(2025, 10, 1, 12, 0)
    for sub in ("новая", "отказ"):
        (tmp_path / "Ким" / sub).mkdir(parents=True)
    bc.write_print(s.new, tmp_path / "Ким" / "новая" / "анкета.pdf", same, 0)
    bc.write_print(s.old, tmp_path / "Ким" / "отказ" / "анкета.pdf", same, 1)
    result = check_case(tmp_path / "Ким")
    assert result.order is not None and result.order.method == "file name hints"
    assert "новая/анкета.pdf (new)" in result.order.explanation
    taken = {f.name: f.taken_as for f in result.files}
    assert taken == {"отказ/анкета.pdf": "old application", "новая/анкета.pdf": "new application"}


# --- who, what, how urgent -----------------------------------------------------------------------


@needs_fixtures
def test_each_row_names_the_applicant_and_both_application_ids(batch: Any) -> None:
    work, expected, result = batch
    bc = _bc()
    index = _index(work)
    for folder in (HONEST, CONTRADICTED, "Сидорова Анна"):
        row, s = _rows(result)[folder], bc.story(expected[folder]["index"])
        assert row["applicant"].startswith(f"{s.new['personal.surnames']}, {s.new['personal.given_names']}")
        assert (row["old_application_id"], row["new_application_id"]) == (
            bc.app_id(s.index, "old"), bc.app_id(s.index, "new"))
        assert row["application_ids"] == [row["old_application_id"], row["new_application_id"]]
        for shown in (row["applicant"], row["old_application_id"], row["new_application_id"]):
            assert _html_text(shown) in index


def _html_text(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


@needs_fixtures
def test_rows_come_most_urgent_first_then_by_name_in_every_summary(batch: Any) -> None:
    work, _, result = batch
    keys = [(row_rank(r), (r["applicant"] or "").casefold(), r["folder"]) for r in result.rows]
    assert keys == sorted(keys)
    assert result.rows[0]["critical"] >= 1
    # Cases not checked (a broken file) come after critical and high ones, before the rest.
    unchecked = [n for n, r in enumerate(result.rows) if r["status"] != "checked"]
    checked = [n for n, r in enumerate(result.rows) if r["status"] == "checked"]
    serious = [n for n in checked if result.rows[n]["critical"] or result.rows[n]["high"]]
    milder = [n for n in checked if n not in serious]
    assert unchecked and serious and milder
    assert max(serious) < min(unchecked) and max(unchecked) < min(milder)
    folders = [r["folder"] for r in result.rows]
    summary = json.loads((work / "reports" / "summary.json").read_text(encoding="utf-8"))
    assert [c["folder"] for c in summary["cases"]] == folders
    with open(work / "reports" / "summary.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r["folder"] for r in csv.DictReader(handle)] == folders
    index = _index(work)
    positions = [index.index(f">{_html_text(f)}</a>") for f in folders]
    assert positions == sorted(positions)


@needs_fixtures
def test_contradicted_counts_documents_that_contradict_the_form(batch: Any) -> None:
    work, _, result = batch
    rows = _rows(result)
    assert rows[CONTRADICTED]["contradicted"] >= 1
    assert rows[HONEST]["contradicted"] == 0
    assert rows[BROKEN_NEW]["contradicted"] is None  # not checked: no count to give
    assert "Contradicted by documents" in _index(work)


@needs_fixtures
@pytest.mark.parametrize(("folder", "reason"), [
    (BROKEN_NEW, "new.pdf: the PDF is damaged or truncated and cannot be read"),
    (LOCKED_NEW, "new.pdf: the PDF is encrypted"),
])
def test_a_broken_new_application_is_an_error_naming_the_file(batch: Any, folder: str, reason: str) -> None:
    work, _, result = batch
    row = _rows(result)[folder]
    assert row["status"] == "error"
    assert row["verdict"].startswith(f"not checked: {reason}")
    assert "needs both" not in row["verdict"]
    assert any(e.startswith(reason) for e in row["errors"])
    cell = _row_html(_index(work), folder)
    assert _html_text(reason) in cell and "needs both" not in cell


def _row_html(index: str, folder: str) -> str:
    match = re.search(r"<tr[^>]*>(?:(?!</tr>).)*?>" + re.escape(_html_text(folder)) + r"</a>.*?</tr>",
                      index, re.S)
    assert match, f"no row for {folder}"
    return match.group(0)


@needs_fixtures
def test_files_passed_over_are_listed_on_their_case_row(batch: Any) -> None:
    work, _, result = batch
    row = _rows(result)["Petrov Sergey"]
    names = {p["name"] for p in row["passed_over"]}
    assert names == {"2026 new/~$employment.docx", ".~lock.employment.docx#", "Thumbs.db", ".DS_Store"}
    cell = _row_html(_index(work), "Petrov Sergey")
    assert "2026 new/~$employment.docx" in cell and "Office lock file" in cell
    assert "Passed over:" in cell
    assert "~$employment.docx" not in (row["error"] or ""), "a lock file is no problem of the case"


@needs_fixtures
def test_notices_are_shown_first_on_the_case_row(batch: Any) -> None:
    work, _, result = batch
    row = _rows(result)[UNREADABLE_DOC]
    assert "DOCUMENT_UNREADABLE" in [n["code"] for n in row["notices"]]
    cell = _row_html(_index(work), UNREADABLE_DOC)
    assert cell.index("DOCUMENT_UNREADABLE") < cell.index(_html_text(row["verdict"]))
    assert [n["code"] for n in _case(work, UNREADABLE_DOC)["notices"]] == [n["code"] for n in row["notices"]]
    assert _rows(result)[HONEST]["notices"] == []


@needs_fixtures
def test_the_refusal_type_is_never_printed_as_none(batch: Any) -> None:
    work, _, result = batch
    assert {r["refusal_type"] for r in result.rows} <= {"214b", "221g", "212a", "unknown", "not given", None}
    assert not re.search(r">\s*none\s*<", _index(work), re.I)
    assert ",none," not in (work / "reports" / "summary.csv").read_text(encoding="utf-8-sig")


# --- paths, CSV, schemas ---------------------------------------------------------------------


@needs_fixtures
def test_paths_in_every_output_open_from_the_reports_folder(batch: Any) -> None:
    work, expected, result = batch
    reports = work / "reports"
    for row in result.rows:
        assert (reports / row["report"]).is_file()
        for key in ("old_file", "new_file"):
            if row[key]:
                assert (reports / row[key]).is_file(), row[key]
    row = _rows(result)["Petrov Sergey"]
    assert (reports / row["new_file"]).resolve() == (work / "clients" / "Petrov Sergey" / "2026 new"
                                                     / "DS160.pdf").resolve()
    case = _case(work, "Petrov Sergey")
    for entry in case["files"]:
        assert (reports / entry["path"]).exists(), entry["path"]
    for document in case["comparisons"][0]["report"]["documents"]:
        assert (reports / document["path"]).is_file(), document["path"]
    for href in re.findall(r'href="([^"]+)"', _index(work)):
        from urllib.parse import unquote

        assert (reports / unquote(href)).is_file(), href


@needs_fixtures
def test_summary_csv_opens_in_excel_with_cyrillic_intact(batch: Any) -> None:
    work, _, _ = batch
    raw = (work / "reports" / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    assert raw.count(b"\xef\xbb\xbf") == 1
    text = raw.decode("utf-8-sig")
    assert "Сидорова Анна" in text
    assert text.splitlines()[0].startswith("folder,applicant,old_application_id,new_application_id,")


def _validator(name: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    printed = CliRunner().invoke(cli, ["schema", name])
    assert printed.exit_code == 0, printed.output
    schema = json.loads(printed.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@needs_fixtures
def test_batch_output_follows_the_case_and_summary_schemas(batch: Any) -> None:
    work, _, _ = batch
    summary = json.loads((work / "reports" / "summary.json").read_text(encoding="utf-8"))
    assert list(_validator("summary").iter_errors(summary)) == []
    case_validator = _validator("case")
    reports = sorted((work / "reports" / "cases").rglob("report.json"))
    assert len(reports) == len(summary["cases"])
    for path in reports:
        errors = [e.message for e in case_validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        assert errors == [], path


@needs_fixtures
def test_the_schemas_reject_what_the_batch_must_not_write(batch: Any) -> None:
    work, _, _ = batch
    summary = json.loads((work / "reports" / "summary.json").read_text(encoding="utf-8"))
    summary["cases"][0]["refusal_type"] = "none"
    assert not _validator("summary").is_valid(summary)
    case = _case(work, HONEST)
    del case["applicant"]
    assert not _validator("case").is_valid(case)
    case = _case(work, HONEST)
    case["comparisons"][0]["report"]["summary"]["critical"] = -1  # the compare report inside is checked
    assert not _validator("case").is_valid(case)


def test_schema_command_names_every_schema() -> None:
    result = CliRunner().invoke(cli, ["schema", "nonsense"])
    assert result.exit_code == 2
    for name in ("report", "extract", "case", "summary"):
        assert name in result.output
