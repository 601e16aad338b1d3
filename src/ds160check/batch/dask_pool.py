"""Batch cases on a Dask cluster (``batch --scheduler tcp://HOST:8786``): the local pool's job,
elsewhere.

The main process connects to the scheduler, checks that every worker runs this version of
ds160check with the same rules, and submits one Dask task per case, at most ``--jobs`` at once
(default: the cluster's worker threads). The cache, the retries and the reports stay in the main
process (``batch/runner.py``), so the reports are the same bytes as the local pool's.

On a Dask worker a case is not checked in the worker process itself: each worker keeps a small
process pool of its own (one process per worker thread, set up by ``task.init_worker`` as the
local pool's: rules loaded once, memory capped, documents held to their limits). The CPU and
memory budgets then end that process, never the Dask worker, and a case that crashes it is
handed back as "its worker died", to be retried as the local pool's are. A Dask worker that is
lost altogether (killed, its machine gone) has its cases re-run elsewhere by the scheduler (up to
its ``distributed.scheduler.allowed-failures``); one it gives up on is handed back the same way.

Files reach the workers by path (shared storage; relative paths are taken from the main
process's working directory) or, with ``--ship-files``, as bytes: the main process reads each
case's files and the worker writes them into a private temporary folder under their absolute
paths (so every path relative to the reports folder, which is all a report holds, is the same),
with their modes and modification times, checks them there and removes the folder.

``distributed`` is imported only here: the base install does not need it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ds160check import __version__
from ds160check.batch import model as m
from ds160check.batch.cache import rules_digest
from ds160check.batch.pool import Done, stop
from ds160check.batch.task import Outcome, Task, Where, init_worker, render_outputs, run_task
from ds160check.errors import Ds160CheckError
from ds160check.limits import MB, Limits

NEEDS_EXTRA = "--scheduler needs the dask extra: pip install 'ds160check[dask]'"
# How long to try reaching the scheduler, and to wait for a first worker, before giving up.
CONNECT_TIMEOUT_S = 5
WORKERS_TIMEOUT_S = 10
# How long the workers may take to let go of their process pools at the end of a batch.
CLOSE_TIMEOUT_S = 30
TASK_PREFIX = "ds160check-case"
# How often a case process looks whether its Dask worker is still there.
ORPHAN_POLL_S = 1.0


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise Ds160CheckError(NEEDS_EXTRA) from None
    return distributed


@dataclass(frozen=True)
class WorkerSetup:
    """What a Dask worker's process pool is set up with for one batch (``token``: that batch)."""

    limits: Limits
    ocr_cache: str | None
    token: str


@dataclass(frozen=True)
class Shipped:
    """One file of a case as bytes (``--ship-files``), under its absolute path in the main
    process. ``data`` None: not sent — a file over ``--max-size`` (the worker writes a sparse file
    of the same size, which is never read either) or one this process could not read."""

    path: str
    data: bytes | None
    size: int
    mode: int
    times_ns: tuple[int, int]


# --- in the main process ------------------------------------------------------------------------


