"""Read one document in a child process, so that a hostile file cannot hang or exhaust us.

Why a process, not a thread or ``signal.alarm``: the time goes where the file
is parsed, and much of that is C (pdfium, libxml2). A signal handler runs only
between Python bytecodes, so an alarm cannot stop a loop inside a C call, and
it works only in the main thread (a batch may read from worker threads). A
thread cannot be stopped at all: it would go on using CPU and memory after we
gave up on it. A child process can be killed at the time limit, can be given a
memory limit of its own (``RLIMIT_AS``: an allocation past it fails there, not
in the caller), and its crash (a segfault in C code) ends only the child.

The price is a fork per document (3-5 ms; reading a print-out takes ~70) and sending the result back
(a print-out's fields pickle to ~35 kB). Where the process has a single thread
the child is a plain ``os.fork`` of the caller: it inherits the loaded rules
and needs no pickling of its arguments. With other threads running a fork may
copy a lock some thread holds, so a fresh interpreter is used instead
(``forkserver`` or, without it, ``spawn``): the function and its arguments
must then pickle.

Errors raised in the child travel back and are raised again in the caller;
an unexpected one carries the child's traceback as a note (``--debug`` shows it).
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
import pickle
import re
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Final, TypeVar

from ds160check.errors import InputError, LimitExceededError
from ds160check.limits import MB, Limits, check_size, current_limits, more_time_by, use_limits

T = TypeVar("T")

# Set in a child: the document is isolated already, nested guards run in place.
_in_child = False
# Set in a batch worker (the isolation boundary itself): documents are read in place, each held
# to the limits by a memory window and a timer instead of a child process (see _run_in_place).
_boundary = False
# glibc's malloc_trim, once looked up (False: not available).
_malloc_trim: Any = None

_OK: Final = "ok"
_RAISED: Final = "raised"
_MORE: Final = "more time"  # a page is being OCR'd: the time limit grows by its length
# Signals a reader dies of on a bad file, or when an allocation past the memory limit fails in C.
_CRASH_SIGNALS: Final = frozenset(
    getattr(signal, name)
    for name in ("SIGSEGV", "SIGBUS", "SIGABRT", "SIGILL", "SIGFPE", "SIGTRAP")
    if hasattr(signal, name)  # Windows has only some of them
)
# CPU seconds a child may use beyond the time limit before the kernel stops it (see _limit_cpu).
CPU_SLACK_S: Final = 5
_VM_SIZE = re.compile(rb"^VmSize:\s+(\d+)\s+kB", re.MULTILINE)
_VM_RSS = re.compile(rb"^VmRSS:\s+(\d+)\s+kB", re.MULTILINE)
# A read in place that grew the worker by more than this is followed by a collection and a trim
# of the heap (each costs milliseconds: not after every small letter).
RETURN_FREED_ABOVE: Final = 64 * MB


def isolated_already() -> None:
    """Mark this process as the isolation boundary itself (a batch worker, held to a CPU and memory
    budget of its own and replaced when it dies): documents are then read in place, without a
    child process each."""
    global _boundary
    _boundary = True


def run_limited(path: str | Path, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``func(*args, **kwargs)`` reading the document at ``path`` under the current limits.

    The file size is checked first; then ``func`` runs in a child process
    killed at ``timeout_s`` and held to ``max_memory_mb``. Raises
    :class:`LimitExceededError` for either, and :class:`InputError` when the
    child crashed.
    """
    limits = current_limits()
    check_size(path, limits)
    if _in_child or not (limits.timeout_s or limits.max_memory_mb):
        return func(*args, **kwargs)
    if _boundary:
        return _run_in_place(Path(path), limits, func, args, kwargs)
    if _single_threaded() and hasattr(os, "fork"):
        return _run_forked(Path(path), limits, func, args, kwargs)
    return _run_spawned(Path(path), limits, func, args, kwargs)


def _single_threaded() -> bool:
    return threading.active_count() == 1


# --- in place, in a batch worker ------------------------------------------------


class _TimeUp(BaseException):
    """Raised by the timer of :func:`_run_in_place` (not an Exception: no reader may swallow it)."""


def _run_in_place(path: Path, limits: Limits, func: Callable[..., T], args: Any, kwargs: Any) -> T:
    """``func`` in this process, held to the document's limits: its address space may grow by
    ``max_memory_mb`` (``RLIMIT_AS`` lowered for the read and put back after: an allocation past
    it fails here, as a MemoryError), and a timer stops it at ``timeout_s``. The timer runs
    between Python bytecodes only; a loop inside C code is ended by the worker's CPU budget for
    the case (``batch/guard.py``), which costs the case, not the batch."""
    global _in_child
    _in_child = True  # documents read by func (a print-out's pages) are within this one
    before = _resident_bytes()
    try:
        with _memory_window(limits.max_memory_mb), _timer(limits.timeout_s):
            return func(*args, **kwargs)
    except MemoryError:
        if limits.max_memory_mb:
            raise _memory_error(path, limits) from None
        raise
    except _TimeUp:
        raise _timeout_error(path, limits) from None
    finally:
        _in_child = False
        after = _resident_bytes()
        if before is not None and after is not None and after - before > RETURN_FREED_ABOVE:
            _return_freed_memory()


