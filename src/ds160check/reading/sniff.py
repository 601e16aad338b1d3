"""Check that a path is a readable PDF file before a PDF library sees it.

A user who passes a Word file or a photo should hear what it is, not get a
parser error: the first bytes usually say.
"""

from __future__ import annotations

from pathlib import Path

from ds160check.container import DamagedZipError, read_zip_directory
from ds160check.errors import NotAPdfError
from ds160check.files import PDF_SIGNATURE, ZIP_SIGNATURES, is_image_head, read_head

# Leading bytes of formats people save by mistake instead of a PDF.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF (WEBP/AVI/WAV) file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office (DOC/XLS) file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

# Undecodable bytes allowed in the first window of a file still called text.
MAX_BAD_CHARS_IN_TEXT = 3

# Members that tell an Office Open XML package from a plain ZIP.
_OFFICE_PARTS = (
    ("word/", "a DOCX (Word) file"),
    ("xl/", "an XLSX (Excel) file"),
    ("ppt/", "a PPTX (PowerPoint) file"),
)


def check_pdf_file(path: str | Path) -> Path:
    """Return ``path`` as a Path if it is a file that starts like a PDF, else raise."""
    file = Path(path)
    head = read_head(file, "PDF file")
    if PDF_SIGNATURE not in head:
        raise NotAPdfError(file, f"not a PDF: {describe(file, head)}")
    return file


def check_page_file(path: str | Path) -> Path:
    """Like :func:`check_pdf_file`, an image (a scan, a phone photo) accepted too."""
    file = Path(path)
    head = read_head(file, "PDF file")
    if PDF_SIGNATURE not in head and not is_image_head(head):
        raise NotAPdfError(file, f"not a PDF or an image: {describe(file, head)}")
    return file


def describe(file: Path, head: bytes) -> str:
    """Say in a few words what a non-PDF file looks like."""
    if not head:
        return "the file is empty"
    if head.startswith(ZIP_SIGNATURES):
        return _describe_zip(file)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"this is {what}"
    return _describe_text(head)


def _describe_zip(file: Path) -> str:
    try:
        with read_zip_directory(file) as archive:  # the names say what it is; members are not read
            names = archive.namelist()
    except DamagedZipError as error:
        return f"this is a damaged ZIP archive ({error.detail})"
    except OSError:
        return "this is a ZIP archive"
    for prefix, what in _OFFICE_PARTS:
        if any(name.startswith(prefix) for name in names):
            return f"this is {what}"
    return "this is a ZIP archive"


def _describe_text(head: bytes) -> str:
    decoded = head.decode("utf-8", errors="replace")
    # A character cut at the window's end costs one replacement; binary, many.
    if "\x00" in decoded or decoded.count("\ufffd") > MAX_BAD_CHARS_IN_TEXT:
        return "the file does not start with the PDF signature %PDF-"
    text = decoded.lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html")):
        return "this is a web page (HTML)"
    if text.startswith("<"):
        return "this is an XML or HTML text file"
    return "this is a text file"