class DaskPool:
    """The cases of a batch as tasks on the Dask cluster at ``address``."""

    def __init__(self, address: str, *, jobs: int | None, limits: Limits, ocr_cache: Path | None,
                 ship_files: bool) -> None:
        distributed = _distributed()
        self.address, self.jobs, self.limits, self.ship_files = address, jobs, limits, ship_files
        self.client = _connect(distributed, address)
        try:
            self._check_workers()
        except BaseException:
            self.client.close()
            raise
        self.cwd = os.getcwd()
        self.setup = WorkerSetup(limits, str(Path(ocr_cache).absolute()) if ocr_cache else None,
                                 uuid.uuid4().hex)

    def _check_workers(self) -> None:
        """At least one worker, and every worker with this version of ds160check and its rules
        (another version would write other reports)."""
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
        except TimeoutError:
            raise Ds160CheckError(f"{self.address}: no Dask worker is connected to this scheduler "
                                  f"(waited {WORKERS_TIMEOUT_S} s)") from None
        try:
            seen = self.client.run(worker_version)
        except Exception as exc:  # noqa: BLE001 - a worker without ds160check cannot unpickle the call
            raise Ds160CheckError(f"{self.address}: a worker cannot run ds160check ({type(exc).__name__}: "
                                  f"{exc}); install ds160check {__version__} with the dask extra on "
                                  "every worker") from None
        ours = worker_version()
        for worker, theirs in sorted(seen.items()):
            if theirs[0] != ours[0]:
                raise Ds160CheckError(f"{self.address}: worker {worker} runs ds160check {theirs[0]} "
                                      f"(this is {ours[0]}); install the same on every worker")
            if tuple(theirs) != ours:
                raise Ds160CheckError(f"{self.address}: worker {worker} has other rules (field_rules/) "
                                      f"than this ds160check {ours[0]}; install the same on every worker")

    def slots(self) -> int:
        if self.jobs:
            return self.jobs
        workers = self.client.scheduler_info(n_workers=-1).get("workers", {})
        return max(1, sum(int(info.get("nthreads", 1)) for info in workers.values()))

    def run(self, tasks: Sequence[Task], slots: int, done: Done) -> list[Task]:
        distributed = _distributed()
        waiting, crashed = list(tasks), []
        running: dict[Any, Task] = {}
        finished = distributed.as_completed(loop=self.client.loop)

        def submit_next() -> None:
            task = waiting.pop(0)
            shipped = self._ship(task) if self.ship_files else None
            future = self.client.submit(run_on_worker, task, self.cwd, shipped, self.setup,
                                        key=f"{TASK_PREFIX}-{uuid.uuid4().hex}", pure=False)
            running[future] = task
            finished.add(future)

        for _ in range(min(max(1, slots), len(waiting))):
            submit_next()
        try:
            for future in finished:
                task = running.pop(future)
                outcome = self._outcome(future, task)
                if waiting:
                    submit_next()
                if outcome is None:
                    crashed.append(task)
                else:
                    done(task, outcome)
        except BaseException:
            self.client.cancel(list(running), force=True)
            raise
        return crashed

    def _outcome(self, future: Any, task: Task) -> Outcome | None:
        """The task's outcome; None when its worker died (the case's process on the worker, or a
        Dask worker the scheduler gave up re-running it after)."""
        from distributed.scheduler import KilledWorker

        try:
            result: Outcome | None = future.result()
        except KilledWorker:
            return None
        except CancelledError:
            raise Ds160CheckError(f"{self.address}: the Dask scheduler went away before every case "
                                  "was checked (the reports written so far are kept)") from None
        except Exception as exc:  # noqa: BLE001 - a worker's own failure is told on the case's row
            return failed(task, f"the Dask worker could not check it: {type(exc).__name__}: {exc}")
        return result

    def _ship(self, task: Task) -> tuple[Shipped, ...]:
        where = Where(self.cwd)
        limit = int(self.limits.max_size_mb * MB)
        return tuple(read_for_shipping(where(path), limit) for path in task.files)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.run(close_worker_pools, self.setup.token, wait=True)
        with contextlib.suppress(Exception):
            self.client.close(timeout=CLOSE_TIMEOUT_S)


def _connect(distributed: Any, address: str) -> Any:
    _check_address(address)
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise Ds160CheckError(f"{address}: no Dask scheduler answers there "
                              f"(tried for {CONNECT_TIMEOUT_S} s: {exc})") from None
    except (ValueError, TypeError) as exc:
        raise Ds160CheckError(f"{address}: not a Dask scheduler address ({exc}); "
                              "give one like tcp://HOST:8786") from None


def _check_address(address: str) -> None:
    """A host and a port, before a client is made of it (one made of a bad address fails slowly,
    and again when it is collected)."""
    from distributed.comm.addressing import get_address_host_port

    try:
        _host, port = get_address_host_port(address)
    except ValueError as exc:
        raise Ds160CheckError(f"{address}: not a Dask scheduler address ({exc}); "
                              "give one like tcp://HOST:8786") from None
    if not 0 < port < 65536:
        raise Ds160CheckError(f"{address}: not a Dask scheduler address (port {port} is not 1-65535); "
                              "give one like tcp://HOST:8786")


def read_for_shipping(path: Path, limit_bytes: int) -> Shipped:
    """A file as bytes with its size, mode and times; a file over the size limit, or one that is
    not a regular file or cannot be read, without its bytes."""
    try:
        info = os.stat(path)
    except OSError:
        return Shipped(str(path), None, 0, 0, (0, 0))
    times = (info.st_atime_ns, info.st_mtime_ns)
    mode = stat.S_IMODE(info.st_mode)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit_bytes:
        return Shipped(str(path), None, info.st_size if stat.S_ISREG(info.st_mode) else 0, mode, times)
    try:
        return Shipped(str(path), path.read_bytes(), info.st_size, mode, times)
    except OSError:
        return Shipped(str(path), None, 0, 0, times)


