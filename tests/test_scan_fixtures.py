"""The scan and photo fixtures (``fixtures/scans``): reproducible, openable, and true to their goldens.

A reader of scans is judged against these files, so each one must be what its
golden says (pages, size, turn, text layer or none, MRZ valid or broken just
where it says), and ``python fixtures/scans/generate.py`` must make them again.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pillow_heif")
pytest.importorskip("mrz")

import pypdfium2 as pdfium  # noqa: E402
from mrz.checker.td3 import TD3CodeChecker  # noqa: E402
from PIL import Image, ImageChops, ImageOps, ImageSequence, ImageStat  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "fixtures" / "scans"
SAMPLE_NEW = ROOT / "fixtures" / "sample" / "new.pdf"
KZ_TABLE = ROOT / "fixtures" / "print" / "kz-akhmetova-table.pdf"
REFUSAL = ROOT / "fixtures" / "sample" / "refusal-letter.pdf"
A4_AT_100_DPI = (827, 1170)
# JPEG and HEIC may decode a little differently under another libjpeg / libde265.
LOSSY_MEAN_DIFFERENCE = 1.5
SECONDS_PER_PAGE = 0.5


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scan_fixtures_generate", SCANS / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = load_generator()


def pdf_texts(path: Path) -> list[str]:
    return [page.get_textpage().get_text_range().strip() for page in pdfium.PdfDocument(str(path))]


def frames(path: Path, dpi: int = 200) -> list[Image.Image]:
    """Every page of a sample as pixels: frames of an image, or a PDF's pages rendered."""
    if path.suffix == ".pdf":
        return [page.render(scale=dpi / 72).to_pil() for page in pdfium.PdfDocument(str(path))]
    with Image.open(path) as image:
        return [frame.copy() for frame in ImageSequence.Iterator(image)]


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size, f"{a.size} != {b.size}"
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    return max(ImageStat.Stat(diff).mean)


# --- determinism -------------------------------------------------------------------------------

@pytest.mark.parametrize(("variant", "fmt", "pages"), [
    ("scan_specked", "png", [1]),
    ("fax", "tiff", [1, 2]),
    ("scan_tilted_left", "tiff", [1, 2]),
    ("scan_grey_paper", "jpeg", [1]),
    ("photo_table", "heic", [1]),
    ("scan_copier", "pdf", [1, 2]),
])
def test_the_same_call_writes_the_same_bytes(tmp_path: Path, variant: str, fmt: str,
                                             pages: list[int]) -> None:
    ext = gen.EXTENSIONS[fmt]
    first = gen.scan_pdf(SAMPLE_NEW, tmp_path / f"a{ext}", variant, fmt, 100, pages, seed=7)
    second = gen.scan_pdf(SAMPLE_NEW, tmp_path / f"b{ext}", variant, fmt, 100, pages, seed=7)
    assert (tmp_path / f"a{ext}").read_bytes() == (tmp_path / f"b{ext}").read_bytes()
    assert first.pages == second.pages


def test_the_mixed_pdf_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    gen.mixed_pdf(SAMPLE_NEW, tmp_path / "a.pdf", [2], [1, 2], seed=3)
    time.sleep(1.1)  # PDFium stamps the time to the second: it must not reach the file
    gen.mixed_pdf(SAMPLE_NEW, tmp_path / "b.pdf", [2], [1, 2], seed=3)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize("variant", sorted(set(gen.VARIANTS) - {"rendered"}))
def test_another_seed_degrades_the_page_differently(variant: str) -> None:
    page = gen.render_pages(REFUSAL, 100, [1])[0]
    one = gen.VARIANTS[variant](page, random.Random(1), 100)
    two = gen.VARIANTS[variant](page, random.Random(2), 100)
    again = gen.VARIANTS[variant](page, random.Random(1), 100)
    assert one.image.tobytes() == again.image.tobytes()
    assert one.image.tobytes() != two.image.tobytes()


# --- containers --------------------------------------------------------------------------------

def test_a_multi_page_tiff_holds_every_page_at_the_scan_resolution(tmp_path: Path) -> None:
    gen.scan_pdf(SAMPLE_NEW, tmp_path / "fax.tif", "fax", "tiff", 100)
    with Image.open(tmp_path / "fax.tif") as tiff:
        assert getattr(tiff, "n_frames", 1) == len(pdfium.PdfDocument(str(SAMPLE_NEW)))
        assert tiff.size == A4_AT_100_DPI
        assert tiff.mode == "1"
        assert tiff.info["compression"] == "group4"
        assert tuple(round(v) for v in tiff.info["dpi"]) == (100, 100)


