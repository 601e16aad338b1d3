"""A batch worker is the isolation boundary: one case at a time, held to a CPU and memory budget.

Outside a batch every document is read in a child process of its own
(``ds160check.isolation``), so that a hostile file cannot hang or exhaust the
caller. A batch worker is already such a process: a fork per document on top
(about 25-65 ms, ten times per case) would cost more than checking the case.
So in a worker documents are read in place, each held to the document limits
(``--timeout``, ``--max-memory``) by a timer and a memory window
(``isolation._run_in_place``), and the kernel enforces the worker's:

- CPU: before each case ``RLIMIT_CPU`` is set to the time used so far plus
  :data:`CASE_CPU_SECONDS` (more when its documents may each take ``--timeout``);
  a case past it gets ``SIGXCPU``, whose default
  action ends the worker even inside C code (pdfium, libxml2). The pool sees a
  dead worker, retries the cases it had one by one, and reports the one that
  dies again; no core file is written (``RLIMIT_CORE`` is 0).
- Memory: ``RLIMIT_AS`` caps the worker at what it uses after loading plus
  :data:`WORKER_MEMORY_MB` (or ``--max-memory`` and a margin, when that is more);
  an allocation past it fails in that worker only. ``--jobs N`` workers use at
  most N times that.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from typing import Any

# A case is about ten documents; one document may take up to 30 s before
# ``ds160check.limits`` calls it pathological.
CASE_CPU_SECONDS = 120
# Beyond the budget a case's documents' time limits add up to: the applications and the rest.
CPU_SLACK_S = 30
WORKER_MEMORY_MB = 2048
# What a worker holds besides the document it reads: the case's other documents, its reports.
WORKER_MARGIN_MB = 512
_VM_SIZE = re.compile(rb"^VmSize:\s+(\d+)\s+kB", re.MULTILINE)


def _resource() -> Any:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the per-document isolation stays on
        return None
    return resource


def worker_memory_mb(max_memory_mb: int) -> int:
    """What a worker may add to its size after loading: 0 (no cap) with ``--max-memory 0``."""
    return max(WORKER_MEMORY_MB, max_memory_mb + WORKER_MARGIN_MB) if max_memory_mb else 0


def limit_worker_memory(extra_mb: int = WORKER_MEMORY_MB) -> None:
    """Cap the worker's address space at its current size plus ``extra_mb``; no core files."""
    resource = _resource()
    if resource is None:
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    try:
        with open("/proc/self/status", "rb") as status:
            found = _VM_SIZE.search(status.read())
    except OSError:  # not Linux (macOS does not enforce RLIMIT_AS anyway)
        return
    if found is None or not extra_mb:
        return
    cap = int(found.group(1)) * 1024 + extra_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _cpu_budget(seconds: int) -> None:
    resource = _resource()
    if resource is None:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime) + 1
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = used + seconds
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def case_cpu_seconds(documents: int, timeout_s: float) -> int:
    """The CPU budget of a case: :data:`CASE_CPU_SECONDS`, or more when each of its documents may
    take up to ``timeout_s`` (``--timeout``); 0 (no limit) with ``--timeout 0``."""
    if not timeout_s:
        return 0
    return max(CASE_CPU_SECONDS, math.ceil(documents * timeout_s) + CPU_SLACK_S)


@contextlib.contextmanager
def case_budget(seconds: int = CASE_CPU_SECONDS) -> Iterator[None]:
    """Run one case of a worker with its CPU budget set (``0``: none)."""
    if _resource() is not None and seconds:
        _cpu_budget(seconds)
    yield
