"""How well ``extract`` reads DS-160 print-outs it was never tuned on.

    python benchmarks/accuracy.py [--out DIR] [--verbose]

Generates the held-out set (``benchmarks/heldout/gen.py``: fictional
applicants in layouts designed without looking at the parser or the
fixtures) into a temporary directory (or ``--out DIR``), runs
``ds160check.extract`` on every PDF and compares the JSON value of each field
with the truth by exact equality (a list or object counts as one field, right
only when all of it is right). Prints, per file and overall: fields expected,
read right, missing, wrong, and extra keys (read but not in the truth); then
the failure modes grouped by field key, and every wrong/missing field with the
value expected and the value read (``--verbose`` prints long values whole).

Overall accuracy = right / expected. A measurement, not a test: exit status 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import traceback
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def load_gen() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_gen", HERE / "heldout" / "gen.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def norm(value: Any) -> Any:
    """The value as it serialises to JSON (tuples become lists, and so on)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def short(value: Any, width: int) -> str:
    text = "<absent>" if value is _ABSENT else json.dumps(value, ensure_ascii=False)
    return text if width <= 0 or len(text) <= width else text[: width - 3] + "..."


_ABSENT = object()


def diff(exp: Any, got: Any, path: str = "") -> list[tuple[str, Any, Any]]:
    """The leaves where ``got`` differs from ``exp``: (path, expected, got)."""
    if isinstance(exp, dict) and isinstance(got, dict):
        out: list[tuple[str, Any, Any]] = []
        for k in list(exp) + [k for k in got if k not in exp]:
            out += diff(exp.get(k, _ABSENT), got.get(k, _ABSENT), f"{path}.{k}")
        return out
    if isinstance(exp, list) and isinstance(got, list):
        out = []
        if len(exp) != len(got):
            out.append((f"{path} length", len(exp), len(got)))
        for i, (e, g) in enumerate(zip(exp, got, strict=False)):
            out += diff(e, g, f"{path}[{i}]")
        return out
    return [] if exp == got else [(path, exp, got)]


def where_strings_differ(exp: str, got: str) -> str:
    """For two long strings: the first differing offset with a little context."""
    i = next((n for n, (a, b) in enumerate(zip(exp, got, strict=False)) if a != b),
             min(len(exp), len(got)))
    lo = max(0, i - 30)
    return (f"first difference at char {i} (expected {len(exp)} chars, got {len(got)}): "
            f"expected ...{exp[lo:i + 40]!r}... got ...{got[lo:i + 40]!r}...")


def read_fields(pdf: Path) -> tuple[dict[str, Any] | None, str | None]:
    from ds160check import extract

    try:
        app = extract(pdf)
    except Exception as exc:  # noqa: BLE001 - a measurement records every failure
        return None, f"{type(exc).__name__}: {exc}"
    return norm(app.to_dict()["fields"]), None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="keep the generated PDFs and truth JSON here")
    ap.add_argument("--verbose", action="store_true", help="print long values whole")
    args = ap.parse_args()
    width = 0 if args.verbose else 110

    tmp = None
    if args.out is None:
        tmp = tempfile.TemporaryDirectory(prefix="ds160-heldout-")
        out = Path(tmp.name)
    else:
        out = args.out
    gen = load_gen()
    cases = gen.generate(out)

    totals: Counter[str] = Counter()
    by_layout: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[tuple[str, str, str, Any, Any]] = []  # file, kind, key, expected, got
    extras: list[tuple[str, str, Any]] = []
    errors: list[tuple[str, str]] = []

    print(f"held-out set: {len(cases)} PDFs in {out}")
    print()
    print(f"{'file':<34} {'layout':<12} {'pages':>5} {'expected':>8} {'right':>6} "
          f"{'missing':>7} {'wrong':>6} {'extra':>6} {'accuracy':>9}")
    for case in cases:
        pdf: Path = case["pdf"]
        truth = norm(case["truth"])
        got, error = read_fields(pdf)
        c: Counter[str] = Counter(expected=len(truth))
        if got is None:
            errors.append((pdf.name, error or "?"))
            got = {}
        for key, exp in truth.items():
            if key not in got:
                c["missing"] += 1
                failures.append((pdf.name, "missing", key, exp, _ABSENT))
            elif got[key] == exp:
                c["right"] += 1
            else:
                c["wrong"] += 1
                failures.append((pdf.name, "wrong", key, exp, got[key]))
        for key in sorted(set(got) - set(truth)):
            c["extra"] += 1
            extras.append((pdf.name, key, got[key]))
        totals.update(c)
        by_layout[case["layout"]].update(c)
        acc = c["right"] / c["expected"] if c["expected"] else 0.0
        print(f"{pdf.name:<34} {case['layout']:<12} {case['pages']:>5} {c['expected']:>8} "
              f"{c['right']:>6} {c['missing']:>7} {c['wrong']:>6} {c['extra']:>6} {acc:>8.1%}"
              + ("  ERROR" if error else ""))

    def line(name: str, c: Counter[str]) -> str:
        acc = c["right"] / c["expected"] if c["expected"] else 0.0
        return (f"{name:<34} {'':<12} {'':>5} {c['expected']:>8} {c['right']:>6} "
                f"{c['missing']:>7} {c['wrong']:>6} {c['extra']:>6} {acc:>8.1%}")

    print("-" * 100)
    for layout, c in by_layout.items():
        print(line(f"layout {layout}", c))
    print(line("OVERALL", totals))
    print()
    acc = totals["right"] / totals["expected"] if totals["expected"] else 0.0
    print(f"Overall accuracy: {totals['right']}/{totals['expected']} = {acc:.1%} "
          f"(missing {totals['missing']}, wrong {totals['wrong']}, extra keys {totals['extra']})")

    if errors:
        print()
        print("Extraction errors:")
        for name, err in errors:
            print(f"  {name}: {err}")

    if failures:
        print()
        print("Failure modes by field (files failing / files expecting it):")
        expecting: Counter[str] = Counter()
        for case in cases:
            expecting.update(case["truth"].keys())
        per_key: dict[str, Counter[str]] = defaultdict(Counter)
        for _, kind, key, _, _ in failures:
            per_key[key][kind] += 1
        for key, kinds in sorted(per_key.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            detail = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
            print(f"  {key:<48} {sum(kinds.values()):>3}/{expecting[key]:<3} ({detail})")

        print()
        print("Wrong and missing fields (file, key, expected, got):")
        for name, kind, key, exp, got_v in failures:
            print(f"  [{kind}] {name} {key}")
            print(f"      expected: {short(exp, width)}")
            print(f"      got:      {short(got_v, width)}")
            if kind != "wrong":
                continue
            if isinstance(exp, str) and isinstance(got_v, str) and len(exp) > 60:
                print(f"      {where_strings_differ(exp, got_v)}")
            elif isinstance(exp, (list, dict)):
                for path, e, g in diff(exp, got_v)[:8]:
                    print(f"      at {path}: expected {short(e, width)}, got {short(g, width)}")

    if extras:
        print()
        print("Extra keys (read, not in the truth):")
        for name, key, value in extras:
            print(f"  {name} {key} = {short(value, width)}")

    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception:  # noqa: BLE001 - a measurement: report, never fail the caller
        traceback.print_exc()
    sys.exit(0)
