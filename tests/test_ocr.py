"""Scans and photos read by real OCR (Tesseract through tesserocr), rendered here from the fixtures.

Each scan is made in the test from a text PDF: rendered at 300 DPI, turned, blurred, saved as
JPEG inside an image-only PDF, or as a photo (PNG, JPEG turned sideways). What the text version
gives is the expected answer. Skipped where the ``ocr`` extra is not installed (CI installs it).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ds160check import compare, extract
from ds160check.extraction import TRUSTED_OCR
from ds160check.matching import match_names
from ds160check.reading import ocr
from ds160check.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
# Print-out fields a scan must read as the text version does (issue 10 asks 97%; measured
# 98.6% and 97.9% on the sample's two print-outs with benchmarks/ocr.py's scan: the gap is O/0 in
# Application IDs, an e-mail read unsurely and a social media handle).
MIN_FIELD_SHARE = 0.97

pytestmark = pytest.mark.skipif(ocr.engine() is None, reason="the ocr extra is not installed")


def scanned(pdf: Path, out: Path, *, degrees: float = 1.0, blur: float = 0.8, quality: int = 60,
            pages: slice = slice(None)) -> list[Any]:
    """The pages of ``pdf`` as a flatbed scan would give them: at 300 DPI, a little turned and
    blurred, grey paper, JPEG; returned as Pillow images and written to ``out`` (image-only PDF,
    or one image when ``out`` is .jpg/.png)."""
    import pypdfium2
    from PIL import Image, ImageFilter

    document = pypdfium2.PdfDocument(str(pdf))
    frames = []
    for index in range(len(document))[pages]:
        image = document[index].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(degrees, expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC)
        image = image.filter(ImageFilter.GaussianBlur(blur))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        frames.append(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    if out.suffix == ".pdf":
        frames[0].save(out, save_all=True, append_images=frames[1:], resolution=300)
    else:
        frames[0].save(out, quality=quality) if out.suffix == ".jpg" else frames[0].save(out)
    return frames


def _values(app: Any) -> dict[str, Any]:
    return {key: field.value for key, field in app.fields.items()}


def _same(expected: dict[str, Any], got: dict[str, Any]) -> float:
    return sum(got.get(key) == value for key, value in expected.items()) / len(expected)


def test_the_engine_says_in_one_line_what_it_reads() -> None:
    line = ocr.status()
    assert line.startswith("OCR: Tesseract ") and "reading eng" in line


def test_a_print_out_that_exists_only_as_a_scan_reads_as_its_text_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from ds160check.extraction import OPTION_MIN_CONFIDENCE, _an_option
    from ds160check.limits import current_limits, use_limits

    scan = tmp_path / "new-scan.pdf"
    scanned(SAMPLE / "new.pdf", scan, degrees=-1.5)
    pages_read: list[int] = []
    real = ocr.read_page_image

    def counted(image: Any, number: int, found: Any, **kwargs: Any) -> Any:
        pages_read.append(number)
        return real(image, number, found, **kwargs)

    monkeypatch.setattr(ocr, "read_page_image", counted)
    # Seven pages of OCR take ~15 s on a free core; on a busy CI machine they ran past the default
    # 30 s limit. This test is about what is read: how fast is benchmarks/ocr.py's to say. Read in
    # this process (no child), so that the pages OCR reads are counted.
    with use_limits(replace(current_limits(), timeout_s=0, max_memory_mb=0)):
        app = extract(scan)
    # Each page once: the first, read to tell what the file is, was read a second time (8 of 7).
    assert sorted(pages_read) == list(range(1, 8)), pages_read
    text, read = _values(extract(SAMPLE / "new.pdf")), _values(app)
    assert _same(text, read) >= MIN_FIELD_SHARE, [(k, v, read.get(k)) for k, v in text.items()
                                                  if read.get(k) != v]
    assert app.document.kind == "print"
    for key in ("personal.surnames", "personal.given_names", "personal.date_of_birth", "passport.number"):
        assert read[key] == text[key], key
    # English read the native name's first word as "IOCYIIOB" and nothing of the other two: the
    # scan said "ЮСУПОВ" alone, which contradicted the form's full name (a false critical).
    native = read.get("personal.full_name_native")
    assert native is None or match_names(native, text["personal.full_name_native"]).verdict != "different"
    # provenance names OCR and its confidence; what OCR was unsure of is unreadable, not a value
    catalogue = load_rules().catalogue
    kept = [(k, f) for k, f in app.fields.items() if f.span is not None and f.items is None]
    assert kept and all(f.span is not None and f.span.ocr_confidence is not None for _, f in kept)
    for key, field in kept:  # a closed question's answer, one of its options, from 40
        floor = OPTION_MIN_CONFIDENCE if _an_option(catalogue, key, field) else TRUSTED_OCR
        assert field.span is not None and (field.span.ocr_confidence or 0) >= floor, key
    for problem in app.unreadable.values():
        if "read by OCR" in problem.reason:
            assert problem.span is not None and problem.span.ocr_confidence is not None
            assert problem.span.ocr_confidence < TRUSTED_OCR
    assert "ocr_confidence" in app.to_dict()["provenance"]["personal.surnames"]


def test_words_read_by_ocr_carry_their_confidence_and_text_pages_are_not_ocrd(tmp_path: Path) -> None:
    from ds160check.reading import read_pages

    scan = tmp_path / "letter.png"
    scanned(SAMPLE / "refusal-letter.pdf", scan, degrees=0.7)
    words = [w for page in read_pages(scan) for w in page.words]
    assert words and all(w.confidence is not None and 0 <= w.confidence <= 100 for w in words)
    text_words = [w for page in read_pages(SAMPLE / "refusal-letter.pdf") for w in page.words]
    assert all(w.confidence is None for w in text_words)


@pytest.mark.parametrize("form", ["photo-sideways.jpg", "scan.pdf"])
def test_a_photographed_refusal_letter_finds_the_hidden_refusal_as_the_text_one_does(
        form: str, tmp_path: Path) -> None:
    letter = tmp_path / form
    if form.endswith(".jpg"):
        frames = scanned(SAMPLE / "refusal-letter.pdf", tmp_path / "flat.png", degrees=1.2)
        frames[0].rotate(90, expand=True).save(letter, quality=70)  # a phone held sideways
    else:
        scanned(SAMPLE / "refusal-letter.pdf", letter, degrees=-0.8)
    as_text = compare(SAMPLE / "old.pdf", SAMPLE / "new.pdf", [SAMPLE / "refusal-letter.pdf"]).to_dict()
    as_scan = compare(SAMPLE / "old.pdf", SAMPLE / "new.pdf", [letter]).to_dict()
    assert as_scan["refusal"]["type"] == as_text["refusal"]["type"] == "214b"
    codes = sorted((f["code"], f["field"]) for f in as_text["findings"])
    assert sorted((f["code"], f["field"]) for f in as_scan["findings"]) == codes
    assert any(f["code"] == "UNDISCLOSED_REFUSAL" for f in as_scan["findings"])


def test_a_quote_read_by_ocr_says_so_and_how_surely_in_every_report(tmp_path: Path) -> None:
    """A broker tells a client "the form contradicts itself" from a quote: one read from a scan
    must say it was read by OCR, and how surely, so that it is checked against the paper."""
    import jsonschema

    from ds160check.render.report_html import render_html
    from ds160check.render.report_md import render_markdown
    from ds160check.render.report_text import render_report
    from ds160check.schemas import report_schema

    letter = tmp_path / "letter.pdf"
    scanned(SAMPLE / "refusal-letter.pdf", letter, degrees=-0.8)
    report = compare(SAMPLE / "old.pdf", SAMPLE / "new.pdf", [letter])
    data = report.to_dict()
    jsonschema.validate(data, report_schema())
    hidden = next(f for f in data["findings"] if f["code"] == "UNDISCLOSED_REFUSAL")
    quoted = {e["role"]: e for e in hidden["evidence"]}
    assert 0 < quoted["evidence"]["ocr_confidence"] <= 100 and "ocr_confidence" not in quoted["new"]
    text = render_report(report)
    note = f"letter.pdf p.1, read by OCR at {quoted['evidence']['ocr_confidence']:.0f}/100"
    assert f"seen: {note}:" in text and "seen: new.pdf p.2: " in text
    assert ", read by OCR at " in text.split("\nCRITICAL")[0]  # the refusal's own quote, above
    assert note in render_html(report) and ", read by OCR at " in render_markdown(report)


def test_without_an_ocr_engine_a_scan_is_one_clear_line_and_the_case_goes_on(tmp_path: Path) -> None:
    letter = tmp_path / "letter-scan.pdf"
    scanned(SAMPLE / "refusal-letter.pdf", letter)
    env = {**os.environ, "DS160CHECK_OCR": "off", "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "ds160check", "compare", SAMPLE / "old.pdf",
                          SAMPLE / "new.pdf", letter, "--format", "json", "--fail-on", "none"],
                         capture_output=True, text=True, timeout=300, check=False, env=env)
    assert run.returncode == 0, run.stderr
    entry = next(d for d in json.loads(run.stdout)["documents"] if d["path"] == str(letter))
    assert entry["kind"] == "unreadable"
    assert entry["warnings"] == ["the PDF has no text layer (a scan or photo?) and OCR is not installed "
                                 "(pip install 'ds160check[ocr]')"]
    as_application = subprocess.run([sys.executable, "-m", "ds160check", "extract", letter],
                                    capture_output=True, text=True, timeout=300, check=False, env=env)
    assert as_application.returncode == 2
    assert as_application.stderr.count("\n") == 1 and "OCR is not installed" in as_application.stderr


def test_an_image_that_decodes_to_too_many_pixels_is_refused_in_one_line(tmp_path: Path) -> None:
    import struct
    import zlib

    bomb = tmp_path / "photo.png"  # a PNG header claiming 100,000 x 100,000 pixels
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    def png_chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
                     + png_chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + png_chunk(b"IEND", b""))
    run = subprocess.run([sys.executable, "-m", "ds160check", "extract", bomb], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 2
    assert run.stderr == f"Error: {bomb}: the image decodes to more pixels than a page can have\n"


def test_batch_reads_a_photographed_letter_and_keeps_its_ocr_by_content(tmp_path: Path) -> None:
    import shutil

    from ds160check.batch import BatchOptions, run_batch

    folder = tmp_path / "clients" / "client"
    folder.mkdir(parents=True)
    for name in ("old.pdf", "new.pdf"):
        shutil.copy(SAMPLE / name, folder / name)
    scanned(SAMPLE / "refusal-letter.pdf", folder / "letter.jpg", degrees=0.9)
    out = tmp_path / "out"
    first = run_batch(tmp_path / "clients", out, BatchOptions(jobs=1, progress=False))
    assert first.rows[0]["undisclosed_refusal"] == "yes" and first.rows[0]["refusal_type"] == "214b"
    kept = sorted((out / ".ds160check-cache" / "ocr").glob("*.json"))
    assert len(kept) == 1  # tried as a DS-160, then read as a letter: read by OCR once
    stamp = kept[0].stat().st_mtime_ns
    (folder / "note.docx").write_bytes((ROOT / "fixtures" / "documents" / "refusal"
                                        / "not_refusal_employment_letter.docx").read_bytes())
    again = run_batch(tmp_path / "clients", out, BatchOptions(jobs=1, progress=False))
    assert again.computed == 1 and again.rows[0]["undisclosed_refusal"] == "yes"
    assert [p.stat().st_mtime_ns for p in (out / ".ds160check-cache" / "ocr").glob("*.json")] == [stamp]
    run_batch(tmp_path / "clients", out, BatchOptions(jobs=1, progress=False, redact=True))
    assert not (out / ".ds160check-cache" / "ocr").exists()  # the letter's text is not kept


# Passport pages of fixtures/scans (generated by fixtures/scans/generate.py, with goldens) whose
# MRZ OCR reads exactly today: 4 of the 13 (long runs of "<" are still read as "eee" or lost).
# The generated passport scans whose MRZ OCR reads exactly (9 of 13): sideways and upside-down
# photos (orientation detection unsure or wrong: every quarter turn tried), small print (read again
# enlarged), a first line that lost its fillers, a line Russian OCR would read as look-alikes.
READ_PASSPORTS = ["passport-akhmetova-grey", "passport-dela-cruz-specked", "passport-toshmatov-copier",
                  "passport-yusupov-broken-birth-check", "passport-yusupov-broken-composite",
                  "passport-yusupov-broken-number-check", "passport-yusupov-correct-heic",
                  "passport-yusupov-correct-office", "passport-yusupov-other-number"]


@pytest.mark.parametrize("name", READ_PASSPORTS)
def test_a_scanned_passport_page_is_read_upright_and_its_mrz_exactly(name: str) -> None:
    """A passport page is landscape by nature: orientation detection, asked because of that, must
    not turn it upside down (the turned page is kept only when it reads better)."""
    from ds160check.documents.ingest import load_document
    from ds160check.documents.passport import read_passport

    golden = json.loads((ROOT / "fixtures" / "scans" / "goldens" / f"{name}.json").read_text())
    page = read_passport(load_document(ROOT / "fixtures" / "scans" / golden["file"]))
    assert page is not None and page.mrz is not None
    assert list(page.mrz.lines) == golden["expected"]["mrz"]


def test_a_latin_line_read_as_russian_look_alikes_keeps_its_english_reading() -> None:
    """The MRZ "P1234567A1PHL..." read in Russian is "Р1234567А1РНЕ...": all look-alikes, no letter
    only Cyrillic has, so nothing says the line is Russian; a certificate's line is."""
    from ds160check.model import Word
    from ds160check.reading.ocr import _written_in_cyrillic

    def words(*texts: str) -> list[Word]:
        return [Word(t, 10.0 * i, 0.0, 10.0 * i + 9, 10.0, 10.0, 90.0) for i, t in enumerate(texts)]

    assert not _written_in_cyrillic(words("Р1234567А1РНЕ8512084Е2902256<<<<<<<<<<<<<<00"))
    assert not _written_in_cyrillic(words("еее", "ТОО", "АО"))
    assert _written_in_cyrillic(words("ООО", "«Ромашка»"))
    assert _written_in_cyrillic(words("СПРАВКА", "дана"))


