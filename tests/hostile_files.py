"""Broken and hostile inputs, generated in a second from the fixtures and a seed.

Every maker writes into a folder and returns the paths it wrote; ``make_all``
writes them all. Nothing here is random without the seed, so a failure
reproduces: the file name says which maker, base file and variant made it.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = 160
BASE_PDFS = [
    FIXTURES / "print" / "kz-akhmetova-inline.pdf",
    FIXTURES / "confirmation" / "ua-kovalenko.pdf",
    FIXTURES / "documents" / "refusal" / "214b_astana_found_ineligible.pdf",
    FIXTURES / "bad" / "encrypted.pdf",
]
BASE_DOCX = [
    FIXTURES / "documents" / "refusal" / "221g_documents_tashkent_table.docx",
    FIXTURES / "documents" / "parts" / "all_parts.docx",
    FIXTURES / "documents" / "refusal" / "not_refusal_employment_letter.docx",
]
CUTS_PER_FILE = 4
FLIP_COUNTS = (1, 20, 500)
BLANK_PAGES = 2000
DEEP = 100_000
MB = 1024 * 1024


# --- PDFs written by hand ------------------------------------------------------


def pdf_bytes(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF of these numbered objects with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_ONE_KID = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_HELLO = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"


def _text_page(resources: bytes = b"<< /Font << /F1 5 0 R >> >>") -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources %s >>"
    return page % resources


def _one_page(content: bytes, resources: bytes | None = None) -> bytes:
    page = _text_page() if resources is None else _text_page(resources)
    return pdf_bytes({1: _CATALOG, 2: _ONE_KID, 3: page, 4: _stream(content), 5: _FONT})


def pages_loop_pdf() -> bytes:
    """The page tree points back at itself through a child: /Pages 2 -> 3 -> 2."""
    return pdf_bytes(
        {
            1: _CATALOG,
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        }
    )


def pages_self_pdf() -> bytes:
    return pdf_bytes({1: _CATALOG, 2: b"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"})


def deep_pages_pdf(depth: int = DEEP) -> bytes:
    """One page at the bottom of a page tree ``depth`` levels deep."""
    objects = {1: _CATALOG}
    for level in range(depth):
        objects[2 + level] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + level)
    objects[2 + depth] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] >>" % (1 + depth)
    return pdf_bytes(objects)


def blank_pages_pdf(count: int = BLANK_PAGES) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = {1: _CATALOG, 2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count}
    for i in range(count):
        objects[3 + i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
    return pdf_bytes(objects)


def deep_array_pdf(depth: int = DEEP) -> bytes:
    """An array nested ``depth`` deep in the page's resources."""
    return _one_page(_HELLO, b"<< /Font << /F1 5 0 R >> /X " + b"[" * depth + b"]" * depth + b" >>")


def deep_state_pdf(depth: int = DEEP) -> bytes:
    """Graphics states saved ``depth`` times around the text."""
    return _one_page(b"q " * depth + _HELLO + b" Q" * depth)


def deep_text_array_pdf(depth: int = DEEP) -> bytes:
    return _one_page(b"BT /F1 12 Tf 72 720 Td " + b"[" * depth + b"(Hello)" + b"]" * depth + b" TJ ET")


def xobject_loop_pdf() -> bytes:
    """A form XObject that draws itself."""
    form = _stream(
        b"/Fm0 Do BT /F1 12 Tf 72 700 Td (Again) Tj ET",
        b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 7 0 R",
    )
    return pdf_bytes(
        {
            1: _CATALOG,
            2: _ONE_KID,
            3: _text_page(b"7 0 R"),
            4: _stream(_HELLO + b" /Fm0 Do"),
            5: _FONT,
            6: form,
            7: b"<< /Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >> >>",
        }
    )


def huge_count_pdf() -> bytes:
    return pdf_bytes(
        {
            1: _CATALOG,
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        }
    )