def _return_freed_memory() -> None:
    """Give the heap a document's reading freed back to the system: python-docx's objects hold
    each other in cycles (freed at the next collection, not on return), and glibc keeps freed
    heap otherwise: a worker that read one 50 MB XML would hold 800 MB for the rest of the batch."""
    global _malloc_trim
    gc.collect()
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (ImportError, OSError, AttributeError):  # not glibc: nothing to do
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


@contextlib.contextmanager
def _memory_window(max_memory_mb: int) -> Any:
    resource = _rlimits()
    current = _address_space_bytes() if resource is not None and max_memory_mb else None
    if resource is None or current is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    window = current + max_memory_mb * MB
    if soft != resource.RLIM_INFINITY:
        window = min(window, soft)
    resource.setrlimit(resource.RLIMIT_AS, (window, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextlib.contextmanager
def _timer(timeout_s: float) -> Any:
    in_main = threading.current_thread() is threading.main_thread()
    if not timeout_s or not hasattr(signal, "setitimer") or not in_main:
        yield
        return

    def time_up(_signum: int, _frame: Any) -> None:
        raise _TimeUp

    def more_time() -> None:  # a page OCR'd: the time left grows by the limit
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left + timeout_s)

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        with more_time_by(more_time):
            yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _rlimits() -> Any:
    try:
        import resource
    except ImportError:  # Windows: no rlimits
        return None
    return resource


# --- the child ---------------------------------------------------------------


def _child_main(conn: Connection, limits: Limits, func: Callable[..., Any], args: Any, kwargs: Any) -> None:
    """Run ``func`` and send ``(OK, result)`` or ``(RAISED, exception, traceback)``."""
    global _in_child
    _in_child = True
    _limit_memory(limits.max_memory_mb)
    _limit_cpu(limits.timeout_s)

    def more_time() -> None:  # a page OCR'd: tell the parent, and raise the CPU backstop alike
        conn.send((_MORE,))
        _limit_cpu(limits.timeout_s, more=True)

    try:
        with use_limits(limits), more_time_by(more_time):
            outcome: tuple[Any, ...] = (_OK, func(*args, **kwargs))
    except KeyboardInterrupt:
        return
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
        outcome = (_RAISED, exc, traceback.format_exc())
    try:
        conn.send(outcome)
    except Exception as exc:  # noqa: BLE001 - a result or an exception that does not pickle
        plain = _plain_input_error(outcome[1]) if outcome[0] == _RAISED else None
        if plain is not None:  # the file's one-line reason, without what would not pickle
            conn.send((_RAISED, plain, outcome[2]))
        else:
            detail = f"{type(exc).__name__} while sending the result back:\n{''.join(outcome[2:]) or ''}"
            conn.send((_RAISED, RuntimeError(detail), traceback.format_exc()))
    finally:
        conn.close()


def _plain_input_error(exc: BaseException) -> InputError | None:
    """An input error made again from its file and reason alone: once, on a busy CI machine, a
    damaged DOCX's error did not pickle (an lxml error log reached it), and the user got a
    traceback instead of "the DOCX is damaged or truncated"."""
    if not isinstance(exc, InputError):
        return None
    try:
        again = type(exc)(exc.path, exc.reason)
        pickle.dumps(again)
    except Exception:  # noqa: BLE001 - a subclass made or pickled another way: the plain class
        return InputError(exc.path, exc.reason)
    return again


def _limit_memory(max_memory_mb: int) -> None:
    """Cap the child's address space at what it uses now plus ``max_memory_mb``."""
    if not max_memory_mb:
        return
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still holds
        return
    current = _address_space_bytes()
    if current is None:
        return
    cap = current + max_memory_mb * MB
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _limit_cpu(timeout_s: float, *, more: bool = False) -> None:
    """A backstop: should the caller die without killing us, the kernel ends a looping child.
    ``more``: the limit in force grows by ``timeout_s`` (a page is being OCR'd)."""
    if not timeout_s:
        return
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if more and soft != resource.RLIM_INFINITY:
        seconds = soft + math.ceil(timeout_s)
    else:
        seconds = math.ceil(timeout_s) + CPU_SLACK_S
    if hard != resource.RLIM_INFINITY:
        seconds = min(seconds, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, hard))


def _resident_bytes() -> int | None:
    try:
        with open("/proc/self/status", "rb") as status:
            found = _VM_RSS.search(status.read())
    except OSError:
        return None
    return int(found.group(1)) * 1024 if found else None