def test_an_identifier_ocr_read_is_mended_only_where_its_shape_fixes_a_character() -> None:
    from ds160check.values import mend_shape

    assert mend_shape("AAOON9CE47", "AA00******") == "AA00N9CE47"  # O read for 0 where 0 stands
    assert mend_shape("AA00OJDBGN", "AA00******") == "AA00OJDBGN"  # free positions stay as read
    assert mend_shape("A400N9CE47", "AA00******") == "A400N9CE47"  # 4 is no look-alike of A...
    assert mend_shape("AAX0N9CE47", "AA00******") == "AAX0N9CE47"  # ...nor X of 0: left as read
    assert mend_shape("AA0ON9CE47", "AA00******") == "AA00N9CE47"
    assert mend_shape("AA00N9CE4", "AA00******") == "AA00N9CE4"  # another length: as read
    assert mend_shape("ААООО7НРЗВ", "AA00******") == "AA00O7HP3B"  # Cyrillic look-alikes: Latin
    assert mend_shape("ААООЖ7НРЗВ", "AA00******") == "ААООЖ7НРЗВ"  # a letter only Cyrillic has


def test_a_date_ocr_read_with_a_letter_for_a_digit_is_that_date_and_a_typed_one_is_not() -> None:
    """heldout_scans_3 c03: a scanned print-out's 'O1 JUNE 2026' (O for 0) was no date."""
    from ds160check.application import Span
    from ds160check.model import Box
    from ds160check.parsing.assemble import _parsed
    from ds160check.values import mend_date_digits

    assert mend_date_digits("O1 JUNE 2026") == "01 JUNE 2026"
    assert mend_date_digits("12 MAY 2O19") == "12 MAY 2019"
    assert mend_date_digits("O1 OCTOBER 2017") == "01 OCTOBER 2017"  # the month's O stays
    assert mend_date_digits("OI MAY 2019") == "OI MAY 2019"  # no digit to tell a number: as read
    scanned = Span(1, Box(0, 0, 10, 10), "O1 JUNE 2026", "Intended Date of Arrival", 88.0)
    typed = Span(1, Box(0, 0, 10, 10), "O1 JUNE 2026", "Intended Date of Arrival")
    assert _parsed("date", "O1 JUNE 2026", scanned, None) == "2026-06-01"
    with pytest.raises(ValueError):
        _parsed("date", "O1 JUNE 2026", typed, None)
    with pytest.raises(ValueError):  # a month misread is no date still
        _parsed("date", "O1 JUNO 2026", scanned, None)


