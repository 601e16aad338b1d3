"""A bounded pool of worker processes: at most ``--jobs`` cases checked at once.

Each worker is a process of its own with a pipe, checking one case at a time: rules and the
document pipeline loaded once, its address space capped (``batch.guard``), a CPU budget per
case. Inside it every document is read in a child process held to the document limits, as
``compare`` reads it (``ds160check.isolation``), so a hostile PDF that hangs or crashes its
reader is an unreadable document, not a dead worker. Should a worker die all the same, or not
answer by the case's deadline, only its own request fails (422, one line); the worker is
replaced in the background and the others go on. A request waits for a free worker; how many
may wait is bounded before the upload is read (``ServiceSettings.queue``).

Why not ``ProcessPoolExecutor``: one dead worker breaks the whole executor and fails every
request in flight with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import signal
from multiprocessing.connection import Connection
from typing import Any, Final

from ds160check.limits import Limits
from ds160check.service.jobs import UNREADABLE, Answer, Job, error

READY: Final = "ready"
# A worker loads the rules and the document pipeline before it says it is ready.
START_TIMEOUT_S: Final = 180.0
RESTART_PAUSE_S: Final = 0.5
MAX_RESTART_PAUSE_S: Final = 30.0
CRASHED: Final = ("the checker stopped while checking this case (a damaged or hostile file); "
                  "the service goes on")


def _context() -> Any:
    """Spawn: the server runs threads (the event loop's pool), so a plain fork could copy a lock
    one holds; and the forkserver's socket folder would outlive a server ended by SIGTERM (uvicorn
    re-raises the signal after its graceful shutdown, so no exit handler removes it)."""
    return multiprocessing.get_context("spawn")


def worker_main(conn: Connection, limits: Limits) -> None:
    """A worker's life: load everything once, then answer jobs until the pipe closes."""
    from ds160check.batch import guard
    from ds160check.limits import use_limits

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    warm_up()
    guard.limit_worker_memory(guard.worker_memory_mb(limits.max_memory_mb))
    conn.send(READY)
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        budget = guard.case_cpu_seconds(len(job.files()), limits.timeout_s)
        with use_limits(limits), guard.case_budget(budget):
            answer = job.run()
        conn.send(answer)


def warm_up() -> None:
    """Load what every case needs once per worker: the pipeline, the rules, spaCy for documents."""
    from ds160check.comparison import case  # noqa: F401 - imports the whole pipeline
    from ds160check.rules import load_rules

    load_rules()
    try:
        from ds160check.evidence.analyse import Analyser
    except ImportError:
        return
    with contextlib.suppress(Exception):  # a broken optional stage shows in the reports, not here
        Analyser().pipeline  # noqa: B018 - builds the pipeline (imports spaCy)


def case_deadline(job: Job, limits: Limits) -> float | None:
    """Seconds a case may take, wall clock: its CPU budget (None: no limit, with --timeout 0)."""
    from ds160check.batch.guard import case_cpu_seconds

    seconds = case_cpu_seconds(len(job.files()), limits.timeout_s)
    return float(seconds) if seconds else None


class Worker:
    """One worker process and its end of the pipe; blocking calls, run in a thread."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.process: Any = None
        self.conn: Connection | None = None

    def start(self) -> None:
        context = _context()
        parent, child = context.Pipe(duplex=True)
        self.process = context.Process(target=worker_main, args=(child, self.limits), daemon=True,
                                       name="ds160check-serve-worker")
        self.process.start()
        child.close()
        self.conn = parent
        if not parent.poll(START_TIMEOUT_S) or parent.recv() != READY:
            raise RuntimeError("a worker process did not start")

    def call(self, job: Job) -> tuple[Answer, bool]:
        """The job's answer, and whether this worker is still fit to take another."""
        assert self.conn is not None
        deadline = case_deadline(job, self.limits)
        try:
            self.conn.send(job)
            if not self.conn.poll(deadline):
                return error(UNREADABLE, f"the check took longer than {deadline:g} s (the time limits of "
                                         "its documents together); the service goes on", job.files()), False
            return self.conn.recv(), True
        except (EOFError, OSError, BrokenPipeError):
            return error(UNREADABLE, CRASHED), False

    def restart(self) -> None:
        self.stop()
        self.start()

    def stop(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(timeout=10)
            self.process = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None


class Pool:
    """``jobs`` workers; :meth:`run` waits for a free one (callers bound how many wait)."""

    def __init__(self, jobs: int, limits: Limits) -> None:
        self.workers = [Worker(limits) for _ in range(jobs)]
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._restarting: set[asyncio.Task[None]] = set()
        self.busy = 0
        self.replaced = 0

    async def start(self) -> None:
        await asyncio.gather(*(asyncio.to_thread(w.start) for w in self.workers))
        for worker in self.workers:
            self._idle.put_nowait(worker)

    async def run(self, job: Job) -> Answer:
        worker = await self._idle.get()
        self.busy += 1
        try:
            answer, fit = await asyncio.to_thread(worker.call, job)
        except BaseException:  # cancelled mid-call: the worker's state is unknown
            self._replace(worker)
            raise
        finally:
            self.busy -= 1
        if fit:
            self._idle.put_nowait(worker)
        else:
            self._replace(worker)
        return answer

    def _replace(self, worker: Worker) -> None:
        self.replaced += 1
        task = asyncio.get_running_loop().create_task(self._restart(worker))
        self._restarting.add(task)
        task.add_done_callback(self._restarting.discard)

    async def _restart(self, worker: Worker) -> None:
        """A new process for ``worker``; tried again, a little later each time, until one starts."""
        pause = RESTART_PAUSE_S
        while True:
            try:
                await asyncio.to_thread(worker.restart)
            except (OSError, RuntimeError):
                await asyncio.sleep(pause)
                pause = min(pause * 2, MAX_RESTART_PAUSE_S)
                continue
            self._idle.put_nowait(worker)
            return

    async def stop(self) -> None:
        for task in list(self._restarting):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await asyncio.gather(*(asyncio.to_thread(w.stop) for w in self.workers))

    @property
    def idle(self) -> int:
        return self._idle.qsize()

