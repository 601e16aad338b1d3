"""What every stage needs of a file before reading it: its first bytes, its format, its hash.

One place for the signatures (a PDF's ``%PDF-``, a DOCX's ZIP header) and for
the one-line errors of a file that cannot be opened at all.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final, Literal

from ds160check.errors import FileMissingError, InputError

PDF_SIGNATURE: Final = b"%PDF-"
# A ZIP (DOCX) starts with a first member, or is an empty archive.
ZIP_SIGNATURES: Final = (b"PK\x03\x04", b"PK\x05\x06")
# PDF readers accept the signature anywhere in the first kilobyte.
SIGNATURE_WINDOW: Final = 1024
HASH_CHUNK: Final = 1 << 20

FileKind = Literal["pdf", "docx"]


def read_head(file: Path, what: str = "file") -> bytes:
    """The first bytes of ``file``; one-line errors name ``what`` was expected ("PDF file", "document").

    A pipe or device is refused before it is opened: reading its head would block, or
    consume what the reader needs.
    """
    if file.is_dir():
        raise FileMissingError(file, f"this is a folder, not a {what}")
    if file.exists() and not file.is_file():
        noun = what.removesuffix(" file")
        raise FileMissingError(file, f"not a regular file; save the {noun} to a file first")
    try:
        with file.open("rb") as stream:
            return stream.read(SIGNATURE_WINDOW)
    except FileNotFoundError:
        raise FileMissingError(file, "no such file") from None
    except PermissionError:
        raise InputError(file, "cannot read the file: permission denied") from None
    except OSError as error:
        raise InputError(file, f"cannot read the file: {error.strerror or error}") from None


def kind_of_head(head: bytes) -> FileKind | None:
    """``pdf`` or ``docx`` by signature (a DOCX is any ZIP here), else None."""
    if PDF_SIGNATURE in head:
        return "pdf"
    if head.startswith(ZIP_SIGNATURES):
        return "docx"
    return None


def file_kind(path: str | Path) -> FileKind | None:
    """The format of a regular file by its content, or None (unreadable, not a file, other)."""
    file = Path(path)
    if not file.is_file():
        return None
    try:
        return kind_of_head(read_head(file))
    except InputError:
        return None


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
