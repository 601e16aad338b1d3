"""Safety limits: each stops a bad file with a line naming the file, the limit and the flag.

Time and memory are enforced by reading each document in a child process
(``ds160check.isolation``); these tests give that child the work a hostile file
would (a loop, an allocation without end, a crash) and check what the caller sees.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pickle
import re
import signal
import threading
import time
from pathlib import Path
from typing import Any, NoReturn

import pytest
from click.testing import CliRunner
from hostile_files import (
    billion_laughs_docx,
    blank_pages_pdf,
    external_entity_docx,
    pages_loop_pdf,
    reference_loop_pdf,
    zip_bomb_docx,
)

from ds160check import errors, isolation
from ds160check.cli import cli
from ds160check.documents import ingest, load_document
from ds160check.errors import CorruptDocumentError, InputError, LimitExceededError, RuleError
from ds160check.extraction import extract
from ds160check.isolation import run_limited
from ds160check.limits import DEFAULT_LIMITS, Limits, current_limits, page_read_by_ocr, use_limits
from ds160check.reading import read_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRINT = FIXTURES / "print" / "kz-akhmetova-inline.pdf"
MB = 1024 * 1024


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def one_line(err: str, path: Path) -> str:
    assert err.startswith(f"Error: {path}: ") and err.count("\n") == 1, err
    return err


# --- size and pages ---------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "statement.pdf"
    with big.open("wb") as handle:
        handle.truncate(51 * MB)  # sparse: all zeros, not even a PDF signature
    code, _, err = run("extract", big)
    assert code == 2
    assert one_line(err, big) == (
        f"Error: {big}: the file is 51.0 MB, more than the limit of 50 MB; raise it with --max-size\n"
    )
    # Raised, the file is read, and its real problem is told.
    code, _, err = run("extract", big, "--max-size", "60")
    assert code == 2 and "not a PDF" in err


def test_pages_over_the_limit_are_refused_naming_the_flag(tmp_path: Path) -> None:
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(blank_pages_pdf(2000))
    code, _, err = run("extract", pdf)
    assert code == 2
    reason = "the PDF has 2000 pages, more than the limit of 200; raise it with --max-pages"
    assert reason in one_line(err, pdf)
    started = time.monotonic()
    code, _, err = run("extract", pdf, "--max-pages", "2000")
    assert code == 2 and "no text layer" in one_line(err, pdf)
    assert time.monotonic() - started < 10


def test_page_limit_applies_to_supporting_documents_too(tmp_path: Path) -> None:
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(blank_pages_pdf(30))
    with use_limits(Limits(max_pages=10)), pytest.raises(LimitExceededError, match="limit of 10"):
        load_document(pdf)


def test_limits_hold_inside_the_with_block_only() -> None:
    with use_limits(Limits(max_pages=5)):
        assert current_limits().max_pages == 5
    assert current_limits() == DEFAULT_LIMITS


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_size_mb", 0), ("max_pages", 0), ("max_unpacked_mb", -1), ("timeout_s", -1), ("max_memory_mb", -5)],
)
def test_a_limit_that_makes_no_sense_is_refused_naming_it(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        Limits(**{field: value})


def test_cli_refuses_a_nonsense_limit_as_a_usage_error() -> None:
    code, _, err = run("extract", PRINT, "--max-pages", "0")
    assert code == 2 and "--max-pages" in err


# --- DOCX: zip bombs and XML entities --------------------------------------------------


def test_zip_bomb_docx_names_the_limit_and_the_flag(tmp_path: Path) -> None:
    docx = tmp_path / "bomb.docx"
    docx.write_bytes(zip_bomb_docx(60))
    with pytest.raises(LimitExceededError) as caught:
        load_document(docx)
    assert re.fullmatch(
        r"the DOCX's XML unpacks to 6\d MB, more than the limit of 50 MB \(a zip bomb\?\); "
        r"raise it with --max-unpacked",
        caught.value.reason,
    )
    with use_limits(Limits(max_unpacked_mb=400)), pytest.raises(CorruptDocumentError):
        load_document(docx)  # raised: the XML is parsed, and libxml2 refuses a 60 MB text node


def test_billion_laughs_docx_is_refused_without_expanding(tmp_path: Path) -> None:
    docx = tmp_path / "laughs.docx"
    docx.write_bytes(billion_laughs_docx())
    started = time.monotonic()
    with pytest.raises(CorruptDocumentError) as caught:
        load_document(docx)
    assert caught.value.reason.startswith("word/document.xml declares a DTD (<!DOCTYPE>)")
    assert time.monotonic() - started < 5


def test_docx_entities_are_never_expanded_even_past_the_dtd_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second line of defence: python-docx's parser neither expands nor fetches entities."""
    monkeypatch.setattr(ingest, "_refuse_dtds", lambda _file, _archive: None)
    with use_limits(Limits(timeout_s=0, max_memory_mb=0)):  # in this process, for the monkeypatch
        laughs, external = tmp_path / "laughs.docx", tmp_path / "external.docx"
        laughs.write_bytes(billion_laughs_docx())
        external.write_bytes(external_entity_docx())
        with pytest.raises(CorruptDocumentError, match="amplification"):
            load_document(laughs)  # libxml2 refuses to amplify
        text = load_document(external).full_text
    assert "root:" not in text  # /etc/passwd was not read into the document