def test_a_page_lit_unevenly_is_made_even_and_a_scan_is_left_as_it_is() -> None:
    """heldout_scans_4 c06: a letter photographed at 150 DPI with a shadow across it; its
    '214(b)' in the shadowed half was not read, and the refusal had no section."""
    import numpy
    from PIL import Image, ImageDraw

    from ds160check.reading.ocr import _evenly_lit

    width, height = 2400, 3000
    light = numpy.linspace(235, 110, width, dtype=numpy.float32)[None, :].repeat(height, axis=0)
    page = Image.fromarray(light.astype(numpy.uint8))
    draw = ImageDraw.Draw(page)
    for x in (200, 2100):  # a letter's stroke in the light and one in the shadow
        draw.rectangle((x, 1000, x + 12, 1060), fill=25 if x < 1000 else 12)
    even = numpy_of(_evenly_lit(page))
    paper = even[200:800, 100:2300]
    assert paper.max() - paper.min() < 30  # was 125 levels from one side to the other
    assert even[1000:1060, 2100:2112].max() < paper.min() - 100  # the shadowed stroke stands out
    assert even[1000:1060, 200:212].max() < paper.min() - 100
    scan = Image.new("L", (width, height), 240)
    ImageDraw.Draw(scan).rectangle((200, 1000, 212, 1060), fill=20)
    assert _evenly_lit(scan) is scan


def test_a_country_ocr_read_with_a_lone_mark_beside_it_is_that_country() -> None:
    """heldout_scans_4 c03, a fax: the countries visited read 'i POLAND', 'H ITALY', 'i GERMANY'
    (a leader's remains), three high HISTORY_OMITTED against the new form's POLAND, ITALY, GERMANY."""
    from ds160check.application import Span
    from ds160check.model import Box
    from ds160check.parsing.assemble import _parsed

    def scanned(text: str) -> Span:
        return Span(1, Box(0, 0, 10, 10), text, "Country/Region", 84.0)

    assert _parsed("country", "i POLAND", scanned("i POLAND"), None) == "POLAND"
    assert _parsed("country", "H ITALY", scanned("H ITALY"), None) == "ITALY"
    assert _parsed("country", "KOREA, REPUBLIC OF (SOUTH) x", scanned(""), None) == \
        "KOREA, REPUBLIC OF (SOUTH)"
    assert _parsed("country", "X KAZAKHSTAN Y", scanned(""), None) == "X KAZAKHSTAN Y"  # two: as read
    typed = Span(1, Box(0, 0, 10, 10), "i POLAND", "Country/Region")
    assert _parsed("country", "i POLAND", typed, None) == "I POLAND"  # a text layer: as typed


def test_the_box_sums_that_find_dotted_leaders_are_exact() -> None:
    """The leader finder counts ink in boxes by running sums in 16-bit integers (they wrap): every
    box, at the page's edges too, must still hold exactly the pixels inside it."""
    import numpy

    from ds160check.reading.ocr import _box_sum

    mask = numpy.random.default_rng(7).random((41, 3000)) < 0.5  # running sums past 32767
    for half_height, half_width in ((0, 0), (1, 1), (3, 2), (8, 30), (20, 0)):
        got = _box_sum(mask, half_height, half_width)
        for row, col in ((0, 0), (40, 2999), (20, 1500), (5, 29), (39, 2970)):
            box = mask[max(0, row - half_height):row + half_height + 1,
                       max(0, col - half_width):col + half_width + 1]
            assert got[row, col] == box.sum(), (half_height, half_width, row, col)


def test_dotted_leaders_are_erased_and_a_full_stop_is_not() -> None:
    from PIL import Image, ImageDraw

    from ds160check.reading.ocr import _without_leaders

    page = Image.new("L", (1200, 200), 255)
    draw = ImageDraw.Draw(page)
    for x in range(300, 900, 14):  # a leader: dots of 5 px, 14 px apart, alone on the line
        draw.ellipse((x, 100, x + 5, 105), fill=0)
    draw.rectangle((100, 60, 110, 105), fill=0)  # a letter's stem...
    draw.ellipse((120, 100, 125, 105), fill=0)  # ...and the full stop after it
    draw.rectangle((950, 60, 1000, 105), fill=0)  # the value after the leader
    cleaned = numpy_of(_without_leaders(page, 300))
    assert cleaned[98:108, 300:900].min() > 200  # the dots are gone
    assert cleaned[100:106, 120:126].min() < 50  # the full stop stays
    assert cleaned[60:106, 100:111].max() < 50 and cleaned[60:106, 950:1001].max() < 50


