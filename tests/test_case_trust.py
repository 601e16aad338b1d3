"""A case a broker can trust: no document lost in silence, options checked, the API explicit.

(Notices about mixed-up cases — two people, the same application, OLD and NEW
swapped — are pinned by the generated cases of ``fixtures/cases``, see
``test_cases_end_to_end.py``: every honest case there must give no notice.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

import ds160check
from ds160check.comparison.case import refusal_type
from ds160check.errors import FileMissingError, OptionError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
OLD, NEW, LETTER = SAMPLE / "old.pdf", SAMPLE / "new.pdf", SAMPLE / "refusal-letter.pdf"
NOBODY = 65534


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ds160check", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


# --- documents: missing, unreadable, given as one string --------------------------------------


def test_api_refuses_one_string_as_documents_instead_of_reading_its_characters() -> None:
    with pytest.raises(TypeError, match=r"documents must be a list of paths, not one str"):
        ds160check.compare(OLD, NEW, documents=str(LETTER))
    with pytest.raises(TypeError, match=r"not one PosixPath"):
        ds160check.compare(OLD, NEW, evidence=LETTER)


def test_api_raises_the_typed_error_for_a_document_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError) as caught:
        ds160check.compare(OLD, NEW, [tmp_path / "letter.pdf"])
    assert str(caught.value) == f"{tmp_path / 'letter.pdf'}: the document does not exist"


def test_cli_missing_document_is_exit_2_with_one_line_naming_it(tmp_path: Path) -> None:
    result = run_cli("compare", OLD, NEW, tmp_path / "letter.pdf")
    assert result.returncode == 2
    assert result.stderr == f"Error: {tmp_path / 'letter.pdf'}: the document does not exist\n"
    assert result.stdout == ""


def test_unreadable_document_is_listed_with_a_notice_and_the_verdict_says_incomplete(tmp_path: Path) -> None:
    broken = tmp_path / "bank-statement.pdf"
    broken.write_bytes((ROOT / "fixtures" / "bad" / "truncated.pdf").read_bytes())
    result = run_cli("compare", OLD, NEW, LETTER, broken, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    entry = next(d for d in report["documents"] if d["path"] == str(broken))
    assert entry["kind"] == "unreadable" and entry["warnings"]
    assert [n["code"] for n in report["notices"]] == ["DOCUMENT_UNREADABLE"]
    assert report["notices"][0]["files"] == [str(broken)]
    assert report["summary"]["verdict"].endswith("(check incomplete: a document could not be read)")
    # the rest of the case is still checked: the letter's refusal is found
    assert any(f["code"] == "UNDISCLOSED_REFUSAL" for f in report["findings"])


def _compare_as_nobody(*args: Any) -> Any:
    """``ds160check.compare`` in a forked child without root's right to read every file.

    As root a mode-000 file is still readable; the child drops to ``nobody``
    after the modules it needs are loaded, so the read really is refused.
    """
    import ds160check.comparison.case  # noqa: F401 - loaded before the privileges go
    import ds160check.documents.ingest  # noqa: F401
    import ds160check.documents.recognise  # noqa: F401

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result: Any = ds160check.compare(*args).to_dict()
        except BaseException as exc:  # noqa: BLE001 - sent back to the test
            result = exc
        with os.fdopen(write, "wb") as out:
            pickle.dump(result, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as incoming:
        result = pickle.load(incoming)
    os.waitpid(pid, 0)
    if isinstance(result, BaseException):
        raise result
    return result


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to drop privileges")
def test_permission_denied_document_marks_itself_and_the_case_goes_on() -> None:
    # not pytest's tmp_path: its parents are root's alone, and the reader below is not root
    with tempfile.TemporaryDirectory() as folder:
        _check_permission_denied(Path(folder) / "case")


def _check_permission_denied(case: Path) -> None:
    case.mkdir()
    os.chmod(case.parent, 0o755)
    for source in (OLD, NEW, LETTER):
        shutil.copy(source, case / source.name)
    denied = case / "payslip.pdf"
    shutil.copy(LETTER, denied)
    denied.chmod(0o000)
    os.chmod(case, 0o755)
    args = (case / "old.pdf", case / "new.pdf", [case / "refusal-letter.pdf", denied])
    report = _compare_as_nobody(*args) if os.geteuid() == 0 else ds160check.compare(*args).to_dict()
    entry = next(d for d in report["documents"] if d["path"] == str(denied))
    assert entry["kind"] == "unreadable"
    assert entry["warnings"] == ["cannot read the file: permission denied"]
    assert [n["code"] for n in report["notices"]] == ["DOCUMENT_UNREADABLE"]
    assert "payslip.pdf could not be read (cannot read the file: permission denied)" in \
        report["notices"][0]["message"]
    assert report["refusal"]["type"] == "214b"


# --- --refused and --refusal-date --------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["214b", "214(b)", "214B", "214 (b)", "INA 214(b)", "Section 214(b)"])
def test_refused_takes_every_spelling_of_214b(spelling: str) -> None:
    assert refusal_type(spelling) == "214b"


@pytest.mark.parametrize("spelling", ["221g", "221(g)", "221G", "221 g"])
def test_refused_takes_every_spelling_of_221g(spelling: str) -> None:
    assert refusal_type(spelling) == "221g"


def test_cli_refused_in_a_spelling_of_its_own_is_a_one_line_usage_error() -> None:
    result = run_cli("compare", OLD, NEW, "--refused", "212(a)")
    assert result.returncode == 2
    assert result.stderr == ("Error: --refused: '212(a)' is not a refusal type; give 214b or 221g "
                             "(214(b), 214B and 221(g) are spelled the same)\n")


def test_cli_refused_written_as_printed_on_the_letter_is_accepted() -> None:
    result = run_cli("compare", OLD, NEW, "--refused", "214(b)", "--format", "json")
    assert result.returncode == 1, result.stderr
    refusal = json.loads(result.stdout)["refusal"]
    assert (refusal["type"], refusal["source"]) == ("214b", "option")


def test_refusal_date_after_today_is_refused() -> None:
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    with pytest.raises(OptionError, match=rf"--refusal-date: {later} is after today"):
        ds160check.compare(OLD, NEW, refused="214b", refusal_date=later)


def test_refusal_date_after_the_new_application_is_refused() -> None:
    # the sample's new application was submitted on 16 December 2025 (its confirmation page)
    with pytest.raises(OptionError, match=r"is after the new application \(new\.pdf, 2025-12-16\)"):
        ds160check.compare(OLD, NEW, [SAMPLE / "new-confirmation.pdf"], refused="214b",
                           refusal_date="20 December 2025")


def test_refused_against_a_letter_that_says_otherwise_gives_a_notice_and_names_its_source() -> None:
    report = ds160check.compare(OLD, NEW, [LETTER], refused="221(g)")
    assert [n.code for n in report.notices] == ["REFUSAL_SOURCES_DISAGREE"]
    assert report.notices[0].message.startswith(
        "--refused 221g disagrees with refusal-letter.pdf, which says 214(b)")
    assert report.refusal is not None
    assert (report.refusal.type, report.refusal.source) == ("221g", "option")
    # the letter's sentence is about 214(b): it is not shown as the proof of a 221(g)
    assert report.refusal.evidence is None


def test_refused_that_agrees_with_the_letter_gives_no_notice() -> None:
    report = ds160check.compare(OLD, NEW, [LETTER], refused="214B", refusal_date="14.05.2025")
    assert report.notices == []
    assert report.refusal is not None
    refusal = report.refusal
    assert (refusal.type, refusal.source, refusal.date) == ("214b", "letter", "2025-05-14")


def test_refusal_date_against_the_letters_date_gives_a_notice() -> None:
    report = ds160check.compare(OLD, NEW, [LETTER], refusal_date="2025-06-02")
    assert [n.code for n in report.notices] == ["REFUSAL_SOURCES_DISAGREE"]
    assert "--refusal-date 2025-06-02 disagrees with refusal-letter.pdf, which says dated 2025-05-14" in \
        report.notices[0].message
    assert report.refusal is not None and report.refusal.date == "2025-06-02"


# --- the output file -----------------------------------------------------------------------------


def test_output_through_a_symbolic_link_is_refused_and_its_target_kept(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    result = run_cli("compare", OLD, NEW, "-o", link)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {link}: is a symbolic link; not writing through it "
                             "(remove it or give another name)\n")
    assert target.read_text(encoding="utf-8") == "keep me"


# --- terminal escapes in file names --------------------------------------------------------------

ESCAPES = "\x1b]0;owned\x07\x1b[2J\u202e"


def test_terminal_escapes_in_a_file_name_are_shown_not_obeyed_in_errors(tmp_path: Path) -> None:
    result = run_cli("compare", OLD, NEW, tmp_path / f"letter{ESCAPES}.pdf")
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr and "\x07" not in result.stderr
    assert "letter\\x1b]0;owned\\x07\\x1b[2J\\u202e.pdf" in result.stderr


def test_terminal_escapes_in_a_file_name_are_shown_not_obeyed_in_the_text_report(tmp_path: Path) -> None:
    named = tmp_path / f"letter{ESCAPES}.pdf"
    shutil.copy(LETTER, named)
    result = run_cli("compare", OLD, NEW, named)
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "letter\\x1b]0;owned" in result.stdout


def test_order_reversed_by_print_dates_says_a_print_date_is_weak_evidence() -> None:
    report = ds160check.compare(NEW, OLD)  # both dated only by their browser print headers
    assert [n.code for n in report.notices] == ["ORDER_REVERSED"]
    message = report.notices[0].message
    assert message.startswith("OLD (new.pdf, printed 16 December 2025) is later than NEW "
                              "(old.pdf, printed 22 April 2025)")
    assert "a print date only says when the page was printed" in message
