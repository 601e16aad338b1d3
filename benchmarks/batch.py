"""Throughput and memory of ``ds160check batch`` on generated client folders.

    python benchmarks/batch.py [--cases 50,500] [--jobs 1,2] [--keep DIR]

For each N in --cases, writes N client folders with ``fixtures/batchcases.py``
(each: two 8-10-page DS-160 print-outs, a confirmation page, a 214(b) refusal
letter and three supporting documents, one of them DOCX), then measures in the
same run:

* the floor: the time pypdfium2 needs only to read the text of every PDF of
  those folders (one process, no parsing);
* ``run_batch`` with each --jobs value, no cache: cases per second, per core,
  and the speed-up of the largest --jobs over --jobs 1;
* the peak resident memory of a worker (``ru_maxrss`` of the children of a
  fresh process running the batch), to show it stays flat as N grows;
* a re-run of the unchanged tree with the cache, and how much faster it is.

Each batch runs in a fresh Python process, so one measurement cannot warm or
inflate the next. Targets (issue 5): at least 5 cases/s per core, --jobs 2 at
least 1.8x --jobs 1, worker memory flat from 50 to 500 cases, a cached re-run
at least 20x faster.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))


def _write(job: tuple[str, int]) -> None:
    import batchcases

    root, index = job
    batchcases.write_case(Path(root) / batchcases.client_name(index), index)


def generate(root: Path, count: int, jobs: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_write, [(str(root), i) for i in range(count)], chunksize=8))
    return time.perf_counter() - start


def floor_seconds(root: Path) -> float:
    """pypdfium2 reading the text of every page of every PDF under ``root``."""
    import pypdfium2

    pdfs = sorted(p for p in root.rglob("*.pdf"))
    start = time.perf_counter()
    for path in pdfs:
        document = pypdfium2.PdfDocument(path)
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()
    return time.perf_counter() - start


MEASURE = """
import json, resource, sys, time
from ds160check.batch import BatchOptions, run_batch
root, out, jobs, cache = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "cache"
start = time.perf_counter()
result = run_batch(root, out, BatchOptions(jobs=jobs, cache=cache, progress=False))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cases": len(result.rows), "computed": result.computed,
                  "worker_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "main_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def measure(root: Path, out: Path, jobs: int, cache: bool) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", MEASURE, str(root), str(out), str(jobs),
                           "cache" if cache else "no-cache"], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench(count: int, jobs_list: list[int], work: Path) -> dict[str, Any]:
    root = work / f"clients-{count}"
    generated = generate(root, count, max(jobs_list))
    floor = floor_seconds(root)
    row: dict[str, Any] = {"cases": count, "generated_s": generated, "floor_s": floor,
                           "floor_cases_per_s": count / floor, "runs": {}}
    for jobs in jobs_list:
        run = measure(root, work / f"out-{count}-{jobs}", jobs, cache=False)
        assert run["cases"] == count, run
        run["cases_per_s"] = count / run["seconds"]
        run["cases_per_s_per_core"] = run["cases_per_s"] / jobs
        row["runs"][jobs] = run
    out = work / f"out-{count}-cached"
    first = measure(root, out, max(jobs_list), cache=True)
    again = measure(root, out, max(jobs_list), cache=True)
    row["cache"] = {"first_s": first["seconds"], "rerun_s": again["seconds"],
                    "recomputed": again["computed"], "speedup": first["seconds"] / again["seconds"]}
    return row


def report(rows: list[dict[str, Any]], jobs_list: list[int]) -> str:
    low, high = min(jobs_list), max(jobs_list)
    lines = ["| cases | floor (pypdfium2 text only) | " + " | ".join(
        f"--jobs {j}: cases/s (per core)" for j in jobs_list)
        + f" | jobs {high} / jobs {low} | worker peak RSS | cached re-run |",
        "|---|---|" + "---|" * len(jobs_list) + "---|---|---|"]
    for row in rows:
        runs = row["runs"]
        cells = [f"{runs[j]['cases_per_s']:.2f} ({runs[j]['cases_per_s_per_core']:.2f})" for j in jobs_list]
        ratio = runs[high]["cases_per_s"] / runs[low]["cases_per_s"]
        rss = max(runs[j]["worker_maxrss_kb"] for j in jobs_list) / 1024
        cache = row["cache"]
        lines.append(f"| {row['cases']} | {row['floor_cases_per_s']:.1f} cases/s | " + " | ".join(cells)
                     + f" | {ratio:.2f}x | {rss:.0f} MB | {cache['rerun_s']:.2f} s "
                       f"({cache['speedup']:.0f}x faster, {cache['recomputed']} recomputed) |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default="50,500", help="comma-separated numbers of client folders")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--keep", type=Path, default=None, help="work in DIR and keep it")
    args = parser.parse_args()
    counts = [int(n) for n in args.cases.split(",")]
    jobs_list = sorted(int(j) for j in args.jobs.split(","))
    with tempfile.TemporaryDirectory(prefix="ds160check-bench-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for count in counts:
            rows.append(bench(count, jobs_list, work))
            print(json.dumps(rows[-1], indent=1), file=sys.stderr)
        print(report(rows, jobs_list))


if __name__ == "__main__":
    main()