def test_a_leader_cut_by_a_streak_and_lone_specks_are_erased_and_letters_are_not() -> None:
    """A scanner's streak across a leader left its dots beside ink on both sides, and specks of
    dust beside a value were read as words of it ("zs 28 FEBRUARY 2034")."""
    from PIL import Image, ImageDraw

    from ds160check.reading.ocr import _without_leaders

    page = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(page)
    for x in range(300, 940, 14):  # a leader running into its value...
        draw.ellipse((x, 200, x + 5, 205), fill=0)
    draw.rectangle((602, 0, 603, 399), fill=0)  # ...cut by a streak the height of the page
    draw.rectangle((950, 160, 1000, 205), fill=0)  # the value
    draw.ellipse((1100, 250, 1112, 262), fill=0)  # a speck of dust alone on the paper
    draw.ellipse((200, 300, 212, 312), fill=0)  # another
    draw.rectangle((100, 300, 110, 345), fill=0)  # a letter's stem and a full stop right after it
    draw.ellipse((116, 340, 122, 345), fill=0)
    draw.ellipse((700, 300, 722, 345), outline=0, width=4)  # an O, alone
    cleaned = numpy_of(_without_leaders(page, 300))
    assert cleaned[198:208, 300:600].min() > 200 and cleaned[198:208, 606:940].min() > 200
    assert cleaned[248:264, 1098:1114].min() > 200 and cleaned[298:314, 198:214].min() > 200
    assert cleaned[:, 602:604].max() < 50  # the streak is no speck: left to the reader
    assert cleaned[340:346, 116:123].min() < 50  # the full stop stays
    assert cleaned[300:346, 700:723].min() < 50  # and so does the letter
    assert cleaned[160:206, 950:1001].max() < 50


def test_a_speck_a_space_from_a_word_is_erased_and_a_dash_between_words_is_not() -> None:
    """A dark photocopy (heldout_scans_3 c04): toner specks a letter's width from the words
    brought their confidence under 60 ('NINO' at 46, 'NO' at 16), 26 of 108 fields differing
    from the text version. A dash between words ('ASTANA - DOSTYK') stands as clear and stays,
    and so does a comma a little after its word (a photographed 'DISTRICT, BUYUK')."""
    from PIL import Image, ImageDraw

    from ds160check.reading.ocr import _without_leaders

    page = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(page)
    draw.ellipse((86, 112, 96, 122), fill=0)  # a speck 0.045 in before a word, at mid-height
    draw.rectangle((110, 100, 300, 145), fill=0)  # the word
    draw.ellipse((200, 76, 210, 86), fill=0)  # a speck 0.045 in above it
    draw.ellipse((314, 136, 322, 150), fill=0)  # a comma 0.045 in after it
    draw.rectangle((500, 100, 700, 145), fill=0)  # a word, a dash, a word
    draw.rectangle((716, 120, 730, 124), fill=0)
    draw.rectangle((746, 100, 946, 145), fill=0)
    cleaned = numpy_of(_without_leaders(page, 300))
    assert cleaned[112:123, 86:97].min() > 200 and cleaned[76:87, 200:211].min() > 200
    assert cleaned[136:151, 314:323].min() < 50
    assert cleaned[120:125, 716:731].max() < 50
    assert cleaned[100:146, 110:301].max() < 50 and cleaned[100:146, 746:947].max() < 50


def test_a_word_of_latin_look_alikes_beside_a_cyrillic_word_is_read_as_cyrillic() -> None:
    """A scanned native name came out "MYXTAPOB ДАМИР" (the surname surely read in English) and
    contradicted the form's "МУХТАРОВ ДАМИР" with a critical IDENTITY_MISMATCH."""
    from ds160check.model import Word
    from ds160check.reading.ocr import _script_of_neighbours

    def line(*texts: str, y: float = 0.0) -> list[Word]:
        return [Word(t, 60.0 * i, y, 60.0 * i + 50, y + 10, 10.0, 90.0) for i, t in enumerate(texts)]

    words = line("Alphabet:", "MYXTAPOB", "ДАМИР") + line("MAKSIM", "ДАМИР", y=30) \
        + line("TOO", "KAZ", "BANK", y=60) + line("MYXTAPOB", y=90)
    assert [w.text for w in _script_of_neighbours(words)] == [
        "Alphabet:", "МУХТАРОВ", "ДАМИР",  # beside a Cyrillic word: the letters it looks like
        "MAKSIM", "ДАМИР",  # S and I have no Cyrillic twin: a Latin word
        "TOO", "KAZ", "BANK",  # look-alikes among Latin words stay Latin
        "MYXTAPOB"]  # alone, nothing says which alphabet


DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


@pytest.mark.skipif(not DEJAVU_SANS.is_file(), reason="the DejaVu fonts draw the page")
@pytest.mark.skipif("rus" not in (ocr.engine() or ocr.Engine("", "", ("eng",), False)).languages,
                    reason="Russian OCR data (tesseract-ocr-rus) is not installed")
def test_the_rest_of_a_cyrillic_answer_english_misread_or_missed_is_read_in_russian() -> None:
    """The sample's scanned print-out gave its native name as 'ЮСУПОВ', nothing where ЮРИЙ stands,
    then 'BUKTOPOBUY' at 62: FIELD_UNREADABLE where the form is plain. A Latin name English read
    surely after a Cyrillic one is left alone."""
    from PIL import Image, ImageDraw, ImageFont

    from ds160check.model import Word
    from ds160check.reading.ocr import _rest_of_cyrillic_read_again

    font = ImageFont.truetype(str(DEJAVU_SANS), 36)
    page = Image.new("L", (2000, 260), 255)
    draw = ImageDraw.Draw(page)
    boxes = {}
    english_line = ("Have", "you", "ever", "used", "other", "names", "or", "aliases?")
    for y, words in ((40, ("ЮСУПОВ", "ЮРИЙ", "ВИКТОРОВИЧ")), (100, english_line),
                     (160, ("ЮСУПОВ", "IURII"))):
        x = 100
        for text in words:
            draw.text((x, y), text, font=font, fill=0)
            left, top, right, bottom = draw.textbbox((x, y), text, font=font)
            boxes[(y, text)] = (left, top, right, bottom)
            x = right + 22
    scale = 72 / 300

    def read_as(key: tuple[int, str], text: str, confidence: float) -> Word:
        left, top, right, bottom = boxes[key]
        return Word(text, left * scale, top * scale, right * scale, bottom * scale, 8.0, confidence)

    found = ocr.engine()
    assert found is not None
    english = [read_as((40, "ЮСУПОВ"), "ЮСУПОВ", 96.8), read_as((40, "ВИКТОРОВИЧ"), "BUKTOPOBUY", 61.6),
               read_as((160, "ЮСУПОВ"), "ЮСУПОВ", 96.0), read_as((160, "IURII"), "IURII", 95.0),
               *(read_as((100, text), text, 96.0) for text in english_line)]  # an English page
    again = _rest_of_cyrillic_read_again(page, 300, english, found)
    assert [w.text for w in again] == ["ЮСУПОВ", "ЮРИЙ", "ВИКТОРОВИЧ", "ЮСУПОВ", "IURII",
                                       *english_line]


