"""A batch worker's steady state in this process: CPU a case, beside the text floor.

    python benchmarks/worker_loop.py CLIENTS [--cases N] [--rounds R] [--floor] [--profile FILE]

``CLIENTS`` is a folder of client folders (``batch.py --keep DIR`` leaves ``DIR/clients-50``).
Sets the process up as a worker is (``set_up_worker``: rules, pipeline, ``gc.freeze``, documents
read in place), runs one case unmeasured, then ``run_task`` on each of the first N cases as a
worker runs them (reports rendered as JSON and HTML, cache key, fingerprints) and prints the CPU
milliseconds a case of each round; ``--floor`` also times pypdfium2 reading only the text of the
same PDFs before each round (the floor of ``batch.py``), ``--profile`` writes a cProfile of the
last round. No start-up, no pool: what a worker spends per case once it runs.

On a shared machine the timed figures move with the load; two trees compared side by side (both
started at once) see the same load, and ``valgrind --tool=cachegrind`` counts instructions, which
load does not change (benchmarks/README.md, "a third pass").
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import time
from pathlib import Path

import pypdfium2

from ds160check.batch import BatchOptions
from ds160check.batch.runner import Batch
from ds160check.batch.task import Task, run_task, set_up_worker


def tasks_of(root: Path, count: int) -> list[Task]:
    """The tasks the main process would hand out for the folders under ``root`` (first ``count``)."""
    options = BatchOptions(jobs=1, cache=True, progress=False)
    batch = Batch(root, root.parent / "worker-loop-out", options, None)  # nothing is written there
    return [task for _, task in batch._serve_cached()][:count]


def floor_ms(tasks: list[Task]) -> float:
    """pypdfium2 reading only the text of every PDF of ``tasks``: CPU milliseconds a case."""
    pdfs = [path for task in tasks for path in task.files if path.suffix.lower() == ".pdf"]
    start = time.process_time()
    for path in pdfs:
        document = pypdfium2.PdfDocument(path)
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()
    return 1000 * (time.process_time() - start) / len(tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clients", type=Path)
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--floor", action="store_true", help="time the text floor before each round")
    parser.add_argument("--profile", type=Path, default=None, help="cProfile of the last round into FILE")
    args = parser.parse_args()
    tasks = tasks_of(args.clients, args.cases)
    start = time.process_time()
    set_up_worker()
    out: dict[str, object] = {"cases": len(tasks), "set_up_s": time.process_time() - start}
    run_task(tasks[0])  # the first case builds what later ones find built
    case_ms, floors = [], []
    for round_ in range(args.rounds):
        if args.floor:
            floors.append(floor_ms(tasks))
        profile = cProfile.Profile() if args.profile and round_ == args.rounds - 1 else None
        start = time.process_time()
        if profile:
            profile.enable()
        for task in tasks:
            run_task(task)
        if profile:
            profile.disable()
            profile.dump_stats(args.profile)
        case_ms.append(1000 * (time.process_time() - start) / len(tasks))
    out["case_ms"] = case_ms
    if floors:
        out["floor_ms"] = floors
        out["x_floor"] = [case / floor for case, floor in zip(case_ms, floors, strict=True)]
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == "__main__":
    main()
