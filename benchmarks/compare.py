"""How much the comparison adds to extracting both applications.

    python benchmarks/compare.py [--repeat N]

For pairs of fixture print-outs (the same applicant in two layouts, and two
different applicants), in one process: the time to extract both PDFs, and the
time of the comparison itself on the extracted applications. Times are CPU
(this process and the child ``extract`` reads in), medians of ``--repeat``
runs, extraction and comparison taking turns; how many CPUs were free (of two
busy processes) is printed before and after. Target (issue 3): the comparison
adds at most 10% to the extraction. List length: ``list_scaling.py``.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from pathlib import Path

from common import cpu_seconds, cpus_free

from ds160check.comparison.case import compare
from ds160check.extraction import extract
from ds160check.rules import load_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "print"
PAIRS = [
    ("kz-akhmetova-inline.pdf", "kz-akhmetova-table.pdf"),
    ("in-kondapalli-leaders.pdf", "in-kondapalli-table.pdf"),
    ("ua-kovalenko-leaders.pdf", "ua-kovalenko-table.pdf"),
    ("uz-toshmatov-inline.pdf", "kz-akhmetova-table.pdf"),
]


def median_ms(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Median CPU milliseconds of each run, the runs taking turns (one warm-up round first)."""
    samples: list[list[float]] = [[] for _ in runs]
    for round_ in range(repeat + 1):
        for times, run in zip(samples, runs, strict=True):
            start = cpu_seconds()
            run()
            if round_:
                times.append((cpu_seconds() - start) * 1000)
    return [statistics.median(times) for times in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    load_rules()
    free_before = cpus_free()
    print(f"{'old':<28} {'new':<28} {'extract both':>12} {'compare':>8} {'share':>6}")
    shares = []
    for old_name, new_name in PAIRS:
        old_path, new_path = FIXTURES / old_name, FIXTURES / new_name
        old, new = extract(old_path), extract(new_path)
        extract_ms, compare_ms = median_ms(
            args.repeat,
            lambda o=old_path, n=new_path: (extract(o), extract(n)),
            lambda o=old, n=new: compare(o, n),
        )
        share = compare_ms / extract_ms
        shares.append(share)
        print(
            f"{old_name:<28} {new_name:<28} {extract_ms:>10.1f}ms {compare_ms:>6.1f}ms {share:>5.1%}"
        )
    print(
        f"\nmedian share of comparison over extraction: {statistics.median(shares):.1%} (target <= 10%)\n"
        f"CPUs free: {free_before:.2f} before, {cpus_free():.2f} after"
    )


if __name__ == "__main__":
    main()
