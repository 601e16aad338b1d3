"""``run_batch``: every client folder under a root, checked in parallel, reports written.

The main process finds the case folders, hashes their files and serves the
unchanged ones from the cache; the rest go to a pool of worker processes
(rules loaded once per worker; ``batch/pool.py``, or a Dask cluster with
``--scheduler``: ``batch/dask_pool.py``), each returning the rendered reports and the
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
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ds160check import __version__
from ds160check.batch import model as m
from ds160check.batch.cache import CACHE_DIR_NAME, Cache, case_key
from ds160check.batch.cross_case import tell_hits
from ds160check.batch.discover import CaseFolder, discover
from ds160check.batch.fingerprints import FINGERPRINTS
from ds160check.batch.pool import LocalPool, Pool
from ds160check.batch.progress import Progress
from ds160check.batch.store import private_dir, write_private
from ds160check.batch.task import (  # noqa: F401 - init_worker, run_task, warm_up: the worker's side, named here too
    Outcome,
    Task,
    init_worker,
    render_outputs,
    run_task,
    warm_up,
)
from ds160check.comparison.codes import SEVERITIES, at_or_above, severity_rank
from ds160check.errors import InputError
from ds160check.files import is_folder
from ds160check.limits import DEFAULT_LIMITS, Limits
from ds160check.review.decisions import Decision, DecisionSet, cache_label

BATCH_SCHEMA = "ds160check.batch/1"
FORMAT_FILES = {"json": "report.json", "html": "report.html", "md": "report.md", "text": "report.txt"}
DEFAULT_FORMATS = ("json", "html")
CASES_DIR = "cases"
OCR_CACHE_DIR = "ocr"
CRASHED = ("the checker stopped while reading this folder (a damaged file, more CPU time than "
           "its documents' time limits allow, or a read that stopped moving); it was retried once, "
           "alone")
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
    # A Dask scheduler ("tcp://host:8786") to run the cases on instead of the local pool
    # (batch/dask_pool.py); ship_files: send the files' bytes, for workers that do not see them.
    scheduler: str | None = None
    ship_files: bool = False
    # Reviewer decisions (--decisions FILE), applied to each case they concern.
    decisions: DecisionSet | None = None


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
        # Each finished case's fingerprints (batch/fingerprints.py), by its folder as reported.
        self.fingerprints: dict[str, dict[str, Any]] = {}
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
                if entry is not None and FINGERPRINTS in entry["row"]:  # older entries have none
                    self._finish(folder, entry["row"], entry["outputs"], cached=True)
                    continue
            task = Task(folder.path, display_name(self.root, folder), folder.files, self.options.passwords,
                        self.options.formats, self.options.redact, folder.passed_over, str(self.output),
                        self.options.limits, label if self.cache.folder is not None else None,
                        decisions=self._decisions(folder))
            pending.append((folder, task))
        return pending

    def _label(self, folder: CaseFolder) -> str:
        """What the cached outputs of a folder depend on besides its files' content: the folder,
        where the reports go (their paths are relative to it), what was passed over, --redact
        (redacted and plain reports are different outputs: never serve one for the other)."""
        passed = "\0".join(f"{p.name}:{p.reason}" for p in folder.passed_over)
        base = os.path.relpath(os.path.abspath(folder.path), os.path.abspath(self.output))
        decided = "" if self.options.decisions is None else cache_label(self._decisions(folder) or ())
        return "\0".join((str(folder.path), base, passed, "redacted" if self.options.redact else "", decided))

    def _decisions(self, folder: CaseFolder) -> tuple[Decision, ...] | None:
        """The decisions about this case (by its folder, as reports name it) and about any case."""
        if self.options.decisions is None:
            return None
        return self.options.decisions.for_case(display_name(self.root, folder))

    def _compute(self, pending: list[tuple[CaseFolder, Task]]) -> None:
        """Run the cases in the pool. After a worker died, the cases it may have had are run
        again, and each that still loses its worker is run alone once more before it is
        reported: a case that crashes its worker by itself costs only itself."""
        if not pending:
            return
        pool = self._open_pool()
        try:
            jobs = pool.slots()
            crashed = self._in_pool(pool, pending, jobs)
            if len(crashed) > RETRY_ALONE_PER_JOB * jobs:
                crashed = self._in_pool(pool, crashed, jobs)  # most were only in the broken pool's queue
            for folder, task in crashed:
                again = self._in_pool(pool, [(folder, task)], 1)
                if again:
                    row = m.failed_row(task.display, CRASHED)
                    case = m.CaseResult(task.display, m.FAILED, errors=[CRASHED])
                    self._finish(folder, row, render_outputs(case, task.formats, task.redact), cached=False)
        finally:
            pool.close()

    def _open_pool(self) -> Pool:
        if self.options.scheduler is None:
            return LocalPool(self.options.jobs, self.options.limits, self.ocr_cache)
        from ds160check.batch.dask_pool import DaskPool

        return DaskPool(self.options.scheduler, jobs=self.options.jobs, limits=self.options.limits,
                        ocr_cache=None if self.options.ship_files else self.ocr_cache,
                        ship_files=self.options.ship_files)

    def _in_pool(self, pool: Pool, pending: list[tuple[CaseFolder, Task]],
                 jobs: int) -> list[tuple[CaseFolder, Task]]:
        """Run ``pending`` in the pool; return the cases whose worker died."""
        folders = {task: folder for folder, task in pending}

        def done(task: Task, outcome: Outcome) -> None:
            self._store(folders[task], outcome)
            self._finish(folders[task], outcome.row, outcome.outputs, cached=False)

        crashed = pool.run([task for _, task in pending], jobs, done)
        return sorted(((folders[task], task) for task in crashed), key=lambda pair: pair[0].rel)

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
        prints = row.pop(FINGERPRINTS, None)
        if prints is not None:
            self.fingerprints[row["folder"]] = prints
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

        formats = self.options.formats
        reports = {row["folder"]: [case_dir(self.output, rel) / FORMAT_FILES[f] for f in formats]
                   for rel, row in self.rows.items()}
        across = tell_hits(self.fingerprints, self.rows.values(), reports)
        rows = m.sort_rows([self.rows.get(f.rel) or m.interrupted_row(display_name(self.root, f))
                          for f in self.folders])
        self.result.rows = rows
        summary = {"schema": BATCH_SCHEMA, "tool": {"name": "ds160check", "version": __version__},
                   "interrupted": self.result.interrupted, "order": m.ROW_ORDER, "totals": totals(rows),
                   "cases": rows, "cross_case": across,
                   "passed_over": {"count": len(self.passed_over), "entries": self.passed_over}}
        write_private(self.output / "summary.json", dumps(summary))
        write_private(self.output / "summary.csv", summary_csv(rows))
        index = render_index_html(rows, interrupted=self.result.interrupted, passed_over=self.outside_cases(),
                                  cross_case=across)
        write_private(self.output / "index.html", index)

    def outside_cases(self) -> list[str]:
        """What was passed over outside every case folder (the cases' own are on their rows)."""
        inside = {f"{'' if f.rel == '.' else f.rel + '/'}{p.name}: {p.reason}"
                  for f in self.folders for p in f.passed_over}
        return [entry for entry in self.passed_over if entry not in inside]


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