def _address_space_bytes() -> int | None:
    try:
        with open("/proc/self/status", "rb") as status:
            found = _VM_SIZE.search(status.read())
    except OSError:  # not Linux: RLIMIT_AS is not enforced on macOS anyway
        return None
    return int(found.group(1)) * 1024 if found else None


# --- the parent --------------------------------------------------------------


def _run_forked(path: Path, limits: Limits, func: Callable[..., T], args: Any, kwargs: Any) -> T:
    read_fd, write_fd = os.pipe()
    reader, writer = Connection(read_fd, writable=False), Connection(write_fd, readable=False)
    _flush_std_streams()  # or the child would inherit, and later write, half-written output
    # The child's collections would walk every object it inherits (the rules, the pipeline, the
    # documents read so far), touching their pages: frozen, they are left out (a compare's children
    # 0.20 -> 0.145 s of CPU). The parent unfreezes; one that froze its own objects (a batch worker)
    # is left as it is, as unfreezing cannot tell theirs from ours.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        pid = os.fork()
    except BaseException:
        if freeze:
            gc.unfreeze()
        raise
    if pid == 0:  # pragma: no cover - runs in the child; its outcome is what the tests check
        code = 0
        try:
            reader.close()
            _child_main(writer, limits, func, args, kwargs)
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers
    if freeze:
        gc.unfreeze()
    writer.close()
    try:
        result: T = _outcome(path, limits, reader, _ForkedChild(pid))
        return result
    finally:
        reader.close()


def _run_spawned(path: Path, limits: Limits, func: Callable[..., T], args: Any, kwargs: Any) -> T:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_child_main, args=(writer, limits, func, args, kwargs))  # type: ignore[attr-defined]
    process.start()
    writer.close()
    try:
        result: T = _outcome(path, limits, reader, _SpawnedChild(process))
        return result
    finally:
        reader.close()


class _ForkedChild:
    def __init__(self, pid: int) -> None:
        self.pid = pid

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def exit_code(self) -> int:
        """Wait for the child; its exit code, or minus the signal that ended it."""
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


class _SpawnedChild:
    def __init__(self, process: Any) -> None:
        self.process = process

    def kill(self) -> None:
        self.process.kill()

    def exit_code(self) -> int:
        self.process.join()
        return int(self.process.exitcode or 0)


def _outcome(path: Path, limits: Limits, reader: Connection, child: _ForkedChild | _SpawnedChild) -> Any:
    """Wait for the child's message within the time limit, then for the child itself."""
    message: tuple[Any, ...] | None = None
    deadline = time.monotonic() + limits.timeout_s if limits.timeout_s else None
    pages = 0
    try:
        while True:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not reader.poll(wait):
                raise _timeout_error(path, limits, pages)
            try:
                message = reader.recv()
            except (EOFError, OSError):
                message = None  # the child died before it could answer
            if message is None or message[0] != _MORE:
                break
            pages += 1  # a page OCR'd: as much time again
            if deadline is not None:
                deadline += limits.timeout_s
            message = None
    finally:
        if message is None:
            child.kill()
        code = child.exit_code()
    if message is None:
        if -code == getattr(signal, "SIGXCPU", None):  # the CPU backstop of _limit_cpu fired first
            raise _timeout_error(path, limits, pages)
        raise _crash_error(path, limits, code)
    if message[0] == _OK:
        return message[1]
    _, exc, child_traceback = message
    raise _as_raised(path, limits, exc, child_traceback)


def _timeout_error(path: Path, limits: Limits, pages: int = 0) -> LimitExceededError:
    read = f"{pages} page{'s' if pages != 1 else ''}"
    more = f" and as much again for each page read by OCR ({read})" if pages else ""
    return LimitExceededError(
        path,
        f"reading the file took longer than the time limit of {limits.timeout_s:g} s{more}; "
        "raise it with --timeout",
    )


def _memory_error(path: Path, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        path,
        f"reading the file needs more memory than the limit of {limits.max_memory_mb} MB; "
        "raise it with --max-memory",
    )


def _crash_error(path: Path, limits: Limits, code: int) -> InputError:
    if -code in _CRASH_SIGNALS:
        name = signal.Signals(-code).name
        memory = f", or needs more memory than the limit of {limits.max_memory_mb} MB (--max-memory)"
        return InputError(
            path,
            f"the reader crashed on this file ({name}): it is damaged or hostile"
            f"{memory if limits.max_memory_mb else ''}",
        )
    return InputError(path, f"the reader stopped without an answer (exit code {code})")


def _as_raised(path: Path, limits: Limits, exc: BaseException, child_traceback: str) -> BaseException:
    if isinstance(exc, MemoryError) and limits.max_memory_mb:
        return _memory_error(path, limits)
    if not isinstance(exc, InputError):
        # A bug, not a bad file: keep where it happened for --debug.
        exc.add_note(f"Raised while reading {path} in a child process:\n{child_traceback}")
    return exc


def _flush_std_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):  # closed or replaced streams
            stream.flush()
