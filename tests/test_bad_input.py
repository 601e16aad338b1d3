"""Bad input never gives a traceback: one line ``Error: FILE: reason`` and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from ds160check.cli import cli

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-pdf"
CORPUS_TIMEOUT_S = 10


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not-a-pdf.pdf", "not a PDF"),
        ("docx-renamed.pdf", "not a PDF"),
        ("empty.pdf", "empty"),
        ("truncated.pdf", ""),
        ("encrypted.pdf", "the PDF is encrypted; pass --password"),
        (
            "not-ds160.pdf",
            "not a DS-160 print-out or confirmation page; it looks like a bank statement",
        ),
    ],
)
def test_bad_file_gives_one_line_error_and_exit_2(name: str, reason: str) -> None:
    path = BAD / name
    code, out, err = run("extract", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"Error: {path}: ")
    assert reason in err
    assert err.count("\n") == 1


def test_encrypted_pdf_opens_with_its_password() -> None:
    code, out, _ = run(
        "extract", str(BAD / "encrypted.pdf"), "--password", "secret", "--format", "json"
    )
    assert code == 0
    assert '"personal.surnames": "DELA CRUZ"' in out


def test_encrypted_pdf_with_wrong_password_says_so() -> None:
    path = BAD / "encrypted.pdf"
    code, _, err = run("extract", str(path), "--password", "wrong")
    assert code == 2
    assert err == f"Error: {path}: the password does not open this PDF\n"


def test_partial_print_reads_with_warnings_naming_missing_sections() -> None:
    code, out, _ = run("extract", str(BAD / "partial-print.pdf"))
    assert code == 0
    assert "section not found (a partial print?): Family Information" in out
    assert "section not found (a partial print?): Security and Background" in out
    assert "Personal, Address" not in out.split("Warnings", 1)[1]


def _extract_in_child(pdf: Path) -> tuple[Path, int | None, str]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ds160check", "extract", str(pdf), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=CORPUS_TIMEOUT_S,
            # the text layer's reading is timed here; OCR of the corpus's scans: test_hostile.py
            env={**os.environ, "NO_COLOR": "1", "DS160CHECK_OCR": "off"},
        )
    except subprocess.TimeoutExpired:
        return pdf, None, "timed out"
    return pdf, done.returncode, done.stderr


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the repository")
def test_every_real_world_pdf_gives_a_result_or_a_clean_error_within_10s() -> None:
    pdfs = sorted(CORPUS.glob("*.pdf"))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(_extract_in_child, pdfs))
    problems = []
    for pdf, code, err in results:
        if code is None:
            problems.append(f"{pdf.name}: hung for more than {CORPUS_TIMEOUT_S} s")
        elif code not in (0, 2) or "Traceback" in err:
            problems.append(f"{pdf.name}: exit {code}: {err[-300:]}")
        elif code == 2 and (not err.startswith(f"Error: {pdf}: ") or err.count("\n") != 1):
            problems.append(f"{pdf.name}: error is not one line naming the file: {err!r}")
    assert not problems, "\n".join(problems)
    assert len(results) == len(pdfs) > 40
