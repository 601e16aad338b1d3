"""Multipart uploads streamed into a private folder, held to the limits while they arrive.

An upload's name is hostile input: it is kept for display only (the report shows it where the
command line shows the path it was given). The bytes go to a folder of this request's own
(``mkdtemp``: mode 0700) under generated names, ``0003-<token>``: the number is the rank of the
upload's name, so that the files sort as their names do and the report lists them in the order
``compare`` would. Each file is held to ``--max-size`` while it streams, before the whole of it
is on disk, and the request to a total; a violation ends the read with an :class:`UploadError`
carrying the HTTP status and a one-line reason.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import unicodedata
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, MultipartState, parse_options_header

from ds160check.limits import MB
from ds160check.wording import printable

# A form field (an option) is a word or a date; a password is the longest.
MAX_FIELD_BYTES: Final = 1024
MAX_FIELDS: Final = 16
# The longest file name most file systems take; a longer one is no real document's.
MAX_NAME_BYTES: Final = 255
# Characters that have no place in a file name shown to a reader: controls, bidi overrides
# (U+202E turns "gpj.exe" around), line and paragraph separators.
_HIDDEN_CATEGORIES: Final = frozenset({"Cc", "Cf", "Zl", "Zp"})
_DIRECTORY_PARTS: Final = re.compile(r"[\\/]")


class UploadError(Exception):
    """A request the service refuses: ``status`` is the HTTP status, ``str()`` the reason."""

    def __init__(self, status: int, reason: str) -> None:
        self.status = status
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class FormSpec:
    """The parts a request may carry: file fields (how many of each) and option fields."""

    files: dict[str, tuple[int, int]]  # name -> (at least, at most)
    options: frozenset[str]


@dataclass(frozen=True)
class Upload:
    """One uploaded file: where its bytes are, and the name to show for it."""

    path: Path
    name: str


@dataclass
class Form:
    files: dict[str, list[Upload]] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)

    def one(self, name: str) -> Upload:
        return self.files[name][0]

    def uploads(self) -> list[Upload]:
        return [upload for group in self.files.values() for upload in group]


def display_name(raw: bytes) -> str:
    """The name an upload is shown by: its last path component, checked; never a path to open."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadError(400, "an upload's file name is not UTF-8") from None
    name = _DIRECTORY_PARTS.split(text)[-1].strip()
    if name in ("", ".", ".."):
        raise UploadError(400, f"an upload has no file name ({printable(text)[:80]!r})")
    if any(unicodedata.category(char) in _HIDDEN_CATEGORIES for char in name):
        raise UploadError(400, f"the file name {printable(name)[:120]!r} holds control characters")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise UploadError(400, f"the file name {printable(name)[:60]!r}… is longer than "
                               f"{MAX_NAME_BYTES} bytes")
    return name


def boundary_of(content_type: str | None) -> bytes:
    """The multipart boundary; a request that is not ``multipart/form-data`` is a 415."""
    kind, params = parse_options_header(content_type or "")
    if kind != b"multipart/form-data":
        shown = kind.decode("latin-1") or "none"
        raise UploadError(415, f"send the files as multipart/form-data, not {shown}")
    boundary = params.get(b"boundary")
    if not boundary:
        raise UploadError(400, "the multipart/form-data content type names no boundary")
    return boundary


class _Part:
    """The part being read: its headers, then its bytes (to a file or to memory)."""

    def __init__(self) -> None:
        self.header_name = b""
        self.header_value = b""
        self.field: str | None = None
        self.filename: bytes | None = None
        self.handle: IO[bytes] | None = None
        self.path: Path | None = None
        self.data = bytearray()
        self.size = 0


