"""A ZIP container (a DOCX) opened in one place, its directory checked before any member is read.

    >>> with open_zip("letter.docx") as archive:
    ...     archive.namelist()

Python's ``zipfile`` believes the central directory: a member's compression
method, encryption flag, offset and sizes are taken as written until the
member is read, and then fail far from the cause, each in its own way
(``NotImplementedError``, ``RuntimeError``, ``ValueError: negative seek
value``, a wrong CRC). Every reader of a ZIP opens it here, so a damaged
container fails at once with one reason naming the member and what is wrong
with it, whoever reads it. A member that passes these checks can be read by
``zipfile``; only its content (a CRC, the deflate stream, the XML) can still
be bad.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from ds160check.errors import CorruptDocumentError

__all__ = ["DamagedZipError", "open_zip", "read_zip_directory"]

# The methods Word (and every writer of Office files) uses: stored and deflated.
READABLE_METHODS: Final = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# What the other methods are, for the reason (PKWARE APPNOTE 4.4.5).
METHOD_NAMES: Final = {
    1: "shrink", 6: "implode", 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard",
    95: "XZ", 98: "PPMd", 99: "AES encryption",
}
# General purpose flag bits (APPNOTE 4.4.4).
FLAG_ENCRYPTED: Final = 0x0001
FLAG_DATA_DESCRIPTOR: Final = 0x0008  # sizes and CRC follow the data; the local header has zeros
FLAG_PATCHED: Final = 0x0020
FLAG_STRONG_ENCRYPTION: Final = 0x0040
FLAG_UTF8_NAME: Final = 0x0800
# The local file header (APPNOTE 4.3.7): signature, version needed, flags, method, time, date,
# CRC-32, packed and unpacked sizes, name and extra field lengths.
LOCAL_HEADER: Final = struct.Struct("<4sHHHHHIIIHH")
LOCAL_SIGNATURE: Final = b"PK\x03\x04"
ZIP64_MARK: Final = 0xFFFFFFFF  # a local header's size that is in its ZIP64 extra field instead
# Deflate turns 258 bytes into 2 bits at best (RFC 1951), so a member cannot unpack
# to more than this many times its packed size; nor pack to much more than itself
# (stored blocks cost 5 bytes per 64 kB; this allows 1 per 2 kB). Plus a few bytes
# for the stream's end.
DEFLATE_MAX_RATIO: Final = 1032
DEFLATE_OVERHEAD_SHIFT: Final = 11
DEFLATE_SLACK: Final = 64
UNREADABLE_DIRECTORY: Final = "its ZIP directory cannot be read (the file is cut short or overwritten)"
# A central directory entry (APPNOTE 4.3.12): where its version needed and name length are.
CENTRAL_SIGNATURE: Final = b"PK\x01\x02"
CENTRAL_HEADER_SIZE: Final = 46
CENTRAL_VERSION_AT: Final = 6
CENTRAL_NAME_LENGTH_AT: Final = 28


class DamagedZipError(CorruptDocumentError):
    """The ZIP container lies about its members: ``detail`` says how; ``reason`` is the one-line error."""

    def __init__(self, path: str | Path, detail: str) -> None:
        self.detail = detail
        super().__init__(path, f"the DOCX is damaged: {detail}")

    def __reduce__(self) -> tuple[type[DamagedZipError], tuple[str, str]]:
        return type(self), (self.path, self.detail)


def read_zip_directory(file: str | Path, data: bytes | None = None) -> zipfile.ZipFile:
    """The ZIP at ``file`` (or its content ``data``, already read) with its directory read.

    Its members are not checked: for a caller that needs their names only.
    Raises :class:`DamagedZipError`.
    """
    source: str | Path | IO[bytes] = file if data is None else io.BytesIO(data)
    try:
        return zipfile.ZipFile(source)
    except NotImplementedError:  # zipfile refuses a version past what it knows, without naming the member
        raise DamagedZipError(file, _version_reason(file, data)) from None
    except (zipfile.BadZipFile, EOFError, ValueError, struct.error, OverflowError):
        # ValueError covers a member name that is not the UTF-8 its flag promises.
        raise DamagedZipError(file, UNREADABLE_DIRECTORY) from None


def open_zip(file: str | Path, data: bytes | None = None) -> zipfile.ZipFile:
    """The ZIP at ``file`` (or its content ``data``) with every member checked readable.

    Raises :class:`DamagedZipError` naming the first member that is encrypted,
    uses a method other than stored or deflate, does not start where the
    directory says, runs past the directory or into another member, or whose
    sizes the directory and its own header disagree on.
    """
    archive = read_zip_directory(file, data)
    try:
        check_members(file, archive)
    except BaseException:
        archive.close()
        raise
    return archive


def check_members(file: str | Path, archive: zipfile.ZipFile) -> None:
    """Raise :class:`DamagedZipError` for the first member of ``archive`` that cannot be read as declared."""
    stream = archive.fp
    assert stream is not None, "an archive open for reading has its file"
    end = archive.start_dir  # the members lie before the central directory
    extents: list[tuple[int, int, str]] = []
    for info in archive.infolist():
        local = _read_local_header(info, stream, end)
        problem = _declared_problem(info) or _place_problem(info, local, end)
        if problem is None and local is not None:
            problem = _disagreement(info, local) or _size_problem(info) or _extent_problem(info, local, end)
        if problem is not None:
            raise DamagedZipError(file, f"member {info.filename}: {problem}")
        assert local is not None
        extents.append((info.header_offset, local.data_start + info.compress_size, info.filename))
    extents.sort()
    for (_, stop, first), (start, _, second) in zip(extents, extents[1:], strict=False):
        if start < stop:
            raise DamagedZipError(file, f"members {first} and {second} overlap (the ZIP directory lies)")


@dataclass(frozen=True, slots=True)
class _LocalHeader:
    """What a member's own header, before its data, says of it."""

    signature: bytes
    flags: int
    method: int
    crc: int
    packed: int
    unpacked: int
    name: bytes
    data_start: int


