"""Throughput of ``ds160check batch --scheduler`` on a Dask cluster of 1 and 2 workers, beside the
local pool.

    python benchmarks/batch_dask.py [--cases 40] [--repeat 3] [--ship-files]

Writes N client folders with ``fixtures/batchcases.py`` (two 8-10-page print-outs, a
confirmation page, a refusal letter and three supporting documents each), then checks the same
folders, without the cache, on:

* the local process pool, ``--jobs 1`` and ``--jobs 2`` (for reference);
* a ``distributed.LocalCluster`` of 1 and of 2 worker processes (one thread each) on this
  machine, started once per configuration and used for every repeat (a cluster is started
  once and kept; what a batch pays each time is its workers' case processes starting).

Prints cases per second, the median of --repeat runs, and the speed-up of 2 workers over 1.
Every Dask run's reports are compared with the local pool's: they must be the same bytes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _timed(root: Path, out: Path, options: object) -> float:
    from ds160check.batch import run_batch

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    result = run_batch(root, out, options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    assert result.computed == len(result.rows), "every case computed (no cache)"
    return seconds


def measure(root: Path, work: Path, count: int, repeat: int, ship: bool) -> list[tuple[str, float]]:
    import distributed

    from ds160check.batch import BatchOptions

    rates = []
    reference = work / "local-2" / "reports"
    for jobs in (1, 2):
        out = work / f"local-{jobs}" / "reports"
        options = BatchOptions(jobs=jobs, cache=False, progress=False)
        runs = [_timed(root, out, options) for _ in range(repeat)]
        rates.append((f"local pool, --jobs {jobs}", count / statistics.median(runs)))
    expected = _outputs(reference)
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster:
            out = work / f"dask-{workers}" / "reports"
            options = BatchOptions(scheduler=cluster.scheduler_address, ship_files=ship, cache=False,
                                   progress=False)
            runs = [_timed(root, out, options) for _ in range(repeat)]
            if _outputs(out) != expected:
                raise SystemExit(f"the reports of {workers} Dask worker(s) differ from the local pool's")
        rates.append((f"Dask, {workers} worker(s){' --ship-files' if ship else ''}",
                      count / statistics.median(runs)))
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=40, help="client folders to check")
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration; the median counts")
    parser.add_argument("--ship-files", action="store_true", help="send the files to the workers as bytes")
    args = parser.parse_args()
    import batchcases

    work = Path(tempfile.mkdtemp(prefix="ds160check-bench-dask-"))
    try:
        batchcases.write_tree(work / "clients", args.cases)
        rates = measure(work / "clients", work, args.cases, args.repeat, args.ship_files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.cases} cases, median of {args.repeat} run(s), no cache; "
          "reports identical to the local pool's")
    for name, rate in rates:
        print(f"  {name:<34} {rate:6.2f} cases/s")
    one, two = rates[2][1], rates[3][1]
    print(f"  2 Dask workers over 1: {two / one:.2f}x")


if __name__ == "__main__":
    main()
