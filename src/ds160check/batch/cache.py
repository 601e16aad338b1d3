"""Incremental re-runs: a case whose files, tool and rules are unchanged is not recomputed.

The key of a case hashes the content of every file in its folder (and their
names), the folder as reported, the tool version, the rules (every file of
``field_rules/``) and the passwords given. An entry holds the rendered reports
and the summary row. When the order of the applications was decided by the
files' modification times, the entry also keeps those times and is used only
while they are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ds160check import __version__
from ds160check.batch.store import private_dir, write_private
from ds160check.files import file_sha256
from ds160check.rules_path import rules_dir

# 2: files keyed by their path (a client with sub-folders per application has two DS160.pdf).
CACHE_FORMAT = "ds160check.batch-cache/2"
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


def case_key(display: str, files: Sequence[Path], passwords: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, __version__, rules_digest(), display, *passwords):
        digest.update(part.encode("utf-8") + b"\0")
    for path in files:
        try:
            content = file_sha256(path)
        except OSError as exc:
            content = f"unreadable:{exc.strerror}"
        digest.update(f"{path}\0{content}\0".encode())
    return digest.hexdigest()


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
