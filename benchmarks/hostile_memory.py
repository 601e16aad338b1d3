"""A batch case of bloated Word files: the worker's peak memory and the time it takes.

    python benchmarks/hostile_memory.py [--documents 14] [--xml-mb 49] [--jobs 1]

Writes one client folder (the sample's two print-outs) with DOCUMENTS small
DOCX files whose XML unpacks to XML_MB each (one-letter paragraphs, just under
the default --max-unpacked), runs ``ds160check batch`` on it in a fresh
process and prints the peak RSS of its processes (``ru_maxrss`` of the
children: the largest of the main process and the workers), the wall time,
and what became of each document. Issue 14 measured 2.1 GB for 14 such files
before a worker gave back what each document took.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
sys.path.insert(0, str(ROOT / "tests"))
from hostile_files import bloated_docx  # noqa: E402 - the suite's generator of hostile files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=14)
    parser.add_argument("--xml-mb", type=int, default=49)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        case = Path(scratch) / "clients" / "client"
        case.mkdir(parents=True)
        for name in ("old.pdf", "new.pdf"):
            shutil.copy(SAMPLE / name, case / name)
        for number in range(args.documents):
            bloated_docx(case / f"statement-{number:02d}.docx", args.xml_mb)
        packed = sum(p.stat().st_size for p in case.glob("*.docx")) // 1024
        out = Path(scratch) / "out"
        start = time.perf_counter()
        command = [sys.executable, "-m", "ds160check", "batch", str(case.parent), "-o", str(out), "--jobs",
                   str(args.jobs), "--no-cache", "--format", "json", "--fail-on", "none"]
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        if run.returncode != 0:
            sys.exit(f"batch failed ({run.returncode}): {run.stderr}")
        report = json.loads((out / "cases" / "client" / "report.json").read_text())
        taken: dict[str, int] = {}
        for entry in report["files"]:
            if entry["name"].endswith(".docx"):
                key = f"{entry['taken_as']}: {entry['detail']}" if entry["taken_as"] == "unreadable" \
                    else entry["taken_as"]
                taken[key] = taken.get(key, 0) + 1
        print(f"{args.documents} DOCX of {args.xml_mb} MB XML each ({packed} kB packed), --jobs {args.jobs}")
        print(f"status {report['status']}; {seconds:.1f} s; peak RSS {peak_mb} MB")
        for what, count in sorted(taken.items()):
            print(f"  {count} x {what}")


if __name__ == "__main__":
    main()