@pytest.mark.parametrize(("fmt", "mode"), [("png", "L"), ("jpeg", "L"), ("heic", "RGB")])
def test_a_one_page_image_opens_with_the_page_size(tmp_path: Path, fmt: str, mode: str) -> None:
    out = tmp_path / f"page{gen.EXTENSIONS[fmt]}"
    gen.scan_pdf(SAMPLE_NEW, out, "scan_office", fmt, 100, [3])
    with Image.open(out) as image:
        assert image.size == A4_AT_100_DPI
        assert image.mode == mode


@pytest.mark.parametrize(("variant", "landscape"), [
    ("photo_table", False), ("photo_sideways_left", True), ("photo_upside_down", False),
    ("photo_sideways_right", True),
])
def test_a_photo_shows_the_page_on_a_table_turned_as_the_phone_was(tmp_path: Path, variant: str,
                                                                   landscape: bool) -> None:
    record = gen.scan_pdf(KZ_TABLE, tmp_path / "photo.jpg", variant, "jpeg", 100, [1])
    with Image.open(tmp_path / "photo.jpg") as image:
        width, height = image.size
        assert (width > height) is landscape
        assert image.info["dpi"] == (72, 72)  # a phone's tag, not the page's resolution
    corners = record.pages[0]["page_corners"]
    assert all(0 <= x < width and 0 <= y < height for x, y in corners)
    top_left, bottom_right = corners[0], corners[2]
    if variant == "photo_upside_down":
        assert top_left[1] > bottom_right[1] and top_left[0] > bottom_right[0]
    if variant == "photo_sideways_left":
        assert top_left[1] > bottom_right[1] and top_left[0] < bottom_right[0]


def test_a_phone_photo_turned_by_exif_shows_upright_only_when_the_tag_is_applied(tmp_path: Path) -> None:
    gen.scan_pdf(REFUSAL, tmp_path / "exif.jpg", "photo_exif_rotated", "jpeg", 100)
    with Image.open(tmp_path / "exif.jpg") as image:
        assert image.getexif()[0x0112] == 6
        assert image.width > image.height
        upright = ImageOps.exif_transpose(image)
        assert upright.height > upright.width


@pytest.mark.parametrize(("variant", "sign"), [("scan_tilted_left", 1), ("scan_tilted_right", -1)])
def test_a_tilted_scan_is_turned_half_a_degree_to_two(tmp_path: Path, variant: str, sign: int) -> None:
    record = gen.scan_pdf(SAMPLE_NEW, tmp_path / "t.tif", variant, "tiff", 100, [1, 2, 3])
    angles = [p["params"]["skew_degrees_ccw"] for p in record.pages]
    assert all(0.5 <= a * sign <= 2.0 for a in angles), angles


def test_an_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    gen.scan_pdf(SAMPLE_NEW, tmp_path / "scan.pdf", "scan_grey_paper", "pdf", 150, [1, 2])
    assert pdf_texts(SAMPLE_NEW)[0]  # the source has one
    assert pdf_texts(tmp_path / "scan.pdf") == ["", ""]
    page = pdfium.PdfDocument(str(tmp_path / "scan.pdf"))[0]
    width, height = page.get_size()
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4, as the source, to a pixel


def test_a_mixed_pdf_has_text_on_exactly_the_pages_left_as_text(tmp_path: Path) -> None:
    record = gen.mixed_pdf(SAMPLE_NEW, tmp_path / "mixed.pdf", [2], [1, 2])
    texts = pdf_texts(tmp_path / "mixed.pdf")
    assert len(texts) == 2
    assert texts[0] == pdf_texts(SAMPLE_NEW)[0] and texts[1] == ""
    assert record.container["text_pages"] == [1]


# --- passports ---------------------------------------------------------------------------------

def check_digits(lines: list[str] | tuple[str, str]) -> dict[str, bool]:
    checker = TD3CodeChecker("\n".join(lines))
    return {"valid": bool(checker), "document_number": checker.document_number_hash,
            "birth_date": checker.birth_date_hash, "expiry_date": checker.expiry_date_hash,
            "optional_data": checker.optional_data_hash, "composite": checker.final_hash}


@pytest.mark.parametrize("person", sorted(gen.PEOPLE))
def test_a_correct_passport_mrz_verifies(person: str) -> None:
    passport = gen.make_passport(person)
    assert [len(line) for line in passport.mrz] == [44, 44]
    assert all(check_digits(passport.mrz).values())


