"""The checks across client folders (``batch/cross_case.py``): linear in the number of cases, and
what they cost a case in the worker.

    python benchmarks/cross_case.py [--cases 1000,10000,50000] [--per-birth-date 40] [--folders 20]

1. Grouping: for each N in --cases, N synthetic cases (no PDFs: fingerprints made up directly),
   each person in five folders (the same applicant: no hit), --per-birth-date people born on each
   date, every folder with its own phone, e-mail, U.S. contact address, two letters and a
   wording hash, and one planted pair of strangers per 1,000 cases sharing a letter. Reports the
   seconds ``find_hits`` takes, microseconds per case, the full name comparisons made
   (``matching.names``, the slow part) and that exactly the planted pairs were found. Linear:
   the time per case stays flat as N grows.
2. The worker's share: ``case_fingerprints`` on --folders generated client folders
   (``fixtures/batchcases.py``: two print-outs, a confirmation, a refusal letter and three
   documents each), against ``check_case`` on the same folders.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))

from ds160check.batch import cross_case as cc  # noqa: E402
from ds160check.batch.fingerprints import (  # noqa: E402
    SAME_DOCUMENT,
    SAME_DOCUMENT_TEXT,
    SAME_EMAIL,
    SAME_PHONE,
    SAME_US_CONTACT,
    Fingerprints,
    Mark,
    Person,
    digest,
)

FOLDERS_PER_PERSON = 5
LETTERS = "ABDEGIKLMNORSTUVZ"


def _word(seed: str) -> str:
    raw = digest(seed)
    return "".join(LETTERS[int(c, 16)] for c in raw[: 6 + int(raw[-1], 16) % 4])


def synthetic(count: int, per_date: int) -> tuple[dict[str, Fingerprints], set[tuple[str, ...]]]:
    """``count`` cases and the planted pairs of strangers sharing a letter."""
    dates = max(1, count // FOLDERS_PER_PERSON // per_date)
    cases = {}
    for n in range(count):
        who = n // FOLDERS_PER_PERSON
        person = Person(_word(f"s{who}"), _word(f"g{who}"), birth=digest(f"born-{who % dates}"),
                        passports=(digest(f"passport-{who}"),), home=digest(f"home-{who}"))
        marks = (Mark(SAME_PHONE, digest(f"phone-{who}"), "new.pdf", "primary phone"),
                 Mark(SAME_EMAIL, digest(f"mail-{who}"), "new.pdf", "e-mail"),
                 Mark(SAME_US_CONTACT, digest(f"host-{who}"), "new.pdf", "host"),
                 Mark(SAME_DOCUMENT, digest(f"letter-{n}"), "letter.pdf", "employment letter"),
                 Mark(SAME_DOCUMENT, digest(f"bank-{n}"), "bank.pdf", "bank statement"),
                 Mark(SAME_DOCUMENT_TEXT, digest(f"wording-{who}"), "letter.pdf", "employment_letter"))
        cases[f"client-{n:06d}"] = Fingerprints(person, (), marks)
    planted = set()
    for k in range(max(1, count // 1000)):
        a, b = (k * 997) % count, (k * 997 + count // 2 + 3) % count
        if a // FOLDERS_PER_PERSON == b // FOLDERS_PER_PERSON:
            continue
        shared = Mark(SAME_DOCUMENT, digest(f"reused-{k}"), "reused.pdf", "employment letter")
        for n in (a, b):
            folder = f"client-{n:06d}"
            cases[folder] = Fingerprints(cases[folder].person, (), (*cases[folder].marks, shared))
        planted.add(tuple(sorted((f"client-{a:06d}", f"client-{b:06d}"))))
    return cases, planted


def grouping(count: int, per_date: int) -> dict[str, Any]:
    cases, planted = synthetic(count, per_date)
    calls = 0
    real = cc.match_person

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    cc.match_person = counted  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        hits = cc.find_hits(cases)
        seconds = time.perf_counter() - started
    finally:
        cc.match_person = real  # type: ignore[assignment]
    found = {h.cases for h in hits}
    return {"cases": count, "seconds": seconds, "us_per_case": seconds / count * 1e6,
            "full_name_comparisons": calls, "planted": len(planted), "found_exactly": found == planted}


def worker_share(folders: int) -> dict[str, float]:
    import batchcases

    from ds160check.batch.case import check_case
    from ds160check.batch.fingerprints import case_fingerprints

    with tempfile.TemporaryDirectory() as tmp:
        paths = batchcases.write_tree(Path(tmp), folders)
        check_case(paths[0])  # warm: rules, spaCy
        checking = printing = 0.0
        for folder in paths:
            files = sorted(p for p in folder.iterdir())
            started = time.perf_counter()
            case = check_case(folder, files=files)
            middle = time.perf_counter()
            case_fingerprints(case, folder, files)
            printing += time.perf_counter() - middle
            checking += middle - started
    return {"check_case_s": checking / folders, "fingerprints_s": printing / folders,
            "share": printing / checking}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default="1000,10000,50000")
    parser.add_argument("--per-birth-date", type=int, default=40)
    parser.add_argument("--folders", type=int, default=20)
    args = parser.parse_args()
    print("grouping (find_hits):")
    for count in (int(c) for c in args.cases.split(",")):
        r = grouping(count, args.per_birth_date)
        print(f"  {r['cases']:>7} cases  {r['seconds']:7.2f} s  {r['us_per_case']:7.1f} us/case  "
              f"{r['full_name_comparisons']:>6} full name comparisons  "
              f"planted pairs {r['planted']}, found exactly: {r['found_exactly']}")
    if args.folders:
        w = worker_share(args.folders)
        print(f"worker, per case: check_case {w['check_case_s']:.3f} s, "
              f"fingerprints {w['fingerprints_s']:.3f} s ({w['share']:.1%} more)")


if __name__ == "__main__":
    main()