# --- time, memory, crashes: the reading child -------------------------------------------


def test_a_reader_that_loops_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(reference_loop_pdf())  # pdfminer follows "6 0 R" -> "6 0 R" forever
    started = time.monotonic()
    code, _, err = run("extract", pdf, "--backend", "plumber", "--timeout", "1")
    assert code == 2
    assert one_line(err, pdf) == (
        f"Error: {pdf}: reading the file took longer than the time limit of 1 s; raise it with --timeout\n"
    )
    assert time.monotonic() - started < 10


def _pages_read_by_ocr(pages: int, seconds: float) -> int:
    for _ in range(pages):
        page_read_by_ocr()
        time.sleep(seconds)
    return pages


def _a_page_that_hangs() -> None:
    page_read_by_ocr()
    time.sleep(30)


@pytest.mark.parametrize("where", ["forked child", "spawned child", "in place"])
def test_each_page_read_by_ocr_gets_the_time_limit_again_and_a_page_that_hangs_is_stopped(
        where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A six-page scan took 34 s on a busy machine and was cut off at the 30 s meant for
    pathological files; a scanned print-out of 20 pages at 2 s a page is none."""
    if where == "in place":  # a batch worker reads its documents in place
        monkeypatch.setattr(isolation, "_boundary", True)
    run = run_limited
    if where == "spawned child":  # from a thread, so a fresh interpreter reads
        def run(*args: Any) -> Any:
            out: list[Any] = []

            def read() -> None:  # a thread starts with the default limits: these set again
                try:
                    with use_limits(Limits(timeout_s=limit)):
                        out.append(run_limited(*args))
                except BaseException as exc:  # noqa: BLE001 - handed back to the test
                    out.append(exc)

            thread = threading.Thread(target=read)
            thread.start()
            thread.join(timeout=60)
            if isinstance(out[0], BaseException):
                raise out[0]
            return out[0]
    # A fresh interpreter spends its first second or two (more on a busy machine) importing
    # before its first page: its limit and pages are longer, in the same proportion.
    limit, page = (6.0, 3.5) if where == "spawned child" else (1.0, 0.6)
    with use_limits(Limits(timeout_s=limit)):
        assert run("scan.pdf", _pages_read_by_ocr, 4, page) == 4  # 4 pages, none over the limit
        started = time.monotonic()
        with pytest.raises(LimitExceededError) as caught:
            run("scan.pdf", _a_page_that_hangs)
    assert time.monotonic() - started < 25
    if where != "in place":
        assert caught.value.reason == (
            f"reading the file took longer than the time limit of {limit:g} s and as much again "
            "for each page read by OCR (1 page); raise it with --timeout")


def _allocate_forever() -> NoReturn:
    hoard = []
    while True:
        hoard.append(bytearray(50 * MB))


def test_a_reader_that_allocates_without_end_is_stopped_at_the_memory_limit() -> None:
    with use_limits(Limits(max_memory_mb=200)), pytest.raises(LimitExceededError) as caught:
        run_limited("hungry.pdf", _allocate_forever)
    assert caught.value.reason == (
        "reading the file needs more memory than the limit of 200 MB; raise it with --max-memory"
    )


def _crash() -> None:
    faulthandler.disable()  # pytest's, or the child would print its own traceback of the crash
    os.kill(os.getpid(), signal.SIGSEGV)


def test_a_reader_that_crashes_is_one_clean_error() -> None:
    with pytest.raises(InputError) as caught:
        run_limited("evil.pdf", _crash)
    assert str(caught.value).startswith("evil.pdf: the reader crashed on this file (SIGSEGV)")


def _bug() -> None:
    raise KeyError("a bug in a reader")


def test_a_bug_in_the_reader_keeps_its_type_and_the_child_traceback() -> None:
    with pytest.raises(KeyError) as caught:
        run_limited("any.pdf", _bug)
    notes = "".join(getattr(caught.value, "__notes__", []))
    assert "Raised while reading any.pdf in a child process" in notes and "_bug" in notes


class _ErrorWithALog(CorruptDocumentError):
    """As a damaged DOCX's error once was on CI: something it carried (an lxml error log) did not
    pickle, and the user got a traceback "TypeError while sending the result back"."""

    def __reduce__(self) -> Any:
        return type(self), (self.path, self.reason), {"log": threading.Lock()}


def _damaged_with_a_log() -> None:
    raise _ErrorWithALog("bomb.docx", "the DOCX is damaged or truncated (Buffer size limit exceeded)")


def test_an_input_error_that_does_not_pickle_still_reaches_the_user_as_its_one_line() -> None:
    with use_limits(Limits(timeout_s=10)), pytest.raises(InputError) as caught:
        run_limited("bomb.docx", _damaged_with_a_log)
    assert str(caught.value) == "bomb.docx: the DOCX is damaged or truncated (Buffer size limit exceeded)"


def test_pages_loop_reads_as_a_damaged_pdf_with_both_backends(tmp_path: Path) -> None:
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(pages_loop_pdf())
    for backend in ("pdfium", "plumber"):
        with pytest.raises(errors.CorruptPdfError):
            read_pdf(pdf, backend=backend)


def test_isolated_extraction_gives_what_in_process_extraction_gives() -> None:
    isolated = extract(PRINT)
    with use_limits(Limits(timeout_s=0, max_memory_mb=0)):
        in_process = extract(PRINT)
    assert isolated.to_dict() == in_process.to_dict()


def test_reading_from_a_worker_thread_uses_a_fresh_interpreter() -> None:
    """With other threads running a fork could copy a held lock: a forkserver child is used."""
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(extract(PRINT).to_dict()))
    worker.start()
    worker.join(timeout=60)
    assert results == [extract(PRINT).to_dict()]


@pytest.mark.parametrize(
    "error",
    [
        LimitExceededError("a.pdf", "over"),
        errors.NotDs160Error("b.pdf", "not one"),
        errors.EncryptedPdfError("c.pdf", "locked"),
        RuleError("rules.yaml", 3, "bad"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_cross_the_process_boundary_intact(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and vars(copy) == vars(error)


def _frozen_in_child() -> int:
    return gc.get_freeze_count()


def _forking() -> bool:
    from ds160check import isolation

    return isolation._single_threaded() and hasattr(os, "fork")


@pytest.mark.skipif(not _forking(), reason="children are spawned here, not forked")
def test_a_forked_reader_leaves_what_it_inherits_out_of_its_collections_and_the_parent_unfrozen() -> None:
    # A batch test run earlier in this process (warm_up, an inline pool) may have frozen it: the
    # case here is a parent that did not, as a command's is.
    frozen_before = gc.get_freeze_count()
    gc.unfreeze()
    try:
        # What the child inherits (this module, the library, pytest) is frozen: its gc walks none of it.
        assert run_limited("any.pdf", _frozen_in_child) > len(gc.get_objects()) // 2
        assert gc.get_freeze_count() == 0  # the parent collects as before
    finally:
        if frozen_before:
            gc.freeze()


@pytest.mark.skipif(not _forking(), reason="children are spawned here, not forked")
def test_a_parent_that_froze_its_own_objects_keeps_exactly_those_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        made_since = [[] for _ in range(100)]  # tracked objects a read must not freeze for good
        run_limited("any.pdf", _frozen_in_child)
        assert gc.get_freeze_count() == frozen  # neither unfrozen nor grown by the read
        assert len(made_since) == 100
    finally:
        gc.unfreeze()
