"""The progress bar on standard error: cases done, errors, rate and time left. Only on a
terminal; quiet otherwise (logs and pipes get nothing)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 24
MIN_INTERVAL = 0.1


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.done = self.errors = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def advance(self, error: bool = False) -> None:
        self.done += 1
        self.errors += error
        now = time.monotonic()
        if self.enabled and (now - self._shown >= MIN_INTERVAL or self.done == self.total):
            self._shown = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-6)
        rate = self.done / elapsed
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        return (f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} cases · "
                f"{self.errors} error(s) · {rate:.1f} cases/s · {_clock(left)} left")

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
