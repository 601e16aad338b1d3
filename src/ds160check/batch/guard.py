"""A batch worker is the isolation boundary: one case at a time, held to a CPU and memory budget.

Outside a batch every document is read in a child process of its own
(``ds160check.isolation``), so that a hostile file cannot hang or exhaust the
caller. A batch worker is already such a process: a fork per document on top
(about 25-65 ms, ten times per case) would cost more than checking the case.
So in a worker documents are read in place, and the kernel enforces the
limits instead:

- CPU: before each case ``RLIMIT_CPU`` is set to the time used so far plus
  :data:`CASE_CPU_SECONDS`; a case past it gets ``SIGXCPU``, whose default
  action ends the worker even inside C code (pdfium, libxml2). The pool sees a
  dead worker, retries the cases it had one by one, and reports the one that
  dies again; no core file is written (``RLIMIT_CORE`` is 0).
- Memory: ``RLIMIT_AS`` caps the worker at what it uses after loading plus
  :data:`WORKER_MEMORY_MB`; an allocation past it fails in that worker only.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

# A case is about ten documents; one document may take up to 30 s before
# ``ds160check.limits`` calls it pathological.
CASE_CPU_SECONDS = 120
WORKER_MEMORY_MB = 2048
_VM_SIZE = re.compile(rb"^VmSize:\s+(\d+)\s+kB", re.MULTILINE)


def _resource() -> Any:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the per-document isolation stays on
        return None
    return resource


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
    if found is None:
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


@contextlib.contextmanager
def documents_read_in_place() -> Iterator[None]:
    """Turn the per-document child process off (the worker is the boundary), when it exists."""
    try:
        from ds160check.limits import current_limits, use_limits
    except ImportError:
        yield
        return
    limits = current_limits()
    with use_limits(replace(limits, timeout_s=0, max_memory_mb=0)):
        yield


@contextlib.contextmanager
def case_budget(seconds: int = CASE_CPU_SECONDS) -> Iterator[None]:
    """Run one case of a worker: CPU budget set, documents read in place."""
    if _resource() is None:
        yield
        return
    _cpu_budget(seconds)
    with documents_read_in_place():
        yield
