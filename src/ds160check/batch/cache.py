"""Incremental re-runs: a case whose files, tool and rules are unchanged is not recomputed.

The key of a case hashes the content of every file in its folder (and their
names), the folder as reported, the tool version, the rules (every file of
``field_rules/``), the passwords and the limits given. The worker that checks
a case hashes its files again just before reading them and keys the entry on
that: a file replaced after the main process looked up the cache is keyed by
what was read, and one changed while it was read is not cached at all. A file
over ``--max-size`` is keyed by its size and times, never read. An entry holds the rendered reports
and the summary row. When the order of the applications was decided by the
files' modification times, the entry also keeps those times and is used only
while they are unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ds160check import __version__
from ds160check.batch.store import private_dir, write_private
from ds160check.errors import InputError, LimitExceededError
from ds160check.files import file_sha256
from ds160check.limits import Limits, use_limits
from ds160check.rules_path import rules_dir

# 2: files keyed by their path (a client with sub-folders per application has two DS160.pdf).
# 3: the limits are part of the key; entries say whether they are redacted.
CACHE_FORMAT = "ds160check.batch-cache/3"
CACHE_DIR_NAME = ".ds160check-cache"


@cache
def rules_digest(directory: Path | None = None) -> str:
    """A hash of every rule file (path and content)."""
    root = directory or rules_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def case_key(label: str, files: Sequence[Path], passwords: Sequence[str], limits: Limits,
             names: Sequence[Path] | None = None) -> str:
    """The key of a case: ``label`` (what else its reports depend on), every file's content, the
    passwords and the limits. A file over ``--max-size`` is keyed by its size, never read.
    ``names``: the files as the main process names them, when a worker reads them elsewhere (a
    Dask worker's copy of shipped files)."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, __version__, rules_digest(), label, repr(limits), *passwords):
        digest.update(part.encode("utf-8") + b"\0")
    with use_limits(limits):
        for path, name in zip(files, names or files, strict=True):
            digest.update(f"{name}\0{_content(path)}\0".encode())
    return digest.hexdigest()


def _content(path: Path) -> str:
    try:
        return file_sha256(path)
    except LimitExceededError:
        return f"over the size limit:{_signature(path)}"
    except InputError as exc:
        return f"unreadable:{exc.reason}"
    except OSError as exc:
        return f"unreadable:{exc.strerror}"


Signature = tuple[int, int, int, int, int] | None


def _signature(path: Path) -> Signature:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def signatures(files: Sequence[Path]) -> dict[Path, Signature]:
    """What tells a file was changed or replaced (size, times, inode): taken before a worker
    hashes the files and again after it has read them."""
    return {path: _signature(path) for path in files}


def mtimes(files: Sequence[Path]) -> dict[str, float]:
    out = {}
    for path in files:
        try:
            out[str(path)] = os.stat(path).st_mtime
        except OSError:
            out[str(path)] = 0.0
    return out


class Cache:
    """Entries as JSON files under ``folder``; ``folder=None`` disables the cache."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, formats: Sequence[str], files: Sequence[Path]) -> dict[str, Any] | None:
        """The entry, when it has every format asked for and its mtimes (if any) still hold."""
        if self.folder is None:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
            return None
        if any(f not in entry.get("outputs", {}) for f in formats):
            return None
        kept = entry.get("mtimes")
        if kept is not None and kept != mtimes(files):
            return None
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        if self.folder is None:
            return
        private_dir(self.folder)
        write_private(self._path(key), json.dumps({**entry, "format": CACHE_FORMAT}, sort_keys=True))

    def remove_unredacted(self) -> int:
        """Delete every entry not written by a ``--redact`` run (a redacted run leaves no personal
        data behind, in the cache either); how many were deleted."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("??/*.json"):
            try:
                redacted = json.loads(path.read_text(encoding="utf-8")).get("redacted") is True
            except (OSError, ValueError, AttributeError):
                redacted = False
            if not redacted:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        return removed
