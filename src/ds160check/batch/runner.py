"""``run_batch``: every client folder under a root, checked in parallel, reports written.

The main process finds the case folders, hashes their files and serves the
unchanged ones from the cache; the rest go to a pool of worker processes
(rules loaded once per worker), each returning the rendered reports and the
summary row of one case. The main process writes each case's reports as soon
as it is done, so an interrupted batch keeps them; the summary and index are
written at the end, also after Ctrl-C (unfinished cases marked "interrupted").

A worker that dies (a PDF that crashes the reader) breaks the pool: the cases
it had are retried one by one in a fresh worker, and a case that crashes again
is reported as an error. Nothing stops the batch.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ds160check import __version__
from ds160check.batch import guard
from ds160check.batch import model as m
from ds160check.batch.cache import CACHE_DIR_NAME, Cache, case_key, mtimes, signatures
from ds160check.batch.classify import name_in
from ds160check.batch.discover import CaseFolder, PassedOver, discover
from ds160check.batch.progress import Progress
from ds160check.batch.store import private_dir, write_private
from ds160check.comparison.codes import SEVERITIES, at_or_above, severity_rank
from ds160check.errors import InputError
from ds160check.files import is_folder
from ds160check.limits import DEFAULT_LIMITS, Limits, use_limits

BATCH_SCHEMA = "ds160check.batch/1"
FORMAT_FILES = {"json": "report.json", "html": "report.html", "md": "report.md", "text": "report.txt"}
DEFAULT_FORMATS = ("json", "html")
CASES_DIR = "cases"
OCR_CACHE_DIR = "ocr"
# Orders that do not depend on the files' modification times (the cache keys on content only).
CONTENT_ORDERS = ("case.toml", "submission date", "print date", "date")
CRASHED = ("the checker stopped while reading this folder (a damaged file, or more CPU time than "
           "its documents' time limits allow); it was retried once, alone")
CHANGED_WHILE_READ = "A file changed while this case was checked (the report may mix its old and new content)"
OUT_OF_MEMORY = "reading this folder needed more memory than a worker may use (see --max-memory)"
# After a worker died, cases the broken pool had are retried in a fresh pool when there are more
# than this many per worker, then each remaining one alone.
RETRY_ALONE_PER_JOB = 2
# A text cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class BatchOptions:
    jobs: int | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    passwords: tuple[str, ...] = ()
    cache: bool = True
    cache_dir: Path | None = None
    progress: bool | None = None  # None: only when standard error is a terminal
    redact: bool = False
    # Per document, as for compare (--max-size, --max-pages, --timeout, --max-memory, --max-unpacked).
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class CaseDone:
    """Told to ``on_case`` after each case is written."""

    folder: str
    row: dict[str, Any]
    cached: bool


@dataclass
class BatchResult:
    output: Path
    rows: list[dict[str, Any]] = field(default_factory=list)
    computed: int = 0
    from_cache: int = 0
    interrupted: bool = False

    def worst(self) -> str | None:
        present = [s for row in self.rows for s in SEVERITIES if row.get(s)]
        return min(present, key=severity_rank) if present else None

    def unchecked(self) -> list[dict[str, Any]]:
        return [row for row in self.rows if row["status"] != m.CHECKED]

    def fails(self, fail_on: str) -> bool:
        """True when a finding is at or above ``fail_on``, or a case could not be checked."""
        if fail_on == "none":
            return False
        worst = self.worst()
        return bool(self.unchecked()) or (worst is not None and at_or_above(worst, fail_on))


@dataclass(frozen=True)
class Task:
    folder: Path
    display: str
    files: tuple[Path, ...]
    passwords: tuple[str, ...]
    formats: tuple[str, ...]
    redact: bool = False
    passed_over: tuple[PassedOver, ...] = ()
    link_base: str | None = None
    limits: Limits = DEFAULT_LIMITS
    # What the reports depend on besides the files (Batch._label): part of the cache key; None
    # when there is no cache.
    label: str | None = None


@dataclass
class Outcome:
    row: dict[str, Any]
    outputs: dict[str, str]
    mtimes: dict[str, float] | None
    cacheable: bool
    # The cache key of what the worker read (None: not to be cached).
    key: str | None = None


# --- in the worker ------------------------------------------------------------------------------


def init_worker(limits: Limits = DEFAULT_LIMITS, ocr_cache: str | None = None) -> None:
    """Once per worker: Ctrl-C is the main process's business; load the rules (and the
    supporting-document pipeline, when installed), then cap the worker's memory. ``ocr_cache``:
    where OCR results are kept by content hash (a scan tried as a DS-160 and then read as a
    document, or unchanged since the last run, is read once)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
    from ds160check.reading import ocr

    ocr.use_cache(Path(ocr_cache) if ocr_cache else None)
    guard.limit_worker_memory(guard.worker_memory_mb(limits.max_memory_mb))
    # The worker is the isolation boundary (CPU and memory budgets; a dead worker's case is
    # retried alone and reported): a child process per document would halve the throughput.
    from ds160check.isolation import isolated_already

    isolated_already()


