"""Score the held-out scan set: ``python benchmarks/heldout_scans/run.py OUT [--json FILE]``.

For every case of ``cases.json`` (written by ``gen.py OUT``) this runs, through the command
line only,

    ds160check compare OLD NEW [DOCS...] --format json      in OUT/<case>/text and .../scan
    ds160check extract OLD --format json                     for a scanned old print-out and
                                                             its text version

and reports, per case and in total:

- whether the SCAN version gives the same findings (code + field), refusal diagnosis
  (type, subtype) and change support (field -> evidence status) as the TEXT version;
- whether each version gives what ``cases.json`` expects (refusal, undisclosed refusal,
  planted findings, findings that must be absent, changes supported / contradicted by the
  named document, a check-digit warning, no high finding in the control case);
- the document kind the tool gave each file, by expected kind;
- the share of a scanned print-out's fields read equal to ``extract`` of its text version;
- seconds per scanned page (compare of the scan version minus compare of the text version,
  over the pages that are images).

Anything the tool could not do — exit 2, a crash, no JSON, a document ``unreadable`` — is a
miss, never a pass: unknown is not success.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_TOOL = REPO / ".venv" / "bin" / "ds160check"
HIGH = {"critical", "high"}
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".heif"}


# --- running the tool ---------------------------------------------------------------------------

def run_tool(tool: Path, args: list[str], cwd: Path, timeout: float) -> dict[str, Any]:
    t0 = time.perf_counter()
    try:
        p = subprocess.run([str(tool), *args], cwd=cwd, capture_output=True, text=True,
                           timeout=timeout)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = "timeout", (e.stdout or b"").decode() if isinstance(e.stdout, bytes) \
            else (e.stdout or ""), f"timed out after {timeout} s"
    seconds = time.perf_counter() - t0
    report = None
    try:
        report = json.loads(out) if out.strip() else None
    except json.JSONDecodeError:
        report = None
    first_err = next((line for line in (err or "").splitlines() if line.strip()), "")
    return {"rc": rc, "seconds": round(seconds, 3), "report": report, "stderr": first_err}


# --- counting scanned pages (this script's own reading, not the tool's) ------------------------

def scanned_pages(path: Path) -> int:
    """How many pages of ``path`` are images: every page of an image file, every page of a PDF
    that has no text layer."""
    ext = path.suffix.lower()
    if ext in IMAGE_EXT:
        from PIL import Image
        if ext in (".heic", ".heif"):
            import pillow_heif
            pillow_heif.register_heif_opener()
        with Image.open(path) as im:
            return getattr(im, "n_frames", 1)
    if ext == ".pdf":
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(path))
        try:
            return sum(1 for i in range(len(doc))
                       if not doc[i].get_textpage().get_text_range().strip())
        finally:
            doc.close()
    return 0


# --- reading a report ---------------------------------------------------------------------------

def strings(obj: Any) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return []


def cites(obj: Any, stem: str) -> bool:
    """Whether an evidence structure names a file with this stem (any extension)."""
    for s in strings(obj):
        name = Path(s.split("#")[0]).name
        if name.rsplit(".", 1)[0] == stem:
            return True
    return False


def digest(report: dict[str, Any] | None) -> dict[str, Any]:
    if report is None:
        return {"ok": False}
    findings = report.get("findings") or []
    refusal = report.get("refusal")
    return {
        "ok": True,
        "findings": sorted({(f.get("code"), f.get("field")) for f in findings},
                           key=lambda t: (str(t[0]), str(t[1]))),
        "severities": {(f.get("code"), f.get("field")): f.get("severity") for f in findings},
        "refusal": None if refusal is None else (refusal.get("type"), refusal.get("subtype")),
        "changes": {c.get("field"): c.get("evidence_status") for c in report.get("changes") or []},
        "kinds": {Path(d.get("path", "")).name: d.get("kind")
                  for d in report.get("documents") or []},
        "unreadable": [Path(d.get("path", "")).name for d in report.get("documents") or []
                       if d.get("kind") == "unreadable"],
        "notices": [n.get("code") for n in report.get("notices") or []],
    }


def has(found: list[tuple[str, str]], code: str, field: str | None) -> bool:
    return any(c == code and (field is None or f == field) for c, f in found)


def check_expected(exp: dict[str, Any], report: dict[str, Any] | None) -> tuple[list[str], dict]:
    """The misses of one version against cases.json, and per-check tallies."""
    tally: dict[str, list[int]] = {}

    def count(name: str, ok: bool) -> None:
        t = tally.setdefault(name, [0, 0])
        t[0] += ok
        t[1] += 1

    if report is None:
        misses = ["no report (the tool gave no JSON)"]
        for name, n in (("refusal", 0 if exp["refusal"] == "not scored" else 1),
                        ("undisclosed", 1), ("planted", len(exp["planted"])),
                        ("absent", len(exp["absent"])), ("supported", len(exp["supported"])),
                        ("contradicted", len(exp["contradicted"]))):
            for _ in range(n):
                count(name, False)
        if exp.get("no_high"):
            count("no_high", False)
        if exp.get("check_digit_reported"):
            count("check_digit", False)
        return misses, tally
    g = digest(report)
    found = g["findings"]
    misses: list[str] = []
    # refusal
    want = exp["refusal"]
    if want != "not scored":
        got = g["refusal"]
        if want is None:
            ok = got is None
        else:
            ok = got is not None and got[0] == want["type"] and (
                want["type"] != "221g" or got[1] == want["subtype"])
        count("refusal", ok)
        if not ok:
            misses.append(f"refusal {got}, expected {want}")
    # undisclosed refusal
    got_u = has(found, "UNDISCLOSED_REFUSAL", None)
    count("undisclosed", got_u == exp["undisclosed_refusal"])
    if got_u != exp["undisclosed_refusal"]:
        misses.append(f"UNDISCLOSED_REFUSAL {'reported' if got_u else 'missing'}")
    for h in exp["planted"]:
        ok = has(found, h["code"], h["field"])
        count("planted", ok)
        if not ok:
            misses.append(f"missing {h['code']} on {h['field'] or 'any field'}")
    for h in exp["absent"]:
        hits = [(c, f) for c, f in found if c == h["code"] and (h["field"] is None or f == h["field"])]
        count("absent", not hits)
        for c, f in hits:
            misses.append(f"must be absent: {c} on {f} ({g['severities'].get((c, f))})")
    changes = {c.get("field"): c for c in report.get("changes") or []}
    for s in exp["supported"]:
        ch = changes.get(s["field"])
        ok = ch is not None and ch.get("evidence_status") == "supported" and cites(
            ch.get("evidence"), s["document"])
        count("supported", ok)
        if not ok:
            status = None if ch is None else ch.get("evidence_status")
            misses.append(f"{s['field']} not supported by {s['document']} (status {status})")
    for s in exp["contradicted"]:
        hits = [f for f in report.get("findings") or []
                if f.get("code") == "EVIDENCE_CONTRADICTS" and f.get("field") == s["field"]]
        ok = any(cites(f.get("evidence"), s["document"]) or not strings(f.get("evidence"))
                 for f in hits)
        count("contradicted", ok)
        if not ok:
            misses.append(f"no EVIDENCE_CONTRADICTS on {s['field']} from {s['document']}")
    if exp.get("no_high"):
        highs = [f"{f.get('code')}/{f.get('severity')} on {f.get('field')}"
                 for f in report.get("findings") or [] if f.get("severity") in HIGH]
        count("no_high", not highs)
        misses += [f"control case has a high finding: {h}" for h in highs]
    if exp.get("check_digit_reported"):
        text = json.dumps(report, ensure_ascii=False).lower()
        ok = any(w in text for w in ("check digit", "check-digit", "checksum"))
        count("check_digit", ok)
        if not ok:
            misses.append("the broken MRZ check digit is not reported")
    return misses, tally


def compare_versions(text: dict[str, Any], scan: dict[str, Any]) -> dict[str, Any]:
    if not (text["ok"] and scan["ok"]):
        return {"findings": False, "refusal": False, "changes": False, "same": False,
                "only_text": [], "only_scan": [], "why": "a version gave no report"}
    ft, fs = set(map(tuple, text["findings"])), set(map(tuple, scan["findings"]))
    same_f = ft == fs
    same_r = text["refusal"] == scan["refusal"]
    same_c = text["changes"] == scan["changes"]
    return {"findings": same_f, "refusal": same_r, "changes": same_c,
            "same": same_f and same_r and same_c,
            "only_text": sorted(map(str, ft - fs)), "only_scan": sorted(map(str, fs - ft)),
            "refusal_text": text["refusal"], "refusal_scan": scan["refusal"],
            "changes_diff": {k: (text["changes"].get(k), scan["changes"].get(k))
                             for k in set(text["changes"]) | set(scan["changes"])
                             if text["changes"].get(k) != scan["changes"].get(k)}}


# --- the print-out field share -------------------------------------------------------------------

def field_share(tool: Path, folder: Path, sp: dict[str, Any], timeout: float,
                limits: list[str]) -> dict[str, Any]:
    text = run_tool(tool, ["extract", sp["text"], "--format", "json", *limits], folder / "text",
                    timeout)
    scan = run_tool(tool, ["extract", sp["scan"], "--format", "json", *limits], folder / "scan",
                    timeout)
    golden = json.loads((folder / sp["golden"]).read_text(encoding="utf-8"))["fields"]
    ft = (text["report"] or {}).get("fields") or {}
    fs = (scan["report"] or {}).get("fields") or {}
    equal = [k for k in ft if k in fs and fs[k] == ft[k]]
    wrong = [k for k in ft if k in fs and fs[k] != ft[k]]
    missing = [k for k in ft if k not in fs]
    pages = scanned_pages(folder / "scan" / sp["scan"])
    return {
        "file": sp["scan"], "pages": pages,
        "text_fields": len(ft), "scan_fields": len(fs), "equal": len(equal),
        "share": round(len(equal) / len(ft), 4) if ft else 0.0,
        "wrong": wrong[:40], "missing": missing[:40], "n_wrong": len(wrong),
        "n_missing": len(missing),
        "golden_fields": len(golden),
        "text_equal_golden": sum(1 for k in golden if k in ft and ft[k] == golden[k]),
        "scan_equal_golden": sum(1 for k in golden if k in fs and fs[k] == golden[k]),
        "rc_text": text["rc"], "rc_scan": scan["rc"], "stderr_scan": scan["stderr"],
        "seconds_text": text["seconds"], "seconds_scan": scan["seconds"],
        "seconds_per_page": round(scan["seconds"] / pages, 3) if pages else None,
    }


# --- main ------------------------------------------------------------------------------------------

def pct(a: int, b: int) -> str:
    return f"{a}/{b}" + (f" ({100 * a / b:.0f}%)" if b else "")


def main(cases: Path = HERE / "cases.json", title: str = "held-out scan cases") -> int:
    """Score OUT against ``cases`` (another set's run.py passes its own), printing ``title``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the folder gen.py wrote")
    ap.add_argument("--tool", type=lambda p: Path(p).absolute(), default=DEFAULT_TOOL)
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per tool run")
    ap.add_argument("--json", type=Path, help="write every detail here")
    ap.add_argument("--doc-timeout", type=float, default=None,
                    help="pass --timeout N to the tool (its per-document limit; default: the "
                         "tool's own default, as a user runs it)")
    ap.add_argument("--only", nargs="*", help="case slugs")
    args = ap.parse_args()
    spec = json.loads(cases.read_text(encoding="utf-8"))["cases"]
    limits = [] if args.doc_timeout is None else ["--timeout", f"{args.doc_timeout:g}"]
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    dirty = len(subprocess.run(["git", "-C", str(REPO), "status", "--short", "--", "src"],
                               capture_output=True, text=True).stdout.splitlines())
    tool_version = subprocess.run([str(args.tool), "--version"], capture_output=True,
                                  text=True).stdout.strip()
    load_start = "/".join(f"{x:.1f}" for x in os.getloadavg())
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"{started}; {tool_version}; repository HEAD {head}, {dirty} uncommitted paths under src/; "
          f"tool limits {limits or 'default'}", flush=True)
    t_start = time.perf_counter()
    results = []
    for exp in spec:
        if args.only and exp["case"] not in args.only:
            continue
        folder = args.out / exp["case"]
        if not folder.is_dir():
            print(f"{exp['case']}: missing in {args.out} (run gen.py first)", file=sys.stderr)
            return 2
        row: dict[str, Any] = {"case": exp["case"]}
        for version in ("text", "scan"):
            r = run_tool(args.tool, ["compare", *exp[version], "--format", "json", *limits],
                         folder / version, args.timeout)
            misses, tally = check_expected(exp, r["report"])
            g = digest(r["report"])
            row[version] = {"rc": r["rc"], "seconds": r["seconds"], "stderr": r["stderr"],
                            "misses": misses, "tally": tally,
                            "digest": {k: v for k, v in g.items() if k != "severities"}}
        row["pages"] = {f: scanned_pages(folder / "scan" / f) for f in exp["scan"]}
        row["scanned_pages"] = sum(row["pages"].values())
        row["same"] = compare_versions(row["text"]["digest"], row["scan"]["digest"])
        extra = row["scan"]["seconds"] - row["text"]["seconds"]
        row["extra_seconds"] = round(extra, 3)
        if exp.get("scanned_print"):
            row["print_fields"] = field_share(args.tool, folder, exp["scanned_print"],
                                              args.timeout, limits)
        # document kinds by expected kind
        kinds = []
        for version in ("text", "scan"):
            got = row[version]["digest"].get("kinds", {}) if row[version]["digest"]["ok"] else {}
            for f in exp[version]:
                stem = f.rsplit(".", 1)[0]
                kinds.append({"version": version, "file": f, "expected": exp["kinds"][stem],
                              "got": got.get(f)})
        row["kinds"] = kinds
        results.append(row)
        s = row["same"]
        print(f"{exp['case']}: text {'ok' if not row['text']['misses'] else 'MISS'} "
              f"({row['text']['seconds']:.1f} s), scan {'ok' if not row['scan']['misses'] else 'MISS'} "
              f"({row['scan']['seconds']:.1f} s), scan=text {'yes' if s['same'] else 'no'}",
              flush=True)

    # --- summary ---
    n = len(results)
    load_end = "/".join(f"{x:.1f}" for x in os.getloadavg())
    lines = ["", f"{title}: {n} ({started}, {tool_version}, HEAD {head}, "
                 f"{dirty} uncommitted paths under src/, tool limits {limits or 'default'}, "
                 f"run took {time.perf_counter() - t_start:.0f} s, load average 1/5/15 min "
                 f"{load_start} at the start, {load_end} at the end, {os.cpu_count()} CPUs)", ""]
    lines.append("| case | scanned pages | text as expected | scan as expected | scan = text "
                 "(findings / refusal / support) | unreadable in scan | extra s/page |")
    lines.append("|---|---|---|---|---|---|---|")
    for r in results:
        s = r["same"]
        yn = lambda b: "yes" if b else "no"  # noqa: E731
        sp = (f"{r['extra_seconds'] / r['scanned_pages']:.2f}" if r["scanned_pages"] else "–")
        lines.append(
            f"| {r['case']} | {r['scanned_pages']} | "
            f"{'yes' if not r['text']['misses'] else 'no (' + str(len(r['text']['misses'])) + ')'} | "
            f"{'yes' if not r['scan']['misses'] else 'no (' + str(len(r['scan']['misses'])) + ')'} | "
            f"{yn(s['same'])} ({yn(s['findings'])} / {yn(s['refusal'])} / {yn(s['changes'])}) | "
            f"{len(r['scan']['digest'].get('unreadable', [])) if r['scan']['digest']['ok'] else 'no report'} | {sp} |")
    lines.append("")
    tot: dict[str, dict[str, list[int]]] = {"text": {}, "scan": {}}
    for r in results:
        for v in ("text", "scan"):
            for k, (a, b) in r[v]["tally"].items():
                t = tot[v].setdefault(k, [0, 0])
                t[0] += a
                t[1] += b
    lines.append("| metric | text version | scan version |")
    lines.append("|---|---|---|")
    lines.append(f"| cases fully as expected | {pct(sum(not r['text']['misses'] for r in results), n)} | "
                 f"{pct(sum(not r['scan']['misses'] for r in results), n)} |")
    names = {"refusal": "refusal type right", "undisclosed": "hidden refusal right (yes/no)",
             "planted": "planted findings found", "absent": "must-be-absent respected",
             "supported": "changes supported by the right document",
             "contradicted": "planted contradictions found", "no_high": "control: no high finding",
             "check_digit": "broken check digit reported"}
    for k, label in names.items():
        a = tot["text"].get(k, [0, 0])
        b = tot["scan"].get(k, [0, 0])
        lines.append(f"| {label} | {pct(*a)} | {pct(*b)} |")
    lines.append("")
    same = sum(r["same"]["same"] for r in results)
    lines.append(f"scan version = text version (findings, refusal and support all equal): {pct(same, n)}")
    for k, label in (("findings", "findings (code+field) equal"), ("refusal", "refusal diagnosis equal"),
                     ("changes", "change support equal")):
        lines.append(f"  {label}: {pct(sum(r['same'][k] for r in results), n)}")
    unread = sum(len(r["scan"]["digest"].get("unreadable", [])) for r in results
                 if r["scan"]["digest"]["ok"])
    no_rep = sum(not r["scan"]["digest"]["ok"] for r in results)
    lines.append(f"scan-version documents the tool called unreadable: {unread}; scan runs with no report: {no_rep}")
    # kinds
    by_kind: dict[tuple[str, str], list[int]] = {}
    for r in results:
        for k in r["kinds"]:
            t = by_kind.setdefault((k["expected"], k["version"]), [0, 0])
            t[0] += k["got"] == k["expected"]
            t[1] += 1
    lines.append("")
    lines.append("| document kind | recognised in text version | recognised in scan version |")
    lines.append("|---|---|---|")
    for kind in sorted({k for k, _ in by_kind}):
        lines.append(f"| {kind} | {pct(*by_kind.get((kind, 'text'), [0, 0]))} | "
                     f"{pct(*by_kind.get((kind, 'scan'), [0, 0]))} |")
    # print fields
    lines.append("")
    pf = [r["print_fields"] for r in results if "print_fields" in r]
    if pf:
        lines.append("| scanned print-out | pages | fields (text extract) | read equal from scan | share | "
                     "extract s/page | golden = text / scan |")
        lines.append("|---|---|---|---|---|---|---|")
        for r in results:
            p = r.get("print_fields")
            if p:
                lines.append(f"| {r['case']}/{p['file']} | {p['pages']} | {p['text_fields']} | "
                             f"{p['equal']} | {100 * p['share']:.1f}% | "
                             f"{p['seconds_per_page'] if p['rc_scan'] in (0, 1) else 'failed: ' + p['stderr_scan']} | "
                             f"{p['text_equal_golden']}/{p['golden_fields']} · "
                             f"{p['scan_equal_golden']}/{p['golden_fields']} |")
        a, b = sum(p["equal"] for p in pf), sum(p["text_fields"] for p in pf)
        lines.append(f"fields of scanned print-outs read equal to the text version: {pct(a, b)}")
    pages = sum(r["scanned_pages"] for r in results)
    extra = sum(r["extra_seconds"] for r in results)
    lines.append(f"scanned pages in the scan versions: {pages}; compare time scan minus text: "
                 f"{extra:.1f} s = {extra / pages:.2f} s per scanned page" if pages else "")
    lines.append("")
    lines.append("misses:")
    for r in results:
        for v in ("text", "scan"):
            for m in r[v]["misses"]:
                lines.append(f"  {r['case']} [{v}]: {m}")
            if r[v]["rc"] not in (0, 1):
                lines.append(f"  {r['case']} [{v}]: exit {r[v]['rc']}: {r[v]['stderr']}")
        s = r["same"]
        if not s["same"]:
            lines.append(f"  {r['case']} [scan vs text]: only in text {s.get('only_text')}, "
                         f"only in scan {s.get('only_scan')}, refusal {s.get('refusal_text')} vs "
                         f"{s.get('refusal_scan')}, support differs {s.get('changes_diff')}")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "summary": lines}, indent=1,
                                        ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
