"""Scanned print-outs: seconds per page on one core, fields read as from the text version.

    python benchmarks/ocr.py [--repeat 2] [PDF ...]

Each print-out (default: the sample's old and new) is scanned the way a flatbed
does it (300 DPI, turned 1.5 degrees, blurred, grey paper, JPEG quality 60,
saved as an image-only PDF) and read with ``extract`` in this process, after a
warm-up, alternating with the text PDF itself so that both see the same
machine. Prints per file: pages, seconds per scanned page (the fastest of
``--repeat``: wall clock, and the CPU time of this process, which is the work
one core does and what other load on a shared machine cannot inflate), seconds
for the text version (OCR never runs on it), and the share of fields the scan
reads as the text version does.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "fixtures" / "sample" / "old.pdf", ROOT / "fixtures" / "sample" / "new.pdf"]


def scan(pdf: Path, out: Path) -> int:
    import pypdfium2
    from PIL import Image, ImageFilter

    document = pypdfium2.PdfDocument(str(pdf))
    frames = []
    for index in range(len(document)):
        image = document[index].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(1.5, expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC)
        image = image.filter(ImageFilter.GaussianBlur(0.8))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=60)
        frames.append(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    frames[0].save(out, save_all=True, append_images=frames[1:], resolution=300)
    return len(frames)


def values(app: Any) -> dict[str, Any]:
    return {key: field.value for key, field in app.fields.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):  # one core, as the issue measures it
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from ds160check import extract
    from ds160check.limits import Limits, use_limits
    from ds160check.reading import ocr

    print(ocr.status())
    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    print("| print-out | pages | s per scanned page (wall) | CPU s per scanned page | s for the text PDF "
          "| fields read as from text |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch, use_limits(Limits(timeout_s=0, max_memory_mb=0)):
        extract(DEFAULT[0])  # warm-up: rules, caches, the OCR models
        for pdf in args.pdfs:
            scanned = Path(scratch) / f"{pdf.stem}-scan.pdf"
            pages = scan(pdf, scanned)
            text_s, scan_s, scan_cpu = [], [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                text = extract(pdf)
                text_s.append(time.perf_counter() - start)
                start, cpu = time.perf_counter(), time.process_time()
                read = extract(scanned)
                scan_s.append(time.perf_counter() - start)
                scan_cpu.append(time.process_time() - cpu)
            want, got = values(text), values(read)
            same = sum(got.get(k) == v for k, v in want.items())
            print(f"| {pdf.name} | {pages} | {min(scan_s) / pages:.2f} | {min(scan_cpu) / pages:.2f} | "
                  f"{min(text_s):.3f} | "
                  f"{same}/{len(want)} ({same / len(want):.1%}) |")


if __name__ == "__main__":
    main()
