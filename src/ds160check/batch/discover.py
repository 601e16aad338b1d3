"""The client folders under a root: every folder that directly holds documents is one case.

A folder is a case when it holds a PDF or Word file (by content or by name) or
a ``case.toml``; nested folders are cases of their own. Hidden and system
files and folders, symbolic links to folders, links to files outside the root,
and the batch's own output are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ds160check.batch.classify import is_candidate


@dataclass(frozen=True)
class CaseFolder:
    """A case to check: its folder, its path relative to the root (``.`` for the root) and files."""

    path: Path
    rel: str
    files: tuple[Path, ...]


def discover(root: Path, skip: Iterable[Path] = ()) -> list[CaseFolder]:
    """Case folders under ``root`` in a stable order (by relative path)."""
    skipped = {_real(p) for p in skip}
    cases = []
    for current, dirs, names in os.walk(root, followlinks=False):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and _real(here / d) not in skipped
                         and not (here / d).is_symlink())
        files = tuple(sorted((here / n for n in names if _wanted(here / n, root)), key=lambda p: p.name))
        if any(is_candidate(f) for f in files):
            cases.append(CaseFolder(here, here.relative_to(root).as_posix(), files))
    return sorted(cases, key=lambda c: c.rel.split("/") if c.rel != "." else [])


# Files operating systems and archivers leave in folders: never a client's document.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r", "ehthumbs.db"})


def _wanted(path: Path, root: Path) -> bool:
    """A regular, visible, non-system file, not a link leading outside the batch root."""
    if path.name.startswith(".") or path.name.casefold() in SYSTEM_FILES or not path.is_file():
        return False
    return not path.is_symlink() or _real(path).is_relative_to(_real(root))


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