def _read_local_header(info: zipfile.ZipInfo, stream: IO[bytes], end: int) -> _LocalHeader | None:
    """The local header where the directory puts it, or None when that is outside the members."""
    offset = info.header_offset
    if offset < 0 or offset + LOCAL_HEADER.size > end:
        return None
    stream.seek(offset)
    signature, _, flags, method, _, _, crc, packed, unpacked, name_length, extra_length = LOCAL_HEADER.unpack(
        stream.read(LOCAL_HEADER.size)
    )
    name = stream.read(name_length)
    data_start = offset + LOCAL_HEADER.size + name_length + extra_length
    return _LocalHeader(signature, flags, method, crc, packed, unpacked, name, data_start)


def _version_reason(file: str | Path, data: bytes | None) -> str:
    """Which member needs a ZIP version past what zipfile (and Word) knows, found in the raw directory."""
    if data is None:
        data = Path(file).read_bytes()  # only on this error; the size limit was checked before
    at = data.find(CENTRAL_SIGNATURE)
    while at >= 0 and at + CENTRAL_HEADER_SIZE <= len(data):
        version = data[at + CENTRAL_VERSION_AT]
        if version > zipfile.MAX_EXTRACT_VERSION:
            (name_length,) = struct.unpack_from("<H", data, at + CENTRAL_NAME_LENGTH_AT)
            name = data[at + CENTRAL_HEADER_SIZE : at + CENTRAL_HEADER_SIZE + name_length].decode("cp437")
            return f"member {name}: it needs ZIP version {version / 10:.1f} to unpack (Word writes 2.0)"
        at = data.find(CENTRAL_SIGNATURE, at + 1)
    return "its ZIP directory asks for a ZIP version past what any Word file needs"


def _declared_problem(info: zipfile.ZipInfo) -> str | None:
    """What the directory itself says that no Word file has."""
    if info.flag_bits & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION):
        return "it is encrypted (a password-protected ZIP); open the file in Word and save it as DOCX or PDF"
    if info.flag_bits & FLAG_PATCHED:
        return "it holds patched data (flag bit 5), which Word never writes"
    if info.compress_type not in READABLE_METHODS:
        name = METHOD_NAMES.get(info.compress_type, "unknown")
        return f"it uses compression method {info.compress_type} ({name}), which Word never writes"
    return None


def _place_problem(info: zipfile.ZipInfo, local: _LocalHeader | None, end: int) -> str | None:
    offset = info.header_offset
    if offset < 0:
        return f"the ZIP directory puts it at byte {offset:,}, before the start of the file"
    if local is None:
        return f"the ZIP directory puts it at byte {offset:,}, past the end of the file's members ({end:,})"
    if local.signature != LOCAL_SIGNATURE:
        return f"there is no local header at byte {offset:,}, where the ZIP directory puts it"
    encoding = "utf-8" if info.flag_bits & FLAG_UTF8_NAME else "cp437"
    if local.name != info.orig_filename.encode(encoding):
        return f"the local header at byte {offset:,} is another member's"
    return None


def _disagreement(info: zipfile.ZipInfo, local: _LocalHeader) -> str | None:
    """The directory and the member's own header must agree (on sizes, unless they follow the data)."""
    pairs = [("compression method", info.compress_type, local.method),
             ("encryption flag", info.flag_bits & FLAG_ENCRYPTED, local.flags & FLAG_ENCRYPTED)]
    if not info.flag_bits & FLAG_DATA_DESCRIPTOR:
        pairs.append(("CRC-32", info.CRC, local.crc))
        sizes = (("packed size", info.compress_size, local.packed),
                 ("unpacked size", info.file_size, local.unpacked))
        pairs += [(what, directory, own) for what, directory, own in sizes if own != ZIP64_MARK]
    for what, directory, own in pairs:
        if directory != own:
            return (f"the ZIP directory and its local header disagree on its {what} "
                    f"({directory:,} in the directory, {own:,} in the header)")
    return None


def _size_problem(info: zipfile.ZipInfo) -> str | None:
    packed, unpacked = info.compress_size, info.file_size
    if info.compress_type == zipfile.ZIP_STORED and packed != unpacked:
        return f"it is stored uncompressed but declares {packed:,} bytes packed and {unpacked:,} unpacked"
    if info.compress_type == zipfile.ZIP_DEFLATED:
        if unpacked > packed * DEFLATE_MAX_RATIO + DEFLATE_SLACK:
            return f"it declares {unpacked:,} bytes unpacked from {packed:,}, more than deflate can give"
        if packed > unpacked + (unpacked >> DEFLATE_OVERHEAD_SHIFT) + DEFLATE_SLACK:
            return f"it declares {packed:,} bytes packed for {unpacked:,} unpacked, more than deflate writes"
    return None


def _extent_problem(info: zipfile.ZipInfo, local: _LocalHeader, end: int) -> str | None:
    stop = local.data_start + info.compress_size
    if stop > end:
        return f"its data runs to byte {stop:,}, past the end of the file's members (byte {end:,})"
    return None
