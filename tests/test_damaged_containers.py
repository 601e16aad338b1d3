"""A DOCX whose ZIP directory lies is refused with one reason naming what is wrong, wherever it is read.

The damaged files are the hostile suite's (``hostile_files.damaged_docx_makers``):
a member with compression method 99 or the encrypted flag, version 25.5
needed to unpack, a central directory offset or size far beyond the file, a
member's local header offset huge or inside another member, a member whose
declared packed or unpacked size lies. Read as a supporting document (API,
command line, batch) such a file is an unreadable document with a
DOCUMENT_UNREADABLE notice and the check goes on; given as an application it
is the command line's one line ``Error: FILE: reason`` and exit 2.
"""

from __future__ import annotations

import io
import json
import pickle
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hostile_files import DAMAGED_MEMBERS, FIXTURES, damaged_docx_makers

from ds160check.batch import model as batch_model
from ds160check.batch.case import check_case
from ds160check.cli import cli
from ds160check.comparison.case import compare
from ds160check.comparison.model import DOCUMENT_UNREADABLE
from ds160check.container import DamagedZipError, open_zip
from ds160check.documents.ingest import load_document
from ds160check.errors import CorruptDocumentError, NotAPdfError
from ds160check.reading.sniff import check_pdf_file

OLD = FIXTURES / "sample" / "old.pdf"
NEW = FIXTURES / "sample" / "new.pdf"
MAKERS = damaged_docx_makers()

# What the reason says for each damage (the member makers also name their member).
EXPECTED_REASON = {
    "zip-directory-offset-huge": "before the start of the file",
    "zip-directory-size-huge": "its ZIP directory cannot be read",
    "zip-directory-offset-past-members": "before the start of the file",
    "method-99": "compression method 99 (AES encryption), which Word never writes",
    "encrypted-flag": "is encrypted (a password-protected ZIP)",
    "version-255": "it needs ZIP version 25.5 to unpack",
    "offset-huge": "past the end of the file",
    "offset-inside-other-member": "no local header at byte 100",
    "packed-size-lies": "disagree on its packed size",
    "unpacked-size-lies": "disagree on its unpacked size",
}


def expected_reason(name: str) -> str:
    key = max((key for key in EXPECTED_REASON if name.endswith(key)), key=len)  # unpacked- before packed-
    return EXPECTED_REASON[key]


def member_of(name: str) -> str | None:
    """The member a maker damaged, by its name (``zip-word-document-…`` for word/document.xml)."""
    slugs = {f"zip-{m.replace('/', '-').removesuffix('.xml')}-": m for m in DAMAGED_MEMBERS}
    return next((member for slug, member in slugs.items() if name.startswith(slug)), None)


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("damaged")
    paths = {}
    for name, make in MAKERS.items():
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(make())
    return paths


