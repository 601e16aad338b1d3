"""What every stage needs of a file before reading it: its first bytes, its format, its hash.

One place for the signatures (a PDF's ``%PDF-``, a DOCX's ZIP header) and for
the one-line errors of a file that cannot be opened at all.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Final, Literal

from ds160check.errors import FileMissingError, InputError
from ds160check.limits import check_size

PDF_SIGNATURE: Final = b"%PDF-"
# A ZIP (DOCX) starts with a first member, or is an empty archive.
ZIP_SIGNATURES: Final = (b"PK\x03\x04", b"PK\x05\x06")
# PDF readers accept the signature anywhere in the first kilobyte.
SIGNATURE_WINDOW: Final = 1024
HASH_CHUNK: Final = 1 << 20

# Scans and phone photos: PNG, JPEG, TIFF (either byte order), HEIC/HEIF (an ISO box "ftyp" at
# offset 4 with a brand of its own), WebP.
IMAGE_SIGNATURES: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
HEIF_BRANDS: Final = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")

FileKind = Literal["pdf", "docx", "image"]


def read_head(file: Path, what: str = "file") -> bytes:
    """The first bytes of ``file``; one-line errors name ``what`` was expected ("PDF file", "document").

    A pipe or device is refused before it is opened: reading its head would block, or
    consume what the reader needs.
    """
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise FileMissingError(file, "no such file") from None
    except OSError as error:  # its folder may not be searched: the same reason as for the file
        raise InputError(file, cannot_read(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileMissingError(file, f"this is a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        noun = what.removesuffix(" file")
        raise FileMissingError(file, f"not a regular file; save the {noun} to a file first")
    try:
        with file.open("rb") as stream:
            return stream.read(SIGNATURE_WINDOW)
    except FileNotFoundError:
        raise FileMissingError(file, "no such file") from None
    except OSError as error:
        raise InputError(file, cannot_read(error)) from None


def is_regular_file(path: str | Path) -> bool:
    """``Path.is_file`` that says False, not PermissionError, for a file its folder hides."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_folder(path: str | Path) -> bool:
    """``Path.is_dir`` that says False, not PermissionError, for a folder its parent hides."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def cannot_read(error: OSError) -> str:
    """``cannot read the file: permission denied``: the system's reason, in the words of a report."""
    return f"cannot read the file: {(error.strerror or type(error).__name__).lower()}"


def kind_of_head(head: bytes) -> FileKind | None:
    """``pdf`` or ``docx`` by signature (a DOCX is any ZIP here), else None."""
    if PDF_SIGNATURE in head:
        return "pdf"
    if head.startswith(ZIP_SIGNATURES):
        return "docx"
    if is_image_head(head):
        return "image"
    return None


def is_image_head(head: bytes) -> bool:
    """A scan or photo by its first bytes (PNG, JPEG, TIFF, HEIC/HEIF, WebP)."""
    return (head.startswith(IMAGE_SIGNATURES) or (head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS)
            or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"))


def file_kind(path: str | Path) -> FileKind | None:
    """The format of a regular file by its content, or None (unreadable, not a file, other)."""
    file = Path(path)
    if not is_regular_file(file):
        return None
    try:
        return kind_of_head(read_head(file))
    except InputError:
        return None


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's content, read in chunks. A file over ``--max-size`` is refused
    (:class:`~ds160check.errors.LimitExceededError`) before a byte is read: hashing eight
    gigabytes would take longer than checking a whole batch."""
    check_size(path)
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
