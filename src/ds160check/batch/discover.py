"""The client folders under a root: every folder that directly holds documents is one case.

A folder is a case when it holds a PDF or Word file (by content or by name) or
a ``case.toml``. Its sub-folders named like an application ("2025 refused/",
"2026 new/", "отказ/", "DS-160 old/") belong to it, and so do sub-folders of
supporting documents ("scans/") of a folder that is a client: one client, one
case, however its files are filed (``batch/folders.py`` reads the names). Any
other nested folder is a case of its own. Hidden and system files and folders,
Office lock files, symbolic links to folders, links to files outside the root
and the batch's own output are passed over, each with the reason.

Nothing is lost in silence: a folder that cannot be opened (no permission, an
I/O error) is a case of its own that says so, or, named as a part of a case
("scans/"), an unreadable entry of that case; a file that cannot be examined
(its folder lists names but may not be searched) stays in its case, where
reading it gives the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ds160check.batch.classify import is_candidate
from ds160check.batch.folders import APPLICATION, DOCUMENTS, folder_kind


@dataclass(frozen=True)
class PassedOver:
    """A file or folder of a case that was not read: its path within the case, and why.
    ``unreadable``: it may hold the case's documents but could not be opened (not a choice)."""

    name: str
    reason: str
    unreadable: bool = False

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "reason": self.reason}


@dataclass(frozen=True)
class CaseFolder:
    """A case to check: its folder, its path relative to the root (``.`` for the root), its files
    (sub-folders of its applications included) and what was passed over in them. ``error``: why
    the folder itself could not be opened (then it has no files)."""

    path: Path
    rel: str
    files: tuple[Path, ...]
    passed_over: tuple[PassedOver, ...] = ()
    error: str | None = None


@dataclass
class _Listing:
    """One folder's entries: files to read, sub-folders to look into, and what was passed over."""

    files: list[Path] = field(default_factory=list)
    dirs: list[Path] = field(default_factory=list)
    passed_over: list[tuple[Path, str]] = field(default_factory=list)
    # Why the folder could not be listed at all, or None.
    unlisted: str | None = None
    # Sub-folders of the case that could not be opened, and why.
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def discover(root: Path, skip: Iterable[Path] = (), passed_over: list[str] | None = None) -> list[CaseFolder]:
    """Case folders under ``root`` in a stable order (by relative path).

    ``passed_over`` collects ``"PATH: reason"`` (relative to ``root``) for every hidden, system,
    lock or linked entry not read, in a case or not.
    """
    own = {_real(p) for p in skip}
    noted = passed_over if passed_over is not None else []
    cases = []
    pending = [root]
    while pending:
        here = pending.pop()
        found = _folder(here, root, own)
        noted.extend(f"{_rel(p, root)}{'/' if _is_dir(p) else ''}: {why}" for p, why in found.passed_over)
        if found.unlisted is not None:
            cases.append(CaseFolder(here, _rel(here, root), (), (), error=found.unlisted))
        elif found.client:
            cases.append(_case(here, root, found))
        pending.extend(sorted(found.dirs, reverse=True))
    return sorted(cases, key=lambda c: c.rel.split("/") if c.rel != "." else [])


def case_folder(folder: Path, root: Path | None = None) -> CaseFolder:
    """The case of one folder as ``discover`` would take it (for ``check_case`` on its own); a
    folder without documents gives its files all the same, to be listed."""
    found = _folder(folder, root or folder, set())
    if found.unlisted is not None:
        return CaseFolder(folder, _rel(folder, root or folder), (), (), error=found.unlisted)
    return _case(folder, root or folder, found)


def _case(here: Path, root: Path, found: _Found) -> CaseFolder:
    passed = [PassedOver(_rel(p, here) + ("/" if _is_dir(p) else ""), why) for p, why in found.passed_over]
    passed += [PassedOver(_rel(p, here) + "/", why, unreadable=True) for p, why in found.unreadable]
    return CaseFolder(here, _rel(here, root), tuple(sorted(found.files)), tuple(passed))


@dataclass
class _Found(_Listing):
    """A folder as a case would take it: its files with those of the sub-folders that belong to
    it; ``dirs`` the sub-folders still to walk; ``client`` whether it is a case at all."""

    client: bool = False


def _folder(here: Path, root: Path, own: set[Path]) -> _Found:
    listing = _list(here, root, own)
    kinds = {d: _kind(d, root, own) for d in listing.dirs}
    client = any(is_candidate(f) for f in listing.files) or APPLICATION in kinds.values()
    merged = [d for d, kind in kinds.items() if kind == APPLICATION or (client and kind == DOCUMENTS)]
    found = _Found(list(listing.files), [d for d in listing.dirs if d not in merged],
                   list(listing.passed_over), listing.unlisted, client=client)
    for sub in merged:
        _subtree(sub, root, own, found)
    return found