def test_every_damage_the_makers_know_has_an_expected_reason() -> None:
    assert all(expected_reason(name) for name in MAKERS)
    assert len(MAKERS) == 3 + 7 * len(DAMAGED_MEMBERS)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_damaged_docx_is_a_corrupt_document_naming_the_damage(name: str, damaged: dict[str, Path]) -> None:
    path = damaged[name]
    with pytest.raises(CorruptDocumentError) as caught:
        load_document(path)
    error = caught.value
    assert str(error) == f"{path}: {error.reason}"
    assert "\n" not in str(error)
    assert error.reason.startswith("the DOCX is damaged")
    assert expected_reason(name) in error.reason
    member = member_of(name)
    if member is not None:
        assert f"member {member}" in error.reason


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_every_reader_gets_the_same_reason_from_the_one_opener(name: str, damaged: dict[str, Path]) -> None:
    path = damaged[name]
    with pytest.raises(DamagedZipError) as opened:
        open_zip(path)
    with pytest.raises(CorruptDocumentError) as loaded:
        load_document(path)
    assert loaded.value.reason == opened.value.reason
    # It crosses from the reading child process intact.
    again = pickle.loads(pickle.dumps(opened.value))
    assert (type(again), again.path, again.reason, again.detail) == (
        DamagedZipError, opened.value.path, opened.value.reason, opened.value.detail)


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes data descriptors, as streaming writers do."""

    def __init__(self) -> None:
        self.written = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.written += data
        return len(data)


def _rewritten(base: Path, *, streamed: bool = False, zip64: bool = False, stored: bool = False) -> bytes:
    target: Any = _Unseekable() if streamed else io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", method) as out:
        for info in source.infolist():
            with out.open(info.filename, "w", force_zip64=zip64) as member:
                member.write(source.read(info))
    return bytes(target.written) if streamed else target.getvalue()


@pytest.mark.parametrize("how", ["as saved", "streamed (data descriptors)", "ZIP64", "stored"])
def test_a_sound_docx_opens_and_reads(how: str, tmp_path: Path) -> None:
    base = FIXTURES / "documents" / "parts" / "all_parts.docx"
    path = tmp_path / "letter.docx"
    options = {"as saved": {}, "streamed (data descriptors)": {"streamed": True}, "ZIP64": {"zip64": True},
               "stored": {"stored": True}}[how]
    path.write_bytes(_rewritten(base, **options) if options else base.read_bytes())
    with open_zip(path) as archive:
        assert "word/document.xml" in archive.namelist()
    assert load_document(path).spans == load_document(base).spans


def test_damaged_docx_given_as_an_application_is_named_as_a_word_file(damaged: dict[str, Path]) -> None:
    path = damaged["zip-word-document-method-99"]
    with pytest.raises(NotAPdfError, match=r"not a PDF: this is a DOCX \(Word\) file$"):
        check_pdf_file(path)


def test_docx_whose_directory_cannot_be_read_given_as_an_application_says_why(
    damaged: dict[str, Path],
) -> None:
    path = damaged["zip-word-document-version-255"]
    with pytest.raises(NotAPdfError, match=r"not a PDF: this is a damaged ZIP archive \(.*ZIP version 25.5"):
        check_pdf_file(path)


# --- the check goes on ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["zip-directory-offset-huge", "zip-word-document-version-255",
                                  "zip-docProps-app-method-99", "zip-docProps-app-encrypted-flag"])
def test_api_compare_lists_a_damaged_supporting_document_as_unreadable(
    name: str, damaged: dict[str, Path]
) -> None:
    path = damaged[name]
    report = compare(OLD, NEW, [path])
    entry = next(d for d in report.documents if d.path == str(path))
    assert entry.kind == "unreadable"
    assert len(entry.warnings) == 1
    assert entry.warnings[0].startswith("the DOCX is damaged") and expected_reason(name) in entry.warnings[0]
    notices = [n for n in report.notices if n.code == DOCUMENT_UNREADABLE]
    assert [n.files for n in notices] == [(str(path),)]


def test_cli_compare_with_a_damaged_supporting_document_checks_the_case(damaged: dict[str, Path]) -> None:
    path = damaged["zip-directory-offset-past-members"]
    result = CliRunner().invoke(cli, ["compare", str(OLD), str(NEW), str(path), "--format", "json",
                                      "--fail-on", "none"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    entry = next(d for d in json.loads(result.stdout)["documents"] if d["path"] == str(path))
    assert entry["kind"] == "unreadable"
    assert "before the start of the file" in entry["warnings"][0]


@pytest.mark.parametrize("name", ["zip-word-document-version-255", "zip-directory-offset-huge"])
def test_cli_compare_with_a_damaged_docx_as_the_old_application_is_one_line_and_exit_2(
    name: str, damaged: dict[str, Path]
) -> None:
    path = damaged[name]
    result = CliRunner().invoke(cli, ["compare", str(path), str(NEW)], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}: not a PDF or an image: ")
    assert result.stderr.count("\n") == 1
    assert "unexpected" not in result.stderr


def test_batch_case_with_a_damaged_docx_is_checked_and_lists_it_as_unreadable(
    damaged: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    shutil.copy(OLD, folder / "old.pdf")
    shutil.copy(NEW, folder / "new.pdf")
    shutil.copy(damaged["zip-directory-offset-huge"], folder / "letter.docx")
    result = check_case(folder)
    assert result.status == batch_model.CHECKED, result.errors
    assert result.errors == []
    taken = {entry.name: entry for entry in result.files}
    assert taken["letter.docx"].taken_as == batch_model.UNREADABLE
    assert "before the start of the file" in taken["letter.docx"].detail
    assert taken["new.pdf"].taken_as != batch_model.UNREADABLE
    assert [n.code for c in result.comparisons for n in c.report.notices].count(DOCUMENT_UNREADABLE) == 1
