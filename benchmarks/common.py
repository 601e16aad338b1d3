"""What the benchmarks share: CPU time counted with the reading children, how many CPUs are
free, and the text-only floor (pypdfium2 reading a PDF's text and nothing else).

The development machine is shared: a benchmark prints how many CPUs busy processes get around
its runs, so that a figure measured while other work ran is read as what it is.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pypdfium2

# How long each of the two probe processes spins to see how much CPU it gets.
BUSY_SECONDS = 0.3
# The work of one burn of cpus_available (about a quarter of a second on one core).
BURN_STEPS = 3_000_000


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


def _burn(steps: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(steps):
        total += i * i
    return time.perf_counter() - start


def cpus_available(jobs: int = 2) -> float:
    """How many CPUs ``jobs`` busy processes really get now (the machine may be shared):
    ``jobs`` x the time of one burn alone / the time of ``jobs`` burns at once."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        alone = min(pool.submit(_burn, BURN_STEPS).result() for _ in range(2))
        together = max(pool.map(_burn, [BURN_STEPS] * jobs))
    return jobs * alone / together


def pdfium_text(path: Path) -> int:
    """The floor: pypdfium2 reading the text of every page of ``path``; its page count."""
    document = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()
