"""What runs the case tasks: the local process pool (here) or a Dask cluster (``dask_pool.py``).

Both take tasks and tell each one's :class:`~ds160check.batch.task.Outcome` as it finishes; a
task whose worker died is handed back instead. The runner (``batch/runner.py``) decides what is
retried and how (the same for both), keeps the cache and writes the reports.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Protocol

from ds160check.batch import guard
from ds160check.batch.task import Outcome, Task, init_worker, run_task, warm_up
from ds160check.limits import Limits

Done = Callable[[Task, Outcome], None]


class Pool(Protocol):
    def slots(self) -> int:
        """How many cases run at once."""

    def run(self, tasks: Sequence[Task], slots: int, done: Done) -> list[Task]:
        """Run ``tasks``, at most ``slots`` at once (1: alone); call ``done`` with each one's outcome
        as it finishes; return the tasks whose worker died. An exception from ``done`` (Ctrl-C)
        stops what still runs and goes on up."""

    def close(self) -> None:
        """Let go of the workers."""


def default_jobs() -> int:
    return os.cpu_count() or 1


#: How often the pool is looked at while nothing finishes, and how long it may have no worker (or
#: no manager thread) with cases still waiting before it counts as broken: the executor reports a
#: dead worker itself within a moment; past this it has lost track, and would wait for ever.
WATCH_S = 1.0
SILENT_POOL_S = 10.0
#: A case's wall-clock limit, as a multiple of its CPU budget plus a margin: RLIMIT_CPU ends a
#: worker that spins, not one that waits (on a hung mount, a lock left locked by a fork). Past
#: this with no case finished, the pool is stopped and what it held is handed back.
STALL_FACTOR = 3
STALL_MARGIN_S = 60.0


def stall_seconds(tasks: Sequence[Task]) -> float:
    """How long a pool running ``tasks`` may go without a case finishing."""
    budget = max((guard.case_cpu_seconds(len(task.files), task.limits.timeout_s) for task in tasks),
                 default=guard.CASE_CPU_SECONDS)
    return STALL_FACTOR * budget + STALL_MARGIN_S


def _alive(pool: ProcessPoolExecutor) -> bool:
    """Whether the pool still has a worker and the thread that hands results back (when its
    insides cannot be seen, it is taken to be alive)."""
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None and not manager.is_alive():
        return False
    processes = getattr(pool, "_processes", None)
    if processes is None:
        return True
    return any(process.is_alive() for process in list(processes.values()))


class LocalPool:
    """Worker processes on this machine: a fresh process pool for each :meth:`run` (a worker
    that died has broken the one before)."""

    def __init__(self, jobs: int | None, limits: Limits, ocr_cache: Path) -> None:
        self.jobs = jobs or default_jobs()
        self.limits, self.ocr_cache = limits, ocr_cache
        self._warm = False

    def slots(self) -> int:
        return self.jobs

    def run(self, tasks: Sequence[Task], slots: int, done: Done) -> list[Task]:
        if not self._warm and multiprocessing.get_start_method() == "fork":
            warm_up()  # once here, shared by every forked worker
            # Out of the garbage collector's reach: a worker's collections then never walk (and
            # write to, copying their pages) the rules and the pipeline it shares with this process.
            gc.freeze()
        self._warm = True
        crashed: list[Task] = []
        pool = ProcessPoolExecutor(max_workers=max(1, min(slots, len(tasks))),
                                   mp_context=multiprocessing.get_context(), initializer=init_worker,
                                   initargs=(self.limits, str(self.ocr_cache)))
        try:
            futures: dict[Future[Outcome], Task] = {}
            for index, task in enumerate(tasks):
                try:
                    futures[pool.submit(run_task, task)] = task
                except BrokenProcessPool:
                    # A worker died while the cases were still being handed out (a case that
                    # crashes at once): those not handed out go back to be retried with the rest.
                    crashed.extend(tasks[index:])
                    break
            # Each future tells a queue when it is done (once each: a wait() over every pending
            # future at each completion would cost the square of the batch's size).
            finished: queue.SimpleQueue[Future[Outcome]] = queue.SimpleQueue()
            for future in futures:
                future.add_done_callback(finished.put)
            taken: set[Future[Outcome]] = set()
            stall = stall_seconds(tasks)
            last_done = silent_since = time.monotonic()
            while len(taken) < len(futures):
                try:
                    future = finished.get(timeout=WATCH_S)
                except queue.Empty:
                    now = time.monotonic()
                    if _alive(pool):
                        silent_since = now
                    if now - silent_since >= SILENT_POOL_S or now - last_done >= stall:
                        # Lost (no worker, no manager, yet nothing reported) or stuck (no case
                        # done in a case's wall-clock limit): what it still held goes back to the
                        # runner, which runs each again alone before reporting it.
                        stop(pool)
                        crashed.extend(task for f, task in futures.items() if f not in taken)
                        return crashed
                    continue
                taken.add(future)
                last_done = silent_since = time.monotonic()
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    crashed.append(futures[future])
                    continue
                done(futures[future], outcome)
        except BaseException:
            stop(pool)
            raise
        pool.shutdown(wait=True)
        return crashed

    def close(self) -> None:
        return None


def stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now (Ctrl-C must not wait for them)."""
    pool.shutdown(wait=False, cancel_futures=True)
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.join(timeout=5)
