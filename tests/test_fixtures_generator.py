"""The synthetic DS-160 fixtures: reproducible, current, and written in the catalogue's terms.

The goldens (``fixtures/**/*.fields.json``) are what the parser is judged against, so
they must use only keys of ``shared/spec/fields.md`` with the value types that
``docs/extraction.md`` pins down, and ``python fixtures/generate.py`` must
reproduce them exactly.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
GENERATOR = FIXTURES / "generate.py"
EXTRACTION_MD = ROOT / "docs" / "extraction.md"
# Beside the repository only: an absolute path of one machine would make the test pass or skip by
# where the checkout happens to sit (tests/conftest.py fails a skip where ../shared is given).
FIELDS_MD_CANDIDATES = (ROOT.parent / "shared" / "spec" / "fields.md",)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
GOLDENS = sorted(FIXTURES.glob("*/*.fields.json"))

SCALAR_TYPES = {"text", "name", "enum", "country", "id", "phone", "date", "bool", "money",
                "duration"}
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEY = re.compile(r"`([a-z_]+\.[a-z_]+\*?)`")

needs_generator = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the generator needs reportlab (the 'fixtures' extra) and the DejaVu fonts",
)


# --- the catalogue, read from the spec ---------------------------------------------------------

def _fields_md() -> str | None:
    for path in FIELDS_MD_CANDIDATES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    return None


def _keys_section(text: str) -> str:
    start = text.index("## Keys")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def _base_type(cell: str) -> str | None:
    word = cell.strip().strip("`").split(" ")[0] if cell.strip() else ""
    return word if word in SCALAR_TYPES or word == "list" else None


def _table_types(section: str) -> dict[str, str | None]:
    """Key → base type from the catalogue's tables (``a / b`` rows give one type per key)."""
    types: dict[str, str | None] = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        keys = KEY.findall(cells[0])
        kinds = cells[-1].split(" / ")
        for i, key in enumerate(keys):
            kind = kinds[i] if len(kinds) == len(keys) else kinds[0]
            types[key] = _base_type(kind)
    return types


def _paragraph_types(section: str) -> dict[str, str | None]:
    """``us_contact.x`` (type), ``us_contact.y`` (type) … in running text."""
    types: dict[str, str | None] = {}
    pending: list[str] = []
    flat = " ".join(section.split())
    for key, kind in re.findall(r"`(us_contact\.\w+)`|\((\w+)[^)]*\)", flat):
        if key:
            pending.append(key)
        elif pending:
            for k in pending:
                types[k] = _base_type(kind)
            pending = []
    return types


def _fallback_type(key: str) -> str:
    """For rows whose type column names a kind, not a type (the spouse block)."""
    if key.endswith(("date_of_birth", "_date")):
        return "date"
    if key.endswith(("_country", "_nationality")):
        return "country"
    return "text"


def catalogue() -> dict[str, str]:
    """Every catalogue key and its base type; skips the test when the spec is not here."""
    text = _fields_md()
    if text is None:
        pytest.skip("shared/spec/fields.md is not available")
    section = _keys_section(text)
    types = {**_table_types(section), **_paragraph_types(section)}
    keys = set(KEY.findall(section)) | set(types)
    if "family.mother_*" in keys:
        keys.discard("family.mother_*")
        for key in [k for k in keys if k.startswith("family.father_")]:
            mother = key.replace("father", "mother")
            keys.add(mother)
            types[mother] = types.get(key)
    out: dict[str, str] = {}
    for key in sorted(keys):
        if key.endswith("*"):
            continue
        kind = types.get(key)
        out[key] = kind if kind is not None else (
            "bool" if key.startswith("security.") else _fallback_type(key))
    for key in [k for k in out if k.startswith("security.")]:
        out[key + "_explanation"] = "text"
    return out


def list_items() -> dict[str, str | set[str]]:
    """List key → item type (a plain type, or the set of an object's sub-keys)."""
    text = EXTRACTION_MD.read_text(encoding="utf-8")
    section = text[text.index("## List items"):]
    items: dict[str, str | set[str]] = {}
    for line in section.splitlines():
        match = re.match(r"\| `([a-z_.]+)` \| (.+?) \|$", line.strip())
        if match:
            key, item = match.groups()
            subs = re.match(r"`\{(.+)\}`", item)
            items[key] = {s.strip() for s in subs.group(1).split(",")} if subs else item
    return items