def _kind(folder: Path, root: Path, own: set[Path]) -> str | None:
    """APPLICATION or DOCUMENTS for a sub-folder that is part of its parent's case: named so, it
    holds documents, and every folder inside it holding documents is named so too."""
    kind = folder_kind(folder.name)
    if kind is None:
        return None
    listing = _list(folder, root, own)
    if listing.unlisted is not None:
        return kind  # "scans/" that cannot be opened: still the case's, and its case says so
    inner = [_kind(d, root, own) for d in listing.dirs]
    holds = any(is_candidate(f) for f in listing.files) or any(k is not None for k in inner)
    for sub, sub_kind in zip(listing.dirs, inner, strict=True):
        if sub_kind is None and _holds_documents(sub, root, own):
            return None  # "2025/Ivanova/": a folder of clients, not an application
    return kind if holds else None


def _holds_documents(folder: Path, root: Path, own: set[Path]) -> bool:
    listing = _list(folder, root, own)
    return any(is_candidate(f) for f in listing.files) or any(_holds_documents(d, root, own)
                                                             for d in listing.dirs)


def _subtree(folder: Path, root: Path, own: set[Path], into: _Found) -> None:
    """Add the files of ``folder`` and all its sub-folders to the case ``into``."""
    listing = _list(folder, root, own)
    if listing.unlisted is not None:
        into.unreadable.append((folder, listing.unlisted))
    into.files += listing.files
    into.passed_over += listing.passed_over
    for sub in listing.dirs:
        _subtree(sub, root, own, into)


def _list(here: Path, root: Path, own: set[Path]) -> _Listing:
    out = _Listing()
    try:
        entries = sorted(os.scandir(here), key=lambda e: e.name)
    except OSError as exc:
        out.unlisted = f"the folder cannot be opened: {_why(exc)}"
        return out
    for entry in entries:
        path = here / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False) or (entry.is_symlink() and path.is_dir())
            reason = _dir_skip(path, own) if is_dir else file_skip(path, root)
        except OSError as exc:
            # Listed but not examinable (the folder may be read, not searched): a document by
            # its name stays in the case, where reading it tells why it could not be read.
            if is_candidate(path):
                out.files.append(path)
            else:
                out.passed_over.append((path, f"cannot be examined: {_why(exc)}"))
            continue
        if is_dir and reason is None:
            out.dirs.append(path)
        elif is_dir and reason:
            out.passed_over.append((path, reason))
        elif not is_dir and reason is None:
            out.files.append(path)
        elif not is_dir:
            out.passed_over.append((path, reason or ""))
    return out


def _why(exc: OSError) -> str:
    """``permission denied``, ``input/output error``: the system's reason, in lower case."""
    return (exc.strerror or type(exc).__name__).lower()


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


# Files operating systems leave in folders, and why they are never a client's document.
SYSTEM_FILES = {
    "thumbs.db": "Windows thumbnail cache", "ehthumbs.db": "Windows thumbnail cache",
    "desktop.ini": "Windows folder settings", ".ds_store": "macOS folder settings",
    "icon\r": "macOS folder icon",
}
OFFICE_LOCK = "Office lock file (Word or Excel leaves it while the document is open)"
LIBREOFFICE_LOCK = "LibreOffice lock file (left while the document is open)"
MAC_RESOURCE = "macOS resource file (a copy's metadata, not a document)"


def _dir_skip(path: Path, own_output: set[Path]) -> str | None:
    """Why a sub-folder is not walked (``""``: the batch's own output, not worth a note), or None."""
    if _real(path) in own_output:
        return ""
    if path.name.startswith("."):
        return "hidden folder"
    if path.is_symlink():
        return "link to a folder, not followed"
    return None


def file_skip(path: Path, root: Path) -> str | None:
    """Why a file is not read, or None: a lock, system or hidden file, a link outside ROOT, not a
    regular file."""
    name = path.name
    if name.casefold() in SYSTEM_FILES:
        return f"system file: {SYSTEM_FILES[name.casefold()]}"
    if name.startswith("~$"):
        return OFFICE_LOCK
    if name.startswith(".~lock.") and name.endswith("#"):
        return LIBREOFFICE_LOCK
    if name.startswith("._"):
        return MAC_RESOURCE
    if name.startswith("."):
        return "hidden file"
    if path.is_symlink() and not _real(path).is_relative_to(_real(root)):
        return "link leading outside the batch folder, not followed"
    if not path.is_file():
        return "not a regular file (a pipe, device or broken link)"
    return None


def _rel(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix() if path != base else "."


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
