"""Run the ds160check command line on many inputs, each in its own child process.

    python tests/hostile_runner.py JOBS.json RESULTS.json

JOBS is a list of ``{"args": [...], "timeout": seconds}``. Starting a fresh
interpreter per input costs ~0.4 s of imports and rule loading (2 s with the
spaCy pipeline supporting documents need), so this process imports and warms
everything once and forks a child per job, 2 at a time. A child is the command
line exactly as the ``ds160check`` script runs it, with its output in files; a
Python exception escaping it (a traceback) exits with ``TRACEBACK_EXIT``.

Each child gets its own process group, so that a hang is killed with every
reading worker it started. RESULTS has, per job: exit code (``null`` for a
hang), stdout, stderr, seconds, and the peak resident memory of the child and
its reading workers (``wait4``), with the warm parent's own as ``baseline_kb``.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

PARALLEL = 2
TRACEBACK_EXIT = 70
POLL_S = 0.005
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def warm_up() -> None:
    """Import and load what the jobs need, so that every fork inherits it."""
    from ds160check.cli import cli  # noqa: F401
    from ds160check.comparison.case import compare
    from ds160check.limits import Limits, use_limits

    prints = FIXTURES / "print"
    # An "other" document: its text goes through the spaCy pipeline, which is then loaded.
    letter = FIXTURES / "documents" / "refusal" / "not_refusal_employment_letter.docx"
    with use_limits(Limits(timeout_s=0, max_memory_mb=0)):  # in this process: warm its caches
        compare(prints / "uz-toshmatov-inline.pdf", prints / "uz-toshmatov-leaders.pdf", [letter])


def run_child(args: list[str], out: Path, err: Path) -> None:  # pragma: no cover - in the child
    os.setpgid(0, 0)
    for fd, path in ((1, out), (2, err)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    from ds160check.cli import cli

    code = 0
    try:
        cli.main(args=args, prog_name="ds160check")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - exactly what the test looks for
        traceback.print_exc()
        code = TRACEBACK_EXIT
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(code)


def run_jobs(jobs: list[dict[str, Any]], scratch: Path) -> list[dict[str, Any]]:
    results: list[dict[str, Any] | None] = [None] * len(jobs)
    waiting = list(range(len(jobs)))
    running: dict[int, tuple[int, float, Path, Path]] = {}
    killed: set[int] = set()
    while waiting or running:
        while waiting and len(running) < PARALLEL:
            index = waiting.pop(0)
            out, err = scratch / f"{index}.out", scratch / f"{index}.err"
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:  # pragma: no cover
                run_child(jobs[index]["args"], out, err)
            running[pid] = (index, time.monotonic(), out, err)
        pid, status, usage = os.wait4(-1, os.WNOHANG)
        if pid == 0:
            _kill_overdue(jobs, running, killed)
            time.sleep(POLL_S)
            continue
        index, started, out, err = running.pop(pid)
        results[index] = {
            **jobs[index],
            "exit": None if pid in killed else os.waitstatus_to_exitcode(status),
            "stdout": out.read_text(encoding="utf-8", errors="replace"),
            "stderr": err.read_text(encoding="utf-8", errors="replace"),
            "seconds": round(time.monotonic() - started, 3),
            "peak_rss_kb": usage.ru_maxrss,
        }
    return [r for r in results if r is not None]


def _kill_overdue(
    jobs: list[dict[str, Any]], running: dict[int, tuple[int, float, Path, Path]], killed: set[int]
) -> None:
    now = time.monotonic()
    for pid, (index, started, _, _) in running.items():
        if pid not in killed and now - started > jobs[index]["timeout"]:
            killed.add(pid)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)  # the child and any reading worker it started


def main() -> None:
    jobs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    warm_up()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as scratch:
        results = run_jobs(jobs, Path(scratch))
    report = {"baseline_kb": baseline, "results": results}
    Path(sys.argv[2]).write_text(json.dumps(report), encoding="utf-8")


if __name__ == "__main__":
    main()