# --- value checks ---------------------------------------------------------------------------

def _check_date(value: Any) -> bool:
    if not isinstance(value, str) or not DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    dt.date(parts[0], parts[1], parts[2])  # raises on 2026-13-40
    return True


def _check_scalar(kind: str, value: Any) -> bool:
    if value is None:
        return kind != "bool"
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "date":
        return _check_date(value)
    if kind == "money":
        return (isinstance(value, dict) and set(value) == {"amount", "currency"}
                and isinstance(value["amount"], float)
                and (value["currency"] is None or re.fullmatch(r"[A-Z]{3}", value["currency"])
                     is not None))
    if kind == "duration":
        return (isinstance(value, dict) and set(value) == {"value", "unit"}
                and isinstance(value["value"], int) and value["unit"] in UNITS)
    if not isinstance(value, str) or value != " ".join(value.split()) or not value:
        return False
    if kind == "id":
        return re.fullmatch(r"[^\sa-z-]+", value) is not None
    if kind == "phone":
        return re.fullmatch(r"\+?\d+", value) is not None
    return True


SUB_KEY_TYPES = {"arrived": "date", "date_from": "date", "date_to": "date",
                 "length_of_stay": "duration", "phone": "phone", "number": "id"}


def _check_item(item_type: str | set[str], item: Any) -> bool:
    if isinstance(item_type, str):
        return _check_scalar(item_type, item)
    return isinstance(item, dict) and set(item) <= item_type and all(
        _check_scalar(SUB_KEY_TYPES.get(sub, "text"), value) for sub, value in item.items())


def _golden(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["fields"], f"{path.name}: a golden is {{'fields': {{...}}}}"
    fields: dict[str, Any] = data["fields"]
    return fields


def _files(folder: Path) -> Iterator[Path]:
    return (p for p in sorted(folder.rglob("*")) if p.is_file())


# --- the generator ---------------------------------------------------------------------------

def _generate(out: Path) -> Path:
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], check=True,
                   capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("fixtures"))


@needs_generator
def test_generator_writes_the_same_bytes_on_every_run(generated: Path, tmp_path: Path) -> None:
    again = _generate(tmp_path / "again")
    first = {p.relative_to(generated): p.read_bytes() for p in _files(generated)}
    second = {p.relative_to(again): p.read_bytes() for p in _files(again)}
    assert sorted(first) == sorted(second)
    changed = [str(name) for name in first if first[name] != second[name]]
    assert not changed, f"files that differ between two runs: {changed}"


@needs_generator
def test_committed_fixtures_are_what_the_generator_writes(generated: Path) -> None:
    fresh = {p.relative_to(generated) for p in _files(generated)}
    # Folders with generators of their own (documents/, cases/, sample/) are theirs to check.
    own = {"print", "confirmation", "bad"}
    committed = {p.relative_to(FIXTURES) for p in _files(FIXTURES)
                 if p.suffix in (".pdf", ".json") and p.relative_to(FIXTURES).parts[0] in own}
    assert committed == {p for p in fresh if p.suffix in (".pdf", ".json")}, (
        "run `python fixtures/generate.py` and commit the result")
    stale = [str(p) for p in fresh if p.suffix in (".json", ".md")
             and (FIXTURES / p).read_bytes() != (generated / p).read_bytes()]
    assert not stale, f"stale goldens, run `python fixtures/generate.py`: {stale}"


# --- the goldens -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", GOLDENS, ids=[f"{p.parent.name}/{p.name}" for p in GOLDENS])
def test_golden_uses_only_catalogue_keys_with_their_types(path: Path) -> None:
    keys, items = catalogue(), list_items()
    fields = _golden(path)
    unknown = [key for key in fields if key not in keys]
    assert not unknown, f"keys not in fields.md: {unknown}"
    wrong = [key for key, value in fields.items()
             if not (_check_item_list(items[key], value) if keys[key] == "list"
                     else _check_scalar(keys[key], value))]
    assert not wrong, f"values not typed as fields.md says: {wrong}"
    assert fields["application.document"] in ("print", "confirmation")
    assert re.fullmatch(r"AA00[A-Z0-9]{6}", fields["application.id"])