@pytest.mark.skipif(not DEJAVU_SANS.is_file(), reason="the DejaVu fonts draw the page")
def test_ink_no_word_was_read_from_is_read_again_and_nothing_twice() -> None:
    """Tesseract returned nothing for a scanned father's surname "ALIYEV" (found again in black and
    white); the label with nothing beside it then read as no answer."""
    from PIL import Image, ImageDraw, ImageFont

    from ds160check.model import Word
    from ds160check.reading.ocr import _with_words_missed

    page = Image.new("L", (1800, 400), 235)  # grey paper
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(DEJAVU_SANS), 42)
    draw.text((200, 100), "ALIYEV", font=font, fill=20)
    draw.text((1000, 100), "SOBIR", font=font, fill=20)
    x0, top, x1, bottom = draw.textbbox((1000, 100), "SOBIR", font=font)
    scale = 72 / 300
    read = [Word("SOBIR", x0 * scale, top * scale, x1 * scale, bottom * scale, 10.0, 95.0)]
    found = ocr.engine()
    assert found is not None
    words = _with_words_missed(page, 300, read, found)
    assert [w.text for w in words] == ["SOBIR", "ALIYEV"]
    assert words[1].x0 < 250 * scale and (words[1].confidence or 0) >= ocr.VERY_SURE


@pytest.mark.skipif(not DEJAVU_SANS.is_file(), reason="the DejaVu fonts draw the page")
@pytest.mark.parametrize("given", ["tall", "right size"])
def test_an_unsure_word_read_out_of_its_lines_measure_is_read_again_alone(given: str) -> None:
    """A photographed 214(b) letter: Tesseract read "214(b)" as "2" at 31, its box running into the
    line below, and the refusal had no section. Read alone in its line's height it is "214(b)". A
    word of its line's size read unsurely is left as read: alone it came out surer and wrong."""
    from PIL import Image, ImageDraw, ImageFont

    from ds160check.model import Word
    from ds160check.reading.ocr import _unsure_words_read_alone

    page = Image.new("L", (2000, 400), 235)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(DEJAVU_SANS), 42)
    scale = 72 / 300
    read, x = [], 100
    for text in ("visa", "under", "Section", "214(b)", "of"):
        x0, top, x1, bottom = draw.textbbox((x, 100), text, font=font)
        draw.text((x, 100), text, font=font, fill=20)
        read.append(Word(text, x0 * scale, top * scale, x1 * scale, bottom * scale, 10.0, 95.0))
        x = x1 + 28
    draw.text((100, 165), "the U.S. Immigration and Nationality Act", font=font, fill=20)
    target = read[3]
    if given == "tall":  # as the page read it: one mark, two lines high
        read[3] = Word("2", target.x0, target.top, target.x1, target.bottom + 70 * scale, 10.0, 31.0)
    else:
        read[3] = Word("214(6)", target.x0, target.top, target.x1, target.bottom, 10.0, 50.0)
    found = ocr.engine()
    assert found is not None
    words = _unsure_words_read_alone(page, 300, read, found)
    if given == "tall":
        assert [w.text for w in words] == ["visa", "under", "Section", "214(b)", "of"]
        assert (words[3].confidence or 0) >= ocr.LOW_CONFIDENCE
    else:
        assert words == read


@pytest.mark.skipif(not DEJAVU_MONO.is_file(), reason="the DejaVu fonts draw the page")
def test_an_mrz_line_read_with_marks_the_zone_has_not_is_read_again_in_its_alphabet() -> None:
    """A photographed data page: English ended the second MRZ line '<<<<@9g' for '<<<<08'."""
    from PIL import Image, ImageDraw, ImageFont

    from ds160check.model import Word
    from ds160check.reading.ocr import MRZ_ALPHABET, _mrz_lines_read_again

    line = "E5518307<3MNG9405169M3604133<<<<<<<<<<<<<<08"
    page = Image.new("L", (2600, 300), 235)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(DEJAVU_MONO), 48)
    draw.text((100, 100), line, font=font, fill=20)
    x0, top, x1, bottom = draw.textbbox((100, 100), line, font=font)
    scale = 72 / 300
    box = (x0 * scale, top * scale, x1 * scale, bottom * scale)
    found = ocr.engine()
    assert found is not None
    misread = [Word(line[:-2] + "@9g", *box, 12.0, 30.0)]
    [again] = _mrz_lines_read_again(page, 300, misread, found)
    assert set(again.text) <= MRZ_ALPHABET and again.text.startswith("E5518307<3MNG")
    assert abs(len(again.text) - len(line)) <= 1
    as_read = [Word(line, *box, 12.0, 40.0)]  # in the zone's alphabet already: kept as read
    assert _mrz_lines_read_again(page, 300, as_read, found) == as_read


def test_a_label_ocr_read_with_no_answer_beside_it_is_unreadable_not_no_answer() -> None:
    from ds160check.application import Field, Span
    from ds160check.extraction import _trusted
    from ds160check.model import Box

    def span(confidence: float | None) -> Span:
        return Span(1, Box(0, 0, 10, 10), "ALIYEVA", "Surnames", confidence)

    scanned = {"family.mother_surnames": Field("family.mother_surnames", "ALIYEVA", span(93.0)),
               "family.father_surnames": Field("family.father_surnames", None, None)}
    catalogue = load_rules().catalogue
    kept, unreadable = _trusted(scanned, {}, catalogue)
    assert list(kept) == ["family.mother_surnames"]
    assert "no answer beside it" in unreadable["family.father_surnames"].reason
    typed = {"family.mother_surnames": Field("family.mother_surnames", "ALIYEVA", span(None)),
             "family.father_surnames": Field("family.father_surnames", None, None)}
    assert _trusted(typed, {}, catalogue) == (typed, {})  # a text layer's empty answer is the answer


def test_an_unsure_answer_to_a_closed_question_that_is_one_of_its_options_is_that_answer() -> None:
    """The sample's scanned print-out read MARRIED at 70 and FRIEND at 60, both right: a text
    field read so unsurely is not trusted, but a misreading would have to land on another of
    CEAC's options exactly. One letter off one option is that option; a smudge is still nothing."""
    from ds160check.application import Field, Span
    from ds160check.extraction import _mended, _trusted
    from ds160check.model import Box

    catalogue = load_rules().catalogue

    def read(key: str, text: str, confidence: float | None) -> dict[str, Field]:
        return {key: Field(key, text, Span(1, Box(0, 0, 10, 10), text, "Label", confidence))}

    def outcome(key: str, text: str, confidence: float | None) -> object:
        kept, unreadable = _trusted(_mended(read(key, text, confidence), catalogue), {}, catalogue)
        return kept[key].value if key in kept else "unreadable" if key in unreadable else None

    assert outcome("personal.marital_status", "MARRIED", 69.6) == "MARRIED"
    assert outcome("us_contact.relationship", "FRIEND", 60.0) == "FRIEND"
    assert outcome("personal.marital_status", "MARRLED", 55.0) == "MARRIED"
    assert outcome("work.primary_occupation", "BUSINES5", 90.0) == "BUSINESS"
    assert outcome("personal.marital_status", "MARRIED", 30.0) == "unreadable"  # guessing at a smudge
    assert outcome("personal.marital_status", "MARRYING", 65.0) == "unreadable"  # no option
    assert outcome("personal.sex", "MAL", 65.0) == "unreadable"  # too short to mend
    assert outcome("personal.full_name_native", "MARRIED", 60.0) == "unreadable"  # an open question
    assert outcome("personal.marital_status", "MARRLED", None) == "MARRLED"  # typed: as typed
    # A yes/no question and a country question are closed too (held-out set 1: YES read at 44).
    yes = {"previous_travel.visa_issued": Field("previous_travel.visa_issued", True,
                                                Span(1, Box(0, 0, 10, 10), "YES", "Label", 44.0))}
    assert _trusted(yes, {}, catalogue)[0] == yes
    for country, kept in (("KAZAKHSTAN", True), ("KAZAKHSTN", False)):
        read_country = read("passport.issued_country", country, 45.0)
        assert bool(_trusted(read_country, {}, catalogue)[0]) is kept