def warm_up() -> None:
    """Load what every case needs once: the rules, and spaCy for supporting documents. Done in the
    main process before the workers fork, they share it; otherwise each worker loads its own."""
    from ds160check.batch import case  # noqa: F401 - imports the whole pipeline
    from ds160check.rules import load_rules

    load_rules()
    try:
        from ds160check.evidence.analyse import Analyser
    except ImportError:
        return
    with contextlib.suppress(Exception):  # a broken optional stage shows in the cases, not here
        Analyser().pipeline  # noqa: B018 - builds the pipeline (imports spaCy)


def redacted(case: m.CaseResult) -> m.CaseResult:
    """The case with personal numbers, emails and dates of birth masked in every report and in the
    applications the HTML side-by-side table shows (``--redact``)."""
    from ds160check.redact import redact_extract, redact_report

    comparisons = [
        m.CaseComparison(redact_report(c.report, sources=[c.old, c.new]), redact_extract(c.old),
                         redact_extract(c.new))
        for c in case.comparisons
    ]
    return dataclasses.replace(case, comparisons=comparisons)


def render_outputs(case: m.CaseResult, formats: Sequence[str], redact: bool = False) -> dict[str, str]:
    from ds160check.render.case import render_case_html, render_case_markdown, render_case_text
    from ds160check.render.json import dumps

    renderers: dict[str, Callable[[m.CaseResult], str]] = {
        "json": lambda c: dumps(c.to_dict()), "html": render_case_html, "md": render_case_markdown,
        "text": render_case_text,
    }
    shown = redacted(case) if redact else case
    return {fmt: renderers[fmt](shown) for fmt in formats}


def run_task(task: Task) -> Outcome:
    """Check one folder and render its reports; never raises for what is in the folder.

    The cache key is made here, of the files as they are just before they are read: a file
    replaced after the main process looked the case up is keyed by what was read. A file that
    changes while the case is read is told in the report, which is then not cached."""
    from ds160check.batch.case import check_case

    budget = guard.case_cpu_seconds(len(task.files), task.limits.timeout_s)
    before = signatures(task.files)
    key = case_key(task.label, task.files, task.passwords, task.limits) if task.label is not None else None
    try:
        with use_limits(task.limits), guard.case_budget(budget):
            case = check_case(task.folder, passwords=task.passwords, files=task.files,
                              display=task.display, passed_over=task.passed_over, link_base=task.link_base)
    except MemoryError:
        case = m.CaseResult(task.display, m.FAILED, errors=[OUT_OF_MEMORY])
        outputs = render_outputs(case, task.formats, task.redact)
        return Outcome(case.summary_row(), outputs, None, cacheable=False)
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch; the case says it
        case = m.CaseResult(task.display, m.FAILED, errors=[f"internal error: {type(exc).__name__}: {exc}"])
        outputs = render_outputs(case, task.formats, task.redact)
        return Outcome(case.summary_row(), outputs, None, cacheable=False)
    after = signatures(task.files)
    changed = [path for path in task.files if after[path] != before[path]]
    if changed:
        case.notes.append(f"{CHANGED_WHILE_READ}: {', '.join(name_in(p, task.folder) for p in changed)}. "
                          "Run the batch again when the folder is complete.")
    by_mtime = case.order is not None and case.order.method not in CONTENT_ORDERS
    return Outcome(case.summary_row(), render_outputs(case, task.formats, task.redact),
                   mtimes(task.files) if by_mtime else None, cacheable=not changed,
                   key=None if changed else key)


# --- in the main process ------------------------------------------------------------------------


def default_jobs() -> int:
    return os.cpu_count() or 1


def case_dir(output: Path, rel: str) -> Path:
    return output / CASES_DIR if rel == "." else output / CASES_DIR / rel


def display_name(root: Path, folder: CaseFolder) -> str:
    return folder.rel if folder.rel != "." else (root.resolve().name or str(root))


