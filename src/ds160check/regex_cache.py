"""Regular expressions of the rule files, compiled once per machine rather than once per process.

A cold ``compare`` compiles ~450 expressions of the refusal-letter and
supporting-document rules and spaCy's four tokenizer expressions: ~130 ms of
CPU in Python's ``re`` parser and compiler, more than reading a print-out. Like
Python's ``.pyc`` files, the compiled form (the code ``re`` hands to ``_sre``) is
kept in the user's cache folder, ``~/.cache/ds160check/regex-<python>.marshal``,
and a later process builds its patterns from it.

What makes it safe:

- an entry is stored only after the pattern built from it was compared equal
  to ``re.compile``'s own (a ``Pattern`` compares its code), so an entry is
  exactly what this Python's ``re`` makes of that text and those flags;
- the file is per interpreter and ``_sre`` version (its name), holds only
  builtin types (``marshal``, no code runs on loading), and ``_sre`` checks the
  code it is given; a file that cannot be read or does not fit is ignored;
- nothing depends on the cache being there: a miss compiles as ``re`` does,
  and a folder that cannot be written only means no cache (it is not written
  under ``python -B`` / ``PYTHONDONTWRITEBYTECODE``, as ``.pyc`` files are not).

Only :func:`save` writes, and only the command line calls it, once at exit.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
from importlib import import_module
from pathlib import Path
from typing import Any, Final

_sre: Any
_compiler: Any
_parser: Any
try:  # the parts of ``re`` its own compile() is made of (CPython 3.11+), private: hence the checks
    _sre, _compiler, _parser = (import_module(name) for name in ("_sre", "re._compiler", "re._parser"))
except ImportError:  # another implementation: compiled by ``re`` every time
    _sre = None

# (pattern, flags) -> (flags of the pattern, code, groups - 1, group index, index group)
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

CACHE_DIR_NAME: Final = "ds160check"
# Past this many entries (several rule folders given with --rules over time) the file is rewritten
# with only what the last process used.
MAX_ENTRIES: Final = 5000

_entries: dict[tuple[str, int], Entry] | None = None
_used: set[tuple[str, int]] = set()
_added = False


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this machine compiled it before."""
    if _sre is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    entries = _loaded()
    entry = entries.get(key)
    if entry is not None:
        with contextlib.suppress(Exception):  # a damaged entry: compiled afresh below
            built = _build(pattern, entry)
            _used.add(key)
            return built
    compiled = re.compile(pattern, flags)  # the reference, and its errors (re.error) as re gives them
    entry = _entry(pattern, flags)
    if entry is not None and _build(pattern, entry) == compiled:
        global _added
        entries[key] = entry
        _used.add(key)
        _added = True
    return compiled


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    pattern_flags, code, groups, groupindex, indexgroup = entry
    built: re.Pattern[str] = _sre.compile(pattern, pattern_flags, code, groups, groupindex, indexgroup)
    return built


def _entry(pattern: str, flags: int) -> Entry | None:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Plain ints: the compiler's opcodes are int subclasses, which marshal does not write.
        return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
    except Exception:  # another ``re`` inside: no cache, re.compile's pattern is used
        return None


def cache_file() -> Path | None:
    """Where this interpreter's compiled expressions are kept (``None``: no home folder)."""
    if _sre is None:
        return None
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:
        return None
    return base / CACHE_DIR_NAME / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def _loaded() -> dict[tuple[str, int], Entry]:
    global _entries
    if _entries is None:
        _entries = _read(cache_file())
    return _entries


def _read(path: Path | None) -> dict[tuple[str, int], Entry]:
    if path is None:
        return {}
    try:
        data: Any = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def save() -> None:
    """Write the cache when this process compiled expressions it did not have; errors are ignored."""
    path = cache_file()
    if not _added or _entries is None or path is None or sys.dont_write_bytecode:
        return
    kept = _entries if len(_entries) <= MAX_ENTRIES else {k: _entries[k] for k in _used}
    with contextlib.suppress(OSError, ValueError):
        _write(path, marshal.dumps(kept))


def _write(path: Path, data: bytes) -> None:
    """Atomically, readable by the owner only (its folder too)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