def test_a_word_english_spelled_with_digits_or_symbols_among_its_letters_is_a_cyrillic_suspect() -> None:
    """Held-out set 3 (c01, first run): English read the native name НАЗАРОВ ФИРУЗ ДАВЛАТОВИЧ as
    'HA3APOB ®UPY3 DABJIATOBUY', every word sure enough and no Cyrillic word beside to tell: a
    false critical IDENTITY_MISMATCH. Identifiers are not suspects; a Cyrillic word's 3 is З."""
    from ds160check.model import Word
    from ds160check.reading.ocr import _script_of_neighbours, _spelled_with_marks

    assert _spelled_with_marks("HA3APOB") and _spelled_with_marks("®UPY3")
    for identifier in ("AC2873145", "AA00X5NK0A", "77/8,", "B1/B2", "MAIN", "3RD",
                       "SAMAL-2", "MKR.14A", "BLOCK-12"):
        assert not _spelled_with_marks(identifier), identifier
    words = [Word(t, 60.0 * i, 0.0, 60.0 * i + 50, 10.0, 10.0, 90.0)
             for i, t in enumerate(("HA3APOB", "ФИРУЗ", "AC2873145"))]
    assert [w.text for w in _script_of_neighbours(words)] == ["НАЗАРОВ", "ФИРУЗ", "AC2873145"]


def test_a_russian_reading_covers_the_latin_marks_english_spelled_a_cyrillic_word_with() -> None:
    """Held-out set 2 (c07): English read ГУЛШАН as 'IryY/JILUAH' at 31 (Г as Ir, Л as JI, Ш as LU)
    and Russian read it surely, but six letters did not cover eleven marks: the native name stayed
    unreadable. A few letters read inside a long word still do not replace it."""
    from ds160check.model import Word
    from ds160check.reading.ocr import _covers

    english = Word("IryY/JILUAH", 150.0, 189.0, 193.0, 196.0, 7.0, 31.3)
    assert _covers([Word("ГУЛШАН", 150.5, 189.0, 192.5, 196.0, 7.0, 92.6)], english)
    assert not _covers([Word("ЛУ", 160.0, 189.0, 172.0, 196.0, 7.0, 92.0)], english)  # too narrow
    assert not _covers([Word("ГУЛ", 150.0, 189.0, 193.0, 196.0, 7.0, 92.0)], english)  # too few


def test_a_lone_dash_read_surely_is_text_and_a_shadow_read_as_a_long_word_is_not() -> None:
    """The scanned duties "THE ASTANA - DOSTYK LINE" lost their dash (as low as a leader's dots, and
    punctuation alone like a rule); a shadow at a page's foot read as "—i(i‘—s—s—sC" at 0 joined
    the last answer on the page, so ASTANA was read at 0 and not trusted."""
    from ds160check.reading.ocr import _cleaned, _level_line

    line = [("ASTANA", (1381, 2783, 1532, 2813), 93.3), ("-", (1546, 2800, 1557, 2803), 90.3),
            ("DOSTYK", (1573, 2783, 1722, 2813), 90.3), ("-", (1740, 2800, 1900, 2803), 90.3),
            ("-", (1910, 2800, 1921, 2803), 40.0)]
    words = list(_level_line(line, (1381, 2783, 1921, 2813), 72 / 300))
    assert [w.text for w in words] == ["ASTANA", "-", "DOSTYK"]  # a wide rule, an unsure speck: no
    # As high as the line's letters, or it would start a line of its own in the layout.
    assert (words[1].top, words[1].bottom) == (words[0].top, words[0].bottom)
    assert _cleaned("—i(i‘—s—s—sC", 0.0) == ""
    for token in ("P<KAZIUSUPOV<<IURII<<<<<<<<", "IURII.IUSUPOV"):  # an MRZ line, a handle: kept
        assert _cleaned(token, 10.0) == token


def test_a_quote_read_between_two_words_parts_them_and_an_apostrophe_does_not() -> None:
    """A speck between "is" and "KZT" was read as a quote joining them ("salary is‘KZT 720,000"):
    the scanned letter's salary went unread and the income change unproven."""
    from ds160check.reading.ocr import _split_at_quotes

    assert _split_at_quotes("is‘KZT", 0, 60) == [("is", 0, 20), ("KZT", 30, 60)]
    assert _split_at_quotes("ТОО“Ромашка", 0, 110)[1][0] == "Ромашка"
    for word in ("O‘ZBEKISTON", "G‘ULOMOV", "it’s", "O’BRIEN", "«Ромашка»", "“quoted”"):
        assert _split_at_quotes(word, 0, 10) == [(word, 0, 10)]


RUSSIAN_LETTER = ["СПРАВКА", "Дана Абдуллаеву Жасуру Бахтиёровичу в том, что он действительно",
                  "работает в ООО «ZARAFSHON TEXTILE» в должности главного механика",
                  "с 18 мая 2026 года по настоящее время. Среднемесячная заработная",
                  "плата составляет 8 400 000 (восемь миллионов четыреста тысяч) сум."]


@pytest.mark.skipif(not DEJAVU_SANS.is_file(), reason="the DejaVu fonts draw the page")
@pytest.mark.skipif("rus" not in (ocr.engine() or ocr.Engine("", "", ("eng",), False)).languages,
                    reason="Russian OCR data (tesseract-ocr-rus) is not installed")
def test_a_page_written_in_cyrillic_is_read_in_cyrillic_with_its_latin_names_latin() -> None:
    """A photographed справка read English first kept "CITPABKA", "MexaHHKa" and dropped the
    salary's words: its employer and income went unproven."""
    from PIL import Image, ImageDraw, ImageFont

    from ds160check.reading.ocr import read_page_image

    page = Image.new("L", (2480, 1200), 240)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(DEJAVU_SANS), 40)
    for number, line in enumerate(RUSSIAN_LETTER):
        draw.text((150, 150 + 80 * number), line, font=font, fill=25)
    found = ocr.engine()
    assert found is not None
    text = " ".join(w.text for w in read_page_image(page, 1, found, dpi=300).words)
    for word in ("СПРАВКА", "механика", "заработная", "ZARAFSHON", "TEXTILE", "сум."):
        assert word in text, text


PREVIOUS_EMPLOYER = ["Previous Work/Education/Training Information", "Were you previously employed? YES",
                     "Employer Name (1): MARGILAN CRAFTS CENTER",
                     "Employer Street Address (Line 1) (1): ATLAS STREET 3", "City (1): MARGILAN",
                     "Postal Zone/ZIP Code (4): 151100", "Country/Region (1): UZBEKISTAN",
                     "Job Title (1): WEAVER", "Employment Date From (1): 01 JULY 2017"]