def reference_loop_pdf() -> bytes:
    """An object that is a reference to itself, used as the page's box and resources.

    pdfminer (the plumber backend) follows it forever: only the time limit stops it.
    """
    return pdf_bytes(
        {
            1: _CATALOG,
            2: _ONE_KID,
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 4 0 R /Resources 6 0 R >>",
            4: b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
            6: b"6 0 R",
        }
    )


STRUCTURE_PDFS: dict[str, Callable[[], bytes]] = {
    "pages-loop": pages_loop_pdf,
    "pages-self": pages_self_pdf,
    "pages-deep": deep_pages_pdf,
    "array-deep": deep_array_pdf,
    "state-deep": deep_state_pdf,
    "text-array-deep": deep_text_array_pdf,
    "xobject-loop": xobject_loop_pdf,
    "count-huge": huge_count_pdf,
    "reference-loop": reference_loop_pdf,
    "blank-2000-pages": blank_pages_pdf,
}


# --- DOCX ----------------------------------------------------------------------


def docx_with_document_xml(transform: Callable[[str], str], base: Path = BASE_DOCX[0]) -> bytes:
    """A copy of ``base`` with ``word/document.xml`` rewritten by ``transform``."""
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = transform(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _with_doctype(doctype: str, reference: str) -> Callable[[str], str]:
    """Put a DTD before the root element and ``reference`` into the first text run."""

    def transform(xml: str) -> str:
        prolog_end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
        xml = xml[:prolog_end] + doctype + xml[prolog_end:]
        start = xml.index("<w:t")
        text_at = xml.index(">", start) + 1
        return xml[:text_at] + reference + xml[text_at:]

    return transform


def billion_laughs_docx() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return docx_with_document_xml(_with_doctype(f"<!DOCTYPE w:document [{entities}]>", "&lol9;"))


def external_entity_docx() -> bytes:
    return docx_with_document_xml(
        _with_doctype('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;")
    )


def parameter_entity_docx() -> bytes:
    return docx_with_document_xml(
        _with_doctype('<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', "")
    )


def zip_bomb_docx(unpacked_mb: int = 60) -> bytes:
    """document.xml inflates to ``unpacked_mb`` of spaces (over the XML limit) from ~60 kB."""
    out = io.BytesIO()
    with zipfile.ZipFile(BASE_DOCX[0]) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
        with target.open("word/document.xml", "w") as member:
            block = b" " * MB
            for _ in range(unpacked_mb):
                member.write(block)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx_with_binary_document() -> bytes:
    return docx_with_document_xml(lambda _xml: "\x00\x01\x02 not xml at all \ufffd" * 50)


def docx_without_content_types() -> bytes:
    with zipfile.ZipFile(BASE_DOCX[0]) as source:
        return zip_of(
            {i.filename: source.read(i) for i in source.infolist() if i.filename != "[Content_Types].xml"}
        )


# --- DOCX with a damaged ZIP directory ------------------------------------------
# The fields patched, by their offset in the ZIP records (PKWARE APPNOTE 4.3.7,
# 4.3.12, 4.3.16) and struct format: central directory entry, local file header,
# end of central directory.
_CENTRAL_SIGNATURE, _END_SIGNATURE = b"PK\x01\x02", b"PK\x05\x06"
_CD_FIELDS: dict[str, tuple[int, str]] = {
    "version": (6, "<B"), "flags": (8, "<H"), "method": (10, "<H"), "packed": (20, "<I"),
    "unpacked": (24, "<I"), "offset": (42, "<I"),
}
_LH_FIELDS: dict[str, tuple[int, str]] = {"version": (4, "<B"), "flags": (6, "<H"), "method": (8, "<H")}
_END_FIELDS: dict[str, tuple[int, str]] = {"directory size": (12, "<I"), "directory offset": (16, "<I")}
# Members a damage is put on: the body python-docx parses, and the page count read on its own.
DAMAGED_MEMBERS = ("word/document.xml", "docProps/app.xml")
_ENCRYPTED_FLAG = 0x1
_AES_METHOD = 99
_FAR = 0xFFFF_FF00  # an offset far beyond any test file (0xFFFFFFFF itself would mean ZIP64)


def _patch(data: bytearray, record: int, field: tuple[int, str], value: int) -> None:
    offset, fmt = field
    struct.pack_into(fmt, data, record + offset, value)


def _central_record(data: bytes, member: str) -> int:
    """Where ``member``'s entry starts in the central directory (walked from the end record)."""
    at = struct.unpack_from("<I", data, data.rindex(_END_SIGNATURE) + 16)[0]
    while data[at : at + 4] == _CENTRAL_SIGNATURE:
        name_length, extra_length, comment_length = struct.unpack_from("<3H", data, at + 28)
        if data[at + 46 : at + 46 + name_length] == member.encode():
            return at
        at += 46 + name_length + extra_length + comment_length
    raise KeyError(member)


def _local_record(data: bytes, member: str) -> int:
    return struct.unpack_from("<I", data, _central_record(data, member) + 42)[0]


def damaged_member_docx(member: str, changes: dict[str, int], *, local: bool = False,
                        base: Path = BASE_DOCX[0]) -> bytes:
    """``base`` with fields of ``member``'s central directory entry set (and of its local header).

    ``changes`` maps a field ("version", "flags", "method", "packed", "unpacked",
    "offset") to the value it gets.
    """
    data = bytearray(base.read_bytes())
    central, header = _central_record(data, member), _local_record(data, member)
    for name, value in changes.items():
        _patch(data, central, _CD_FIELDS[name], value)
        if local and name in _LH_FIELDS:
            _patch(data, header, _LH_FIELDS[name], value)
    return bytes(data)


def damaged_directory_docx(changes: dict[str, int], base: Path = BASE_DOCX[0]) -> bytes:
    """``base`` with fields of its end of central directory record set.

    ``changes`` maps "directory size" or "directory offset" to the value it gets.
    """
    data = bytearray(base.read_bytes())
    end = data.rindex(_END_SIGNATURE)
    for name, value in changes.items():
        _patch(data, end, _END_FIELDS[name], value)
    return bytes(data)


def _member_info(member: str, base: Path = BASE_DOCX[0]) -> zipfile.ZipInfo:
    with zipfile.ZipFile(base) as archive:
        return archive.getinfo(member)


def damaged_docx_makers() -> dict[str, Callable[[], bytes]]:
    """Every damaged-container DOCX by file name (without .docx): each a way the ZIP directory can lie."""
    base_size = BASE_DOCX[0].stat().st_size
    makers: dict[str, Callable[[], bytes]] = {
        # Every member's offset becomes negative once zipfile subtracts the gap: "negative seek value".
        "zip-directory-offset-huge": lambda: damaged_directory_docx({"directory offset": _FAR}),
        "zip-directory-size-huge": lambda: damaged_directory_docx({"directory size": _FAR}),
        # A smaller lie: the members of the first few kB start before the file, the rest in wrong places.
        "zip-directory-offset-past-members": lambda: damaged_directory_docx(
            {"directory offset": _member_info(DAMAGED_MEMBERS[0]).header_offset + base_size}
        ),
    }
    for member in DAMAGED_MEMBERS:
        slug = member.replace("/", "-").removesuffix(".xml")
        info = _member_info(member)
        per_member: dict[str, Callable[[], bytes]] = {
            "method-99": lambda m=member: damaged_member_docx(m, {"method": _AES_METHOD}, local=True),
            "encrypted-flag": lambda m=member, i=info: damaged_member_docx(
                m, {"flags": i.flag_bits | _ENCRYPTED_FLAG}, local=True
            ),
            "version-255": lambda m=member: damaged_member_docx(m, {"version": 255}),
            "offset-huge": lambda m=member: damaged_member_docx(m, {"offset": _FAR}),
            "offset-inside-other-member": lambda m=member: damaged_member_docx(m, {"offset": 100}),
            "packed-size-lies": lambda m=member, i=info: damaged_member_docx(
                m, {"packed": i.compress_size + 20_000}
            ),
            "unpacked-size-lies": lambda m=member: damaged_member_docx(m, {"unpacked": 10}),
        }
        makers.update({f"zip-{slug}-{name}": make for name, make in per_member.items()})
    return makers


# --- mutations of the fixtures -------------------------------------------------------


def cut(data: bytes, rng: random.Random, count: int) -> list[tuple[int, bytes]]:
    """``data`` cut at ``count`` seeded offsets (one of them inside the first kilobyte)."""
    early = rng.randrange(1, min(len(data), 1024))
    offsets = sorted({early, *(rng.randrange(1, len(data)) for _ in range(count - 1))})
    return [(offset, data[:offset]) for offset in offsets]


def flip(data: bytes, rng: random.Random, flips: int) -> bytes:
    """``data`` with ``flips`` seeded bytes replaced by random ones."""
    out = bytearray(data)
    for _ in range(flips):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


# --- all of them -----------------------------------------------------------------


def make_all(folder: Path) -> list[Path]:
    """Write every hostile input into ``folder``; the paths, sorted."""
    rng = random.Random(SEED)
    written: list[Path] = []

    def write(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        written.append(path)

    for base in [*BASE_PDFS, *BASE_DOCX]:
        data = base.read_bytes()
        for offset, piece in cut(data, rng, CUTS_PER_FILE):
            write(f"cut-{base.stem}-at-{offset}{base.suffix}", piece)
        for flips in FLIP_COUNTS:
            write(f"flipped-{base.stem}-{flips}-bytes{base.suffix}", flip(data, rng, flips))
    for name, make in STRUCTURE_PDFS.items():
        write(f"structure-{name}.pdf", make())
    write("entities-billion-laughs.docx", billion_laughs_docx())
    write("entities-external.docx", external_entity_docx())
    write("entities-parameter.docx", parameter_entity_docx())
    write("zip-bomb-60mb-xml.docx", zip_bomb_docx())
    write("zip-of-text.docx", zip_of({"hello.txt": b"hello"}))
    write("zip-of-spreadsheet.docx", zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}))
    write("docx-binary-document-xml.docx", docx_with_binary_document())
    write("docx-without-content-types.docx", docx_without_content_types())
    for name, make in damaged_docx_makers().items():
        write(f"{name}.docx", make())
    write("empty.pdf", b"")
    write("empty.docx", b"")
    write("wrong-extension-pdf.docx", BASE_PDFS[0].read_bytes())
    write("wrong-extension-docx.pdf", BASE_DOCX[0].read_bytes())
    write("wrong-extension-png.pdf", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)))
    write("wrong-extension-text.pdf", b"Dear officer,\nplease find my documents attached.\n" * 20)
    write("wrong-extension-html.pdf", b"<!DOCTYPE html><html><body>Bank statement</body></html>")
    write("only-signature.pdf", b"%PDF-1.7\n")
    written += _special_files(folder)
    return sorted(written)


def _special_files(folder: Path) -> list[Path]:
    """A file over the size limit (sparse: no disk used), a symlink loop and a named pipe."""
    big = folder / "oversize-60mb.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(60 * MB)
    made = [big]
    loop = folder / "symlink-loop.pdf"
    loop.symlink_to(loop.name)
    made.append(loop)
    if hasattr(os, "mkfifo"):
        pipe = folder / "named-pipe.pdf"
        os.mkfifo(pipe)
        made.append(pipe)
    return made


def bloated_docx(path: Path, xml_mb: int) -> Path:
    """A Word file of a few kB whose XML unpacks to ``xml_mb`` MB of one-letter paragraphs."""
    with zipfile.ZipFile(BASE_DOCX[2]) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    head, tail = members["word/document.xml"].decode().split("<w:body>", 1)
    paragraph = ('<w:p><w:pPr><w:spacing w:before="0"/></w:pPr>'
                 "<w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>")
    body = paragraph * (xml_mb * MB // len(paragraph))
    members["word/document.xml"] = (head + "<w:body>" + body + tail).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