def failed(task: Task, reason: str) -> Outcome:
    case = m.CaseResult(task.display, m.FAILED, errors=[reason])
    return Outcome(case.summary_row(), render_outputs(case, task.formats, task.redact), None, cacheable=False)


# --- on a Dask worker ---------------------------------------------------------------------------


def worker_version() -> tuple[str, str]:
    return __version__, rules_digest()


def run_on_worker(task: Task, cwd: str, shipped: tuple[Shipped, ...] | None,
                  setup: WorkerSetup) -> Outcome | None:
    """Check one case in this worker's process pool; None when the process checking it died."""
    if shipped is None:
        return _in_pool(setup, task, Where(cwd))
    with tempfile.TemporaryDirectory(prefix="ds160check-case-") as copied:
        where = Where(cwd, copied)
        where(task.folder).mkdir(parents=True, exist_ok=True)
        for file in shipped:
            write_shipped(file, where(Path(file.path)))
        return _in_pool(setup, task, where)


def write_shipped(file: Shipped, target: Path) -> None:
    """The file as it was in the main process: its bytes (or, over the size limit, a sparse file of
    its size; unreadable there, a file no one may read), mode and times."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        if file.data is not None:
            handle.write(file.data)
        else:
            handle.truncate(file.size)
    os.chmod(target, file.mode)
    os.utime(target, ns=file.times_ns)


@dataclass
class _WorkerPool:
    executor: ProcessPoolExecutor
    scratch: str | None  # a private OCR cache, when the batch's is not reachable from here


_pools: dict[str, _WorkerPool] = {}
_pools_lock = threading.Lock()


def _in_pool(setup: WorkerSetup, task: Task, where: Where) -> Outcome | None:
    pool = _worker_pool(setup)
    try:
        return pool.executor.submit(run_task, task, where).result()
    except BrokenProcessPool:
        _drop(setup.token, pool)
        return None


def _worker_pool(setup: WorkerSetup) -> _WorkerPool:
    """This worker's process pool for the batch, made on its first case: one process per worker
    thread, spawned (forking a Dask worker, with its threads, is not safe)."""
    import multiprocessing

    with _pools_lock:
        pool = _pools.get(setup.token)
        if pool is None:
            _allow_children(multiprocessing.current_process())
            scratch = None if setup.ocr_cache else tempfile.mkdtemp(prefix="ds160check-ocr-")
            executor = ProcessPoolExecutor(max_workers=_threads(), initializer=init_case_process,
                                           mp_context=multiprocessing.get_context("spawn"),
                                           initargs=(os.getpid(), setup.limits, setup.ocr_cache or scratch))
            pool = _pools[setup.token] = _WorkerPool(executor, scratch)
        return pool


def init_case_process(worker_pid: int, limits: Limits, ocr_cache: str | None) -> None:
    """A case process of a Dask worker: set up as the local pool's workers are, and gone when its
    Dask worker is (killed, it never closes the pipe the process waits on: the process would
    wait for ever, holding its memory)."""
    threading.Thread(target=_exit_without, args=(worker_pid,), daemon=True,
                     name="ds160check-orphan-watch").start()
    init_worker(limits, ocr_cache)


def _exit_without(worker_pid: int) -> None:
    while os.getppid() == worker_pid:
        time.sleep(ORPHAN_POLL_S)
    os._exit(0)


def _allow_children(process: Any) -> None:
    """Dask starts its workers as daemonic processes, and multiprocessing refuses children to those
    (a daemon's children would outlive it). The case processes do not: the batch ends them
    (:func:`close_worker_pools`), and one whose worker died exits (:func:`init_case_process`)."""
    if process.daemon:
        process.daemon = False


def _threads() -> int:
    from distributed import get_worker

    try:
        return max(1, int(get_worker().state.nthreads))
    except (ValueError, AttributeError):  # not in a worker (called directly)
        return 1


def _drop(token: str, pool: _WorkerPool) -> None:
    """Let a broken (or finished) pool go; the next case of the batch makes a fresh one."""
    with _pools_lock:
        if _pools.get(token) is pool:
            del _pools[token]
    stop(pool.executor)
    if pool.scratch:
        shutil.rmtree(pool.scratch, ignore_errors=True)


def close_worker_pools(token: str) -> int:
    """End the batch's processes on this worker (run by the main process at the end of a batch);
    how many pools there were."""
    pool = _pools.get(token)
    if pool is None:
        return 0
    _drop(token, pool)
    return 1
