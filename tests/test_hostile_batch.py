"""Hostile batches: files replaced mid-run, files too big to hash, personal data left in the cache,
documents that would exhaust a worker. Every attack is generated here from the sample case.

- A file replaced between the cache lookup and the worker's read must not give the report of one
  content under the key of another (the key is made of what the worker read).
- ``--max-size`` holds before any byte is read, hashing included (a sparse 8 GB file is never read).
- A ``--redact`` run leaves nothing unredacted behind, in the cache or in old reports.
- Batch takes the document limits of ``compare`` and applies them per document, in the worker.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_files import bloated_docx

from ds160check.batch import BatchOptions, run_batch
from ds160check.batch.case import check_case
from ds160check.batch.runner import Batch
from ds160check.documents.ingest import MAX_KEPT_SPANS
from ds160check.limits import Limits

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
EMPLOYMENT_DOCX = ROOT / "fixtures" / "documents" / "refusal" / "not_refusal_employment_letter.docx"
MB = 1024 * 1024
# What the sample's applicant is identified by in an unredacted report (its passport number).
PASSPORT_NUMBER = re.compile(r"N1\d{7}")


def client(root: Path, name: str = "client", *extra: Path) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for source in (SAMPLE / "old.pdf", SAMPLE / "new.pdf", *extra):
        shutil.copy(source, folder / source.name)
    return folder


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ds160check", *map(str, args)], capture_output=True,
                          text=True, timeout=600, check=False, env={**os.environ, "NO_COLOR": "1"})


def bytes_read() -> int:
    """What this process has read so far, page cache included (Linux ``/proc/self/io``)."""
    return int(re.search(r"^rchar: (\d+)", Path("/proc/self/io").read_text(), re.M).group(1))  # type: ignore[union-attr]


# --- 7: a file replaced during a run -----------------------------------------------------------


def test_a_file_replaced_after_the_lookup_is_cached_under_what_the_worker_read(tmp_path: Path) -> None:
    root, out = tmp_path / "clients", tmp_path / "out"
    folder = client(root)
    letter, employment, payslip = SAMPLE / "refusal-letter.pdf", EMPLOYMENT_DOCX, folder / "payslip.pdf"

    def put(source: Path) -> None:
        payslip.unlink(missing_ok=True)
        shutil.copy(source, payslip)

    put(letter)
    options = BatchOptions(jobs=1, progress=False)
    batch = Batch(root, out, options, None)
    pending = batch._serve_cached()  # the main process has hashed the folder with the letter
    put(employment)  # replaced before the worker reads it
    batch._compute(pending)
    first = batch.rows[batch.folders[0].rel]
    assert first["undisclosed_refusal"] == "no"  # the worker read the employment letter
    put(letter)  # the content the main process had hashed: the entry stored is not for it
    again = run_batch(root, out, options)
    assert again.from_cache == 0, "a report of other content was served from the cache"
    assert again.rows[0]["undisclosed_refusal"] == "yes"
    put(employment)  # what the worker did read is served from the cache
    third = run_batch(root, out, options)
    assert third.from_cache == 1 and third.rows[0]["verdict"] == first["verdict"]


# --- 8: --max-size before hashing --------------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts bytes read through /proc")
def test_a_file_over_the_size_limit_is_never_read_not_even_to_hash_it(tmp_path: Path) -> None:
    root = tmp_path / "clients"
    folder = client(root)
    huge = folder / "bank-statement.pdf"
    with huge.open("wb") as sparse:
        sparse.truncate(8 * 1024 * MB)  # 8 GB of holes: nothing on disk, eight gigabytes to read
    (folder / "video.mp4").write_bytes(b"")
    os.truncate(folder / "video.mp4", 8 * 1024 * MB)
    start = bytes_read()
    case = check_case(folder)  # classify, compare, list and hash the files, in this process
    listed = {entry.name: entry for entry in case.files}
    assert listed["bank-statement.pdf"].taken_as == "unreadable"
    assert listed["bank-statement.pdf"].detail == \
        "the file is 8192 MB, more than the limit of 50 MB; raise it with --max-size"
    assert listed["bank-statement.pdf"].sha256 is None and listed["video.mp4"].sha256 is None
    from ds160check.batch.cache import case_key

    key = case_key("client", sorted(folder.iterdir()), (), Limits())
    assert bytes_read() - start < 20 * MB, "a file over --max-size was read"
    assert key != case_key("client", sorted(folder.iterdir()), (), Limits(max_size_mb=100)), \
        "the limits are part of the key"


def test_batch_refuses_a_file_over_its_max_size_flag_and_checks_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "clients"
    folder = client(root, "client", SAMPLE / "refusal-letter.pdf")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n" + b"0" * (2 * MB))
    result = run_cli("batch", root, "-o", tmp_path / "out", "--jobs", "1", "--max-size", "1",
                     "--format", "json", "--fail-on", "none")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "cases" / "client" / "report.json").read_text())
    scan = next(f for f in report["files"] if f["name"] == "scan.pdf")
    assert scan["taken_as"] == "unreadable"
    assert scan["detail"] == "the file is 2.0 MB, more than the limit of 1 MB; raise it with --max-size"
    assert report["comparisons"][0]["report"]["refusal"]["type"] == "214b"  # the letter still read


# --- 9: --redact leaves nothing unredacted behind ---------------------------------------------


def _texts(folder: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file()}


def test_a_redacted_run_into_the_same_output_leaves_no_unredacted_report_or_cache_entry(
        tmp_path: Path) -> None:
    root, out = tmp_path / "clients", tmp_path / "out"
    client(root, "stays")
    client(root, "leaves")
    run_batch(root, out, BatchOptions(jobs=1, progress=False, formats=("json", "html", "md", "text")))
    assert any(PASSPORT_NUMBER.search(text) for text in _texts(out).values()), "the probe finds nothing"
    shutil.rmtree(root / "leaves")  # its old plain reports must not outlive the redacted run
    run_batch(root, out, BatchOptions(jobs=1, progress=False, redact=True))
    leaked = {p.relative_to(out).as_posix() for p, text in _texts(out).items()
              if PASSPORT_NUMBER.search(text)}
    assert not leaked
    entries = list((out / ".ds160check-cache").glob("??/*.json"))
    assert entries and all(json.loads(p.read_text())["redacted"] is True for p in entries)
    assert not (out / "cases" / "leaves" / "report.json").exists()


# --- 13: the document limits, per document, in the worker -------------------------------------


@pytest.fixture(scope="module")
def bloated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case with three Word files of 12 MB XML each: ~250 MB and ~1.5 s to read, each."""
    root = tmp_path_factory.mktemp("bloated") / "clients"
    folder = client(root)
    for number in range(3):
        bloated_docx(folder / f"statement-{number}.docx", 12)
    return root


