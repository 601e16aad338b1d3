"""Time the ways of reading a PDF's text, per page.

    python benchmarks/reading.py FILE_OR_FOLDER [...] [--repeat N]

For each PDF (every ``*.pdf`` under a folder), prints ms/page for:

- ``plumber text``: pdfplumber ``page.extract_text()``, the usual way;
- ``plumber words``: ``read_pdf(..., backend="plumber")``;
- ``pdfium words``: ``read_pdf(..., backend="pdfium")``, the default;
- ``pdfium text``: plain pypdfium2 ``get_text_range()``, the floor: the time
  pdfium needs to parse the page, with no positions.

Each number is CPU time (``time.process_time``), the median of ``--repeat``
runs (opening the file included), the ways taking turns so that a burst of
other load hits all of them alike. The ratio columns are pdfium words over the
floor and plumber words over pdfium words, both measured in this run. Files that
do not read are listed with their error and left out of the totals. How many
CPUs were free (of two busy processes) is printed before and after.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pdfplumber
from common import cpus_free, pdfium_text

from ds160check.errors import InputError
from ds160check.reading import read_pdf

Timer = Callable[[Path], int]  # reads a file, returns its page count

COLUMNS = ("plumber text", "plumber words", "pdfium words", "pdfium text")


def plumber_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def plumber_words(path: Path) -> int:
    return len(read_pdf(path, backend="plumber"))


def pdfium_words(path: Path) -> int:
    return len(read_pdf(path, backend="pdfium"))


TIMERS: dict[str, Timer] = dict(
    zip(COLUMNS, (plumber_text, plumber_words, pdfium_words, pdfium_text), strict=True)
)


def median_ms_per_page(path: Path, repeat: int) -> dict[str, float]:
    """CPU ms per page of every way, median of ``repeat`` interleaved runs."""
    samples: dict[str, list[float]] = {name: [] for name in TIMERS}
    for _ in range(repeat):
        for name, timer in TIMERS.items():
            start = time.process_time()
            pages = max(timer(path), 1)
            samples[name].append(1000 * (time.process_time() - start) / pages)
    return {name: statistics.median(times) for name, times in samples.items()}


def pdf_files(arguments: Iterable[str]) -> list[Path]:
    files: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        files.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    return files


def measure(path: Path, repeat: int) -> tuple[int, dict[str, float]] | str:
    try:
        pages = len(read_pdf(path))
        return pages, median_ms_per_page(path, repeat)
    except InputError as error:
        return error.reason
    except Exception as error:  # a library failing on a file is a result here
        return f"{type(error).__name__}: {error}"


def print_row(name: str, pages: int | str, times: dict[str, float]) -> None:
    cells = " ".join(f"{times[column]:13.2f}" for column in COLUMNS)
    pdfium = times["pdfium words"]
    over_floor = pdfium / times["pdfium text"] if times["pdfium text"] else float("nan")
    over_pdfium = times["plumber words"] / pdfium if pdfium else float("nan")
    ratios = f"{over_floor:9.1f}x {over_pdfium:9.1f}x"
    print(f"{name[:34]:34} {pages!s:>5} {cells} {ratios}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="PDF files or folders of PDFs")
    parser.add_argument("--repeat", type=int, default=5, help="runs per file and way (median counts)")
    args = parser.parse_args(argv)
    free_before = cpus_free()
    header = " ".join(f"{column:>13}" for column in COLUMNS)
    print(f"{'file':34} {'pages':>5} {header} {'pdfium/fl':>10} {'plumb/pdfm':>10}")
    print(f"{'':34} {'':>5} {'(CPU ms/page)':>13}")
    totals = dict.fromkeys(COLUMNS, 0.0)
    total_pages = 0
    for path in pdf_files(args.paths):
        result = measure(path, args.repeat)
        if isinstance(result, str):
            print(f"{path.name[:34]:34} error: {result}", file=sys.stderr)
            continue
        pages, times = result
        print_row(path.name, pages, times)
        total_pages += pages
        for column in COLUMNS:
            totals[column] += times[column] * pages
    if total_pages:
        print_row(
            "ALL (page-weighted)", total_pages, {c: t / total_pages for c, t in totals.items()}
        )
    print(f"CPUs free: {free_before:.2f} before, {cpus_free():.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
