"""Writing the batch's files: private (readable by their owner only) and whole or not at all.

A file is written to a temporary name beside it and renamed into place, so an
interrupted run never leaves half a report; folders are created ``0700`` and
files ``0600``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: Path) -> None:
    """Create ``path`` and its missing parents readable by the owner only (``mkdir(parents=True)``
    would create the parents with the default mode)."""
    if path.is_dir():
        return
    missing = []
    while not path.exists():
        missing.append(path)
        if path.parent == path:
            break
        path = path.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, the file readable by its owner only."""
    private_dir(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temporary, PRIVATE_FILE)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
