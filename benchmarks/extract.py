"""How much parsing adds to merely reading the text of a DS-160 print-out.

    python benchmarks/extract.py [PDF ...] [--repeat N]

For each PDF (default: every fixture print-out), in one run and one process:
  * pdfplumber ``page.extract_text()`` on every page (the reference cost),
  * ``ds160check.extract`` with the pdfium reader (the default) and with the
    pdfplumber reader,
and prints milliseconds per file and the ratio extract / extract_text.
Target (issue 2): the default extract at most 1.5x pdfplumber's extract_text.
Rules are loaded once before timing (a process does that once).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from ds160check.extraction import extract
from ds160check.rules import load_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "print"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The median of ``repeat`` timings, in milliseconds (one warm-up run first)."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(FIXTURES.glob("*.pdf"))
    load_rules()
    print(
        f"{'file':<44} {'pages':>5} {'plumber text':>12} {'extract':>9} {'ratio':>6} "
        f"{'extract/plumber':>16}"
    )
    ratios = []
    for pdf in pdfs:
        pages = extract(pdf).document.pages
        text_ms = best_of(args.repeat, lambda p=pdf: plumber_text(p))
        ours_ms = best_of(args.repeat, lambda p=pdf: extract(p))
        slow_ms = best_of(args.repeat, lambda p=pdf: extract(p, backend="plumber"))
        ratio = ours_ms / text_ms
        ratios.append(ratio)
        print(
            f"{pdf.name:<44} {pages:>5} {text_ms:>10.1f}ms {ours_ms:>7.1f}ms {ratio:>5.2f}x "
            f"{slow_ms:>14.1f}ms"
        )
    if ratios:
        print(
            f"\nmedian ratio extract (pdfium) / pdfplumber extract_text: {statistics.median(ratios):.2f}x "
            f"(target <= 1.5x); worst {max(ratios):.2f}x"
        )


if __name__ == "__main__":
    main()