def _files(out: Path) -> dict[str, dict[str, Any]]:
    report = json.loads((out / "cases" / "client" / "report.json").read_text())
    return {f["name"]: f for f in report["files"]}


def test_batch_memory_limit_holds_per_document_and_the_case_goes_on(bloated: Path, tmp_path: Path) -> None:
    result = run_cli("batch", bloated, "-o", tmp_path / "out", "--jobs", "1", "--max-memory", "60",
                     "--format", "json", "--fail-on", "none", "--no-cache")
    assert result.returncode == 0, result.stderr
    files = _files(tmp_path / "out")
    for number in range(3):
        entry = files[f"statement-{number}.docx"]
        assert entry["taken_as"] == "unreadable", entry
        assert entry["detail"] == ("reading the file needs more memory than the limit of 60 MB; "
                                   "raise it with --max-memory")
    assert files["new.pdf"]["taken_as"] == "new application"  # read within the same limit


def test_batch_time_limit_holds_per_document(bloated: Path, tmp_path: Path) -> None:
    result = run_cli("batch", bloated, "-o", tmp_path / "out", "--jobs", "1", "--timeout", "0.2",
                     "--format", "json", "--fail-on", "none", "--no-cache")
    assert result.returncode == 0, result.stderr
    entry = _files(tmp_path / "out")["statement-0.docx"]
    assert (entry["taken_as"], entry["detail"]) == (
        "unreadable", "reading the file took longer than the time limit of 0.2 s; raise it with --timeout")


_IN_A_WORKER = r"""
import json, re, sys
from pathlib import Path
from ds160check.isolation import isolated_already
from ds160check.documents.ingest import load_document

def resident():
    return int(re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) // 1024

isolated_already()  # read in place, as a batch worker does
before = resident()
document = load_document(sys.argv[1])
print(json.dumps({"grew_mb": resident() - before, "spans": len(document.spans),
                  "truncated": document.truncated}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmRSS from /proc")
def test_a_worker_gives_back_what_a_document_took_and_keeps_only_its_first_pages(tmp_path: Path) -> None:
    """A worker reads a case's documents one after another and keeps each until the case is
    checked: a DOCX of 250,000 one-letter paragraphs (~400 MB to parse) must leave it no bigger
    than a few MB (freed heap returned, the first 50,000 spans kept, not every one)."""
    docx = bloated_docx(tmp_path / "statement.docx", 24)
    run = subprocess.run([sys.executable, "-c", _IN_A_WORKER, str(docx)], capture_output=True, text=True,
                         timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    read = json.loads(run.stdout)
    assert read["truncated"] is True and read["spans"] == MAX_KEPT_SPANS
    assert read["grew_mb"] < 60, read
