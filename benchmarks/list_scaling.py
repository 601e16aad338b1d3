"""How the comparison grows with the length of the history lists: short and long print-outs.

    python benchmarks/list_scaling.py [--scales 1,6] [--repeat 7] [--keep DIR]

Writes, with ``fixtures/ds160gen``, an applicant's refused and new print-outs
with every history list (visits, previous employers, schools, countries
visited, other phones and e-mails, organisations) ``scale`` times as long as
the applicant's own (scale 1 prints 10 pages, scale 12 about 40). The new
application lists the same items in reverse order with one of each list
dropped, so that every list has to be aligned item by item.

For each scale it prints the pages, the items of the grown lists, ``compare`` (the engine on
the two extracted applications; no documents) in CPU and wall milliseconds,
median of ``--repeat`` interleaved runs, and the ratio of each scale to the
first: linear growth is the ratio of list items, quadratic its square. CPUs
free (how many of two busy processes really run) is measured before and after.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))

from common import cpus_free  # noqa: E402
from ds160gen import APPLICANTS, for_print, render_print  # noqa: E402

from ds160check.application import Application  # noqa: E402
from ds160check.comparison.case import compare  # noqa: E402
from ds160check.extraction import extract  # noqa: E402
from ds160check.rules import load_rules  # noqa: E402
from ds160check.values import ceac_countries  # noqa: E402

APPLICANT = "in-kondapalli"
OLD_PRINTED = datetime(2025, 3, 3, 10, 0)
NEW_PRINTED = datetime(2025, 11, 3, 10, 0)
LAYOUTS = (("table", "letter"), ("leaders", "A4"))
FONT = "DejaVuSans"
# Lists of text items grown by numbering their items.
NUMBERED = {
    "contact.other_phones": lambda i: f"+91 40 5550 {1000 + i:04d}",
    "contact.other_emails": lambda i: f"SRINIVAS.K{i}@EXAMPLE.COM",
    "additional.organizations": lambda i: f"{_NAMES[i % len(_NAMES)]} SOCIETY NO {i}",
}
_NAMES = ("ORION", "VEGA", "ALTAIR", "LYRA", "CYGNUS", "DRACO", "HYDRA", "PERSEUS", "ANDROMEDA")
_SUFFIXES = ("SYSTEMS", "LABS", "TRADING", "CONSULTING", "WORKS", "HOLDINGS")
VISIT_SPACING = timedelta(days=41)
COUNTRIES = 5  # countries visited, per scale
GROWN = ("previous_travel.visits", "work.previous_employers", "education.institutions",
         "additional.countries_visited", *NUMBERED)


def _grown(items: list[Any], scale: int, rename: Callable[[Any, int], Any]) -> list[Any]:
    return [rename(copy.deepcopy(item), n) for n in range(scale) for item in items]


def _renamed(item: dict[str, Any], n: int) -> dict[str, Any]:
    if n:
        item["name"] = f"{item['name']} {_NAMES[n % len(_NAMES)]} {_SUFFIXES[n % len(_SUFFIXES)]}"
    return item


def applicant(scale: int) -> dict[str, Any]:
    """The applicant with every history list ``scale`` times as long (items all distinct)."""
    fields = copy.deepcopy(APPLICANTS[APPLICANT])
    visits = fields["previous_travel.visits"]
    first = date.fromisoformat(visits[-1]["arrived"])
    fields["previous_travel.visits"] = visits + [
        {**copy.deepcopy(visits[i % len(visits)]),
         "arrived": (first - VISIT_SPACING * (i + 1)).isoformat()}
        for i in range(len(visits) * (scale - 1))
    ]
    for key in ("work.previous_employers", "education.institutions"):
        fields[key] = _grown(fields[key], scale, _renamed)
    fields["additional.countries_visited"] = sorted(ceac_countries())[: COUNTRIES * scale]
    for key, make in NUMBERED.items():
        fields[key] = [make(i) for i in range(max(len(fields.get(key) or []), 2) * scale)]
    return fields


def changed(fields: dict[str, Any]) -> dict[str, Any]:
    """The new application: each list reversed, its second item dropped."""
    new = copy.deepcopy(fields)
    for key, value in fields.items():
        if isinstance(value, list) and len(value) > 2:
            new[key] = [item for n, item in enumerate(value) if n != 1][::-1]
    return new


def write(folder: Path, scale: int) -> tuple[Path, Path, int, int]:
    old_fields = applicant(scale)
    new_fields = changed(old_fields)
    old_path, new_path = folder / f"old-{scale}.pdf", folder / f"new-{scale}.pdf"
    pages = 0
    for fields, path, when, (layout, size) in (
        (old_fields, old_path, OLD_PRINTED, LAYOUTS[0]),
        (new_fields, new_path, NEW_PRINTED, LAYOUTS[1]),
    ):
        pages = max(pages, render_print(for_print(fields, when), path, layout, size, FONT, when).pages)
    items = sum(len(old_fields[key]) for key in GROWN)
    return old_path, new_path, pages, items


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """CPU and wall milliseconds of one run."""
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,12", help="list lengths, times the applicant's")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the print-outs here and keep them")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    rules = load_rules()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        cases: list[tuple[int, int, int, Application, Application]] = []
        for scale in scales:
            old_path, new_path, pages, items = write(folder, scale)
            old, new = extract(old_path, rules=rules), extract(new_path, rules=rules)
            compare(old, new, rules=rules)  # warm-up
            cases.append((scale, pages, items, old, new))
        free_before = cpus_free()
        samples: dict[int, list[tuple[float, float]]] = {scale: [] for scale in scales}
        for _ in range(args.repeat):  # interleaved: a burst of other load hits every scale alike
            for scale, _pages, _items, old, new in cases:
                samples[scale].append(timed(lambda o=old, n=new: compare(o, n, rules=rules)))
        free_after = cpus_free()
    print(f"{'scale':>5} {'pages':>5} {'items':>5} {'compare CPU':>11} {'wall':>8} "
          f"{'CPU ratio':>9} {'items ratio':>11}")
    base_cpu = base_items = 0.0
    for scale, pages, items, _old, _new in cases:
        cpu = statistics.median(s[0] for s in samples[scale])
        wall = statistics.median(s[1] for s in samples[scale])
        base_cpu, base_items = base_cpu or cpu, base_items or items
        print(f"{scale:>5} {pages:>5} {items:>5} {cpu:>9.1f}ms {wall:>6.1f}ms "
              f"{cpu / base_cpu:>8.2f}x {items / base_items:>10.2f}x")
    print(f"\nCPUs free: {free_before:.2f} before, {free_after:.2f} after "
          f"(median of {args.repeat} interleaved runs)")


if __name__ == "__main__":
    main()
