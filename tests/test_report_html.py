"""The HTML report (``compare --format html`` and the batch's pages): self-contained, escaped,
and really rendered by a headless Chromium (skipped when Debian's ``chromium`` is absent)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ds160check.application import Application, DocumentInfo, Field
from ds160check.batch import BatchOptions, run_batch
from ds160check.cli import cli
from ds160check.comparison.codes import Code
from ds160check.comparison.model import (
    Change,
    ChecklistItem,
    DocumentEntry,
    Evidence,
    Finding,
    Refusal,
    Report,
    Value,
)
from ds160check.render.report_html import render_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_TIMEOUT = 120
HOSTILE = '<script>alert("x")</script> & "quotes" <b>'
needs_generator = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the client folder is generated with reportlab and the DejaVu fonts",
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


def _hostile_report() -> tuple[Report, Application, Application]:
    evidence = (Evidence(f"/cases/{HOSTILE}/new.pdf", "new", HOSTILE, 2, (1.0, 2.0, 3.0, 4.0)),)
    finding = Finding(Code.IDENTITY_MISMATCH, "critical", "names", "personal.surnames",
                      Value("IVANOV", "IVANOV"), Value(HOSTILE, HOSTILE), None, f"Name {HOSTILE}",
                      "fix the form", evidence)
    change = Change("employer", f"employer {HOSTILE}", "work.present_employer", Value("A", "A"),
                    Value(HOSTILE, HOSTILE), "circumstance", True)
    report = Report("0", [DocumentEntry(f"{HOSTILE}.pdf", "0" * 64, "print", "old", 9),
                          DocumentEntry("new.pdf", "1" * 64, "print", "new", 9)],
                    Refusal("214b", None, "2025-05-14", HOSTILE, "letter"), [finding], [change],
                    [f"My employer changed to {HOSTILE}"], [ChecklistItem(HOSTILE, "missing", HOSTILE)])
    old = Application(DocumentInfo(f"{HOSTILE}.pdf", "0" * 64, "print", 9),
                      {"personal.surnames": Field("personal.surnames", "IVANOV", None)})
    new = Application(DocumentInfo("new.pdf", "1" * 64, "print", 9),
                      {"personal.surnames": Field("personal.surnames", HOSTILE, None)})
    return report, old, new


def test_every_user_value_is_escaped() -> None:
    page = render_html(*_hostile_report())
    assert "<script" not in page
    assert HOSTILE not in page and '"quotes" <b>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page


def test_the_page_loads_nothing_from_anywhere() -> None:
    page = render_html(*_hostile_report())
    assert not re.search(r"""(src|href)\s*=|@import|url\(|https?://""", page)


def test_changed_cells_of_the_side_by_side_table_are_marked() -> None:
    page = render_html(*_hostile_report())
    row = re.search(r"<tr><td class=\"key\">Surnames</td>(.*?)</tr>", page)
    assert row is not None
    assert row.group(1).count('class="flagged"') == 2


# --- a real case ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    sys.path.insert(0, str(FIXTURES))
    import batchcases

    folder = tmp_path_factory.mktemp("client") / "client-0003"
    return folder, batchcases.write_case(folder, 3)  # hides the refusal, earns more since


@needs_generator
def test_compare_format_html_has_verdict_table_timeline_and_checklist(case_folder: Any) -> None:
    folder, roles = case_folder
    args = ["compare", folder / roles["old"], folder / roles["new"], folder / roles["letter"],
            folder / roles["confirmation"], "--format", "html", "--fail-on", "none"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    page = result.output
    assert page.startswith("<!DOCTYPE html>")
    assert "Verdict: do not submit: critical contradictions" in page
    assert "UNDISCLOSED_REFUSAL" in page
    assert "Both applications, side by side" in page and 'class="changed"' in page
    assert "<svg" in page and "Refused under 214(b)" in page
    assert "Re-application checklist" in page


def _chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium-profile'}", "--enable-logging=stderr", "--v=0",
            "--window-size=1000,1400", *extra, page.as_uri()]
    return subprocess.run(args, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT, check=False)


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def _pixel_spread(png: Path) -> tuple[float, float]:
    """Standard deviation of the grey levels, and the share of pixels that are not white."""
    from PIL import Image, ImageStat

    with Image.open(png) as image:
        grey = image.convert("L")
        spread = ImageStat.Stat(grey).stddev[0]
        histogram = grey.histogram()
    return spread, 1 - sum(histogram[250:]) / sum(histogram)


@pytest.fixture(scope="module")
def batch_output(case_folder: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder, _ = case_folder
    out = tmp_path_factory.mktemp("reports")
    run_batch(folder.parent, out, BatchOptions(jobs=1, cache=False, progress=False))
    return out


@needs_generator
@needs_chromium
def test_case_report_renders_in_chromium_without_console_errors(batch_output: Path, tmp_path: Path) -> None:
    page = batch_output / "cases" / "client-0003" / "report.html"
    dom = _chromium(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr
    assert _console(dom.stderr) == []
    for text in ("Verdict: do not submit: critical contradictions", "UNDISCLOSED_REFUSAL",
                 "What changed since last time?", "Every file in the folder", "refusal letter"):
        assert text in dom.stdout
    png = tmp_path / "report.png"
    shot = _chromium(page, tmp_path, f"--screenshot={png}")
    assert shot.returncode == 0 and png.is_file(), shot.stderr
    spread, inked = _pixel_spread(png)
    assert spread > 20 and inked > 0.03, (spread, inked)


@needs_generator
@needs_chromium
def test_index_sorts_by_a_clicked_column_in_chromium(batch_output: Path, tmp_path: Path) -> None:
    index = (batch_output / "index.html").read_text(encoding="utf-8")
    probe = batch_output / "probe.html"
    # Two extra rows to sort, then a click on "Critical" (ascending) reported on the console.
    rows = ('<tr><td data-sort="b">b</td><td data-sort="1">x</td><td class="num">7</td></tr>'
            '<tr><td data-sort="a">a</td><td data-sort="1">x</td><td class="num">0</td></tr>')
    click = ('<script>document.querySelectorAll("table.index th")[2].click();'
             'console.log("ORDER " + Array.from(document.querySelectorAll("table.index tbody tr"))'
             '.map(function (r) { return r.cells[2].textContent; }).join(","));</script>')
    probe.write_text(index.replace("</tbody>", rows + "</tbody>").replace("</body>", click + "</body>"),
                     encoding="utf-8")
    result = _chromium(probe, tmp_path, "--dump-dom")
    logged = [line for line in _console(result.stderr) if "ORDER" in line]
    assert len(logged) == 1, result.stderr
    assert re.search(r'"ORDER 0,1,7"', logged[0]), logged[0]
    assert 'aria-sort="ascending"' in result.stdout
    plain = _chromium(batch_output / "index.html", tmp_path, "--dump-dom")
    assert _console(plain.stderr) == []


A4_POINTS = (595.3, 841.9)
# Chromium lays pages out in whole CSS pixels: A4 comes out a fraction of a point narrow.
PAGE_SIZE_TOLERANCE = 1.0


@needs_generator
@needs_chromium
def test_case_report_prints_on_a4_pages(batch_output: Path, tmp_path: Path) -> None:
    import pypdfium2

    page = batch_output / "cases" / "client-0003" / "report.html"
    pdf = tmp_path / "report.pdf"
    printed = _chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert printed.returncode == 0 and pdf.is_file(), printed.stderr
    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        sizes = [document[i].get_size() for i in range(count)]
        first = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert all(abs(w - A4_POINTS[0]) < PAGE_SIZE_TOLERANCE and abs(h - A4_POINTS[1]) < PAGE_SIZE_TOLERANCE
               for w, h in sizes), sizes
    assert 2 <= count <= 12
    assert "Verdict: do not submit: critical contradictions" in first
