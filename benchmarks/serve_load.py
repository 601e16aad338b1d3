"""Load on ``ds160check serve``: latency and peak memory under concurrent cases.

    python benchmarks/serve_load.py [--requests 200] [--concurrency 8] [--jobs 2] [--kind compare]

Starts a real server (``python -m ds160check serve --port 0``) on 127.0.0.1 with a TMPDIR of its
own, warms it with one request, then sends REQUESTS requests from CONCURRENCY client threads at
once: ``compare`` posts a whole generated case (fixtures/cases/honest-reapplication: two
print-outs, two confirmation pages, a refusal letter and an employment letter, 6 files, 290 kB),
``extract`` one print-out, ``mixed`` alternates them. Samples the resident memory of the server
and all its processes (workers and the children reading documents) every 50 ms. Prints requests,
statuses, throughput, latency median / p95 / max, peak memory, memory before and after, and what
the server left in its TMPDIR (it should be nothing). Also checks that every compare answer is
the report ``ds160check compare --format json`` prints for the same files.

A measurement, not a test: exit status 0 unless a request was not answered 200.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "fixtures" / "cases" / "honest-reapplication"
DOCUMENTS = ["refusal-letter.pdf", "old-confirmation.pdf", "new-confirmation.pdf", "employment-letter.pdf"]
PRINT = ROOT / "fixtures" / "print" / "uz-toshmatov-inline.pdf"
SAMPLE_S = 0.05


def multipart(files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "load-" + secrets.token_hex(8)
    out = bytearray()
    for field, name, data in files:
        out += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def bodies() -> dict[str, tuple[str, bytes, str]]:
    case = [
        ("old", "old.pdf", (CASE / "old.pdf").read_bytes()),
        ("new", "new.pdf", (CASE / "new.pdf").read_bytes()),
        *(("documents", n, (CASE / n).read_bytes()) for n in DOCUMENTS),
    ]
    compare, compare_type = multipart(case)
    extract, extract_type = multipart([("file", PRINT.name, PRINT.read_bytes())])
    return {
        "compare": ("/v1/compare", compare, compare_type),
        "extract": ("/v1/extract", extract, extract_type),
    }


def tree_rss_mb(pid: int) -> float:
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            # Each thread lists the children it started (the pool starts workers from threads).
            children = [
                c
                for task in Path(f"/proc/{current}/task").iterdir()
                for c in (task / "children").read_text().split()
            ]
        except OSError:
            continue
        # A zombie (a reading child just ended) has no VmRSS line.
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        todo += [int(c) for c in children]
    return total / 1024


def start(tmp: Path, jobs: int) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "ds160check", "serve", "--port", "0", "--jobs", str(jobs)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    if "listening on" not in line:
        raise SystemExit(f"the server did not start: {line}")
    return process, line.split("listening on ", 1)[1].split(" ", 1)[0]


def post(url: str, path: str, body: bytes, content_type: str) -> tuple[int, float, bytes]:
    started = time.perf_counter()
    request = urllib.request.Request(url + path, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            status, data = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, data = exc.code, exc.read()
    return status, time.perf_counter() - started, data


def cli_report() -> bytes:
    args = [
        sys.executable,
        "-m",
        "ds160check",
        "compare",
        "old.pdf",
        "new.pdf",
        *DOCUMENTS,
        "--format",
        "json",
        "--fail-on",
        "none",
    ]
    return subprocess.run(args, cwd=CASE, capture_output=True, check=True).stdout


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kind", choices=["compare", "extract", "mixed"], default="compare")
    args = parser.parse_args()

    forms = bodies()
    kinds = ["compare", "extract"] if args.kind == "mixed" else [args.kind]
    expected = cli_report()
    with tempfile.TemporaryDirectory(prefix="serve-load-") as folder:
        tmp = Path(folder)
        process, url = start(tmp, args.jobs)
        try:
            for kind in kinds:
                post(url, *forms[kind])  # warm: the first request of a worker loads nothing more, but pages
            before = tree_rss_mb(process.pid)
            peak = [before]
            done = threading.Event()

            def sample() -> None:
                while not done.wait(SAMPLE_S):
                    peak.append(tree_rss_mb(process.pid))

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as clients:
                results = list(
                    clients.map(
                        lambda i: (kinds[i % len(kinds)], *post(url, *forms[kinds[i % len(kinds)]])),
                        range(args.requests),
                    )
                )
            elapsed = time.perf_counter() - started
            done.set()
            sampler.join()
            after = tree_rss_mb(process.pid)
            left = sorted(p.name for p in tmp.iterdir())
        finally:
            process.terminate()
            process.wait(60)

    statuses: dict[int, int] = {}
    for _, status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    same = sum(
        1 for kind, status, _, data in results if kind == "compare" and status == 200 and data == expected
    )
    compares = sum(1 for kind, *_ in results if kind == "compare")
    print(f"ds160check serve --jobs {args.jobs}: {args.requests} {args.kind} requests, "
          f"{args.concurrency} in flight")
    same_text = f"; compare answers identical to the CLI's report: {same}/{compares}" if compares else ""
    print(f"  statuses: {json.dumps(statuses)}{same_text}")
    print(f"  wall {elapsed:.1f} s, {args.requests / elapsed:.2f} requests/s "
          f"(machine: {os.cpu_count()} CPUs)")
    for kind in kinds:
        latencies = [seconds for k, _, seconds, _ in results if k == kind]
        print(f"  {kind} latency: median {statistics.median(latencies):.2f} s, "
              f"p95 {percentile(latencies, 0.95):.2f} s, max {max(latencies):.2f} s")
    print(f"  memory (server + workers + reading children, RSS): before {before:.0f} MB, "
          f"peak {max(peak):.0f} MB, after {after:.0f} MB")
    print(f"  left in the server's TMPDIR: {left or 'nothing'}")
    if statuses != {200: args.requests}:
        sys.exit(1)


if __name__ == "__main__":
    main()