@pytest.mark.parametrize(("kind", "check"), [
    ("broken_document_number_check", "document_number"), ("broken_birth_date_check", "birth_date"),
    ("broken_composite_check", "composite"),
])
def test_a_broken_passport_fails_exactly_its_one_check_digit(kind: str, check: str) -> None:
    passport = gen.make_passport("sample-yusupov", kind)
    result = check_digits(passport.mrz)
    assert not result.pop("valid")
    assert [name for name, ok in result.items() if not ok] == [check]
    assert passport.failing_check == check
    assert passport.mrz[0] == gen.make_passport("sample-yusupov").mrz[0]


@pytest.mark.parametrize(("kind", "key"), [
    ("other_number", "passport.number"), ("other_date_of_birth", "personal.date_of_birth"),
    ("other_surname_spelling", "personal.surnames"),
])
def test_a_contradicting_passport_differs_from_the_form_in_one_field_and_is_valid(kind: str,
                                                                                  key: str) -> None:
    passport = gen.make_passport("sample-yusupov", kind)
    fields = gen.printed_fields(passport.holder)
    assert all(check_digits(passport.mrz).values())
    assert list(passport.contradicts) == [key]
    assert fields[key] == passport.contradicts[key]["passport"] != passport.contradicts[key]["application"]
    right = gen.printed_fields(gen.make_passport("sample-yusupov").holder)
    assert {k for k in fields if fields[k] != right[k]} == {key}


MONTHS = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
          "NOVEMBER", "DECEMBER")


def long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


@pytest.mark.parametrize("key", sorted(gen.PEOPLE))
def test_a_passport_holder_is_the_applicant_as_the_application_prints_them(key: str) -> None:
    person = gen.PEOPLE[key]
    application = ROOT / person.application
    fields = gen.printed_fields(person)
    golden = application.with_suffix(".fields.json")
    if golden.exists():
        printed = json.loads(golden.read_text(encoding="utf-8"))["fields"]
        for name, value in fields.items():
            assert printed[name] == value, name
        return
    text = "\n".join(pdf_texts(application))
    squeezed = text.replace(" ", "")
    assert f"Name Provided: {person.surnames}, {person.given_names}" in text
    assert f"Date of Birth: {long_date(person.date_of_birth)}" in text
    assert f"Issuance Date: {long_date(person.issue_date)}" in text
    assert f"Expiration Date: {long_date(person.expiry_date)}" in text
    assert f"Sex:{person.sex}" in squeezed and f"(Nationality):{person.nationality}" in squeezed
    assert f"CityofBirth:{person.birth_place}" in squeezed
    assert f"DocumentNumber:{person.passport_number}" in squeezed
    assert f"IdentificationNumber:{person.personal_number}" in squeezed


def test_a_passport_page_is_drawn_at_td3_size() -> None:
    page = gen.draw_data_page(gen.make_passport("ph-dela-cruz"), 300)
    assert page.size == (1476, 1039)  # 125 x 88 mm


# --- the checked-in samples --------------------------------------------------------------------

GOLDENS = sorted((SCANS / "goldens").glob("*.json"))


def test_every_sample_has_one_golden_and_nothing_else_is_checked_in() -> None:
    assert sorted(p.name for p in (SCANS / "samples").iterdir()) == sorted(s.file for s in gen.SAMPLES)
    assert sorted(p.stem for p in GOLDENS) == sorted(s.name for s in gen.SAMPLES)


def test_the_samples_are_a_modest_set() -> None:
    sizes = [p.stat().st_size for p in (SCANS / "samples").iterdir()]
    assert 25 <= len(sizes) <= 40
    assert sum(sizes) < 15_000_000


def test_the_samples_cover_every_variant_format_and_kind() -> None:
    assert {s.variant for s in gen.SAMPLES} >= set(gen.VARIANTS) - {"rendered"}
    assert {s.fmt for s in gen.SAMPLES} == set(gen.EXTENSIONS)
    assert {s.passport for s in gen.SAMPLES if s.kind == "passport"} == set(gen.KINDS)
    assert {"ds160_print", "confirmation", "refusal_letter", "employment_letter", "certificate",
            "passport"} == {s.kind for s in gen.SAMPLES}


@pytest.mark.parametrize("golden_path", GOLDENS, ids=lambda p: p.stem)
def test_a_golden_describes_its_sample(golden_path: Path) -> None:
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    path = SCANS / golden["file"]
    pages = frames(path, golden["dpi"])
    assert len(pages) == len(golden["pages"])
    for page, described in zip(pages, golden["pages"], strict=True):
        if "size" in described and golden["format"] != "pdf":
            assert list(page.size) == described["size"]
    expected = golden["expected"]
    if golden["kind"] == "passport":
        result = check_digits(expected["mrz"])
        assert result["valid"] is expected["mrz_valid"]
        if expected["failing_check"]:
            assert not result[expected["failing_check"]]
        return
    source = ROOT / golden["source"]
    assert source.exists() and all(pdf_texts(source))
    for key in ("fields_golden", "reading_golden"):
        if expected.get(key):
            assert (ROOT / expected[key]).exists()


