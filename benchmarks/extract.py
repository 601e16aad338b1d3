"""How much parsing adds to merely reading the text of a DS-160 print-out.

    python benchmarks/extract.py [PDF ...] [--repeat N] [--plumber-words]

For each PDF (default: every fixture print-out), in one run and one process:
  * pdfplumber ``page.extract_text()`` on every page (the reference cost),
  * pypdfium2 reading only the text of every page (the floor: no positions),
  * ``ds160check.extract`` with the pdfium reader (the default) and, with
    ``--plumber-words``, with the pdfplumber reader,
and prints CPU milliseconds per file (this process and the child ``extract``
reads in; medians of ``--repeat`` interleaved runs, so that a burst of other
load hits every column alike), the ratio extract / extract_text and extract /
the pdfium floor, and how many CPUs were free (of two busy processes) before
and after. Target (issue 2): the default extract at most 1.5x pdfplumber's
extract_text. Rules are loaded once before timing (a process does that once).
"""

from __future__ import annotations

import argparse
import math
import statistics
from collections.abc import Callable
from pathlib import Path

import pdfplumber
from common import cpu_seconds, cpus_free, pdfium_text

from ds160check.extraction import extract
from ds160check.rules import load_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "print"


def cpu_ms(run: Callable[[], object]) -> float:
    start = cpu_seconds()
    run()
    return (cpu_seconds() - start) * 1000


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def medians(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median CPU milliseconds of each run, the runs interleaved (one warm-up round first)."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for round_ in range(repeat + 1):
        for name, run in runs.items():
            elapsed = cpu_ms(run)
            if round_:
                samples[name].append(elapsed)
    return {name: statistics.median(times) for name, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--plumber-words", action="store_true",
                        help="also time extract with the pdfplumber reader (slow)")
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(FIXTURES.glob("*.pdf"))
    load_rules()
    free_before = cpus_free()
    print(
        f"{'file':<44} {'pages':>5} {'plumber text':>12} {'pdfium text':>11} {'extract':>9} "
        f"{'/plumber':>8} {'/pdfium':>7} {'extract/plumber':>16}"
    )
    ratios, floors, totals = [], [], []
    for pdf in pdfs:
        pages = extract(pdf).document.pages
        runs: dict[str, Callable[[], object]] = {
            "plumber": lambda p=pdf: plumber_text(p),
            "floor": lambda p=pdf: pdfium_text(p),
            "ours": lambda p=pdf: extract(p),
        }
        if args.plumber_words:
            runs["slow"] = lambda p=pdf: extract(p, backend="plumber")
        ms = medians(args.repeat, runs)
        ratio, floor = ms["ours"] / ms["plumber"], ms["ours"] / ms["floor"]
        ratios.append(ratio)
        floors.append(floor)
        totals.append(ms["ours"])
        print(
            f"{pdf.name:<44} {pages:>5} {ms['plumber']:>10.1f}ms {ms['floor']:>9.1f}ms "
            f"{ms['ours']:>7.1f}ms {ratio:>7.2f}x {floor:>6.1f}x {ms.get('slow', math.nan):>14.1f}ms"
        )
    if ratios:
        print(
            f"\nmedian ratio extract (pdfium) / pdfplumber extract_text: {statistics.median(ratios):.2f}x "
            f"(target <= 1.5x); worst {max(ratios):.2f}x\n"
            f"median extract / pdfium text floor: {statistics.median(floors):.1f}x; "
            f"mean extract {statistics.mean(totals):.1f} ms CPU a print-out\n"
            f"CPUs free: {free_before:.2f} before, {cpus_free():.2f} after "
            f"(CPU times, medians of {args.repeat} interleaved runs)"
        )


if __name__ == "__main__":
    main()