class Batch:
    """One run: writes each case as it finishes, then the summary."""

    def __init__(self, root: Path, output: Path, options: BatchOptions,
                 on_case: Callable[[CaseDone], None] | None) -> None:
        self.root, self.output, self.options, self.on_case = root, output, options, on_case
        cache_dir = options.cache_dir or output / CACHE_DIR_NAME
        self.cache = Cache(cache_dir if options.cache else None)
        self.passed_over: list[str] = []
        self.folders = discover(root, skip=[output, cache_dir], passed_over=self.passed_over)
        self.rows: dict[str, dict[str, Any]] = {}
        self.written: set[Path] = set()
        # OCR results: kept with the cache across runs; for one run only when there is no cache or
        # the run is redacted (they hold the documents' text).
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if self.cache.folder is not None and not options.redact:
            self.ocr_cache = self.cache.folder / OCR_CACHE_DIR
        else:
            self._scratch = tempfile.TemporaryDirectory(prefix="ds160check-ocr-")
            self.ocr_cache = Path(self._scratch.name)
        self.result = BatchResult(output)
        self.progress = Progress(len(self.folders), enabled=options.progress)

    def run(self) -> BatchResult:
        private_dir(self.output)
        try:
            pending = self._serve_cached()
            self._compute(pending)
        except KeyboardInterrupt:
            self.result.interrupted = True
        finally:
            self.progress.close()
        self._write_summary()
        if self.options.redact:
            self._remove_unredacted()
        if self._scratch is not None:
            self._scratch.cleanup()
        return self.result

    def _remove_unredacted(self) -> None:
        """After a ``--redact`` run nothing unredacted stays behind: not in the cache, not in the
        reports of cases an earlier plain run wrote and this one did not."""
        self.cache.remove_unredacted()
        if self.cache.folder is not None:
            shutil.rmtree(self.cache.folder / OCR_CACHE_DIR, ignore_errors=True)
        reports = set(FORMAT_FILES.values())
        for path in (self.output / CASES_DIR).rglob("*"):
            if path.name in reports and path not in self.written and not path.is_symlink():
                with contextlib.suppress(OSError):
                    path.unlink()

    def _serve_cached(self) -> list[tuple[CaseFolder, Task]]:
        pending = []
        for folder in self.folders:
            if folder.error is not None:  # the folder could not be opened: nothing to read or cache
                case = m.CaseResult(display_name(self.root, folder), m.FAILED, errors=[folder.error])
                self._finish(folder, case.summary_row(), render_outputs(case, self.options.formats,
                                                                        self.options.redact), cached=False)
                continue
            label = self._label(folder)
            if self.cache.folder is not None:
                key = case_key(label, folder.files, self.options.passwords, self.options.limits)
                entry = self.cache.get(key, self.options.formats, folder.files)
                if entry is not None:
                    self._finish(folder, entry["row"], entry["outputs"], cached=True)
                    continue
            task = Task(folder.path, display_name(self.root, folder), folder.files, self.options.passwords,
                        self.options.formats, self.options.redact, folder.passed_over, str(self.output),
                        self.options.limits, label if self.cache.folder is not None else None)
            pending.append((folder, task))
        return pending

    def _label(self, folder: CaseFolder) -> str:
        """What the cached outputs of a folder depend on besides its files' content: the folder,
        where the reports go (their paths are relative to it), what was passed over, --redact
        (redacted and plain reports are different outputs: never serve one for the other)."""
        passed = "\0".join(f"{p.name}:{p.reason}" for p in folder.passed_over)
        base = os.path.relpath(os.path.abspath(folder.path), os.path.abspath(self.output))
        return "\0".join((str(folder.path), base, passed, "redacted" if self.options.redact else ""))

    def _compute(self, pending: list[tuple[CaseFolder, Task]]) -> None:
        if not pending:
            return
        if multiprocessing.get_start_method() == "fork":
            warm_up()  # once here, shared by every forked worker
        jobs = self.options.jobs or default_jobs()
        crashed = self._in_pool(pending, jobs)
        if len(crashed) > RETRY_ALONE_PER_JOB * jobs:
            crashed = self._in_pool(crashed, jobs)  # most were only in the broken pool's queue
        for folder, task in crashed:
            again = self._in_pool([(folder, task)], 1)
            if again:
                row = m.failed_row(task.display, CRASHED)
                case = m.CaseResult(task.display, m.FAILED, errors=[CRASHED])
                self._finish(folder, row, render_outputs(case, task.formats, task.redact), cached=False)

    def _in_pool(self, pending: list[tuple[CaseFolder, Task]], jobs: int) -> list[tuple[CaseFolder, Task]]:
        """Run ``pending`` in a pool; return the cases whose worker died."""
        crashed = []
        pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(pending))),
                                   mp_context=multiprocessing.get_context(), initializer=init_worker,
                                   initargs=(self.options.limits, str(self.ocr_cache)))
        try:
            futures: dict[Future[Outcome], tuple[CaseFolder, Task]] = {
                pool.submit(run_task, task): (folder, task) for folder, task in pending}
            for future in as_completed(futures):
                folder, task = futures[future]
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    crashed.append((folder, task))
                    continue
                self._store(folder, outcome)
                self._finish(folder, outcome.row, outcome.outputs, cached=False)
        except BaseException:
            _stop(pool)
            raise
        pool.shutdown(wait=True)
        return sorted(crashed, key=lambda pair: pair[0].rel)

    def _store(self, folder: CaseFolder, outcome: Outcome) -> None:
        self.result.computed += 1
        if outcome.cacheable and outcome.key is not None:
            self.cache.put(outcome.key, {"row": outcome.row, "outputs": outcome.outputs,
                                         "mtimes": outcome.mtimes, "redacted": self.options.redact})

    def _finish(self, folder: CaseFolder, row: dict[str, Any], outputs: dict[str, str], *,
                cached: bool) -> None:
        target = case_dir(self.output, folder.rel)
        for fmt in self.options.formats:
            write_private(target / FORMAT_FILES[fmt], outputs[fmt])
            self.written.add(target / FORMAT_FILES[fmt])
        row = {**row, "report": self._link(folder.rel)}
        self.rows[folder.rel] = row
        if cached:
            self.result.from_cache += 1
        self.progress.advance(error=row["status"] != m.CHECKED or bool(row.get("error")))
        if self.on_case is not None:
            self.on_case(CaseDone(row["folder"], row, cached))

    def _link(self, rel: str) -> str:
        name = FORMAT_FILES["html" if "html" in self.options.formats else self.options.formats[0]]
        return case_dir(Path("."), rel).joinpath(name).as_posix()

    def _write_summary(self) -> None:
        from ds160check.render.case import render_index_html
        from ds160check.render.json import dumps

        rows = m.sort_rows([self.rows.get(f.rel) or m.interrupted_row(display_name(self.root, f))
                          for f in self.folders])
        self.result.rows = rows
        summary = {"schema": BATCH_SCHEMA, "tool": {"name": "ds160check", "version": __version__},
                   "interrupted": self.result.interrupted, "order": m.ROW_ORDER, "totals": totals(rows),
                   "cases": rows,
                   "passed_over": {"count": len(self.passed_over), "entries": self.passed_over}}
        write_private(self.output / "summary.json", dumps(summary))
        write_private(self.output / "summary.csv", summary_csv(rows))
        index = render_index_html(rows, interrupted=self.result.interrupted, passed_over=self.outside_cases())
        write_private(self.output / "index.html", index)

    def outside_cases(self) -> list[str]:
        """What was passed over outside every case folder (the cases' own are on their rows)."""
        inside = {f"{'' if f.rel == '.' else f.rel + '/'}{p.name}: {p.reason}"
                  for f in self.folders for p in f.passed_over}
        return [entry for entry in self.passed_over if entry not in inside]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now (Ctrl-C must not wait for them)."""
    pool.shutdown(wait=False, cancel_futures=True)
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.join(timeout=5)


def totals(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    out = {"cases": len(rows)}
    for row in rows:
        out[row["status"]] = out.get(row["status"], 0) + 1
    return out


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(_csv_item(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_item(value: Any) -> str:
    """A list item in one cell: a notice as ``CODE: message``, a file passed over as ``name (reason)``."""
    if isinstance(value, dict) and "code" in value:
        return f"{value['code']}: {value['message']}"
    if isinstance(value, dict) and "reason" in value:
        return f"{value['name']} ({value['reason']})"
    return str(value)


# Excel takes a CSV without a byte-order mark for the local code page and turns Cyrillic into
# mojibake; with it, Excel (and LibreOffice, Python's utf-8-sig) read UTF-8.
CSV_BOM = "\ufeff"


def summary_csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    buffer.write(CSV_BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(m.SUMMARY_COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in m.SUMMARY_COLUMNS])
    return buffer.getvalue()


def run_batch(root: str | Path, output: str | Path, options: BatchOptions | None = None, *,
              on_case: Callable[[CaseDone], None] | None = None) -> BatchResult:
    """Check every client folder under ``root``; write reports, summary and index into ``output``.

    Raises :class:`InputError` when ``root`` is not a folder or holds no document at all.
    """
    root, output = Path(root), Path(output)
    options = options or BatchOptions()
    unknown = [f for f in options.formats if f not in FORMAT_FILES]
    if unknown or not options.formats:
        raise ValueError(f"unknown report format(s) {unknown}; use: {', '.join(FORMAT_FILES)}")
    if not is_folder(root):
        raise InputError(root, "no such folder")
    batch = Batch(root, output, options, on_case)
    if len(batch.folders) == 1 and batch.folders[0].rel == "." and batch.folders[0].error:
        raise InputError(root, batch.folders[0].error)
    if not batch.folders:
        raise InputError(root, "no PDF or Word document in this folder or its subfolders")
    return batch.run()
