"""Start-up of the command line: each command in a fresh process, as a user runs it.

    python benchmarks/startup.py [--repeat 7] [--python PATH]

Measures, in the same run and interleaved (one of each, then again), so that other load on the
machine slows every command alike:

* ``ds160check --help``;
* a cold ``ds160check extract new.pdf`` of the bundled sample print-out (``fixtures/sample``);
* a cold ``ds160check compare old.pdf new.pdf refusal-letter.pdf LETTER.docx``: the sample case
  with its refusal letter and one supporting document as DOCX (an employment certificate of
  ``fixtures/evidence/documents``), which loads the supporting-document pipeline.

For each: the median wall time and the median CPU time of the process and its children
(``RUSAGE_CHILDREN``, so a document read in a child process counts), and how many CPUs were free
before and after (two busy processes timed together against one alone). Targets (the start-up
issue): a cold ``compare`` with a letter and a DOCX within 1.6x a cold ``extract``; ``--help`` under
0.1 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import cpus_available

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
DOCX = ROOT / "fixtures" / "evidence" / "documents" / "employment_letter_kz_certificate_docx.docx"
COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "extract": ["extract", str(SAMPLE / "new.pdf")],
    "compare": ["compare", str(SAMPLE / "old.pdf"), str(SAMPLE / "new.pdf"),
                str(SAMPLE / "refusal-letter.pdf"), str(DOCX)],
}
# compare exits 1 on purpose: the sample has critical findings.
ACCEPTED_CODES = (0, 1)


def run_once(python: str, args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh ``python -m ds160check ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([python, "-m", "ds160check", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ACCEPTED_CODES:
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command (median kept)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter with ds160check")
    args = parser.parse_args()
    env_note = f"{os.cpu_count()} CPUs, {cpus_available():.2f} free before"
    for args_ in COMMANDS.values():  # once each, unmeasured: the files in the page cache
        run_once(args.python, args_)
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            wall, cpu = run_once(args.python, command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    env_note += f", {cpus_available():.2f} after"
    print(f"{args.repeat} interleaved runs each; {env_note}")
    print("| command | wall (median) | CPU (median) | wall min-max |")
    print("|---|---|---|---|")
    for name in COMMANDS:
        print(f"| `{name}` | {statistics.median(walls[name]):.3f} s | {statistics.median(cpus[name]):.3f} s "
              f"| {min(walls[name]):.3f}-{max(walls[name]):.3f} s |")
    extract = statistics.median(walls["extract"]), statistics.median(cpus["extract"])
    compare = statistics.median(walls["compare"]), statistics.median(cpus["compare"])
    print(f"\ncold compare / cold extract: {compare[0] / extract[0]:.2f}x wall, "
          f"{compare[1] / extract[1]:.2f}x CPU (target: 1.6x)")


if __name__ == "__main__":
    main()
