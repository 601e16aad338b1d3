"""What the benchmarks share: CPU time counted with the reading children, and how many CPUs are free.

The development machine is shared: a benchmark prints how many CPUs two busy processes get
around its runs, so that a figure measured while other work ran is read as what it is.
"""

from __future__ import annotations

import multiprocessing
import resource
import time

# How long each of the two probe processes spins to see how much CPU it gets.
BUSY_SECONDS = 0.3


def cpu_seconds() -> float:
    """CPU time of this process and of its waited-for children (``extract`` reads in a child)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _spin(seconds: float) -> float:
    start, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        pass
    return time.process_time() - start


def cpus_free() -> float:
    """How many CPUs two busy processes get right now (2.0 on an idle two-core machine)."""
    with multiprocessing.Pool(2) as pool:
        return sum(pool.map(_spin, [BUSY_SECONDS] * 2)) / BUSY_SECONDS