@pytest.mark.slow  # all the samples again: about 15 s of CPU
@pytest.mark.parametrize("sample", gen.SAMPLES, ids=lambda s: s.name)
def test_a_checked_in_sample_is_what_the_generator_makes_now(tmp_path: Path, sample: Any) -> None:
    golden = gen.make_sample(sample, tmp_path)
    checked_in = json.loads((SCANS / "goldens" / f"{sample.name}.json").read_text(encoding="utf-8"))
    assert golden == checked_in
    new, old = tmp_path / sample.file, SCANS / "samples" / sample.file
    if new.read_bytes() == old.read_bytes():
        return
    lossy = sample.fmt in ("jpeg", "heic", "pdf") or golden["container"].get("compression") == "jpeg"
    for a, b in zip(frames(new, sample.dpi), frames(old, sample.dpi), strict=True):
        difference = mean_difference(a, b)
        assert difference <= (LOSSY_MEAN_DIFFERENCE if lossy else 0), f"{sample.file}: {difference:.2f}"


def test_the_readme_is_current() -> None:
    assert (SCANS / "README.md").read_text(encoding="utf-8") == gen.readme()


# --- speed and errors --------------------------------------------------------------------------

def test_a_page_at_200_dpi_takes_under_half_a_second(tmp_path: Path) -> None:
    # CPU time of this process: other jobs on a shared machine do not count against the generator.
    start = time.process_time()
    gen.scan_pdf(SAMPLE_NEW, tmp_path / "s.pdf", "scan_copier", "pdf", 200, [1, 2])
    gen.scan_pdf(SAMPLE_NEW, tmp_path / "p.jpg", "photo_table", "jpeg", 200, [3])
    per_page = (time.process_time() - start) / 3
    assert per_page < SECONDS_PER_PAGE, f"{per_page:.2f} s a page"


@pytest.mark.parametrize(("call", "message"), [
    (lambda out: gen.scan_pdf(SAMPLE_NEW, out / "x.jpg", "scan_blurry", "jpeg"),
     "unknown variant 'scan_blurry'; valid: rendered, scan_office"),
    (lambda out: gen.scan_pdf(SAMPLE_NEW, out / "x.gif", "fax", "gif"),
     "unknown format 'gif'; valid: png, jpeg, tiff, heic, pdf"),
    (lambda out: gen.scan_pdf(SAMPLE_NEW, out / "x.png", "fax", "png", 200, [1, 2]),
     "a png file holds one page, not 2: pass one page, or use tiff or pdf"),
    (lambda out: gen.scan_pdf(SAMPLE_NEW, out / "x.png", "photo_exif_rotated", "png", 100, [1]),
     "an EXIF orientation needs a jpeg container, not png"),
    (lambda out: gen.scan_pdf(SAMPLE_NEW, out / "x.png", "fax", "png", 200, [99]),
     "no page [99]; it has pages 1-"),
    (lambda out: gen.scan_pdf(SAMPLE_NEW, out / "x.png", "fax", "jpeg", 200, [1]),
     "a jpeg file is named *.jpg"),
    (lambda out: gen.make_passport("nobody"), "unknown person 'nobody'; valid: sample-yusupov"),
    (lambda out: gen.make_passport("sample-yusupov", "forged"),
     "unknown passport kind 'forged'; valid: correct"),
])
def test_a_bad_request_names_the_bad_value_and_the_valid_ones(tmp_path: Path, call: Any,
                                                              message: str) -> None:
    with pytest.raises(gen.ScanFixtureError) as error:
        call(tmp_path)
    assert message in str(error.value)


def test_the_command_line_writes_one_sample_and_its_golden(tmp_path: Path) -> None:
    name = "refusal-214b-bishkek-fax"
    assert gen.main([str(tmp_path), "--only", name]) == 0
    assert (tmp_path / "samples" / f"{name}.png").exists()
    assert json.loads((tmp_path / "goldens" / f"{name}.json").read_text())["variant"] == "fax"
    with pytest.raises(SystemExit) as exit_info:
        gen.main([str(tmp_path), "--only", "nope"])
    assert exit_info.value.code == 2
