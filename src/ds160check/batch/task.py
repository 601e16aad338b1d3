"""One case as a task for a worker: what it is given (:class:`Task`), what it gives back
(:class:`Outcome`), and the worker's side (:func:`init_worker`, :func:`run_task`).

Whatever runs the tasks (the local process pool, a Dask cluster: ``batch/pool.py``,
``batch/dask_pool.py``) sends a :class:`Task` to a process set up by
:func:`init_worker` and gets an :class:`Outcome` back; the main process
(``batch/runner.py``) keeps the cache, the retries and the reports.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ds160check.batch import guard
from ds160check.batch import model as m
from ds160check.batch.cache import case_key, mtimes, signatures
from ds160check.batch.classify import name_in
from ds160check.batch.discover import PassedOver
from ds160check.limits import DEFAULT_LIMITS, Limits, use_limits
from ds160check.review.decisions import Decision

# Orders that do not depend on the files' modification times (the cache keys on content only).
CONTENT_ORDERS = ("case.toml", "submission date", "print date", "date")
CHANGED_WHILE_READ = "A file changed while this case was checked (the report may mix its old and new content)"
OUT_OF_MEMORY = "reading this folder needed more memory than a worker may use (see --max-memory)"


@dataclass(frozen=True)
class Where:
    """Where a worker finds a task's files when it does not see them as the main process does:
    the main process's working directory (its relative paths), and the folder a worker copied
    shipped files into, under their absolute paths (so paths relative to the reports folder,
    which the reports hold, come out the same). The task keeps the main process's paths: the
    cache keys and the reports name those."""

    cwd: str
    copied_to: str | None = None

    def __call__(self, path: Path) -> Path:
        absolute = Path(os.path.abspath(Path(self.cwd) / path))
        if self.copied_to is None:
            return absolute
        return Path(self.copied_to) / absolute.relative_to(absolute.anchor)


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
    # Reviewer decisions about this case and any case (--decisions; in the label too); None: none given.
    decisions: tuple[Decision, ...] | None = None


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
    """Once per worker of the local pool: Ctrl-C is the main process's business; then
    :func:`set_up_worker`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_up_worker(limits, ocr_cache)


def set_up_worker(limits: Limits = DEFAULT_LIMITS, ocr_cache: str | None = None) -> None:
    """Once per worker process: load the rules (and the supporting-document pipeline, when
    installed), then cap the worker's memory. ``ocr_cache``: where OCR results are kept by content
    hash (a scan tried as a DS-160 and then read as a document, or unchanged since the last run, is
    read once)."""
    warm_up()
    gc.freeze()  # what every case uses, built once: not walked by each collection a case causes
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
    from ds160check.documents.ingest import import_docx
    from ds160check.extraction import warm_caches
    from ds160check.rules import load_rules

    # The label indexes and the country table too: built in a worker's first document read, they
    # cost it half a second inside that document's time limit.
    warm_caches(load_rules())
    import_docx()  # imported when a DOCX is read: here once, not in each worker
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


@contextlib.contextmanager
def collected_after() -> Iterator[None]:
    """The cyclic collector off while one case is checked, and one full collection after it.

    A case's words, tokens, lines and fields live until the case ends, and the collections its
    allocations set off walked them again and again, finding almost nothing to free (a few hundred
    objects a case). What a case leaves in cycles is freed here, case by case; a document whose
    reading grew the worker by more than ``isolation.RETURN_FREED_ABOVE`` (a bloated DOCX, whose
    python-docx objects hold each other in cycles) is collected at once, as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect()


def run_task(task: Task, where: Where | None = None) -> Outcome:
    """:func:`check_task` with the collector run after the case rather than during it
    (:func:`collected_after`)."""
    with collected_after():
        return check_task(task, where)


def check_task(task: Task, where: Where | None = None) -> Outcome:
    """Check one folder and render its reports; never raises for what is in the folder.

    The cache key is made here, of the files as they are just before they are read: a file
    replaced after the main process looked the case up is keyed by what was read. A file that
    changes while the case is read is told in the report, which is then not cached. ``where``:
    where this worker finds the files (the key and the times still name them as ``task`` does)."""
    from ds160check.batch.case import check_case
    from ds160check.batch.fingerprints import FINGERPRINTS, case_fingerprints

    at = where or Path
    files = tuple(at(path) for path in task.files)
    budget = guard.case_cpu_seconds(len(files), task.limits.timeout_s)
    before = signatures(files)
    key = (case_key(task.label, files, task.passwords, task.limits, names=task.files)
           if task.label is not None else None)
    link_base = str(at(Path(task.link_base))) if task.link_base is not None and where else task.link_base
    try:
        with use_limits(task.limits), guard.case_budget(budget):
            case = check_case(at(task.folder), passwords=task.passwords, files=files,
                              display=task.display, passed_over=task.passed_over, link_base=link_base)
            prints = case_fingerprints(case, at(task.folder), files, passwords=task.passwords,
                                       redact=task.redact)  # for the checks across folders
    except MemoryError:
        case = m.CaseResult(task.display, m.FAILED, errors=[OUT_OF_MEMORY])
        outputs = render_outputs(case, task.formats, task.redact)
        return Outcome(case.summary_row(), outputs, None, cacheable=False)
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch; the case says it
        case = m.CaseResult(task.display, m.FAILED, errors=[f"internal error: {type(exc).__name__}: {exc}"])
        outputs = render_outputs(case, task.formats, task.redact)
        return Outcome(case.summary_row(), outputs, None, cacheable=False)
    after = signatures(files)
    changed = [path for path in files if after[path] != before[path]]
    if changed:
        case.notes.append(f"{CHANGED_WHILE_READ}: {', '.join(name_in(p, at(task.folder)) for p in changed)}. "
                          "Run the batch again when the folder is complete.")
    if task.decisions is not None:  # before rendering, so that every format shows the marks
        from ds160check.batch.review import review_case

        case = review_case(case, task.decisions)
    by_mtime = case.order is not None and case.order.method not in CONTENT_ORDERS
    times = dict(zip(map(str, task.files), mtimes(files).values(), strict=True)) if by_mtime else None
    return Outcome({**case.summary_row(), FINGERPRINTS: prints.to_dict()},
                   render_outputs(case, task.formats, task.redact), times,
                   cacheable=not changed, key=None if changed else key)
