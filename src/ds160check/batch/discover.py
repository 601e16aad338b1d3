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


def discover(root: Path, skip: Iterable[Path] = (), passed_over: list[str] | None = None) -> list[CaseFolder]:
    """Case folders under ``root`` in a stable order (by relative path).

    ``passed_over`` collects ``"PATH: reason"`` for every hidden, system or linked entry not read.
    """
    skipped = {_real(p) for p in skip}
    noted = passed_over if passed_over is not None else []
    cases = []
    for current, dirs, names in os.walk(root, followlinks=False):
        here = Path(current)
        kept_dirs = []
        for d in sorted(dirs):
            reason = _dir_skip(here / d, skipped)
            if reason is None:
                kept_dirs.append(d)
            elif reason:
                noted.append(f"{(here / d).relative_to(root).as_posix()}/: {reason}")
        dirs[:] = kept_dirs
        kept = []
        for name in sorted(names):
            reason = _file_skip(here / name, root)
            if reason is None:
                kept.append(here / name)
            else:
                noted.append(f"{(here / name).relative_to(root).as_posix()}: {reason}")
        files = tuple(kept)
        if any(is_candidate(f) for f in files):
            cases.append(CaseFolder(here, here.relative_to(root).as_posix(), files))
    return sorted(cases, key=lambda c: c.rel.split("/") if c.rel != "." else [])


# Files operating systems and archivers leave in folders: never a client's document.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r", "ehthumbs.db"})


def _dir_skip(path: Path, own_output: set[Path]) -> str | None:
    """Why a sub-folder is not walked (``""``: the batch's own output, not worth a note), or None."""
    if _real(path) in own_output:
        return ""
    if path.name.startswith("."):
        return "hidden folder"
    if path.is_symlink():
        return "link to a folder, not followed"
    return None


def _file_skip(path: Path, root: Path) -> str | None:
    """Why a file is not read, or None: hidden, system, a link outside ROOT, not a regular file."""
    if path.name.startswith("."):
        return "hidden file"
    if path.name.casefold() in SYSTEM_FILES:
        return "system file"
    if path.is_symlink() and not _real(path).is_relative_to(_real(root)):
        return "link leading outside the batch folder, not followed"
    if not path.is_file():
        return "not a regular file (a pipe, device or broken link)"
    return None


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
