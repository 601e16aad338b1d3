"""Safety limits on one input document: file size, pages, unpacked size, time and memory.

Brokers pass whatever clients send, now and then a broken or hostile file. Each
limit has a default that real DS-160s and supporting documents stay far below,
an error that names the file and the limit, and a command-line flag to raise it:

    >>> with use_limits(Limits(max_pages=500, timeout_s=60)):
    ...     app = extract("long-statement.pdf")

The limits in force are a context variable, so that every reader down the
pipeline (``read_pdf``, ``load_document``) sees the same ones without each
caller passing them on. Time and memory are enforced by
:mod:`ds160check.isolation`, which reads each document in a child process.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ds160check.errors import LimitExceededError

MB: Final = 1024 * 1024

# A DS-160 print-out is well under 1 MB; scanned bank statements reach tens of MB.
DEFAULT_MAX_SIZE_MB: Final = 50
# A DS-160 print-out has about ten pages and supporting documents rarely 100.
DEFAULT_MAX_PAGES: Final = 200
# Reading a print-out takes well under a second; a file that takes 30 s is pathological.
DEFAULT_TIMEOUT_S: Final = 30.0
# Memory one document's reading may add to the process; a print-out needs ~20 MB.
DEFAULT_MAX_MEMORY_MB: Final = 1024
# What a DOCX may unpack to (python-docx holds every part, pictures too, in memory).
DEFAULT_MAX_UNPACKED_MB: Final = 200
# Its XML may unpack to this share of that: lxml needs several times the XML's size.
XML_SHARE_OF_UNPACKED: Final = 4


@dataclass(frozen=True)
class Limits:
    """The limits for reading one document. ``0`` turns the time or memory limit off."""

    max_size_mb: float = DEFAULT_MAX_SIZE_MB
    max_pages: int = DEFAULT_MAX_PAGES
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    max_unpacked_mb: int = DEFAULT_MAX_UNPACKED_MB

    def __post_init__(self) -> None:
        for name in ("max_size_mb", "max_pages", "max_unpacked_mb"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be more than 0, not {getattr(self, name)!r}")
        for name in ("timeout_s", "max_memory_mb"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"{name} must be 0 (no limit) or more, not {getattr(self, name)!r}")

    @property
    def max_unpacked_bytes(self) -> int:
        return int(self.max_unpacked_mb * MB)

    @property
    def max_xml_bytes(self) -> int:
        return self.max_unpacked_bytes // XML_SHARE_OF_UNPACKED


DEFAULT_LIMITS: Final = Limits()
_CURRENT: ContextVar[Limits] = ContextVar("ds160check_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The limits in force (``DEFAULT_LIMITS`` unless a caller set others)."""
    return _CURRENT.get()


# Set by the document's reader (``isolation``) while it holds a document to the time limit.
_MORE_TIME: ContextVar[Callable[[], None] | None] = ContextVar("ds160check_more_time", default=None)


def page_read_by_ocr() -> None:
    """A page is about to be read by OCR: the document's time limit grows by its own length.

    The time limit is there to stop a pathological file; a scan of twenty pages read at two
    seconds a page is not one, and a single limit for the whole document cut it off (a six-page
    scan took 34 s on a busy machine). Each page OCR'd gets the limit again, so a page that hangs
    is still stopped."""
    hook = _MORE_TIME.get()
    if hook is not None:
        hook()


@contextmanager
def more_time_by(hook: Callable[[], None]) -> Iterator[None]:
    """While reading one document: ``hook`` gives it more time, each time a page is OCR'd."""
    token = _MORE_TIME.set(hook)
    try:
        yield
    finally:
        _MORE_TIME.reset(token)


@contextmanager
def use_limits(limits: Limits) -> Iterator[Limits]:
    """Read documents under ``limits`` inside the ``with`` block."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def check_size(path: str | Path, limits: Limits | None = None) -> None:
    """Refuse a regular file over ``max_size_mb`` before anything opens it.

    A missing file, a folder or a pipe passes: the reader says what is wrong with those.
    """
    limits = limits or current_limits()
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return
    if stat.S_ISREG(info.st_mode) and info.st_size > limits.max_size_mb * MB:
        raise LimitExceededError(
            path,
            f"the file is {_megabytes(info.st_size)} MB, more than the limit of "
            f"{limits.max_size_mb:g} MB; raise it with --max-size",
        )


def _megabytes(size: int) -> str:
    """Sizes just over a limit must not round down to it: 50.2 MB, not 50 MB."""
    return f"{size / MB:.1f}" if size < 100 * MB else f"{size / MB:.0f}"