class UploadReader:
    """Feed it the request body chunk by chunk; :meth:`finish` gives the :class:`Form`."""

    def __init__(self, folder: Path, spec: FormSpec, boundary: bytes, *, max_file_bytes: int,
                 max_request_bytes: int) -> None:
        self.folder = folder
        self.spec = spec
        self.max_file_bytes = max_file_bytes
        self.max_request_bytes = max_request_bytes
        self.form = Form()
        self.token = secrets.token_hex(8)
        self._written = 0
        self._count = 0
        self._part = _Part()
        self._error: UploadError | None = None
        self._parser = MultipartParser(boundary, self._callbacks())  # type: ignore[arg-type]

    def _callbacks(self) -> dict[str, Callable[..., None]]:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda data, start, end: self._header(data[start:end], name=True),
            "on_header_value": lambda data, start, end: self._header(data[start:end], name=False),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": lambda data, start, end: self._data(data[start:end]),
            "on_part_end": self._end,
        }

    # --- python-multipart callbacks (an error is kept and raised by feed: the parser swallows none)

    def _guarded(self, step: Callable[[], None]) -> None:
        if self._error is None:
            try:
                step()
            except UploadError as exc:
                self._error = exc

    def _begin(self) -> None:
        self._part = _Part()

    def _header(self, data: bytes, *, name: bool) -> None:
        if name:
            self._part.header_name += data
        else:
            self._part.header_value += data

    def _header_end(self) -> None:
        part = self._part
        if part.header_name.strip().lower() == b"content-disposition":
            _, params = parse_options_header(part.header_value)
            part.field = params.get(b"name", b"").decode("utf-8", "replace")
            part.filename = params.get(b"filename")
        part.header_name, part.header_value = b"", b""

    def _headers_finished(self) -> None:
        self._guarded(self._open_part)

    def _open_part(self) -> None:
        part = self._part
        if not part.field:
            raise UploadError(400, "a part of the form has no name (Content-Disposition: form-data; name=…)")
        if part.field in self.spec.files:
            self._open_file(part)
        elif part.field in self.spec.options:
            if part.field in self.form.options:
                raise UploadError(400, f"the option {part.field} is given twice")
            if len(self.form.options) >= MAX_FIELDS:
                raise UploadError(400, f"more than {MAX_FIELDS} options")
        else:
            known = ", ".join([*self.spec.files, *sorted(self.spec.options)])
            raise UploadError(400, f"unknown form field {printable(part.field)[:60]!r}; known: {known}")

    def _open_file(self, part: _Part) -> None:
        assert part.field is not None
        if part.filename is None:
            raise UploadError(400, f"{part.field} must be a file upload (with a filename), not a text field")
        name = display_name(part.filename)
        group = self.form.files.setdefault(part.field, [])
        if len(group) >= self.spec.files[part.field][1]:
            most = self.spec.files[part.field][1]
            raise UploadError(400, f"{part.field}: at most {most} file{'s' if most > 1 else ''} per request")
        self._count += 1
        part.path = self.folder / f"part-{self._count:04d}-{self.token}"
        fd = os.open(part.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        part.handle = os.fdopen(fd, "wb")
        group.append(Upload(part.path, name))

    def _data(self, data: bytes) -> None:
        self._guarded(lambda: self._take(data))

    def _take(self, data: bytes) -> None:
        part = self._part
        part.size += len(data)
        if part.handle is None:
            if part.size > MAX_FIELD_BYTES:
                raise UploadError(400, f"the option {part.field} is longer than {MAX_FIELD_BYTES} bytes")
            part.data += data
            return
        self._written += len(data)
        if part.size > self.max_file_bytes:
            name = self.form.files[part.field or ""][-1].name
            raise UploadError(413, f"{name}: the file is more than the limit of "
                                   f"{self.max_file_bytes / MB:g} MB; the service's --max-size raises it")
        if self._written > self.max_request_bytes:
            raise UploadError(413, f"the files of this request are more than "
                                   f"{self.max_request_bytes / MB:g} MB together (4 times --max-size)")
        part.handle.write(data)

    def _end(self) -> None:
        part = self._part
        if part.handle is not None:
            part.handle.close()
            part.handle = None
        elif part.field and self._error is None:
            self._guarded(lambda: self._keep_option(part))

    def _keep_option(self, part: _Part) -> None:
        try:
            self.form.options[part.field or ""] = part.data.decode("utf-8").strip()
        except UnicodeDecodeError:
            raise UploadError(400, f"the option {part.field} is not UTF-8 text") from None

    # --- driving it

    def feed(self, chunk: bytes) -> None:
        try:
            self._parser.write(chunk)
        except MultipartParseError as exc:
            self._error = self._error or UploadError(400, f"the multipart body is malformed ({exc})")
        if self._error is not None:
            self.close()
            raise self._error

    def finish(self) -> Form:
        try:
            self._parser.finalize()
        except MultipartParseError as exc:
            self._error = self._error or UploadError(400, f"the multipart body is malformed ({exc})")
        self.close()
        if self._error is not None:
            raise self._error
        if self._part.handle is not None or self._parser.state != MultipartState.END:
            raise UploadError(400, "the multipart body ended before its closing boundary")
        self._check_counts()
        self._arrange()
        return self.form

    def close(self) -> None:
        if self._part.handle is not None:
            self._part.handle.close()
            self._part.handle = None

    def _check_counts(self) -> None:
        for name, (least, _most) in self.spec.files.items():
            if len(self.form.files.get(name, [])) < least:
                raise UploadError(400, f"the form needs a file in the field {name}")
        names = [upload.name for upload in self.form.uploads()]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise UploadError(400, f"two uploads are named {printable(twice[0])!r}: the report could "
                                   "not tell them apart; rename one")

    def _arrange(self) -> None:
        """Rename the files by the rank of their names: sorted paths, sorted names, one order."""
        ranks = {name: rank for rank, name in enumerate(sorted(u.name for u in self.form.uploads()))}
        for group in self.form.files.values():
            for index, upload in enumerate(group):
                target = self.folder / f"{ranks[upload.name]:04d}-{self.token}"
                os.rename(upload.path, target)
                group[index] = Upload(target, upload.name)


async def read_form(chunks: AsyncIterator[bytes], reader: UploadReader, idle_s: float) -> Form:
    """Stream the body through ``reader``; the first violation stops reading it, and so does an
    upload that sends nothing for ``idle_s`` (it would hold its place in the queue forever)."""
    iterator = aiter(chunks)
    while True:
        try:
            chunk = await asyncio.wait_for(anext(iterator), idle_s)
        except StopAsyncIteration:
            return reader.finish()
        except TimeoutError:
            reader.close()
            raise UploadError(408, f"the upload stalled: nothing arrived for {idle_s:g} s") from None
        if chunk:
            reader.feed(chunk)
