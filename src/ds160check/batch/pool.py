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
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Protocol

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
            for future in as_completed(futures):
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
