"""Score ``ds160check compare`` on the held-out cases: ``python run.py CASES_DIR
[--ds160check PATH] [--json OUT]``.

Runs ``compare old.pdf new.pdf <documents> --format json`` in each case folder and checks the
report against ``expected.json`` (written by gen.py; see README.md for the rules).
Field groups: an address change may be reported on any ``contact.home_*`` key and a marriage on
``personal.marital_status`` or any ``family.spouse_*`` key; other keys must match exactly.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HIGH = ("high", "critical")


def group(key: str | None) -> str | None:
    if key is None:
        return None
    if key.startswith("contact.home_"):
        return "address"
    if key == "personal.marital_status" or key.startswith("family.spouse_"):
        return "marriage"
    return key


def same(a: str | None, b: str | None) -> bool:
    return group(a) == group(b)


def _files(items: list[dict[str, Any]] | None) -> set[str]:
    return {Path(str(e.get("file", ""))).name for e in (items or []) if isinstance(e, dict)}


def run_case(folder: Path, exe: str) -> tuple[dict[str, Any] | None, str]:
    exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    cmd = [exe, "compare", "old.pdf", "new.pdf", *exp["documents"], *exp.get("args", []),
           "--format", "json"]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, timeout=600)
    try:
        return json.loads(proc.stdout), ""
    except json.JSONDecodeError:
        return None, f"rc={proc.returncode}: {proc.stderr.strip()[-300:]}"


def score(folder: Path, exp: dict[str, Any], rep: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"case": folder.name, "misses": [], "false_high": []}
    findings = rep.get("findings", [])
    changes = rep.get("changes", [])
    refusal = rep.get("refusal")
    want = exp.get("refusal")
    if want is None:
        out["non_refusal_case"] = True
        out["false_refusal"] = refusal is not None
        if refusal is not None:
            out["misses"].append(f"refusal reported ({refusal.get('type')}) from a non-refusal page")
    else:
        got_type = refusal.get("type") if refusal else None
        out["type_ok"] = got_type == want["type"]
        if not out["type_ok"]:
            out["misses"].append(f"refusal type {got_type!r}, expected {want['type']!r}")
        if want["type"] == "221g":
            got_sub = refusal.get("subtype") if refusal else None
            out["subtype_ok"] = got_sub == want["subtype"]
            if not out["subtype_ok"]:
                out["misses"].append(f"221(g) subtype {got_sub!r}, expected {want['subtype']!r}")
    planted = exp.get("planted", [])
    if any(p["code"] == "UNDISCLOSED_REFUSAL" for p in planted):
        hit = any(f["code"] == "UNDISCLOSED_REFUSAL" and f.get("severity") == "critical"
                  for f in findings)
        out["undisclosed_ok"] = hit
        if not hit:
            out["misses"].append("UNDISCLOSED_REFUSAL (critical) missing")
    for a in exp.get("absent", []):
        bad = [f for f in findings if f["code"] == a["code"]
               and (a["field"] is None or same(f.get("field"), a["field"]))]
        if bad:
            out.setdefault("absent_violations", []).append(
                f"{a['code']} ({', '.join(str(f.get('field')) for f in bad)})")
            out["misses"].append(f"must be absent: {a['code']} on "
                                 f"{', '.join(str(f.get('field')) for f in bad)}")
    sup = []
    for s in exp.get("supported", []):
        ch = [c for c in changes if same(c.get("field"), s["field"])]
        ok_status = any(c.get("evidence_status") == "supported" for c in ch)
        ok_doc = any(c.get("evidence_status") == "supported" and s["document"] in _files(
            c.get("evidence")) for c in ch)
        sup.append(ok_doc)
        if not ok_doc:
            status = ", ".join(f"{c.get('field')}={c.get('evidence_status')}"
                               f"{sorted(_files(c.get('evidence')))}" for c in ch) or "no change"
            out["misses"].append(f"{s['field']} not supported by {s['document']} ({status})"
                                 + (" [supported by another file]" if ok_status else ""))
    out["supported"] = sup
    con = []
    for c in exp.get("contradicted", []):
        fs = [f for f in findings if f["code"] == "EVIDENCE_CONTRADICTS"
              and same(f.get("field"), c["field"])]
        chs = [x for x in changes if same(x.get("field"), c["field"])
               and x.get("evidence_status") == "contradicted"]
        found = bool(fs)
        con.append(found)
        if not found:
            status = ", ".join(f"{x.get('field')}={x.get('evidence_status')}" for x in changes
                               if same(x.get("field"), c["field"])) or "no change"
            out["misses"].append(f"EVIDENCE_CONTRADICTS on {c['field']} ({c['document']}) "
                                 f"missing; change: {status}" + (" [change marked contradicted]"
                                                                 if chs else ""))
    out["contradicted"] = con
    open_codes = set(exp.get("open", []))
    for f in findings:
        if f.get("severity") not in HIGH:
            continue
        if f["code"] in open_codes:
            continue
        if any(p["code"] == f["code"] and (p["field"] is None or same(p["field"], f.get("field")))
               for p in planted):
            continue
        out["false_high"].append(f"{f['code']}/{f.get('severity')} on {f.get('field')}")
    return out


def summarize(rows: list[dict[str, Any]], errors: dict[str, str]) -> dict[str, Any]:
    def frac(key: str) -> list[int]:
        vals = [r[key] for r in rows if key in r]
        return [sum(bool(v) for v in vals), len(vals)]

    def lst(key: str) -> list[int]:
        vals = [v for r in rows for v in r.get(key, [])]
        return [sum(vals), len(vals)]

    nonref = [r for r in rows if r.get("non_refusal_case")]
    honest_viol = [r["case"] for r in rows for a in r.get("absent_violations", [])
                   if a.startswith("UNDISCLOSED_REFUSAL")]
    return {
        "cases": len(rows) + len(errors),
        "errors": errors,
        "refusal_type": frac("type_ok"),
        "refusal_subtype_221g": frac("subtype_ok"),
        "undisclosed_refusal_recall": frac("undisclosed_ok"),
        "undisclosed_refusal_false": honest_viol,
        "false_refusals_non_refusal_pages": [sum(r["false_refusal"] for r in nonref),
                                             len(nonref)],
        "supported_with_document": lst("supported"),
        "contradictions_found": lst("contradicted"),
        "false_high_critical": sum(len(r["false_high"]) for r in rows),
        "false_high_list": {r["case"]: r["false_high"] for r in rows if r["false_high"]},
        "misses": {r["case"]: r["misses"] for r in rows if r["misses"]},
    }


# The first line of the table; the second set's run.py names itself.
TITLE = "held-out document cases"


def table(s: dict[str, Any]) -> str:
    def nn(v: list[int]) -> str:
        return f"{v[0]}/{v[1]}"
    lines = [
        f"{TITLE}: {s['cases']}" + (f" ({len(s['errors'])} failed to run)"
                                                    if s["errors"] else ""),
        "",
        "metric                                         score",
        "---------------------------------------------  ------",
        f"refusal type right                             {nn(s['refusal_type'])}",
        f"221(g) subtype right                           {nn(s['refusal_subtype_221g'])}",
        f"UNDISCLOSED_REFUSAL recall (critical)          {nn(s['undisclosed_refusal_recall'])}",
        f"UNDISCLOSED_REFUSAL on honest cases            {len(s['undisclosed_refusal_false'])}",
        f"false refusals from non-refusal pages          "
        f"{nn(s['false_refusals_non_refusal_pages'])}",
        f"supported changes, right document              {nn(s['supported_with_document'])}",
        f"planted contradictions found                   {nn(s['contradictions_found'])}",
        f"false high/critical findings                   {s['false_high_critical']}",
    ]
    if s["false_high_list"]:
        lines += ["", "false high/critical findings:"]
        for case, items in s["false_high_list"].items():
            lines += [f"  {case}: {item}" for item in items]
    if s["misses"]:
        lines += ["", "per-case misses:"]
        for case, items in s["misses"].items():
            lines += [f"  {case}:"] + [f"    - {m}" for m in items]
    if s["errors"]:
        lines += ["", "errors:"] + [f"  {c}: {e}" for c, e in s["errors"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", type=Path)
    default = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "ds160check"
    ap.add_argument("--ds160check", default=str(default) if default.exists()
                    else (shutil.which("ds160check") or "ds160check"))
    ap.add_argument("--json", type=Path, help="write the numbers (and per-case rows) here")
    args = ap.parse_args(argv)
    rows, errors = [], {}
    for folder in sorted(p for p in args.cases.iterdir() if (p / "expected.json").exists()):
        exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        rep, err = run_case(folder, args.ds160check)
        if rep is None:
            errors[folder.name] = err
            continue
        rows.append(score(folder, exp, rep))
    s = summarize(rows, errors)
    print(table(s))
    if args.json:
        args.json.write_text(json.dumps({"summary": s, "cases": rows}, indent=2,
                                        ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