@pytest.mark.parametrize("read_by_ocr", [True, False])
def test_an_item_number_ocr_misread_joins_its_item_instead_of_making_a_phantom_one(
        read_by_ocr: bool) -> None:
    """A scanned "(1)" read as "(4)" made a second previous employer of a postal code alone, which
    the new application lacked: a false high HISTORY_OMITTED."""
    from dataclasses import replace

    from pagebuilder import TITLE, make_page

    from ds160check.application import DocumentInfo
    from ds160check.extraction import PRINT, parse_flow
    from ds160check.layout import build_flow
    from ds160check.rules import load_rules

    page = make_page([TITLE, "Surnames: ALIYEVA", "Given Names: NIGORA", *PREVIOUS_EMPLOYER])
    if read_by_ocr:
        page = replace(page, words=tuple(replace(w, confidence=95.0) for w in page.words))
    rules = load_rules()
    app = parse_flow(DocumentInfo("old.pdf", "0" * 64, PRINT, 1), build_flow([page], rules.layout), rules)
    employers = app.fields["work.previous_employers"].value
    if read_by_ocr:
        assert len(employers) == 1 and "151100" in employers[0]["address"]
    else:  # a text layer's number is as printed: another employer's postal code
        assert len(employers) == 2 and employers[1] == {"address": "151100"}


def _tokens(*read: tuple[str, float | None]) -> list[Any]:
    from ds160check.layout import Token
    from ds160check.model import Box

    return [Token(text, Box(10.0 * i, 0, 10.0 * i + 8, 10), 1, 10.0, confidence=confidence)
            for i, (text, confidence) in enumerate(read)]


def test_what_specks_beside_a_scanned_value_were_read_as_is_no_part_of_it() -> None:
    """Held-out scans: "af KAZAKH", ", UNITED ARAB EMIRATES", "`АЗТАМА", "ARMAN-" each made a list
    item or a value that was not the form's."""
    from ds160check.parsing.assemble import _without_specks

    def kept(*read: tuple[str, float | None]) -> list[str]:
        return [t.text for t in _without_specks(_tokens(*read))]

    assert kept(("af", 31.0), ("KAZAKH", 95.0)) == ["KAZAKH"]
    assert kept((",", 40.0), ("UNITED", 93.0), ("ARAB", 95.0), ("EMIRATES", 94.0)) == [
        "UNITED", "ARAB", "EMIRATES"]
    assert kept(("ARMAN-", 88.0)) == ["ARMAN"]
    assert kept(("-", 93.0), ("KAZAKHSTAN", 95.0)) == ["KAZAKHSTAN"]  # a lone dash, read surely
    assert kept(("ASTANA", 93.0), ("-", 93.0), ("DOSTYK", 95.0)) == ["ASTANA", "-", "DOSTYK"]
    assert kept(("`ASTANA,", 80.0), ("KAZAKHSTAN", 95.0)) == ["ASTANA,", "KAZAKHSTAN"]
    # A value's own words stay, however unsurely read: capitals, a full stop, a bracket.
    assert kept(("VISITOR", 95.0), ("(BJ", 28.0)) == ["VISITOR", "(BJ"]
    assert kept(("HOUSES.", 95.0)) == ["HOUSES."]
    assert kept(("ee", 20.0), ("af", 30.0)) == ["ee", "af"]  # nothing sure: as read, not trusted
    assert kept(("af", None), ("KAZAKH", None)) == ["af", "KAZAKH"]  # a text layer: as printed


def test_a_scanned_yes_or_no_with_one_letter_taken_for_a_look_alike_is_that_answer() -> None:
    from ds160check.parsing.assemble import _misread_answer

    read = {text: _misread_answer(_tokens((text, 90.0))[0]) for text in ("VES", "N0", "YE5", "NO.")}
    assert read == {"VES": "YES", "N0": "NO", "YE5": "YES", "NO.": None}  # NO. is read as it is
    assert [_misread_answer(t) for t in _tokens(("ON", 90.0), ("VEX", 90.0), ("VES", None))] == [
        None, None, None]  # another word, two letters off, or typed: no answer


def test_a_heading_ocr_read_with_a_word_wrong_opens_its_section_and_a_typed_one_does_not() -> None:
    """"Address and Phone Sania of Point of Contact" (Number read at 16): the U.S. contact's
    answers were read in the section before it, or not at all."""
    from dataclasses import replace

    from pagebuilder import TITLE, make_page

    from ds160check.application import DocumentInfo
    from ds160check.extraction import PRINT, parse_flow
    from ds160check.layout import build_flow
    from ds160check.rules import load_rules

    lines = [TITLE, "Personal Information 1", "Surnames: ALIYEVA", "Given Names: NIGORA",
             "Address and Phone Sania of Point of Contact", "Surnames: SOBIROVA", "Given Names: MADINA"]
    rules = load_rules()
    for read_by_ocr in (True, False):
        page = make_page(lines)
        if read_by_ocr:
            page = replace(page, words=tuple(replace(w, confidence=95.0) for w in page.words))
        app = parse_flow(DocumentInfo("old.pdf", "0" * 64, PRINT, 1), build_flow([page], rules.layout),
                         rules)
        contact = app.fields.get("us_contact.surnames")
        assert (contact.value if contact else None) == ("SOBIROVA" if read_by_ocr else None)
        assert app.fields["personal.surnames"].value == "ALIYEVA"


def numpy_of(image: Any) -> Any:
    import numpy

    return numpy.asarray(image)


@pytest.mark.parametrize("footer", ["https //ceac state gov/GenNIV/General/complete",
                                    "https: //ceac.state.gov/GenNIV", "ceac state gov/GenNIV/General"])
def test_the_browsers_footer_read_with_its_colon_or_stops_lost_is_noise(footer: str) -> None:
    """heldout_scans_4 c04, defocused photos: the footer read 'https //ceac state' joined the
    countries visited as a country, a false high HISTORY_OMITTED."""
    from dataclasses import replace

    from pagebuilder import LETTER, TITLE, make_page, words_of

    from ds160check.layout import build_flow
    from ds160check.rules import load_rules

    page = make_page([TITLE, "Personal Information 1", "Surnames: ALIYEVA"], header=False)
    words = (*page.words, *words_of(30, LETTER[1] - 20, footer))
    page = replace(page, words=tuple(replace(w, confidence=90.0) for w in words))
    flow = build_flow([page], load_rules().layout)
    assert not any("ceac" in line.text.lower() for line in flow.lines)


def test_a_line_of_an_mrz_is_kept_however_unsure_tesseract_is_of_its_fillers() -> None:
    """A photographed data page's name line, read right to its last '<', scored 14: below the
    confidence at which a word of few letters is dropped as specks. Its check digits (or, for
    the names, the reading's own caution) say what it is worth, not the confidence."""
    from ds160check.reading.ocr import GARBAGE_CONFIDENCE, _cleaned

    line = "P<KAZBEKMURZAYEV<<ASKAR<<<<<<<<<<<<<<<<<<<<<"
    assert _cleaned(line, GARBAGE_CONFIDENCE - 1) == line
    assert _cleaned("<<.,<<", GARBAGE_CONFIDENCE - 1) == ""  # too short for a line: specks
    assert _cleaned("'.,;:~*", 30.0) == ""