def _check_item_list(item_type: str | set[str], value: Any) -> bool:
    return isinstance(value, list) and all(_check_item(item_type, item) for item in value)


GATES = {
    "personal.other_names": "personal.other_names_used",
    "personal.other_nationalities": "personal.other_nationality",
    "passport.lost": "passport.lost_or_stolen",
    "travel.companion_list": "travel.companions",
    "previous_travel.visits": "previous_travel.been_in_us",
    "previous_travel.drivers_licenses": "previous_travel.us_drivers_license",
    "family.immediate_relatives": "family.immediate_relatives_in_us",
    "work.previous_employers": "work.previously_employed",
    "education.institutions": "education.attended",
    "additional.countries_visited": "additional.traveled_last_five_years",
}


@pytest.mark.parametrize("path", GOLDENS, ids=[f"{p.parent.name}/{p.name}" for p in GOLDENS])
def test_golden_list_answered_no_is_empty(path: Path) -> None:
    fields = _golden(path)
    broken = [key for key, gate in GATES.items()
              if key in fields and gate in fields and bool(fields[key]) != fields[gate]]
    assert not broken, f"lists that contradict their YES/NO question: {broken}"


def test_fixtures_cover_every_catalogue_key() -> None:
    keys = catalogue()
    covered = {key for path in GOLDENS for key in _golden(path)}
    missing = [key for key in keys if key not in covered
               and not (key.startswith("security.") and key.endswith("_explanation"))]
    assert not missing, f"catalogue keys no fixture prints: {missing}"
    assert any(k.startswith("security.") and k.endswith("_explanation") for k in covered)


def test_repeated_groups_range_from_empty_to_five_items() -> None:
    counts: dict[str, set[int]] = {}
    for path in GOLDENS:
        for key, value in _golden(path).items():
            if isinstance(value, list):
                counts.setdefault(key, set()).add(len(value))
    for key in ("previous_travel.visits", "work.previous_employers", "education.institutions",
                "contact.social_media", "additional.countries_visited", "contact.other_phones",
                "family.immediate_relatives", "travel.companion_list", "travel.locations"):
        assert max(counts[key]) >= 5, f"{key}: at most {max(counts[key])} items"
    for key in GATES:
        assert 0 in counts[key], f"{key} is never answered NO"


# --- the bad inputs ------------------------------------------------------------------------

BAD = FIXTURES / "bad"


def test_bad_inputs_are_what_their_names_say() -> None:
    assert not (BAD / "not-a-pdf.pdf").read_bytes().startswith(b"%PDF")
    assert (BAD / "docx-renamed.pdf").read_bytes().startswith(b"PK\x03\x04")
    assert (BAD / "empty.pdf").stat().st_size == 0
    truncated = (BAD / "truncated.pdf").read_bytes()
    whole = (FIXTURES / "print" / "ng-okonkwo-table.pdf").read_bytes()
    assert whole.startswith(truncated) and len(truncated) == len(whole) // 2
    assert b"/Encrypt" in (BAD / "encrypted.pdf").read_bytes()


def test_scan_has_no_text_and_bank_statement_no_ds160_markers() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    scan = pdfium.PdfDocument(str(BAD / "image-only.pdf"))
    assert len(scan) == 2
    assert all(page.get_textpage().get_text_range().strip() == "" for page in scan)
    statement = pdfium.PdfDocument(str(BAD / "not-ds160.pdf"))[0].get_textpage().get_text_range()
    assert "STATEMENT OF ACCOUNT" in statement
    assert "DS-160" not in statement and "Application ID" not in statement


def test_encrypted_print_opens_only_with_the_password_secret() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(BAD / "encrypted.pdf"))
    opened = pdfium.PdfDocument(str(BAD / "encrypted.pdf"), password="secret")
    assert "Online Nonimmigrant Visa Application" in opened[0].get_textpage().get_text_range()


def test_partial_print_golden_has_no_family_or_security_keys() -> None:
    fields = _golden(BAD / "partial-print.fields.json")
    assert not [k for k in fields if k.startswith(("family.", "security."))]
    assert "work.primary_occupation" in fields and "previous_travel.refused" in fields