def test_an_mrz_line_read_again_in_its_alphabet_may_mend_only_what_the_first_read_had_wrong() -> None:
    from ds160check.reading.ocr import _agrees_where_read

    assert _agrees_where_read("E5518307<3MNG9405169M3604133<<<<<<<<<<<<<<@9g",
                              "E5518307<3MNG9405169M3604133<<<<<<<<<<<<<<098")
    assert _agrees_where_read("P<KAZYUSUPOV<<YURIY<<<<<<ccccc<c<cc", "P<KAZYUSUPOV<<YURIY<<<<<<<<<<<<<<<")
    # A letter made up between two read surely: the first reading stays.
    assert not _agrees_where_read("P<KAZYUSUPOV<<YURIY<<<<<<ccccc", "P<KAZYUSUPOV<<YURILY<<<<<<<<<<<")
    assert not _agrees_where_read("N12946O513KAZ", "N129460518KAZ")  # the O mended, the 3 not


@pytest.mark.parametrize("tti", [
    # heldout_scans_5 c04: an old print-out faxed to the office; its gaps cut the line into cells
    [(12, "SEP-21-2026 09:47"), (102, "FROM:"), (130, "ALA-TOO BM LLC +996 312 432871"), (293, "P.04/05")],
    [(20, "01-31-2005 10:00 FROM: TOSHIBA +1-714-583-0000 T-123 P.001/003 F-030")],  # Toshiba's manual
    [(20, "4/22/2020 3:42 PM FROM:+15558127619 Acme Inc. TO:15559876543 Pag.2/3")],  # Stonefax's
])
def test_a_fax_machines_header_line_on_every_page_is_noise(tti: list[tuple[float, str]]) -> None:
    """Its line joined the answer ending the page before: the passport's issuing authority was
    'KYRGYZSTAN SEP-21-2026 09:47 FROM: ALA-TOO BM LLC +996 312 432871'."""
    from dataclasses import replace

    from pagebuilder import TITLE, make_page, words_of

    from ds160check.layout import build_flow
    from ds160check.rules import load_rules

    page = make_page([TITLE, "Personal Information 1", "Surnames: ALIYEVA"], header=False)
    words = [w for x, text in tti for w in words_of(x, 6, text)]
    page = replace(page, words=tuple(replace(w, confidence=90.0) for w in (*words, *page.words)))
    flow = build_flow([page], load_rules().layout)
    assert not any("FROM" in line.text for line in flow.lines)
    assert any("ALIYEVA" in line.text for line in flow.lines)


def test_an_answer_with_the_browsers_footer_read_into_its_cell_keeps_the_answer() -> None:
    """heldout_scans_5 c03, a copy of a copy enlarged: the last answer of a page and the footer,
    misread ('httos', 'qov'), were one cell: the old social media handle was unreadable, and the
    handle the new form dropped (a high HISTORY_OMITTED) was missed."""
    from dataclasses import replace

    from pagebuilder import LETTER, TITLE, make_page, words_of

    from ds160check.layout import build_flow
    from ds160check.rules import load_rules

    page = make_page([TITLE, "Personal Information 1", "Surnames: ALIYEVA"], header=False)
    bottom = LETTER[1] - 20
    words = (*page.words, *words_of(30, bottom, "Social Media Identifier:"),
             *words_of(250, bottom, "IRYNKA_LVIV91 httos://ceac.state.qov/GenNIV/General/complete"))
    page = replace(page, words=tuple(replace(w, confidence=90.0) for w in words))
    flow = build_flow([page], load_rules().layout)
    assert not any("ceac" in line.text for line in flow.lines)
    assert any(line.text.endswith("IRYNKA_LVIV91") for line in flow.lines)
    assert any("ceac" in cell.text for cell in flow.noise)


def test_a_barcode_read_as_a_row_of_strokes_is_no_words() -> None:
    """heldout_scans_5 c03: a photographed confirmation page's barcode, read 'I I I I I I I ll i I'
    under the location, made the answer 'KRAKOW I I I ...' (not trusted): no CONSULATE_CHANGED."""
    from ds160check.model import Word
    from ds160check.reading.ocr import _without_bars

    def word(text: str, x0: float, x1: float, top: float = 123.0, bottom: float = 165.0) -> Word:
        return Word(text, x0, top, x1, bottom, 10.0, 90.0)

    strokes = ["I", "I", "I", "I", "I", "ll", "i", "I"]
    bars = [word(t, x, x + 10) for t, x in zip(strokes, range(380, 600, 25), strict=False)]
    text = [word("Location:", 68, 112, 96, 103), word("KRAKOW", 117, 160, 96, 103)]
    assert _without_bars([*text, *bars]) == text
    pronoun = [word("I", 40, 44, 10, 18), word("HEAD", 50, 80, 10, 18), word("I", 90, 94, 10, 18)]
    assert _without_bars(pronoun) == pronoun  # strokes apart, among words: text
    roman = [word("PART", 10, 40, 30, 38), word("II", 45, 55, 30, 38), word("I", 300, 305, 30, 38)]
    assert _without_bars(roman) == roman


def test_a_photographed_line_whose_answer_stands_higher_than_its_label_is_one_line() -> None:
    """heldout_scans_5 c02, phone photos with keystone: 'Present Employer or School Name:' at
    middle 322.5-323 and its answer at 319.5; grouped from the answer's height the label's last
    words made a line of their own and the answer became 'VISAYAS POWER SYSTEMS INC. or School
    Name' (a high HISTORY_OMITTED of the old employer)."""
    from ds160check.layout import group_lines
    from ds160check.model import Word

    def word(text: str, x0: float, top: float, bottom: float) -> Word:
        return Word(text, x0, top, x0 + 6 * len(text), bottom, 8.0, 95.0)

    words = [word("VISAYAS", 327, 316, 323), word("POWER", 373, 316, 323), word("SYSTEMS", 410, 316, 323),
             word("INC.", 460, 316, 323), word("Present", 76, 319, 326), word("Employer", 112, 318, 327),
             word("or", 156, 320, 326), word("School", 168, 319, 327), word("Name:", 200, 319, 327),
             word("Street", 76, 331, 338), word("F.", 327, 331, 338)]
    lines = [" ".join(w.text for w in line) for line in group_lines(words)]
    assert lines == ["Present Employer or School Name: VISAYAS POWER SYSTEMS INC.", "Street F."]


def test_a_photo_whose_reread_rectangle_runs_off_the_page_is_read_not_crashed() -> None:
    """The fixture 'other-spelling' passport photo: a line of unsure words 6,848 pixels high on a
    page of 3,862 was handed to Tesseract to read again in Russian, which read past the image and
    died (SIGSEGV: the document 'crashed the reader'). Rectangles are kept inside the image."""
    from ds160check.documents.ingest import load_document
    from ds160check.documents.passport import read_passport

    name = "passport-yusupov-other-spelling"
    golden = json.loads((ROOT / "fixtures" / "scans" / "goldens" / f"{name}.json").read_text())
    page = read_passport(load_document(ROOT / "fixtures" / "scans" / golden["file"]))
    assert page is not None and page.mrz is not None
    assert page.mrz.lines[1] == golden["expected"]["mrz"][1]
